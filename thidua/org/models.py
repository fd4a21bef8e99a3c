import datetime as dt
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import Q

from thidua.core.text import normalize_search


class Level(models.TextChoices):
    CENTRAL = "central", "Trung ương"
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"
    GRASSROOTS = "grassroots", "Cơ sở (thôn, tổ, phòng ban)"


class Kind(models.TextChoices):
    PEOPLES_COMMITTEE = "ubnd", "Ủy ban nhân dân"
    GOVERNMENT = "government", "Cơ quan trung ương"
    DEPARTMENT = "department", "Sở, ban, ngành, phòng chuyên môn"
    MASS_ORG = "mass_org", "Tổ chức chính trị - xã hội"
    SCHOOL = "school", "Trường học"
    HEALTH = "health", "Cơ sở y tế"
    VILLAGE = "village", "Thôn, tổ dân phố"
    ENTERPRISE = "enterprise", "Doanh nghiệp"
    PARTY = "party", "Tổ chức Đảng"
    ARMED = "armed", "Lực lượng vũ trang"
    OTHER = "other", "Khác"


class Unit(models.Model):
    name = models.CharField("tên đơn vị", max_length=200)
    code = models.CharField("mã", max_length=40, unique=True)
    level = models.CharField("cấp", max_length=20, choices=Level.choices)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        verbose_name="đơn vị cấp trên",
    )
    # Materialised path "/1/5/23/": subtree scoping is one indexed prefix query
    # on both SQLite and PostgreSQL, with no recursive CTE.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    valid_from = models.DateField("ngày thành lập", null=True, blank=True)
    valid_to = models.DateField("ngày kết thúc", null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from",
        verbose_name="sáp nhập vào",
    )
    place_name = models.CharField("địa danh (dòng ngày tháng)", max_length=100, blank=True)
    doc_symbol = models.CharField("viết tắt trên văn bản", max_length=30, blank=True, default="UBND")
    head_title = models.CharField("chức danh người đứng đầu", max_length=100, blank=True, default="Chủ tịch")
    head_name = models.CharField("người đứng đầu", max_length=120, blank=True)
    search_text = models.CharField(max_length=300, editable=False, default="", db_index=True)

    class Meta:
        ordering = ["path"]
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_active(self):
        return self.valid_to is None

    @property
    def depth(self):
        return max(self.path.count("/") - 2, 0)

    @property
    def official_name(self) -> str:
        """Issuer name as printed on documents: "ỦY BAN NHÂN DÂN XÃ BÌNH AN"."""
        if self.kind == Kind.PEOPLES_COMMITTEE:
            return f"ỦY BAN NHÂN DÂN {self.name.upper()}"
        return self.name.upper()

    def ancestors(self):
        ids = [int(p) for p in self.path.strip("/").split("/") if p][:-1]
        by_id = Unit.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    def subtree(self):
        return Unit.objects.filter(path__startswith=self.path)

    def lineage_ids(self) -> list[int]:
        """This unit plus every unit merged into it, transitively (history survives mergers)."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(Unit.objects.filter(merged_into_id__in=frontier).values_list("pk", flat=True))
            ids.extend(frontier)
        return ids


class UnitMerger(models.Model):
    new_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="mergers_in")
    sources = models.ManyToManyField(Unit, related_name="mergers_out")
    effective_date = models.DateField("ngày hiệu lực")
    legal_basis = models.CharField("căn cứ", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "sáp nhập"
        verbose_name_plural = "sáp nhập"

    def __str__(self):
        return f"Sáp nhập vào {self.new_unit} từ {self.effective_date:%d/%m/%Y}"


class Household(models.Model):
    head_name = models.CharField("chủ hộ", max_length=120)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="households", verbose_name="thôn/xã")
    address = models.CharField("địa chỉ", max_length=200, blank=True)
    search_text = models.CharField(max_length=300, editable=False, default="", db_index=True)

    class Meta:
        verbose_name = "hộ gia đình"
        verbose_name_plural = "hộ gia đình"

    def __str__(self):
        return f"Hộ {self.head_name}"


class Gender(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


class Person(models.Model):
    full_name = models.CharField("họ và tên", max_length=120)
    gender = models.CharField("giới tính", max_length=10, choices=Gender.choices)
    date_of_birth = models.DateField("ngày sinh", null=True, blank=True)
    # Số định danh cá nhân (CCCD), when known: the natural key of a person across imports (rulebook.citizen_id).
    national_id = models.CharField("số định danh cá nhân (CCCD)", max_length=12, blank=True, default="")
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    # Denormalised current employment, kept by the employment doors, so lists and
    # scoping need no subquery.
    current_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="current_people", editable=False
    )
    current_position = models.CharField(max_length=120, blank=True, editable=False)
    search_text = models.CharField(max_length=300, editable=False, default="", db_index=True)

    class Meta:
        ordering = ["full_name", "id"]
        constraints = [models.UniqueConstraint(fields=["national_id"], condition=~Q(national_id=""),
                                               name="one_person_per_national_id")]
        verbose_name = "cá nhân"
        verbose_name_plural = "cá nhân"

    def __str__(self):
        return self.full_name

    def refresh_search(self):
        self.search_text = normalize_search(self.full_name)


class Employment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="employments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="employments")
    position = models.CharField("chức vụ", max_length=120, blank=True)
    start_date = models.DateField("từ ngày")
    end_date = models.DateField("đến ngày", null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = "quá trình công tác"
        verbose_name_plural = "quá trình công tác"

    def __str__(self):
        return f"{self.person} – {self.unit}"


class Rating(models.TextChoices):
    HTXS = "HTXS", "Hoàn thành xuất sắc nhiệm vụ"
    HTT = "HTT", "Hoàn thành tốt nhiệm vụ"
    HT = "HT", "Hoàn thành nhiệm vụ"
    KHT = "KHT", "Không hoàn thành nhiệm vụ"


class PersonRating(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField("năm")
    rating = models.CharField("xếp loại", max_length=4, choices=Rating.choices)
    score = models.DecimalField("điểm", max_digits=5, decimal_places=2, null=True, blank=True)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "year"], name="one_rating_per_person_year")]
        ordering = ["-year"]
        verbose_name = "xếp loại"
        verbose_name_plural = "xếp loại"


class UnitRating(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField("năm")
    rating = models.CharField("xếp loại", max_length=4, choices=Rating.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_rating_per_unit_year")]
        ordering = ["-year"]


class DisciplineLevel(models.TextChoices):
    REPRIMAND = "khien_trach", "Khiển trách"
    WARNING = "canh_cao", "Cảnh cáo"
    DEMOTION = "ha_bac_luong", "Hạ bậc lương"
    DISMISSAL_FROM_POST = "cach_chuc", "Cách chức"
    DISMISSAL = "buoc_thoi_viec", "Buộc thôi việc"


class Discipline(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disciplines")
    level = models.CharField("hình thức kỷ luật", max_length=20, choices=DisciplineLevel.choices)
    start_date = models.DateField("từ ngày")
    end_date = models.DateField("đến ngày", null=True, blank=True)
    decision_ref = models.CharField("quyết định", max_length=120, blank=True)

    class Meta:
        ordering = ["-start_date"]


class InitiativeScope(models.TextChoices):
    UNIT = "unit", "Cấp cơ sở"
    PROVINCE = "province", "Cấp tỉnh/bộ"
    NATIONAL = "national", "Toàn quốc"


class Initiative(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="initiatives")
    title = models.CharField("tên sáng kiến / đề tài", max_length=300)
    kind = models.CharField(
        "loại", max_length=20, default="initiative",
        choices=[("initiative", "Sáng kiến"), ("research", "Đề tài nghiên cứu khoa học")],
    )
    year = models.PositiveSmallIntegerField("năm công nhận")
    scope = models.CharField("phạm vi ảnh hưởng", max_length=20, choices=InitiativeScope.choices)
    # CV 5007/BNV-TĐKT 2023: one initiative grounds one award only.
    used_for = models.CharField("đã dùng để xét", max_length=30, blank=True)

    class Meta:
        ordering = ["-year"]


class PersonRef(NamedTuple):
    """A person as the bulk checks and doors need them (an import's hundred thousand rows), read as a tuple: a
    model instance each would cost seconds. The audit trail files it as a person (``audit_label``)."""

    pk: int
    full_name: str
    current_unit_id: int | None
    search_text: str = ""
    date_of_birth: dt.date | None = None
    national_id: str = ""

    audit_label = "org.person"

    def __str__(self) -> str:
        return self.full_name
