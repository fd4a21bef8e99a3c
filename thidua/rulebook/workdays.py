"""Working days and Vietnamese public holidays (Bộ luật Lao động 2019, Điều 112), used to
count disclosure periods. The calendar, lunar holidays included (Tết Nguyên đán, Giỗ Tổ Hùng
Vương), comes from the ``holidays`` package for any year, with its announced substitutions and
observed days; the spans the Government announced beyond it are data here, and a province's own
changes are settings (``extra_holidays`` / ``removed_holidays``). No year is ever left without Tết."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays as holiday_calendars

D = dt.date

# Tết days off as announced [S], where they go beyond the calendar's (weekends are skipped anyway).
TET_ANNOUNCED = {
    2024: (D(2024, 2, 8), D(2024, 2, 14)),
    2025: (D(2025, 1, 25), D(2025, 2, 2)),
}


def _span(a: dt.date, b: dt.date):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


@lru_cache(maxsize=64)
def holidays_for_year(year: int) -> frozenset:
    """Public holidays of ``year``: the statutory days, the lunar ones computed for that year, the
    days in lieu when one falls on a weekend (Điều 111 khoản 3) and the announced spans."""
    days = set(holiday_calendars.country_holidays("VN", years=year))
    if year in TET_ANNOUNCED:
        days.update(_span(*TET_ANNOUNCED[year]))
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
