"""Prize money: amount = round_up_to_10_000(coefficient × base salary on the decision date)
(NĐ 152/2025 Điều 49 [V]; NĐ 98/2023 before 01/07/2025; the NĐ 91/2017 table [M] before
01/01/2024, when Luật TĐKT 2022 took effect). Decimal and int only: no float drift."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from thidua.formatting import format_date

from .codes import CODES, COLLECTIVE, INDIVIDUAL, RECIPIENT_KINDS, TITLE, name_vi
from .errors import RulebookError
from .rulesets import select_ruleset
from .settings import DEFAULT_SETTINGS, LAW_2022_FROM, ND91_FROM, RulebookSettings
from .words import amount_in_words, format_vnd

__all__ = ["Prize", "PrizeItem", "Payable", "base_salary", "prize", "payable", "qualifying_period",
           "amount_in_words", "format_vnd", "round_up"]


@dataclass(frozen=True, slots=True)
class Prize:
    code: str
    recipient_kind: str
    amount: int
    coefficient: Decimal
    base_salary: int
    words: str
    citation: str

    @property
    def formatted(self) -> str:
        return format_vnd(self.amount)

    def to_dict(self) -> dict:
        return {"code": self.code, "name": name_vi(self.code), "recipient_kind": self.recipient_kind,
                "amount": self.amount, "formatted": self.formatted, "coefficient": str(self.coefficient),
                "base_salary": self.base_salary, "words": self.words, "citation": self.citation}


def base_salary(on: dt.date, settings: RulebookSettings | None = None) -> int:
    st = settings or DEFAULT_SETTINGS
    amount = None
    for start, value in st.base_salaries:
        if start <= on:
            amount = value
    if amount is None:
        raise RulebookError(f"Không có mức lương cơ sở áp dụng cho ngày {format_date(on)}")
    return amount


def round_up(value: Decimal, unit: int = 10_000) -> int:
    q = (value / unit).to_integral_value(rounding=ROUND_CEILING)
    return int(q) * unit


def _table(on: dt.date | None, st: RulebookSettings):
    """(coefficient table, source text) in force on the decision date ``on`` (None = today's table)."""
    if on is None or on >= LAW_2022_FROM:
        return st.coefficients, None
    if on < ND91_FROM:
        raise RulebookError(
            f"Ngày quyết định {format_date(on)} trước ngày Nghị định 91/2017/NĐ-CP có hiệu lực (01/10/2017): "
            f"mức tiền thưởng của giai đoạn này chưa được mã hóa")
    return st.coefficients_before_2024, "NĐ 91/2017/NĐ-CP"


def coefficient(code: str, recipient_kind: str, settings: RulebookSettings | None = None,
                decision_date: dt.date | None = None) -> Decimal:
    """Coefficient of the table in force on ``decision_date``: Luật TĐKT 2022 (NĐ 98/2023,
    NĐ 152/2025) from 01/01/2024, NĐ 91/2017 for earlier decisions (setting
    ``coefficients_before_2024``, [M])."""
    st = settings or DEFAULT_SETTINGS
    table, older = _table(decision_date, st)
    a = CODES.get(code)
    if a is None:
        raise RulebookError(f"Mã danh hiệu/hình thức không tồn tại: '{code}'")
    if recipient_kind not in RECIPIENT_KINDS:
        raise RulebookError(f"Loại đối tượng không hợp lệ: '{recipient_kind}' (hợp lệ: {', '.join(RECIPIENT_KINDS)})")
    if recipient_kind not in a.recipient_kinds:
        raise RulebookError(f"{a.name_vi} không áp dụng cho đối tượng {RECIPIENT_KINDS[recipient_kind].lower()}")
    row = table.get(code)
    if row is None:
        when = f" theo {older} (quyết định ngày {format_date(decision_date)})" if older else ""
        raise RulebookError(f"Chưa có hệ số tiền thưởng cho {a.name_vi}{when}")
    ind, col = row
    if recipient_kind == INDIVIDUAL:
        if ind is None:
            raise RulebookError(f"Chưa có hệ số tiền thưởng cá nhân cho {a.name_vi}")
        return ind
    if recipient_kind == COLLECTIVE:
        if col is not None:
            return col
        if ind is None:
            raise RulebookError(f"Chưa có hệ số tiền thưởng tập thể cho {a.name_vi}")
        return ind * st.collective_multiplier  # collectives: 2× the individual amount
    # Households: 1.5× the individual amount (orders and certificates).
    if ind is None:
        raise RulebookError(f"Chưa có hệ số tiền thưởng hộ gia đình cho {a.name_vi}")
    return ind * st.household_multiplier


def prize(code: str, recipient_kind: str, decision_date: dt.date, settings: RulebookSettings | None = None) -> Prize:
    st = settings or DEFAULT_SETTINGS
    coef = coefficient(code, recipient_kind, st, decision_date)
    base = base_salary(decision_date, st)
    amount = round_up(coef * base, st.rounding_unit)
    if decision_date < LAW_2022_FROM:
        source = "NĐ 91/2017/NĐ-CP"  # the decree before Luật TĐKT 2022 took effect
    else:
        rs = select_ruleset(decision_date)
        # NĐ 152/2025 Điều 49 [V]; the article of NĐ 98/2023 was not retrieved, so cite the decree.
        source = f"{rs.decree}, Điều 49" if rs.decree.startswith("NĐ 152") else rs.decree
    citation = f"{source} (hệ số {str(coef).replace('.', ',')} × mức lương cơ sở {format_vnd(base)})"
    return Prize(code, recipient_kind, amount, coef, base, amount_in_words(amount), citation)


# ---------------------------------------------------------------- several awards at once

# Qualifying period length in years (the period a title rewards).
_PERIOD_YEARS = {"CSTD_TINH": 3, "CSTD_TQ": 6}


@dataclass(frozen=True, slots=True)
class PrizeItem:
    code: str
    recipient_kind: str
    decision_date: dt.date
    year: int | None = None  # achievement year (end of the period)
    period: tuple | None = None  # (first_year, last_year); default from the code and year


@dataclass(frozen=True, slots=True)
class Payable:
    item: PrizeItem
    paid: bool
    reason_vi: str
    prize: Prize | None

    def to_dict(self) -> dict:
        return {"code": self.item.code, "year": self.item.year, "paid": self.paid, "reason": self.reason_vi,
                "prize": self.prize.to_dict() if self.prize else None}


def qualifying_period(code: str, year: int | None, settings: RulebookSettings | None = None) -> tuple | None:
    if year is None:
        return None
    n = _PERIOD_YEARS.get(code, 1)
    if code == "CSTD_TINH":
        n = (settings or DEFAULT_SETTINGS).cstd_tinh_cycle_years
    return (year - n + 1, year)


def payable(items, settings: RulebookSettings | None = None) -> list:
    """Mark which prizes are paid (NĐ 152/2025 Điều 49): titles for the same qualifying
    period pay only the highest; titles with different periods are each paid; a title and a
    form awarded at the same time are both paid."""
    st = settings or DEFAULT_SETTINGS
    priced = []
    for it in items:
        p = prize(it.code, it.recipient_kind, it.decision_date, st)
        period = it.period or qualifying_period(it.code, it.year, st)
        priced.append((it, p, period))
    best = {}
    for idx, (it, p, period) in enumerate(priced):
        if CODES[it.code].category != TITLE or period is None:
            continue
        key = (it.recipient_kind, period)
        cur = best.get(key)
        if cur is None or p.amount > priced[cur][1].amount:
            best[key] = idx
    out = []
    for idx, (it, p, period) in enumerate(priced):
        if CODES[it.code].category != TITLE:
            out.append(Payable(it, True, "Hình thức khen thưởng được thưởng cùng với danh hiệu thi đua", p))
            continue
        if period is None:
            out.append(Payable(it, True, "Danh hiệu được thưởng (chưa rõ thời gian tính thành tích)", p))
            continue
        winner = best[(it.recipient_kind, period)]
        span = f"{period[0]}" if period[0] == period[1] else f"{period[0]}–{period[1]}"
        if winner == idx:
            out.append(Payable(it, True, f"Danh hiệu có mức thưởng cao nhất cho thời gian {span}", p))
        else:
            w = priced[winner][0]
            out.append(Payable(it, False, f"Cùng thời gian {span} với {name_vi(w.code)} nên chỉ nhận mức thưởng cao nhất", p))
    return out
