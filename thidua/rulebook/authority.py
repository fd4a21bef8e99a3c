"""Who may grant what on a date (domain §5). District level exists until 30/06/2025; from
01/07/2025 commune chairmen take its powers (NĐ 129/2025/NĐ-CP Điều 59)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .codes import CODES, DECIDERS, ORDERS, RECIPIENT_LEVELS
from .errors import RulebookError

REFORM = dt.date(2025, 7, 1)
_LAW = "Luật TĐKT 2022"


@dataclass(frozen=True, slots=True)
class Power:
    decider: str
    codes: frozenset
    valid_from: dt.date | None
    valid_to: dt.date | None
    citation: str


POWERS = (
    Power("commune_chairman", frozenset({"LDTT", "GIAY_KHEN", "GIA_DINH_VAN_HOA"}), None, dt.date(2025, 6, 30), f"{_LAW}, Điều 80 khoản 3"),
    Power("commune_chairman", frozenset({"LDTT", "CSTDCS", "TTLDTT", "GIAY_KHEN", "THON_VAN_HOA", "GIA_DINH_VAN_HOA"}), REFORM, None, "NĐ 129/2025/NĐ-CP, Điều 59"),
    Power("district_chairman", frozenset({"LDTT", "CSTDCS", "TTLDTT", "GIAY_KHEN", "THON_VAN_HOA"}), None, dt.date(2025, 6, 30), f"{_LAW}, Điều 80 khoản 2"),
    Power("department_head", frozenset({"LDTT", "CSTDCS", "TTLDTT", "GIAY_KHEN"}), None, None, f"{_LAW}, Điều 80 khoản 1"),
    # XA_TIEU_BIEU at the provincial chairman is an assumption [M] (not in domain.md §5).
    Power("province_chairman", frozenset({"TTLDXS", "BK_TINH", "CO_TINH", "CSTD_TINH", "XA_TIEU_BIEU"}), None, None, f"{_LAW} (thẩm quyền của Chủ tịch Ủy ban nhân dân cấp tỉnh)"),
    Power("prime_minister", frozenset({"CO_CP", "CSTD_TQ", "BK_TTG"}), None, None, f"{_LAW} (thẩm quyền của Thủ tướng Chính phủ)"),
    Power("president", ORDERS, None, None, f"{_LAW} (Chủ tịch nước quyết định theo đề nghị của Thủ tướng Chính phủ)"),
)


def _in_force(p: Power, on: dt.date) -> bool:
    return (p.valid_from is None or p.valid_from <= on) and (p.valid_to is None or on <= p.valid_to)


def power(decider: str, code: str, on_date: dt.date) -> Power | None:
    if decider not in DECIDERS:
        raise RulebookError(f"Người quyết định không hợp lệ: '{decider}' (hợp lệ: {', '.join(DECIDERS)})")
    if code not in CODES:
        raise RulebookError(f"Mã danh hiệu/hình thức không tồn tại: '{code}'")
    for p in POWERS:
        if p.decider == decider and code in p.codes and _in_force(p, on_date):
            return p
    return None


def may_grant(decider: str, code: str, on_date: dt.date) -> bool:
    return power(decider, code, on_date) is not None


class Decider(str):
    """A decider code (compares equal to the plain string) carrying its citation."""

    citation: str
    proposed_by: str | None

    def __new__(cls, code: str, citation: str, proposed_by: str | None = None):
        obj = super().__new__(cls, code)
        obj.citation = citation
        obj.proposed_by = proposed_by
        return obj

    @property
    def name_vi(self) -> str:
        return DECIDERS[str(self)]

    def to_dict(self) -> dict:
        return {"decider": str(self), "name": self.name_vi, "citation": self.citation, "proposed_by": self.proposed_by}


_LOWER = ("commune_chairman", "district_chairman", "department_head")


def competent_decider(code: str, recipient_level: str, on_date: dt.date) -> Decider:
    """The decider to route a nomination to, for a recipient working at ``recipient_level``."""
    if code not in CODES:
        raise RulebookError(f"Mã danh hiệu/hình thức không tồn tại: '{code}'")
    if recipient_level not in RECIPIENT_LEVELS:
        raise RulebookError(f"Cấp của đối tượng không hợp lệ: '{recipient_level}' (hợp lệ: {', '.join(RECIPIENT_LEVELS)})")
    if recipient_level == "district" and on_date >= REFORM:
        raise RulebookError("Từ 01/07/2025 không còn cấp huyện (NĐ 129/2025/NĐ-CP); chọn cấp xã hoặc cấp tỉnh")
    if recipient_level == "commune":
        order = ("commune_chairman", "district_chairman", "province_chairman", "prime_minister", "president")
    elif recipient_level == "district":
        order = ("district_chairman", "province_chairman", "prime_minister", "president")
    elif recipient_level in ("department", "province"):
        order = ("department_head", "province_chairman", "prime_minister", "president")
    else:  # ministry / national: lower titles by the head of the unit with legal personality
        order = ("department_head", "prime_minister", "president")
    for decider in order:
        p = power(decider, code, on_date)
        if p is not None:
            return Decider(decider, p.citation, "prime_minister" if decider == "president" else None)
    raise RulebookError(f"Không xác định được người có thẩm quyền tặng {CODES[code].name_vi} cho đối tượng {RECIPIENT_LEVELS[recipient_level]}")
