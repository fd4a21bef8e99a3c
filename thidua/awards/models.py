import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q

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
    # A sub-unit's list taken into the receiving level's own nomination (awards.levels.nominations_consolidate).
    CONSOLIDATED = "consolidated", "Đã tổng hợp vào đề nghị của cấp trên"


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
    # Routing by the authority matrix (thidua.rulebook.competent_decider), computed at creation.
    decider_code = models.CharField("người có thẩm quyền", max_length=30, blank=True)
    decider_citation = models.CharField("căn cứ thẩm quyền", max_length=300, blank=True)
    proposed_via = models.CharField("trình qua", max_length=30, blank=True)
    consolidated_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="consolidated_from", verbose_name="tổng hợp vào")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "đề nghị khen thưởng"
        verbose_name_plural = "đề nghị khen thưởng"

    def __str__(self):
        return self.title

    @property
    def editable(self):
        return self.status in (NominationStatus.DRAFT, NominationStatus.RETURNED)


class CouncilResult(models.TextChoices):
    PASSED = "passed", "Hội đồng đề nghị"
    FAILED = "failed", "Hội đồng không đề nghị"


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
    override_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    # Snapshot of the rulebook verdict when the nomination was submitted.
    verdict_status = models.CharField("kết quả xét điều kiện khi trình", max_length=20, blank=True)
    # The council's result for this entry (the e-ballot, the chair's decision after the last round, or the
    # minutes of a meeting held on paper), written only by awards.services.entry_council_result_set.
    council_result = models.CharField("kết quả Hội đồng TĐKT", max_length=10, choices=CouncilResult.choices,
                                      blank=True)
    council_basis = models.CharField("căn cứ kết quả Hội đồng", max_length=300, blank=True)
    # A "cần xem xét" verdict is the review's question, not an exception: its answer (what the review or
    # the deciding level found on the criteria the data cannot show), written by entry_judgement_record.
    judgement_note = models.TextField("kết quả xem xét tiêu chí cần xem xét", blank=True)
    judgement_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    judgement_at = models.DateTimeField(null=True, blank=True)
    # Sent back by the receiving level for a fix (awards.levels.entry_return); cleared by the fix.
    return_reason = models.TextField("lý do trả lại để sửa", blank=True)
    # The sub-unit's entry this one was consolidated from: the sender follows its outcome through it.
    source_entry = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="consolidated_as")

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


class DecisionKind(models.TextChoices):
    AWARD = "award", "Quyết định khen thưởng"
    REVOCATION = "revocation", "Quyết định hủy bỏ khen thưởng"


class DecisionSource(models.TextChoices):
    SYSTEM = "system", "Ban hành trên hệ thống"
    # A decision issued before the office used the system (or outside it), recorded from the signed paper: its
    # number is taken as given, never drawn from the counter, and the counter skips it (awards.paper).
    PAPER = "paper", "Ghi nhận từ quyết định giấy"


class RevocationGround(models.TextChoices):
    # Luật TĐKT 2022, Điều 93: the four grounds for cancelling an award.
    FALSE_CLAIM = "false_claim", "Khai man thành tích"
    FORGED = "forged", "Giả mạo hồ sơ"
    PROCEDURE = "procedure", "Vi phạm trình tự, thủ tục"
    STANDARD_NOT_MET = "standard_not_met", "Không đủ tiêu chuẩn theo kết luận sau này"


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
    kind = models.CharField("loại quyết định", max_length=20, choices=DecisionKind.choices,
                            default=DecisionKind.AWARD)
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
    source = models.CharField("nguồn", max_length=10, choices=DecisionSource.choices, default=DecisionSource.SYSTEM)
    # A revocation decision (Luật TĐKT 2022 Điều 93) cites the decision it cancels and its ground.
    revokes = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="revocations",
                                verbose_name="hủy bỏ quyết định")
    revocation_ground = models.CharField("căn cứ hủy bỏ", max_length=30, blank=True,
                                         choices=RevocationGround.choices)
    revocation_reason = models.TextField("nội dung kết luận", blank=True)

    class Meta:
        ordering = ["-issued_on", "-number"]
        # Serves the lists' order: the home page's five latest decisions of a province read 5 index entries
        # instead of sorting 24,000 rows (19–32 ms → 3 ms on the benchmark province).
        indexes = [models.Index(fields=["-issued_on", "-number"], name="awards_decision_order")]
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

    @property
    def is_revocation(self) -> bool:
        return self.kind == DecisionKind.REVOCATION


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
    revoked_by = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="revoked_grants", verbose_name="bị hủy bỏ theo quyết định")

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



