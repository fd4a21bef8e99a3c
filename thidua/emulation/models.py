"""Emulation: movements and their targets/results, registrations, clusters with pledges, scorecards.

Rows are written only by the doors in services.py (each audited)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from thidua.org.models import Person, Unit
from thidua.rulebook import codes
from thidua.rulebook.emulation import movement_flag

from .ordinals import ordinal_label


class MovementKind(models.TextChoices):
    REGULAR = "regular", "Thường xuyên (hằng năm)"
    THEMATIC = "thematic", "Theo đợt / chuyên đề"


class OrdinalStyle(models.TextChoices):
    MOT_LA = "mot_la", "Một là, Hai là…"
    THU_NHAT = "thu_nhat", "Thứ nhất, Thứ hai…"


class Movement(models.Model):
    launched_by = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="movements",
                                    verbose_name="đơn vị phát động")
    # Cascade: a lower unit adopting a higher movement gets its own row with its own targets.
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="adoptions",
                               verbose_name="hưởng ứng phong trào")
    title = models.CharField("tên phong trào", max_length=300)
    kind = models.CharField("loại phong trào", max_length=20, choices=MovementKind.choices,
                            default=MovementKind.REGULAR)
    year = models.PositiveSmallIntegerField("năm")
    start_date = models.DateField("ngày bắt đầu", null=True, blank=True)
    end_date = models.DateField("ngày kết thúc", null=True, blank=True)
    theme = models.CharField("chủ đề, khẩu hiệu", max_length=300, blank=True)
    ordinal_style = models.CharField("cách đánh số nội dung", max_length=10, choices=OrdinalStyle.choices,
                                     default=OrdinalStyle.MOT_LA)
    document = models.FileField("văn bản phát động", upload_to="emulation/movements/%Y/", blank=True)
    document_ref = models.CharField("số, ký hiệu văn bản phát động", max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "launched_by__path", "id"]
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"
        constraints = [
            models.UniqueConstraint(fields=["parent", "launched_by"], condition=Q(parent__isnull=False),
                                    name="one_adoption_per_unit"),
            models.CheckConstraint(condition=Q(end_date__isnull=True) | Q(start_date__isnull=True)
                                   | Q(end_date__gte=models.F("start_date")), name="movement_date_range"),
        ]

    def __str__(self):
        return self.title

    @property
    def duration_years(self) -> int:
        if self.kind != MovementKind.THEMATIC or not (self.start_date and self.end_date):
            return 1
        return self.end_date.year - self.start_date.year + (1 if self.end_date >= self.start_date else 0)

    @property
    def flag_note(self) -> str:
        # The flag the final review considers is the rulebook's (rulebook.emulation.FLAG_RULES).
        if self.kind != MovementKind.THEMATIC:
            return ""
        years = self.duration_years
        rule = movement_flag(years, launched_centrally=self.root().launched_by.level == "central")
        return rule.note_vi.format(years=years) if rule else ""

    def root(self):
        node = self
        while node.parent_id:
            node = node.parent
        return node


class MovementContent(models.Model):
    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="contents")
    number = models.PositiveSmallIntegerField("thứ tự")
    text = models.TextField("nội dung")

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["movement", "number"], name="one_content_per_number")]

    def __str__(self):
        return f"{self.label}, {self.text[:60]}"

    @property
    def label(self) -> str:
        return ordinal_label(self.number, self.movement.ordinal_style)


class Target(models.Model):
    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="targets")
    number = models.PositiveSmallIntegerField("thứ tự", default=0)
    name = models.CharField("chỉ tiêu", max_length=300)
    measure = models.CharField("đơn vị tính", max_length=40, blank=True)
    planned_value = models.DecimalField("kế hoạch", max_digits=18, decimal_places=2, null=True, blank=True)
    higher_is_better = models.BooleanField("càng cao càng tốt", default=True)

    class Meta:
        ordering = ["number", "id"]
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"

    def __str__(self):
        return self.name


class Period(models.TextChoices):
    YEAR = "Y", "Cả năm"
    Q1 = "Q1", "Quý I"
    Q2 = "Q2", "Quý II"
    Q3 = "Q3", "Quý III"
    Q4 = "Q4", "Quý IV"


class Result(models.Model):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="results")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="emulation_results",
                             verbose_name="đơn vị báo cáo")
    year = models.PositiveSmallIntegerField("năm")
    period = models.CharField("kỳ báo cáo", max_length=2, choices=Period.choices, default=Period.YEAR)
    value = models.DecimalField("giá trị", max_digits=18, decimal_places=2)
    note = models.CharField("ghi chú", max_length=300, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["target", "unit__path", "year", "period"]
        constraints = [models.UniqueConstraint(fields=["target", "unit", "year", "period"],
                                               name="one_result_per_target_unit_period")]

    def __str__(self):
        return f"{self.target} – {self.unit} – {self.year}/{self.period}"


class ReviewKind(models.TextChoices):
    INTERIM = "interim", "Sơ kết"
    FINAL = "final", "Tổng kết"


class Review(models.Model):
    """Sơ kết / tổng kết held by a unit for a year, of one movement or (movement empty) of all the
    unit's movements that year; the report is rendered from results on demand."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="emulation_reviews",
                             verbose_name="đơn vị tổ chức")
    movement = models.ForeignKey(Movement, null=True, blank=True, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField("loại", max_length=10, choices=ReviewKind.choices)
    year = models.PositiveSmallIntegerField("năm")
    held_on = models.DateField("ngày hội nghị")
    number_text = models.CharField("số, ký hiệu báo cáo", max_length=60, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self):
        what = f"phong trào {self.movement}" if self.movement_id else "công tác thi đua"
        return f"{self.get_kind_display()} {what} năm {self.year}"


class RegistrationWindow(models.Model):
    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="registration_windows")
    year = models.PositiveSmallIntegerField("năm")
    deadline = models.DateField("hạn đăng ký")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["movement", "year"], name="one_window_per_movement_year")]


class RegistrationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    RETURNED = "returned", "Bị trả lại"


class Registration(models.Model):
    movement = models.ForeignKey(Movement, on_delete=models.PROTECT, related_name="registrations")
    year = models.PositiveSmallIntegerField("năm")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="emulation_registrations",
                             verbose_name="đơn vị đăng ký")
    # Empty person: the unit registers its collective title.
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="emulation_registrations")
    award_code = models.CharField("danh hiệu đăng ký", max_length=30)
    status = models.CharField(max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.SUBMITTED)
    return_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "unit__path", "person__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "year", "person"], condition=Q(person__isnull=False),
                                    name="one_registration_per_person"),
            models.UniqueConstraint(fields=["movement", "year", "unit"], condition=Q(person__isnull=True),
                                    name="one_collective_registration_per_unit"),
        ]

    def __str__(self):
        who = self.person.full_name if self.person_id else self.unit.name
        return f"{who} đăng ký {self.award_name} năm {self.year}"

    @property
    def award_name(self) -> str:
        return codes.name_vi(self.award_code)


class ClusterKind(models.TextChoices):
    CUM = "cum", "Cụm thi đua"
    KHOI = "khoi", "Khối thi đua"


class Cluster(models.Model):
    name = models.CharField("tên cụm / khối", max_length=200)
    kind = models.CharField("loại", max_length=10, choices=ClusterKind.choices, default=ClusterKind.CUM)
    year = models.PositiveSmallIntegerField("năm")
    organiser = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="organised_clusters",
                                  verbose_name="cấp tổ chức cụm")
    leader = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name="cụm trưởng")
    deputy = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name="cụm phó")
    regulation = models.FileField("quy chế hoạt động", upload_to="emulation/clusters/%Y/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["organiser", "name", "year"], name="one_cluster_per_year")]

    def __str__(self):
        return f"{self.name} năm {self.year}"


class ClusterMember(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="members")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="cluster_memberships")
    order = models.PositiveSmallIntegerField(default=0)
    # Domain §4 tie rule: women-led collectives (or >= 70% women) go first on a tie.
    women_led = models.BooleanField("do nữ làm thủ trưởng / ≥ 70% nữ", default=False)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["cluster", "unit"], name="one_membership_per_cluster")]


