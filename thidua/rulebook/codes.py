"""Stable codes shared by the whole project (titles, forms, ratings, kinds, deciders).

Other apps store these strings in the database: never rename one. Vietnamese names are what
users see; codes are ASCII.
"""
from __future__ import annotations

from dataclasses import dataclass

INDIVIDUAL = "individual"
COLLECTIVE = "collective"
HOUSEHOLD = "household"
RECIPIENT_KINDS = {
    INDIVIDUAL: "Cá nhân",
    COLLECTIVE: "Tập thể",
    HOUSEHOLD: "Hộ gia đình",
}

TITLE = "title"  # danh hiệu thi đua
FORM = "form"  # hình thức khen thưởng


@dataclass(frozen=True, slots=True)
class AwardCode:
    code: str
    name_vi: str
    short_vi: str
    category: str  # TITLE or FORM
    recipient_kinds: frozenset


def _a(code, name, short, cat, *kinds):
    return AwardCode(code, name, short, cat, frozenset(kinds))


_ALL = [
    # Titles (Luật TĐKT 2022, Điều 21-28 and the cultural titles).
    _a("LDTT", "Lao động tiên tiến", "LĐTT", TITLE, INDIVIDUAL),
    _a("CSTDCS", "Chiến sĩ thi đua cơ sở", "CSTĐ cơ sở", TITLE, INDIVIDUAL),
    _a("CSTD_TINH", "Chiến sĩ thi đua cấp bộ, ngành, tỉnh", "CSTĐ cấp tỉnh", TITLE, INDIVIDUAL),
    _a("CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "CSTĐ toàn quốc", TITLE, INDIVIDUAL),
    _a("TTLDTT", "Tập thể lao động tiên tiến", "TTLĐTT", TITLE, COLLECTIVE),
    _a("TTLDXS", "Tập thể lao động xuất sắc", "TTLĐXS", TITLE, COLLECTIVE),
    _a("CO_TINH", "Cờ thi đua cấp bộ, ngành, tỉnh", "Cờ thi đua cấp tỉnh", TITLE, COLLECTIVE),
    _a("CO_CP", "Cờ thi đua của Chính phủ", "Cờ thi đua của Chính phủ", TITLE, COLLECTIVE),
    _a("XA_TIEU_BIEU", "Xã, phường, đặc khu tiêu biểu", "Xã, phường tiêu biểu", TITLE, COLLECTIVE),
    _a("THON_VAN_HOA", "Thôn, tổ dân phố văn hóa", "Thôn, tổ dân phố văn hóa", TITLE, COLLECTIVE),
    _a("GIA_DINH_VAN_HOA", "Gia đình văn hóa", "Gia đình văn hóa", TITLE, HOUSEHOLD),
    # Forms (Luật TĐKT 2022, Điều 33, 73-75).
    _a("GIAY_KHEN", "Giấy khen", "Giấy khen", FORM, INDIVIDUAL, COLLECTIVE, HOUSEHOLD),
    _a("BK_TINH", "Bằng khen cấp bộ, ngành, tỉnh", "Bằng khen cấp tỉnh", FORM, INDIVIDUAL, COLLECTIVE, HOUSEHOLD),
    _a("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "Bằng khen Thủ tướng", FORM, INDIVIDUAL, COLLECTIVE, HOUSEHOLD),
    _a("HCLD_1", "Huân chương Lao động hạng Nhất", "Huân chương Lao động hạng Nhất", FORM, INDIVIDUAL, COLLECTIVE),
    _a("HCLD_2", "Huân chương Lao động hạng Nhì", "Huân chương Lao động hạng Nhì", FORM, INDIVIDUAL, COLLECTIVE),
    _a("HCLD_3", "Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Ba", FORM, INDIVIDUAL, COLLECTIVE),
    _a("HCDL_1", "Huân chương Độc lập hạng Nhất", "Huân chương Độc lập hạng Nhất", FORM, INDIVIDUAL, COLLECTIVE),
    _a("HCDL_2", "Huân chương Độc lập hạng Nhì", "Huân chương Độc lập hạng Nhì", FORM, INDIVIDUAL, COLLECTIVE),
    _a("HCDL_3", "Huân chương Độc lập hạng Ba", "Huân chương Độc lập hạng Ba", FORM, INDIVIDUAL, COLLECTIVE),
    _a("HCHCM", "Huân chương Hồ Chí Minh", "Huân chương Hồ Chí Minh", FORM, INDIVIDUAL, COLLECTIVE),
    _a("HCSV", "Huân chương Sao vàng", "Huân chương Sao vàng", FORM, INDIVIDUAL, COLLECTIVE),
]

CODES: dict[str, AwardCode] = {a.code: a for a in _ALL}
TITLES = {c: a for c, a in CODES.items() if a.category == TITLE}
FORMS = {c: a for c, a in CODES.items() if a.category == FORM}
ORDERS = frozenset({"HCLD_1", "HCLD_2", "HCLD_3", "HCDL_1", "HCDL_2", "HCDL_3", "HCHCM", "HCSV"})


def name_vi(code: str) -> str:
    a = CODES.get(code)
    return a.name_vi if a else code


def short_vi(code: str) -> str:
    a = CODES.get(code)
    return a.short_vi if a else code


# Staff quality ratings (NĐ 90/2020, NĐ 335/2025, NĐ 233/2026).
RATINGS = {
    "HTXS": "Hoàn thành xuất sắc nhiệm vụ",
    "HTT": "Hoàn thành tốt nhiệm vụ",
    "HT": "Hoàn thành nhiệm vụ",
    "KHT": "Không hoàn thành nhiệm vụ",
}
RATING_RANK = {"HTXS": 4, "HTT": 3, "HT": 2, "KHT": 1}

# Kinds of award (Luật TĐKT 2022, Điều 8).
AWARD_KINDS = {
    "cong_trang": "Khen thưởng theo công trạng và thành tích đạt được",
    "chuyen_de": "Khen thưởng theo chuyên đề",
    "dot_xuat": "Khen thưởng đột xuất",
    "cong_hien": "Khen thưởng quá trình cống hiến",
    "nien_han": "Khen thưởng theo niên hạn",
    "doi_ngoai": "Khen thưởng đối ngoại",
}
# NĐ 152/2025 Điều 4 khoản 3: thematic and ad hoc awards are not grounds for higher awards.
NOT_GROUNDS_KINDS = frozenset({"chuyen_de", "dot_xuat"})

# Discipline levels, ordered by severity.
DISCIPLINE_LEVELS = {
    "khien_trach": (1, "Khiển trách"),
    "canh_cao": (2, "Cảnh cáo"),
    "ha_bac": (3, "Hạ bậc lương"),
    "giang_chuc": (3, "Giáng chức"),
    "cach_chuc": (4, "Cách chức"),
    "buoc_thoi_viec": (5, "Buộc thôi việc"),
}
CANH_CAO = 2

PENDING_KINDS = {
    "discipline_review": "đang bị xem xét kỷ luật",
    "inspection": "đang bị thanh tra, kiểm tra có dấu hiệu vi phạm",
    "investigation": "đang bị điều tra",
    "complaint": "có khiếu nại, tố cáo đang được xác minh",
}

INITIATIVE_SCOPES = {"unit": (1, "cấp cơ sở"), "province": (2, "cấp bộ, ngành, tỉnh"), "national": (3, "toàn quốc")}
# An initiative whose scope is not recorded: recognised (so at least unit level, Luật Đ23), but
# whether it reaches province or national scope (Đ22, Đ21) must be established by a person.
SCOPE_UNKNOWN = "unknown"
INITIATIVE_KINDS = {"initiative": "sáng kiến", "research": "đề tài nghiên cứu khoa học"}

DECIDERS = {
    "commune_chairman": "Chủ tịch Ủy ban nhân dân cấp xã",
    "district_chairman": "Chủ tịch Ủy ban nhân dân cấp huyện",
    "department_head": "Thủ trưởng sở, ban, ngành, đơn vị có tư cách pháp nhân",
    "province_chairman": "Chủ tịch Ủy ban nhân dân cấp tỉnh",
    "prime_minister": "Thủ tướng Chính phủ",
    "president": "Chủ tịch nước",
}

RECIPIENT_LEVELS = {
    "commune": "cấp xã",
    "district": "cấp huyện",
    "department": "sở, ban, ngành, đơn vị trực thuộc tỉnh",
    "province": "cấp tỉnh",
    "ministry": "bộ, ngành trung ương",
    "national": "toàn quốc",
}

STATUS_ELIGIBLE = "eligible"
STATUS_NOT_ELIGIBLE = "not_eligible"
STATUS_NEEDS_JUDGEMENT = "needs_judgement"
STATUSES = {
    STATUS_ELIGIBLE: "Đủ điều kiện",
    STATUS_NOT_ELIGIBLE: "Không đủ điều kiện",
    STATUS_NEEDS_JUDGEMENT: "Cần xem xét, đánh giá",
}

# Encoded eligibility per recipient kind (the order matters: lower titles first so that
# same-cycle results are memoised before the titles that chain on them).
INDIVIDUAL_CODES = ("LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "GIAY_KHEN", "BK_TINH", "BK_TTG")
COLLECTIVE_CODES = ("TTLDTT", "TTLDXS", "GIAY_KHEN", "BK_TINH", "CO_TINH", "CO_CP")

# Registering for a higher title implies aiming at the lower titles it presupposes.
REGISTRATION_IMPLIES = {
    "CSTD_TQ": ("CSTD_TINH", "CSTDCS", "LDTT"),
    "CSTD_TINH": ("CSTDCS", "LDTT"),
    "CSTDCS": ("LDTT",),
    "TTLDXS": ("TTLDTT",),
    "CO_CP": ("CO_TINH", "TTLDXS", "TTLDTT"),
    "CO_TINH": ("TTLDXS", "TTLDTT"),
}
# A granted higher title proves the lower one of the same year (Luật Đ23: CSTĐCS requires
# LĐTT; Đ22: CSTĐ tỉnh is given on the CSTĐCS of its last year).
TITLE_IMPLIES = {"CSTDCS": ("LDTT",), "CSTD_TINH": ("CSTDCS", "LDTT")}
