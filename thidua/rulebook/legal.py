"""Legal texts a document cites, by the date it bears: the "Căn cứ" lines of a decision, the basis of a
revocation, and the default dossier checklist. Pure data, chosen through the dated rule sets."""

import datetime as dt

from .errors import RulebookError
from .rulesets import RULESETS, select_ruleset

# The "Căn cứ" lines of a decision, per rule set (rulesets.RULESETS): the texts in force on its date.
# From 01/07/2025 the two-level local government (Luật TCCQĐP 2025, NĐ 129/2025) and NĐ 152/2025 [V];
# before, the 2015 law as amended in 2019 and NĐ 98/2023 [V]. Luật 06/2026/QH16 is not cited yet [M]:
# its text has not been retrieved (rulesets._law_2026_overrides).
_BASES_2024 = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
)
_BASES_2025 = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;",
    "Căn cứ Nghị định số 129/2025/NĐ-CP của Chính phủ quy định việc thực hiện thẩm quyền quản lý nhà nước của chính quyền địa phương hai cấp;",
)
DECISION_BASES = {"2024-01": _BASES_2024, "2025-07": _BASES_2025, "2026-10": _BASES_2025}


def decision_legal_bases(*, issuer, on: dt.date) -> list[str]:
    """``issuer``: anything with a ``name`` (an org.Unit). A date before the 2022 law took effect
    (a decision recorded from paper) cites the oldest encoded texts."""
    try:
        ruleset = select_ruleset(on)
    except RulebookError:
        ruleset = RULESETS[0]
    lines = list(DECISION_BASES[ruleset.id])
    lines.append(f"Theo đề nghị của công chức phụ trách công tác thi đua, khen thưởng {issuer.name}.")
    return lines


def central_legal_bases(*, issuer_code: str) -> list[str] | None:
    """Decisions of the President (orders) and of the Prime Minister cite other texts."""
    if issuer_code == "CTN":
        return [
            "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Xét đề nghị của Thủ tướng Chính phủ,",
        ]
    if issuer_code == "CP":
        return [
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng Trung ương,",
        ]
    return None


# Luật TĐKT 2022 Điều 93: who cancels and what is recovered.
REVOCATION_BASIS = ("Căn cứ Điều 93 Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 về hủy bỏ quyết định "
                    "khen thưởng, thu hồi hiện vật và tiền thưởng;")


# ---------------------------------------------------------------------------- dossier checklist
# Domain §7 [V]: a title's dossier is the Tờ trình, the Báo cáo thành tích, the Biên bản bình xét
# (with the ballot result) and the proof of an initiative where one is used. Lower-title and
# Giấy khen dossiers are set by each province or ministry: these are defaults, overridden by
# DossierRequirement rows (per province, or national with the province left empty).
# (award pattern, doc_type, required, note); patterns: exact code, "*title", "*form", "*".
DEFAULT_DOSSIER = (
    ("*title", "to_trinh", True, "Luật TĐKT 2022 Điều 84"),
    ("*title", "bao_cao", True, "Luật TĐKT 2022 Điều 84"),
    ("*title", "bien_ban", True, "Biên bản bình xét kèm kết quả bỏ phiếu kín"),
    ("*title", "sang_kien", False, "Khi sáng kiến, đề tài được dùng làm tiêu chuẩn"),
    ("CSTD_TINH", "sang_kien", True, "Luật TĐKT 2022 Điều 22: sáng kiến có phạm vi ảnh hưởng cấp tỉnh"),
    ("CSTD_TQ", "sang_kien", True, "Luật TĐKT 2022 Điều 21: sáng kiến có phạm vi ảnh hưởng toàn quốc"),
    # Lower titles: the unit's list and minutes suffice; the achievement report is optional.
    ("LDTT", "bao_cao", False, "Danh hiệu cấp cơ sở: theo quy định của tỉnh"),
    ("TTLDTT", "bao_cao", False, "Danh hiệu cấp cơ sở: theo quy định của tỉnh"),
    ("GIA_DINH_VAN_HOA", "bao_cao", False, "Theo quy định của tỉnh"),
    ("THON_VAN_HOA", "bao_cao", False, "Theo quy định của tỉnh"),
    ("*form", "to_trinh", True, "Luật TĐKT 2022 Điều 84"),
    ("*form", "bao_cao", True, "Luật TĐKT 2022 Điều 84"),
    ("*form", "bien_ban", False, "Theo quy định của tỉnh"),
    ("*form", "sang_kien", False, "Khi sáng kiến, đề tài được dùng làm tiêu chuẩn"),
    # Giấy khen: set locally (domain §7); by default nothing is mandatory.
    ("GIAY_KHEN", "to_trinh", False, "Giấy khen: hồ sơ do địa phương quy định"),
    ("GIAY_KHEN", "bao_cao", False, "Giấy khen: hồ sơ do địa phương quy định"),
)


def pattern_rank(pattern: str, code: str, is_title: bool) -> int | None:
    """How specifically ``pattern`` names ``code`` (higher wins); None if it does not match."""
    if pattern == code:
        return 2
    if (pattern == "*title" and is_title) or (pattern == "*form" and not is_title):
        return 1
    if pattern == "*":
        return 0
    return None
