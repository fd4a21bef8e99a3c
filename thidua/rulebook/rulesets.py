"""Dated rule sets. The decision date picks the set; every rule carries its citation.

To add the content of Luật 06/2026/QH16 (in force 01/10/2026, text not yet retrieved): edit
``_law_2026_overrides`` below — rules listed there replace those of NĐ 152 from that date.
Until then the 2026 set repeats the 01/07/2025 rules, with its own id, so that decisions made
after 01/10/2026 already record the right rule set.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from thidua.formatting import format_date

from .errors import RulebookError

LAW = "Luật TĐKT 2022"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    text_vi: str
    citation: str
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True)
class RuleSet:
    id: str
    name_vi: str
    valid_from: dt.date
    valid_to: dt.date | None
    sources: tuple
    decree: str  # the implementing decree in force (general principles, Điều 4)
    rules: dict = field(default_factory=dict)
    note_vi: str = ""

    def rule(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def citation(self, rule_id: str) -> str:
        return self.rules[rule_id].citation

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name_vi,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "sources": list(self.sources),
            "note": self.note_vi,
        }


def _law(article: str) -> str:
    return f"{LAW}, {article}"


# (rule id, text, citation template). "{decree}" is replaced by the decree of the set.
_RULE_TEXTS = [
    ("GEN.pending", "Không xét khen thưởng khi đang bị xem xét kỷ luật, thanh tra, kiểm tra có dấu hiệu vi phạm, điều tra hoặc có khiếu nại, tố cáo đang được xác minh", "{decree}, Điều 4"),
    ("GEN.discipline", "Không khen thưởng trong thời gian thi hành kỷ luật; thành tích được tính từ khi chấm dứt kỷ luật", "{decree}, Điều 4"),
    ("GEN.discipline_kht", "Từ năm 2026, bị kỷ luật từ khiển trách trở lên trong năm đánh giá thì xếp loại Không hoàn thành nhiệm vụ", "NĐ 335/2025/NĐ-CP; NĐ 233/2026/NĐ-CP"),
    ("GEN.leave", "Thời gian nghỉ thai sản được tính là thời gian công tác để xét danh hiệu", "{decree}, Điều 4 khoản 5"),
    ("GEN.grounds_kind", "Khen thưởng theo chuyên đề, đột xuất không làm căn cứ đề nghị khen thưởng thành tích cao hơn", "{decree}, Điều 4 khoản 3"),
    ("GEN.initiative_once", "Mỗi sáng kiến chỉ được dùng một lần làm tiêu chuẩn xét danh hiệu hoặc hình thức khen thưởng", "CV 5007/BNV-TĐKT năm 2023"),
    ("GEN.registration", "Danh hiệu thi đua được xét trên cơ sở đăng ký thi đua (theo quy định của bộ, ngành, tỉnh)", "Quy định thi đua, khen thưởng của bộ, ngành, tỉnh; Luật TĐKT 2022, Điều 7"),
    ("GEN.not_encoded", "Tiêu chuẩn của danh hiệu, hình thức này chưa được mã hóa; cần thẩm định hồ sơ", "Luật TĐKT 2022"),
    ("LDTT.rating", "Hoàn thành tốt nhiệm vụ trở lên", _law("Điều 24")),
    ("LDTT.judgement", "Chấp hành tốt chủ trương, chính sách, pháp luật; có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua", _law("Điều 24")),
    ("CSTDCS.ldtt", "Đạt danh hiệu Lao động tiên tiến", _law("Điều 23")),
    ("CSTDCS.merit", "Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được công nhận cấp cơ sở, hoặc có đề tài nghiên cứu được nghiệm thu", _law("Điều 23")),
    ("CSTDCS.quota", "Số Chiến sĩ thi đua cơ sở không vượt hạn mức của bộ, ngành, tỉnh", "Quy định của bộ, ngành, tỉnh"),
    ("CSTD_TINH.chain", "03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở", _law("Điều 22")),
    ("CSTD_TINH.initiative", "Có sáng kiến, đề tài có hiệu quả và phạm vi ảnh hưởng cấp bộ, ngành, tỉnh", _law("Điều 22")),
    ("CSTD_TQ.chain", "02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp bộ, ngành, tỉnh", _law("Điều 21")),
    ("CSTD_TQ.initiative", "Có sáng kiến, đề tài được áp dụng hiệu quả, có khả năng nhân rộng trong toàn quốc", _law("Điều 21")),
    ("TTLDTT.result", "Hoàn thành tốt nhiệm vụ", _law("Điều 28")),
    ("TTLDTT.members", "Tỷ lệ cá nhân đạt danh hiệu Lao động tiên tiến không thấp hơn mức quy định (mặc định 70%)", _law("Điều 28")),
    ("TTLDTT.discipline", "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên", _law("Điều 28")),
    ("TTLDTT.judgement", "Nội bộ đoàn kết, tích cực tham gia phong trào thi đua", _law("Điều 28")),
    ("TTLDXS.result", "Hoàn thành xuất sắc nhiệm vụ", _law("Điều 27")),
    ("TTLDXS.complete", "100% cá nhân trong tập thể hoàn thành nhiệm vụ", _law("Điều 27")),
    ("TTLDXS.members", "Có ít nhất 70% cá nhân đạt danh hiệu Lao động tiên tiến", _law("Điều 27")),
    ("TTLDXS.cstdcs", "Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở", _law("Điều 27")),
    ("TTLDXS.judgement", "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách, pháp luật", _law("Điều 27")),
    ("CO_TINH.leader", "Dẫn đầu cụm, khối thi đua do bộ, ngành, tỉnh tổ chức, hoặc dẫn đầu phong trào thi đua theo chuyên đề từ 03 năm trở lên khi tổng kết", _law("Điều 26")),
    ("CO_TINH.judgement", "Hoàn thành vượt mức chỉ tiêu thi đua và nhiệm vụ được giao; là tập thể tiêu biểu xuất sắc", _law("Điều 26")),
    ("CO_CP.leader", "Là tập thể dẫn đầu cụm, khối thi đua của bộ, ngành, tỉnh, hoặc dẫn đầu phong trào thi đua do Thủ tướng phát động từ 05 năm trở lên khi tổng kết", _law("Điều 25")),
    ("CO_CP.judgement", "Được lựa chọn là tập thể tiêu biểu xuất sắc nhất trong số các tập thể dẫn đầu", _law("Điều 25")),
    ("BK_TINH.ind_other", "Đạt một trong các tiêu chuẩn khác của khoản 1 Điều 74 (thành tích xuất sắc được bình xét trong phong trào thi đua, thành tích có phạm vi ảnh hưởng…) do Hội đồng thi đua, khen thưởng đánh giá", _law("Điều 74 khoản 1")),
    ("BK_TINH.col_other", "Đạt một trong các tiêu chuẩn khác của khoản 2 Điều 74 (thành tích xuất sắc được bình xét trong phong trào thi đua, thành tích có phạm vi ảnh hưởng…) do Hội đồng thi đua, khen thưởng đánh giá", _law("Điều 74 khoản 2")),
    ("BK_TTG.other", "Đạt một trong các tiêu chuẩn khác của khoản 1 Điều 73 do Hội đồng thi đua, khen thưởng đánh giá", _law("Điều 73 khoản 1")),
    ("BK_TINH.ind_d", "02 lần liên tục đạt Chiến sĩ thi đua cơ sở, hoặc 02 năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ và có 02 sáng kiến được công nhận, áp dụng cấp cơ sở trong thời gian đó", _law("Điều 74 khoản 1 điểm d")),
    ("BK_TINH.ind_judgement", "Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước", _law("Điều 74 khoản 1")),
    ("BK_TINH.col", "02 năm liên tục hoàn thành xuất sắc nhiệm vụ hoặc đạt Tập thể lao động xuất sắc", _law("Điều 74 khoản 2")),
    ("BK_TINH.col_judgement", "Thực hiện tốt dân chủ ở cơ sở, thực hành tiết kiệm, chống lãng phí; nội bộ đoàn kết", _law("Điều 74 khoản 2")),
    ("BK_TTG.holds_bk", "Đã được tặng Bằng khen cấp bộ, ngành, tỉnh", _law("Điều 73 khoản 1 điểm b")),
    ("BK_TTG.span", "05 năm tiếp theo trở lên liên tục hoàn thành tốt nhiệm vụ", _law("Điều 73 khoản 1 điểm b")),
    ("BK_TTG.cstdcs", "Trong thời gian đó có 03 lần đạt Chiến sĩ thi đua cơ sở", _law("Điều 73 khoản 1 điểm b")),
    ("BK_TTG.judgement", "Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước", _law("Điều 73 khoản 1")),
    ("GIAY_KHEN.rating", "Hoàn thành tốt nhiệm vụ", _law("Điều 75")),
    ("GIAY_KHEN.judgement", "Gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước", _law("Điều 75")),
    ("GIAY_KHEN.achievement", "Có thành tích đạt được trong phong trào thi đua hoặc thành tích đột xuất", _law("Điều 75")),
]


def _build(set_id, name, start, end, sources, decree, note="", overrides=None) -> RuleSet:
    rules = {}
    for rid, text, cit in _RULE_TEXTS:
        rules[rid] = Rule(rid, text, cit.format(decree=decree), start, end)
    for rid, (text, cit) in (overrides or {}).items():
        rules[rid] = Rule(rid, text, cit, start, end)
    return RuleSet(set_id, name, start, end, tuple(sources), decree, rules, note)


# Luật 06/2026/QH16: put changed rules here as {rule_id: (text, citation)} once retrieved.
_law_2026_overrides: dict = {}

RULESETS = (
    _build(
        "2024-01", "Luật TĐKT 2022 và Nghị định 98/2023/NĐ-CP",
        dt.date(2024, 1, 1), dt.date(2025, 6, 30),
        ("Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định 98/2023/NĐ-CP"),
        "NĐ 98/2023/NĐ-CP",
    ),
    _build(
        "2025-07", "Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP và Nghị định 129/2025/NĐ-CP",
        dt.date(2025, 7, 1), dt.date(2026, 9, 30),
        ("Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định 152/2025/NĐ-CP", "Nghị định 129/2025/NĐ-CP, Điều 59"),
        "NĐ 152/2025/NĐ-CP",
    ),
    _build(
        "2026-10", "Luật TĐKT 2022 sửa đổi bởi Luật 06/2026/QH16 (tạm áp dụng quy tắc từ 01/07/2025)",
        dt.date(2026, 10, 1), None,
        ("Luật Thi đua, khen thưởng số 06/2022/QH15", "Luật số 06/2026/QH16", "Nghị định 152/2025/NĐ-CP", "Nghị định 129/2025/NĐ-CP, Điều 59"),
        "NĐ 152/2025/NĐ-CP",
        note="Nội dung Luật 06/2026/QH16 chưa được cập nhật; đang áp dụng các tiêu chuẩn như giai đoạn từ 01/07/2025.",
        overrides=_law_2026_overrides,
    ),
)
_BY_ID = {r.id: r for r in RULESETS}


def select_ruleset(decision_date: dt.date, received_date: dt.date | None = None) -> RuleSet:
    """The rule set in force on the decision date.

    Luật 06/2026: dossiers received before 01/10/2026 follow the old rule unless the new one is
    more favourable [S]. While both sets hold the same rules this only records the set; pass
    ``received_date`` to get the older set for such dossiers.
    """
    when = decision_date
    if received_date is not None and received_date < dt.date(2026, 10, 1) <= decision_date:
        when = received_date if received_date >= RULESETS[0].valid_from else decision_date
    for rs in RULESETS:
        if rs.valid_from <= when and (rs.valid_to is None or when <= rs.valid_to):
            return rs
    raise RulebookError(
        f"Ngày quyết định {format_date(decision_date)} trước ngày Luật Thi đua, khen thưởng 2022 có hiệu lực "
        f"(01/01/2024): bộ quy tắc này không áp dụng"
    )


def ruleset_by_id(set_id: str) -> RuleSet:
    return _BY_ID[set_id]