class DocType(models.TextChoices):
    # Domain §7: the dossier of a title or form (Luật TĐKT 2022 Điều 84; NĐ 152/2025).
    TO_TRINH = "to_trinh", "Tờ trình đề nghị khen thưởng"
    BAO_CAO = "bao_cao", "Báo cáo thành tích"
    BIEN_BAN = "bien_ban", "Biên bản bình xét (kèm kết quả bỏ phiếu)"
    SANG_KIEN = "sang_kien", "Minh chứng sáng kiến, đề tài"
    # Kept by the deciding level: its council's minutes, when the council met outside the system.
    BIEN_BAN_HD = "bien_ban_hd", "Biên bản họp Hội đồng Thi đua – Khen thưởng cấp xét"
    # And the proof of a list disclosed on paper (niêm yết) before it was recorded here.
    CONG_KHAI = "cong_khai", "Biên bản, ảnh niêm yết công khai danh sách"
    KHAC = "khac", "Tài liệu khác"


class DossierRequirement(models.Model):
    """A province's (or, with province empty, the national default's) override of the checklist
    in thidua.rulebook.legal.DEFAULT_DOSSIER. Lower-title dossiers are set locally (domain §7)."""

    province = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                                 verbose_name="tỉnh áp dụng (trống: toàn quốc)")
    award_code = models.CharField("mã khen thưởng (*title: mọi danh hiệu, *form: mọi hình thức, *: tất cả)",
                                  max_length=30)
    award_type = models.CharField("loại hình (trống: mọi loại hình)", max_length=20, choices=AwardType.choices,
                                  blank=True)
    doc_type = models.CharField("loại tài liệu", max_length=20, choices=DocType.choices)
    required = models.BooleanField("bắt buộc", default=True)
    note = models.CharField("ghi chú, căn cứ", max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["province", "award_code", "award_type", "doc_type"],
                                               name="one_dossier_requirement_per_key")]
        verbose_name = "yêu cầu hồ sơ"
        verbose_name_plural = "yêu cầu hồ sơ"

    def __str__(self):
        return f"{self.award_code} – {self.get_doc_type_display()}"


