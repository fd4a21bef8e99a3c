from django.conf import settings
from django.db import models


class Capability(models.TextChoices):
    VIEW = "view", "Xem dữ liệu đơn vị"
    ORG_MANAGE = "org.manage", "Quản lý tổ chức, cá nhân"
    NOMINATION_MANAGE = "nomination.manage", "Lập đề nghị khen thưởng"
    NOMINATION_APPROVE = "nomination.approve", "Phê duyệt đề nghị (người ký)"
    DECISION_ISSUE = "decision.issue", "Ban hành quyết định, cấp giấy chứng nhận"
    COUNCIL_VOTE = "council.vote", "Bỏ phiếu Hội đồng TĐKT"
    COUNCIL_MANAGE = "council.manage", "Tổ chức phiên họp Hội đồng"
    EMULATION_MANAGE = "emulation.manage", "Quản lý phong trào, đăng ký, chấm điểm"
    ROLE_MANAGE = "role.manage", "Phân quyền người dùng"


class Role(models.Model):
    """Roles are data: a code, a Vietnamese name and the capabilities they grant."""

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField("tên vai trò", max_length=120)
    capabilities = models.JSONField(default=list)

    class Meta:
        ordering = ["name"]
        verbose_name = "vai trò"
        verbose_name_plural = "vai trò"

    def __str__(self):
        return self.name


class RoleAssignment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="assignments")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="role_assignments")
    include_descendants = models.BooleanField("bao gồm đơn vị trực thuộc", default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="one_assignment_per_user_role_unit")
        ]
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"

    def __str__(self):
        return f"{self.user} – {self.role} – {self.unit}"
