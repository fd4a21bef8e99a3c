"""The clerk's edits to the annual summary report; everything else in a report is computed."""

from django.conf import settings
from django.db import models

from thidua.org.models import Unit


class ReportDraft(models.Model):
    """Free text of one unit's annual summary (báo cáo tổng kết năm N), written only by
    ``services.report_draft_save`` (audited)."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="report_drafts", verbose_name="đơn vị")
    year = models.PositiveSmallIntegerField("năm báo cáo")
    number_text = models.CharField("số báo cáo", max_length=40, blank=True,
                                   help_text="Ví dụ 15/BC-UBND; để trống nếu chưa lấy số.")
    report_date = models.DateField("ngày báo cáo", null=True, blank=True)
    limitations = models.TextField("tồn tại, hạn chế", blank=True)
    directions_note = models.TextField("phương hướng, nhiệm vụ bổ sung", blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_report_draft_per_unit_year")]
        verbose_name = "dự thảo báo cáo tổng kết"
        verbose_name_plural = "dự thảo báo cáo tổng kết"

    def __str__(self):
        return f"Báo cáo tổng kết năm {self.year} – {self.unit}"