class DossierDocument(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="documents")
    doc_type = models.CharField("loại tài liệu", max_length=20, choices=DocType.choices)
    file = models.FileField("tệp", upload_to="awards/dossiers/%Y/")
    original_name = models.CharField("tên tệp", max_length=200)
    size = models.PositiveIntegerField("dung lượng")
    generated = models.BooleanField("do hệ thống tạo", default=False)
    number = models.PositiveIntegerField("số văn bản", null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["doc_type", "id"]
        verbose_name = "tài liệu hồ sơ"
        verbose_name_plural = "tài liệu hồ sơ"

    def __str__(self):
        return self.original_name


# ---------------------------------------------------------------- public disclosure


class Disclosure(models.Model):
    """Công khai danh sách đề nghị khen thưởng before the council meets (domain §7)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="disclosures")
    start = models.DateField("ngày bắt đầu công khai")
    end = models.DateField("ngày kết thúc công khai")
    working_days = models.PositiveSmallIntegerField("số ngày làm việc")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)
    # A list posted on paper (niêm yết) and recorded afterwards: where, and the scanned proof.
    on_paper = models.BooleanField("niêm yết trên giấy", default=False)
    place = models.CharField("nơi niêm yết", max_length=300, blank=True)
    proof = models.ForeignKey("DossierDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-start", "-id"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=F("start")), name="disclosure_range")]
        verbose_name = "công khai"
        verbose_name_plural = "công khai"

    def __str__(self):
        return f"Công khai: {self.nomination}"

    def running_on(self, day) -> bool:
        return self.start <= day <= self.end


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt (hiển thị công khai)"
    REJECTED = "rejected", "Không đăng"


class DisclosureComment(models.Model):
    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="comments")
    author_name = models.CharField("họ tên", max_length=120, blank=True)
    contact = models.CharField("liên hệ", max_length=200, blank=True)
    text = models.TextField("nội dung")
    # A keyed hash of the client address: enough to rate-limit, not to identify anyone.
    ip_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status = models.CharField(max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    response = models.TextField("trả lời, xử lý", blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "ý kiến góp ý"
        verbose_name_plural = "ý kiến góp ý"

    def __str__(self):
        return f"Ý kiến #{self.pk}"

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


# ---------------------------------------------------------------- bulk eligibility runs on the worker


class RunStatus(models.TextChoices):
    RUNNING = "running", "Đang chạy"
    DONE = "done", "Đã xong"


class EligibilityRun(models.Model):
    """A province-wide (or any subtree's) eligibility run, split into parts the background workers take
    (awards.bulk): more workers on more machines, more throughput over the same database."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    decision_date = models.DateField()
    person_codes = models.JSONField(default=list)
    unit_codes = models.JSONField(default=list)
    parts = models.PositiveSmallIntegerField()
    parts_done = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    counts = models.JSONField(default=dict)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # What the verdicts were computed from (awards.verdicts): the rule set of the decision date, a digest of the
    # rulebook settings, and the newest audit entry id when the histories were read (the data version).
    ruleset_id = models.CharField(max_length=40, default="")
    settings_key = models.CharField(max_length=64, default="")
    data_version = models.BigIntegerField(default=0)
    refresh_queued = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["year", "decision_date", "settings_key", "status"], name="awards_run_key")]


class EligibilityPart(models.Model):
    """One share of a run (awards.histories.Share): the people whose current unit's path is in [path_lo, path_hi)
    (blank: unbounded), whole unit subtrees in path order, or the former staff; their statuses and member facts."""

    run = models.ForeignKey(EligibilityRun, on_delete=models.CASCADE, related_name="shares")
    path_lo = models.CharField(max_length=255, blank=True)
    path_hi = models.CharField(max_length=255, blank=True)
    former = models.BooleanField(default=False)
    done = models.BooleanField(default=False)
    facts = models.JSONField(default=dict)
    queries = models.PositiveIntegerField(default=0)


class StoredVerdict(models.Model):
    """One subject's statuses in a run (one letter per code of the run, in its order: ``e`` eligible, ``j`` needs
    judgement, ``n`` not eligible), with what the candidate list shows of the subject; the cited reasons are
    computed again for one subject on demand."""

    run = models.ForeignKey(EligibilityRun, on_delete=models.CASCADE, related_name="verdicts")
    kind = models.CharField(max_length=10, choices=RecipientKind.choices[:2])
    subject_id = models.BigIntegerField()
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")  # the unit that scopes the row
    path = models.CharField(max_length=255)  # the scope unit's path: subtree filter and order
    name = models.CharField(max_length=255)
    search = models.CharField(max_length=255)  # the name without diacritics (core.text.normalize_search)
    unit_name = models.CharField(max_length=255, blank=True)
    position = models.CharField(max_length=255, blank=True)
    statuses = models.CharField(max_length=40)
    granted = models.CharField(max_length=255, blank=True)  # codes already granted for the year, space-separated

    class Meta:
        indexes = [models.Index(fields=["run", "kind", "path", "name", "subject_id"], name="awards_verdict_order"),
                   models.Index(fields=["run", "unit"], name="awards_verdict_unit")]


class VerdictCount(models.Model):
    """How many verdicts of each code and status a unit's subtree has in a run (the candidate list's counts)."""

    run = models.ForeignKey(EligibilityRun, on_delete=models.CASCADE, related_name="unit_counts")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=RecipientKind.choices[:2])
    code = models.CharField(max_length=40)
    status = models.CharField(max_length=20)
    n = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["run", "unit"], name="awards_verdictcount_unit")]
