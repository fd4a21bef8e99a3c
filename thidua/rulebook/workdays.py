"""Working days and Vietnamese public holidays (Bộ luật Lao động 2019, Điều 112), used to
count disclosure periods. Lunar dates are data, computed once and checked against the
published calendars; the days off the Government actually announces vary → override through
settings ``extra_holidays`` / ``removed_holidays``."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

D = dt.date

# Mùng 1 Tết Nguyên đán (lunar new year's day).
LUNAR_NEW_YEAR = {
    2024: D(2024, 2, 10), 2025: D(2025, 1, 29), 2026: D(2026, 2, 17), 2027: D(2027, 2, 6),
    2028: D(2028, 1, 26), 2029: D(2029, 2, 13), 2030: D(2030, 2, 3),
}
# Giỗ Tổ Hùng Vương (10/3 lunar).
HUNG_KINGS = {
    2024: D(2024, 4, 18), 2025: D(2025, 4, 7), 2026: D(2026, 4, 26), 2027: D(2027, 4, 16),
    2028: D(2028, 4, 4), 2029: D(2029, 4, 23), 2030: D(2030, 4, 12),
}
# The day next to 2/9 (Quốc khánh): 2024 and 2025 as announced [S]; later years assumed [M].
NATIONAL_DAY_EXTRA = {
    2024: D(2024, 9, 3), 2025: D(2025, 9, 1), 2026: D(2026, 9, 1), 2027: D(2027, 9, 3),
    2028: D(2028, 9, 1), 2029: D(2029, 9, 1), 2030: D(2030, 9, 3),
}
# Tết days off as announced [S] (working days only; weekends are skipped anyway). Other years:
# the last day of the lunar year and the first four days of the new year [M].
TET_ANNOUNCED = {
    2024: (D(2024, 2, 8), D(2024, 2, 14)),
    2025: (D(2025, 1, 25), D(2025, 2, 2)),
}


def _span(a: dt.date, b: dt.date):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


def _next_workday(d: dt.date, taken: set) -> dt.date:
    d += dt.timedelta(days=1)
    while d.weekday() >= 5 or d in taken:
        d += dt.timedelta(days=1)
    return d


@lru_cache(maxsize=64)
def holidays_for_year(year: int) -> frozenset:
    """Public holidays of ``year``, with a compensatory day when one falls on a weekend."""
    fixed = [D(year, 1, 1), D(year, 4, 30), D(year, 5, 1), D(year, 9, 2)]
    if year in HUNG_KINGS:
        fixed.append(HUNG_KINGS[year])
    if year in NATIONAL_DAY_EXTRA:
        fixed.append(NATIONAL_DAY_EXTRA[year])
    days = set(fixed)
    if year in TET_ANNOUNCED:
        days.update(_span(*TET_ANNOUNCED[year]))
    elif year in LUNAR_NEW_YEAR:
        t = LUNAR_NEW_YEAR[year]
        tet = list(_span(t - dt.timedelta(days=1), t + dt.timedelta(days=3)))
        days.update(tet)
        fixed.extend(tet)
    # A holiday on Saturday/Sunday gives the next working day off (BLLĐ 2019, Điều 111 khoản 3).
    for d in sorted(fixed):
        if d.weekday() >= 5:  # announced Tết spans already include their compensation
            days.add(_next_workday(d, days))
    return frozenset(days)


def default_holidays(years, settings=None) -> frozenset:
    out = set()
    for y in years:
        out |= holidays_for_year(y)
    if settings is not None:
        out |= set(settings.extra_holidays)
        out -= set(settings.removed_holidays)
    return frozenset(out)


def is_working_day(d: dt.date, holidays) -> bool:
    return d.weekday() < 5 and d not in holidays


def add_working_days(start: dt.date, n: int, holidays=None) -> dt.date:
    """The date ``n`` working days after ``start`` (``start`` itself not counted); weekends and
    ``holidays`` (default: the Vietnamese public holidays) are skipped. n may be negative."""
    if holidays is None:
        holidays = default_holidays(range(start.year - 1, start.year + 2))
    step = 1 if n >= 0 else -1
    d = start
    left = abs(n)
    while left:
        d += dt.timedelta(days=step)
        if d.weekday() < 5 and d not in holidays:
            left -= 1
    return d


def disclosure_deadline(meeting: dt.date, code: str, settings=None) -> dt.date:
    """Latest date to publish the list before the council meets: 10 working days for orders
    and State honours [V], a local setting for the rest."""
    from .codes import ORDERS
    from .settings import DEFAULT_SETTINGS

    st = settings or DEFAULT_SETTINGS
    n = st.disclosure_days_orders if code in ORDERS else st.disclosure_days_other
    hol = default_holidays(range(meeting.year - 1, meeting.year + 1), st)
    return add_working_days(meeting, -n, hol)
