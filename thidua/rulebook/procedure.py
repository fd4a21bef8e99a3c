"""The steps the law requires before a commendation is decided, per award code and date: what a
nomination must go through, in order, and who does each step. The doors enforce the required ones;
the nomination page shows the whole path.

Sources (domain.md §7): the dossier of a title — Tờ trình, Báo cáo thành tích, Biên bản bình xét —
(Luật TĐKT 2022 Điều 84 [V]); the secret ballot of the council, mandatory for Chiến sĩ thi đua, Cờ thi
đua and Anh hùng, with its threshold on the total membership (NĐ 98/2023, kept by NĐ 152/2025 [V/S]);
the public disclosure of Huân chương and State honours at least 10 working days before the council
meets [V]; below those, whether and when to disclose and whether the council must meet are the
province's settings ([S]: ``disclosure_other``, ``council_required_other``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .codes import ORDERS, TITLES
from .errors import RulebookError
from .rulesets import LAW, RULESETS, select_ruleset
from .settings import DEFAULT_SETTINGS, RulebookSettings

REVIEW, DOSSIER, SUBMIT, DISCLOSURE, COUNCIL, APPROVAL, DECISION = (
    "review", "dossier", "submit", "disclosure", "council", "approval", "decision")


@dataclass(frozen=True)
class Step:
    code: str
    name_vi: str
    who_vi: str
    required: bool
    citation: str
    note_vi: str = ""
    # For a disclosure: "before_council" or "before_decision", and its length in working days.
    when: str = ""
    days: int = 0


def _decree(on: dt.date) -> str:
    try:
        return select_ruleset(on).decree
    except RulebookError:  # a date before the 2022 law: the oldest encoded texts
        return RULESETS[0].decree


def needs_council(code: str, st: RulebookSettings) -> bool:
    """A secret ballot of the council is mandatory where the law sets its threshold (CSTĐ, Cờ, Anh hùng),
    and for orders; elsewhere the province decides."""
    return code in st.vote_thresholds or code in ORDERS or st.council_required_other


def procedure_for(code: str, on: dt.date, settings: RulebookSettings | None = None) -> tuple[Step, ...]:
    """The path of a nomination for ``code`` decided on ``on``, in order."""
    st = settings or DEFAULT_SETTINGS
    decree = _decree(on)
    title = code in TITLES
    council = needs_council(code, st)
    if code in ORDERS:
        disclosure = Step(DISCLOSURE, "Công khai danh sách đề nghị", "Cán bộ thi đua – khen thưởng cấp xét", True,
                          f"{decree} (công khai trước khi Hội đồng họp, ít nhất {st.disclosure_days_orders} ngày làm việc)",
                          when="before_council", days=st.disclosure_days_orders)
    else:
        when = st.disclosure_other
        disclosure = Step(DISCLOSURE, "Công khai danh sách đề nghị", "Cán bộ thi đua – khen thưởng cấp xét",
                          when != "none", f"Quy định của tỉnh ({st.disclosure_days_other} ngày làm việc)"
                          if when != "none" else "Quy định của tỉnh: không bắt buộc",
                          when=when if when != "none" else "", days=st.disclosure_days_other)
    threshold = st.vote_threshold(code)
    ballot = (f"bỏ phiếu kín, đạt từ {int(threshold * 100)}% tổng số thành viên Hội đồng"
              if threshold is not None else "bỏ phiếu kín, quá bán tổng số thành viên Hội đồng")
    council_step = Step(COUNCIL, "Hội đồng Thi đua – Khen thưởng xét", "Hội đồng Thi đua – Khen thưởng",
                        council, f"{decree} ({ballot})" if council else "Quy định của tỉnh: không bắt buộc")
    steps = [
        Step(REVIEW, "Bình xét tại đơn vị (biên bản bình xét)", "Đơn vị đề nghị", title,
             f"{LAW}, Điều 84" if title else "Theo quy định của tỉnh"),
        Step(DOSSIER, "Hồ sơ đủ thành phần", "Cán bộ thi đua – khen thưởng đơn vị đề nghị", True, f"{LAW}, Điều 84"),
        Step(SUBMIT, "Trình cấp có thẩm quyền", "Cán bộ thi đua – khen thưởng đơn vị đề nghị", True, f"{LAW}, Điều 84"),
    ]
    if disclosure.when != "before_decision":
        steps += [disclosure, council_step]
    else:
        steps += [council_step, disclosure]
    steps += [
        Step(APPROVAL, "Người có thẩm quyền phê duyệt", "Thủ trưởng cấp quyết định", True, f"{LAW}, Điều 80"),
        Step(DECISION, "Ban hành quyết định khen thưởng", "Cán bộ thi đua – khen thưởng cấp quyết định", True,
             f"{LAW}, Điều 80"),
    ]
    return tuple(steps)


def step(code: str, on: dt.date, step_code: str, settings: RulebookSettings | None = None) -> Step:
    return next(s for s in procedure_for(code, on, settings) if s.code == step_code)
