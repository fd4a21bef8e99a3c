"""Tenant settings: every fact that domain.md marks [S] or [M] lives here, never in code.

A province or ministry overrides them with ``RulebookSettings().with_overrides({...})``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from types import MappingProxyType

from .errors import RulebookError


def _frozen(d):
    return MappingProxyType(dict(d))


# Mức lương cơ sở (base salary) by effective date.
DEFAULT_BASE_SALARIES = (
    (dt.date(2017, 7, 1), 1_300_000),  # NĐ 47/2017 [M]
    (dt.date(2018, 7, 1), 1_390_000),  # NĐ 72/2018 [M]
    (dt.date(2019, 7, 1), 1_490_000),  # NĐ 38/2019 [M]
    (dt.date(2023, 7, 1), 1_800_000),  # NĐ 24/2023 [V]
    (dt.date(2024, 7, 1), 2_340_000),  # NĐ 73/2024 [V]
    (dt.date(2026, 7, 1), 2_530_000),  # NĐ 161/2026 [V]
)

# Decision dates before this day are paid with ``coefficients_before_2024`` (NĐ 91/2017), from
# it with ``coefficients`` (Luật TĐKT 2022 in force 01/01/2024: NĐ 98/2023, then NĐ 152/2025).
LAW_2022_FROM = dt.date(2024, 1, 1)
# NĐ 91/2017/NĐ-CP (in force 01/10/2017) prize coefficients [M]: believed, not verified against
# the text. Titles and orders as in the 2022 table; Bằng khen Thủ tướng 1.5, Bằng khen bộ/tỉnh
# 1.0. Rows absent here are refused for earlier dates. Collectives 2×, households 1.5× as today.
ND91_FROM = dt.date(2017, 10, 1)
DEFAULT_COEFFICIENTS_ND91 = {
    "CSTD_TQ": ("4.5", None),
    "CSTD_TINH": ("3.0", None),
    "CSTDCS": ("1.0", None),
    "LDTT": ("0.3", None),
    "TTLDXS": (None, "1.5"),
    "TTLDTT": (None, "0.8"),
    "CO_CP": (None, "12.0"),
    "CO_TINH": (None, "8.0"),
    "BK_TTG": ("1.5", None),
    "BK_TINH": ("1.0", None),
    "GIAY_KHEN": ("0.3", None),
    "HCLD_1": ("9.0", None),
    "HCLD_2": ("7.5", None),
    "HCLD_3": ("4.5", None),
    "HCDL_1": ("15.0", None),
    "HCDL_2": ("12.5", None),
    "HCDL_3": ("10.5", None),
    "HCHCM": ("30.5", None),
    "HCSV": ("46.0", None),
}

# Prize coefficients (NĐ 152/2025 Điều 49-…; same table used for NĐ 98/2023): code ->
# (individual, collective); None = that column does not exist in the table.
DEFAULT_COEFFICIENTS = {
    "CSTD_TQ": ("4.5", None),
    "CSTD_TINH": ("3.0", None),
    "CSTDCS": ("1.0", None),
    "LDTT": ("0.3", None),
    "TTLDXS": (None, "1.5"),
    "TTLDTT": (None, "0.8"),
    "XA_TIEU_BIEU": (None, "2.0"),
    "THON_VAN_HOA": (None, "1.5"),
    "CO_CP": (None, "12.0"),
    "CO_TINH": (None, "8.0"),
    "BK_TTG": ("3.5", "7.0"),
    "BK_TINH": ("1.5", "3.0"),
    "GIAY_KHEN": ("0.3", "0.6"),
    "HCLD_1": ("9.0", "18.0"),
    "HCLD_2": ("7.5", "15.0"),
    "HCLD_3": ("4.5", "9.0"),
    "HCDL_1": ("15.0", "30.0"),
    "HCDL_2": ("12.5", "25.0"),
    "HCDL_3": ("10.5", "21.0"),
    "HCHCM": ("30.5", "61.0"),
    "HCSV": ("46.0", "92.0"),
}

# Council thresholds on TOTAL membership (NĐ 98/2023 [V]; NĐ 152/2025 assumed same [S]).
DEFAULT_VOTE_THRESHOLDS = {
    "CSTD_TINH": "0.9",
    "CSTD_TQ": "0.9",
    "ANH_HUNG": "0.9",
    "CSTDCS": "0.8",
    "CO_TINH": "0.8",
    "CO_CP": "0.8",
}

REGISTRATION_GATES = ("off", "warning", "required")
DISCLOSURE_OTHER = ("none", "before_council", "before_decision")


@dataclass(frozen=True)
class RulebookSettings:
    # Luật Đ28: share of members who must be LĐTT for TTLĐTT [S] (old law: > 50 %).
    ttldtt_member_percent: Decimal = Decimal("70")
    # Local CSTĐCS quota as % of LĐTT (the 2022 law has none) — None = off.
    cstdcs_quota_percent: Decimal | None = None
    # Titles are judged on registration in many provinces [S]; Luật 2022 Đ7 dropped it.
    registration_gate: str = "warning"
    # Council (domain §7).
    vote_thresholds: MappingProxyType = field(default_factory=lambda: _frozen({k: Decimal(v) for k, v in DEFAULT_VOTE_THRESHOLDS.items()}))
    vote_threshold_default: Decimal | None = None  # None = quá bán (> 50 %) of total membership
    quorum_general: Fraction = Fraction(2, 3)
    quorum_award: Fraction = Fraction(4, 5)
    max_voting_rounds: int = 2
    # Disclosure before the council meets, in working days.
    disclosure_days_orders: int = 10  # Huân chương, State honours [V]
    disclosure_days_other: int = 5  # set locally [S]
    # Below State honours the province decides whether a list is disclosed, and when [S]:
    # "none", "before_council" (counted back from the meeting) or "before_decision".
    disclosure_other: str = "none"
    # Forms and titles without a statutory secret ballot (Giấy khen, Bằng khen, LĐTT…): whether this
    # province's council must consider them before the head approves [S].
    council_required_other: bool = False
    # Money.
    base_salaries: tuple = DEFAULT_BASE_SALARIES
    coefficients: MappingProxyType = field(default_factory=lambda: _frozen({k: tuple(None if x is None else Decimal(x) for x in v) for k, v in DEFAULT_COEFFICIENTS.items()}))
    coefficients_before_2024: MappingProxyType = field(default_factory=lambda: _frozen({k: tuple(None if x is None else Decimal(x) for x in v) for k, v in DEFAULT_COEFFICIENTS_ND91.items()}))
    collective_multiplier: Decimal = Decimal("2")
    household_multiplier: Decimal = Decimal("1.5")
    rounding_unit: int = 10_000
    # From this rating year, discipline ≥ khiển trách in the year forces KHT (NĐ 233/2026 [V],
    # NĐ 335/2025 [S]).
    discipline_forces_kht_from_year: int = 2026
    # NĐ 152 Đ4: achievements count from the end of discipline. False = the year in which the
    # discipline ends does not count (its achievement period overlaps the discipline).
    discipline_end_year_counts: bool = False
    # Count a lower title of the decision year for which the subject is eligible in the same
    # review as part of a chain ("đủ điều kiện trong cùng đợt xét").
    count_same_cycle: bool = True
    # After a chained title/form is granted, the next one counts new years only [S].
    chain_restarts_after_grant: bool = True
    # Two CSTĐ tỉnh are "liên tục" when the second follows within this many years [S].
    cstd_tinh_cycle_years: int = 3
    # Luật Đ73 k1 b "05 năm tiếp theo": the 5-year span follows the Bằng khen tỉnh [S].
    bk_ttg_span_after_bk_tinh: bool = True
    # Optional local rule: more than N days of non-maternity leave excludes titles [M].
    max_other_leave_days: int | None = None
    # True = judgement criteria are taken as met (bulk pre-screening); False = ask a person.
    # Never applied to a form's "other clauses" (that would make everyone eligible for Bằng khen).
    assume_judgement_met: bool = False
    # Conduct qualities (đoàn kết, tự lực, gương mẫu, tích cực tham gia phong trào…) are assessed
    # at the review meeting and cannot be shown by data. False (default): they are listed as
    # "Được xem xét tại cuộc họp bình xét" but do not hold the verdict at needs_judgement; a
    # negative judgement still makes it not_eligible. True: the strict behaviour (needs_judgement
    # until the meeting's judgement is recorded).
    conduct_judgement_blocks: bool = False
    # Bằng khen (Luật Đ73 k1, Đ74 k1, k2): besides the data clause (Đ73 k1 b, Đ74 k1 d, Đ74 k2)
    # the other clauses are judgement-based. True (default): when the data clause fails the
    # verdict is needs_judgement ("may qualify under another clause"); False: not_eligible.
    form_other_clauses: bool = True
    # Holidays: extra dates (local days off) and dates removed (make-up working days).
    extra_holidays: tuple = ()
    removed_holidays: tuple = ()

    def with_overrides(self, overrides: dict | None) -> RulebookSettings:
        if not overrides:
            return self
        changes = {}
        fields = {f.name: f for f in dataclasses.fields(self)}
        for key, value in overrides.items():
            if key not in fields:
                raise RulebookError(f"Thiết lập không tồn tại: '{key}'")
            changes[key] = _coerce(self, key, value)
        return dataclasses.replace(self, **changes)

    def vote_threshold(self, code: str) -> Decimal | None:
        return self.vote_thresholds.get(code, self.vote_threshold_default)


def _dec(key, value, allow_none=False):
    if value is None and allow_none:
        return None
    if isinstance(value, bool):
        raise RulebookError(f"Thiết lập '{key}' phải là số")
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise RulebookError(f"Thiết lập '{key}' phải là số, nhận được: {value!r}") from None


def _frac(key, value):
    if isinstance(value, str) and "/" in value:
        try:
            return Fraction(value)
        except ValueError:
            raise RulebookError(f"Thiết lập '{key}' phải là phân số hoặc số") from None
    return Fraction(_dec(key, value))


def _int(key, value, allow_none=False):
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RulebookError(f"Thiết lập '{key}' phải là số nguyên, nhận được: {value!r}")
    return value


def _bool(key, value):
    if not isinstance(value, bool):
        raise RulebookError(f"Thiết lập '{key}' phải là true hoặc false")
    return value


def _date(key, value):
    if isinstance(value, dt.date):
        return value
    from .dates import parse_date

    return parse_date(value, f"thiết lập '{key}'")


def _coerce(s: RulebookSettings, key, value):
    if key in ("ttldtt_member_percent", "collective_multiplier", "household_multiplier"):
        return _dec(key, value)
    if key in ("cstdcs_quota_percent", "vote_threshold_default"):
        return _dec(key, value, allow_none=True)
    if key in ("quorum_general", "quorum_award"):
        return _frac(key, value)
    if key in ("max_voting_rounds", "disclosure_days_orders", "disclosure_days_other", "rounding_unit",
               "discipline_forces_kht_from_year", "cstd_tinh_cycle_years"):
        return _int(key, value)
    if key == "max_other_leave_days":
        return _int(key, value, allow_none=True)
    if key == "disclosure_other":
        if value not in DISCLOSURE_OTHER:
            raise RulebookError(f"Thiết lập 'disclosure_other' phải là một trong: {', '.join(DISCLOSURE_OTHER)}")
        return value
    if key == "registration_gate":
        if value not in REGISTRATION_GATES:
            raise RulebookError(f"Thiết lập 'registration_gate' phải là một trong: {', '.join(REGISTRATION_GATES)}")
        return value
    if key == "vote_thresholds":
        if not isinstance(value, dict):
            raise RulebookError("Thiết lập 'vote_thresholds' phải là một bảng mã → tỷ lệ")
        merged = dict(s.vote_thresholds)
        merged.update({str(k): _dec(key, v) for k, v in value.items()})
        return _frozen(merged)
    if key in ("coefficients", "coefficients_before_2024"):
        if not isinstance(value, dict):
            raise RulebookError(f"Thiết lập '{key}' phải là một bảng mã → [cá nhân, tập thể]")
        merged = dict(getattr(s, key))
        for k, v in value.items():
            if not isinstance(v, (list, tuple)) or len(v) != 2:
                raise RulebookError(f"Hệ số của '{k}' phải có dạng [cá nhân, tập thể]")
            merged[str(k)] = tuple(_dec(key, x, allow_none=True) for x in v)
        return _frozen(merged)
    if key == "base_salaries":
        if not isinstance(value, (list, tuple)) or not value:
            raise RulebookError("Thiết lập 'base_salaries' phải là danh sách [ngày hiệu lực, mức lương]")
        rows = []
        for row in value:
            if isinstance(row, dict):
                row = (row.get("from"), row.get("amount"))
            if not isinstance(row, (list, tuple)) or len(row) != 2:
                raise RulebookError("Mỗi dòng 'base_salaries' phải có dạng [ngày hiệu lực, mức lương]")
            rows.append((_date(key, row[0]), _int(key, row[1])))
        return tuple(sorted(rows))
    if key in ("extra_holidays", "removed_holidays"):
        if not isinstance(value, (list, tuple)):
            raise RulebookError(f"Thiết lập '{key}' phải là danh sách ngày")
        return tuple(_date(key, v) for v in value)
    # remaining booleans
    return _bool(key, value)


DEFAULT_SETTINGS = RulebookSettings()


def settings_from_json(raw: str) -> RulebookSettings:
    """DEFAULT_SETTINGS with the overrides in ``raw`` (a JSON object, or empty). RulebookError names
    what is wrong: not JSON, not an object, an unknown key, or a bad value for a key."""
    if not (raw or "").strip():
        return DEFAULT_SETTINGS
    try:
        overrides = json.loads(raw)
    except ValueError as exc:
        raise RulebookError(f"không phải JSON hợp lệ ({exc})") from exc
    if not isinstance(overrides, dict):
        raise RulebookError("phải là một đối tượng JSON {\"khóa\": giá trị}")
    return DEFAULT_SETTINGS.with_overrides(overrides)
