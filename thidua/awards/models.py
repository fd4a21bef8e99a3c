import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

from thidua.org.models import Household, Person, Unit
from thidua.rulebook import codes


class RecipientKind(models.TextChoices):
    INDIVIDUAL = "individual", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"
    HOUSEHOLD = "household", "Hộ gia đình"


class AwardType(models.TextChoices):
    # Luật TĐKT 2022, Điều 8: the kinds of commendation.
    CONG_TRANG = "cong_trang", "Khen thưởng theo công trạng và thành tích"
    CHUYEN_DE = "chuyen_de", "Khen thưởng theo chuyên đề"
    DOT_XUAT = "dot_xuat", "Khen thưởng đột xuất"
    CONG_HIEN = "cong_hien", "Khen thưởng quá trình cống hiến"
    NIEN_HAN = "nien_han", "Khen thưởng theo niên hạn"
    DOI_NGOAI = "doi_ngoai", "Khen thưởng đối ngoại"


class NominationStatus(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã trình"
    RETURNED = "returned", "Bị trả lại"
    APPROVED = "approved", "Đã phê duyệt"
    DECIDED = "decided", "Đã ban hành quyết định"


class Nomination(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="nominations",
                             verbose_name="đơn vị đề nghị")
    decider_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="nominations_to_decide",
                                     verbose_name="cấp quyết định")
    award_code = models.CharField("danh hiệu / hình thức", max_length=30)
    award_type = models.CharField("loại hình khen thưởng", max_length=20, choices=AwardType.choices,
                                  default=AwardType.CONG_TRANG)
    year = models.PositiveSmallIntegerField("năm thành tích")
    title = models.CharField("trích yếu", max_length=300)
    reason_text = models.CharField("thành tích chung", max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=NominationStatus.choices, default=NominationStatus.DRAFT)
    return_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "đề nghị khen thưởng"
        verbose_name_plural = "đề nghị khen thưởng"

    def __str__(self):
        return self.title

    @property
    def editable(self):
        return self.status in (NominationStatus.DRAFT, NominationStatus.RETURNED)


class NominationEntry(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="entries")
    recipient_kind = models.CharField(max_length=20, choices=RecipientKind.choices)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    recipient_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey(Household, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # Snapshots: the decision prints what was true when it was made.
    display_name = models.CharField("họ tên / tên tập thể", max_length=200)
    position_text = models.CharField("chức vụ, đơn vị", max_length=300, blank=True)
    achievement = models.TextField("thành tích")
    override_reason = models.TextField("lý do đề nghị ngoài kết quả tự động", blank=True)

    class Meta:
        ordering = ["recipient_kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(recipient_kind="individual", person__isnull=False, recipient_unit__isnull=True)
                    | Q(recipient_kind="collective", recipient_unit__isnull=False, person__isnull=True)
                    | Q(recipient_kind="household", household__isnull=False)
                ),
                name="entry_recipient_matches_kind",
            )
        ]

    def __str__(self):
        return self.display_name


class Counter(models.Model):
    """Numbering per issuer and year (NĐ 30/2020 Đ15: restart at 01 each 1 January).

    Rows are locked with SELECT ... FOR UPDATE when a number is taken, so two
    issuances in parallel serialise on the row and never share a number.
    """

    issuer = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=20)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "year", "series"], name="one_counter_per_series")]


class Decision(models.Model):
    issuer = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="decisions", verbose_name="cơ quan ban hành")
    nomination = models.OneToOneField(Nomination, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="decision")
    number = models.PositiveIntegerField("số")
    year = models.PositiveSmallIntegerField("năm")
    symbol = models.CharField("ký hiệu", max_length=40)
    issued_on = models.DateField("ngày ban hành")
    place = models.CharField("địa danh", max_length=100)
    summary = models.CharField("trích yếu", max_length=300)
    award_code = models.CharField(max_length=30)
    reason_text = models.CharField(max_length=300, blank=True)
    legal_bases = models.JSONField(default=list)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    signer_name = models.CharField("người ký", max_length=120)
    signer_title = models.CharField("chức danh người ký", max_length=120)
    signer_prefix = models.CharField(max_length=40, blank=True)
    total_amount = models.PositiveBigIntegerField("tổng tiền thưởng", default=0)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year", "number"], name="unique_decision_number_per_issuer_year"),
            models.CheckConstraint(condition=Q(number__gte=1), name="decision_number_positive"),
        ]
        verbose_name = "quyết định"
        verbose_name_plural = "quyết định"

    def __str__(self):
        return f"Quyết định số {self.number_text}"

    @property
    def number_text(self):
        return f"{self.number:02d}/{self.symbol}"


class GrantStatus(models.TextChoices):
    VALID = "valid", "Còn hiệu lực"
    REVOKED = "revoked", "Đã bị hủy bỏ"


def new_verify_code() -> str:
    return secrets.token_urlsafe(12)


class Grant(models.Model):
    """One award to one recipient: the line of award history."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="grants")
    entry = models.OneToOneField(NominationEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="grant")
    recipient_kind = models.CharField(max_length=20, choices=RecipientKind.choices)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="grants")
    recipient_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="grants")
    household = models.ForeignKey(Household, null=True, blank=True, on_delete=models.PROTECT, related_name="grants")
    display_name = models.CharField(max_length=200)
    position_text = models.CharField(max_length=300, blank=True)
    achievement = models.TextField(blank=True)
    award_code = models.CharField(max_length=30, db_index=True)
    award_type = models.CharField(max_length=20, choices=AwardType.choices, default=AwardType.CONG_TRANG)
    year = models.PositiveSmallIntegerField(db_index=True)
    amount = models.PositiveBigIntegerField("tiền thưởng")
    golden_book_number = models.CharField("số sổ vàng", max_length=30)
    verify_code = models.CharField(max_length=40, unique=True, default=new_verify_code)
    status = models.CharField(max_length=20, choices=GrantStatus.choices, default=GrantStatus.VALID)

    class Meta:
        ordering = ["-year", "id"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="grant_amount_not_negative")]
        verbose_name = "khen thưởng đã trao"
        verbose_name_plural = "lịch sử khen thưởng"

    def __str__(self):
        return f"{self.display_name} – {self.award_code} {self.year}"

    @property
    def award_name(self) -> str:
        return codes.name_vi(self.award_code)