class Pledge(models.Model):
    cluster = models.OneToOneField(Cluster, on_delete=models.CASCADE, related_name="pledge")
    title = models.CharField("tên giao ước", max_length=300)
    signed_on = models.DateField("ngày ký kết", null=True, blank=True)

    def __str__(self):
        return self.title


class PledgeTarget(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="targets")
    # Empty unit: a target common to every member.
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    text = models.CharField("chỉ tiêu", max_length=400)

    class Meta:
        ordering = ["unit__path", "id"]


class PledgeSignature(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="signatures")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(max_length=120)
    signed_at = models.DateTimeField()

    class Meta:
        ordering = ["signed_at"]
        constraints = [models.UniqueConstraint(fields=["pledge", "unit"], name="one_signature_per_unit")]


class CriterionKind(models.TextChoices):
    NORMAL = "normal", "Tiêu chí chấm"
    BONUS = "bonus", "Điểm thưởng"
    PENALTY = "penalty", "Điểm trừ"


class Criterion(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    code = models.CharField("mã", max_length=20)
    name = models.CharField("tiêu chí", max_length=300)
    kind = models.CharField("loại", max_length=10, choices=CriterionKind.choices, default=CriterionKind.NORMAL)
    max_points = models.DecimalField("điểm tối đa", max_digits=7, decimal_places=2)
    evidence_required = models.BooleanField("bắt buộc minh chứng", default=False)
    # Tag used by the tie-break setting (e.g. "discipline" = kỷ luật, kỷ cương).
    tie_key = models.CharField("nhóm xét khi bằng điểm", max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "code", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "code"], name="one_criterion_code_per_cluster"),
            models.CheckConstraint(condition=Q(max_points__gte=0), name="criterion_max_nonnegative"),
        ]

    def __str__(self):
        return f"{self.code}. {self.name}"


class ScorecardStatus(models.TextChoices):
    DRAFT = "draft", "Đang tự chấm"
    SUBMITTED = "submitted", "Đã gửi, chờ thẩm định"
    REVIEWED = "reviewed", "Đã thẩm định"


class Scorecard(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="scorecards")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="scorecards")
    status = models.CharField(max_length=12, choices=ScorecardStatus.choices, default=ScorecardStatus.DRAFT)
    self_total = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    final_total = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cluster", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["cluster", "unit"], name="one_scorecard_per_unit")]

    def __str__(self):
        return f"Bảng chấm điểm {self.unit} – {self.cluster}"


class ScoreLine(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="lines")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    self_points = models.DecimalField(max_digits=7, decimal_places=2, default=0)
    final_points = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    adjust_reason = models.CharField("lý do điều chỉnh", max_length=300, blank=True)
    evidence = models.FileField("minh chứng", upload_to="emulation/evidence/%Y/", blank=True)

    class Meta:
        ordering = ["criterion__order", "criterion__code"]
        constraints = [models.UniqueConstraint(fields=["scorecard", "criterion"], name="one_line_per_criterion")]

    @property
    def points(self):
        return self.final_points if self.final_points is not None else self.self_points


class RankingProposal(models.Model):
    """The award a ranking proposes for a unit, and the draft nomination created through the awards doors."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="proposals")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField()
    award_code = models.CharField(max_length=30)
    nomination = models.ForeignKey("awards.Nomination", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["rank"]
        constraints = [models.UniqueConstraint(fields=["cluster", "unit"], name="one_proposal_per_unit")]

    @property
    def award_name(self):
        return codes.name_vi(self.award_code)
