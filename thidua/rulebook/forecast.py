"""Forecast: which chained titles/forms become reachable in the coming years if the chain
continues ("Đủ điều kiện xét CSTĐ cấp tỉnh năm 2027 nếu đạt CSTĐ cơ sở năm 2027")."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .codes import INDIVIDUAL, RATING_RANK, short_vi
from .eligibility import facts_for
from .settings import DEFAULT_SETTINGS, RulebookSettings


@dataclass(frozen=True, slots=True)
class ForecastItem:
    code: str
    year: int
    condition_vi: str
    assumes: tuple = ()  # ((code or "HTT+"/"HTXS", year), ...)

    def to_dict(self) -> dict:
        return {"code": self.code, "year": self.year, "condition": self.condition_vi,
                "assumes": [list(a) for a in self.assumes]}


def _ylist(years) -> str:
    years = sorted(years)
    if not years:
        return ""
    if len(years) == 1:
        return f"năm {years[0]}"
    return "các năm " + ", ".join(str(y) for y in years)


def _run_before(has, start: int, lo: int) -> int:
    n, y = 0, start - 1
    while y > lo and has(y):
        n += 1
        y -= 1
    return n


def forecast(subject, from_year: int, decision_date: dt.date | None = None, horizon: int = 5,
             settings: RulebookSettings | None = None) -> list:
    st = settings or DEFAULT_SETTINGS
    dd = decision_date or dt.date(max(from_year, 2024), 12, 31)
    f = facts_for(subject, dd, st)
    end = from_year + horizon - 1
    out = []
    if getattr(subject, "kind", INDIVIDUAL) == INDIVIDUAL:
        out += _individual(f, from_year, end, st)
    else:
        out += _collective(f, from_year, end)
    out.sort(key=lambda i: (i.year, i.code))
    return out


def _has_title(f, code):
    return lambda y: code in f.titles.get(y, ())


def _has_initiative(f, y_from, y_to, min_scope, code, y):
    ok, _ = f.initiatives(y_from, y_to, min_scope, code, y)
    return bool(ok)


def _individual(f, a, end, st):
    out = []
    cs = _has_title(f, "CSTDCS")
    # CSTĐ tỉnh (Luật Đ22): 3 consecutive CSTĐCS ending at the year.
    lo = f.lo("CSTD_TINH", a)
    k = _run_before(cs, a, lo)
    y = a + max(0, 2 - min(k, 2))
    tinh_years = []
    while y <= end:
        need = [x for x in range(y - 2, y + 1) if x >= a]
        cond = f"Đủ điều kiện xét {short_vi('CSTD_TINH')} năm {y} nếu đạt {short_vi('CSTDCS')} {_ylist(need)}"
        if not _has_initiative(f, y - 2, y, 2, "CSTD_TINH", y):
            cond += " và có sáng kiến, đề tài có phạm vi ảnh hưởng cấp bộ, ngành, tỉnh"
        out.append(_item("CSTD_TINH", y, cond, [("CSTDCS", x) for x in need]))
        tinh_years.append(y)
        y += st.cstd_tinh_cycle_years
    # CSTĐ toàn quốc (Luật Đ21): 2 consecutive CSTĐ tỉnh.
    lo_q = f.lo("CSTD_TQ", a)
    granted = [g for g in f.grounds.get("CSTD_TINH", ()) if lo_q < g < a]
    seq = granted + tinh_years
    used_until = lo_q
    for i, y in enumerate(seq):
        if y < a or i == 0:
            continue
        prev = seq[i - 1]
        if prev <= used_until or y - prev > st.cstd_tinh_cycle_years:
            continue
        need = [x for x in (prev, y) if x >= a]
        cond = f"Đủ điều kiện xét {short_vi('CSTD_TQ')} năm {y} nếu đạt {short_vi('CSTD_TINH')} {_ylist(need)}"
        if not _has_initiative(f, prev - 2, y, 3, "CSTD_TQ", y):
            cond += " và có sáng kiến, đề tài có phạm vi ảnh hưởng toàn quốc"
        out.append(_item("CSTD_TQ", y, cond, [("CSTD_TINH", x) for x in need]))
        used_until = y
    # Bằng khen tỉnh (Luật Đ74 k1 d): 2 consecutive CSTĐCS.
    lo_b = f.lo("BK_TINH", a)
    y = a if (a - 1 > lo_b and cs(a - 1)) else a + 1
    while y <= end:
        need = [x for x in (y - 1, y) if x >= a]
        out.append(_item("BK_TINH", y, f"Đủ điều kiện xét {short_vi('BK_TINH')} năm {y} nếu đạt {short_vi('CSTDCS')} {_ylist(need)}",
                         [("CSTDCS", x) for x in need]))
        y += 2
    # Bằng khen Thủ tướng (Luật Đ73 k1 b): after a Bằng khen tỉnh, 5 years ≥ HTT with 3 CSTĐCS.
    bks = [b for b in f.grounds.get("BK_TINH", ()) if b < a]
    if bks:
        lo_t = f.lo("BK_TTG", a)
        span_lo = max(lo_t, bks[0]) if st.bk_ttg_span_after_bk_tinh else lo_t
        good = lambda x: RATING_RANK.get(f.ratings.get(x), 0) >= 3  # noqa: E731
        r = _run_before(good, a, span_lo)
        have = sum(1 for x in range(a - r, a) if cs(x))
        more = max(0, 3 - have)
        y = max(a + max(0, 5 - r) - 1, a + more - 1, span_lo + 5, a)
        if y <= end:
            years = list(range(a, y + 1))
            cond = f"Đủ điều kiện xét {short_vi('BK_TTG')} năm {y} nếu hoàn thành tốt nhiệm vụ trở lên {_ylist(years)}"
            if more:
                cond += f" và đạt thêm {more} lần {short_vi('CSTDCS')} trong thời gian đó (hiện có {have})"
            out.append(_item("BK_TTG", y, cond, [("HTT", x) for x in years]))
    return out


def _collective(f, a, end):
    out = []
    lo_b = f.lo("BK_TINH", a)
    prev_ok = a - 1 > lo_b and (f.ratings.get(a - 1) == "HTXS" or "TTLDXS" in f.titles.get(a - 1, ()))
    y = a if prev_ok else a + 1
    while y <= end:
        need = [x for x in (y - 1, y) if x >= a]
        out.append(_item("BK_TINH", y, f"Đủ điều kiện xét {short_vi('BK_TINH')} năm {y} nếu hoàn thành xuất sắc nhiệm vụ hoặc đạt {short_vi('TTLDXS')} {_ylist(need)}",
                         [("TTLDXS", x) for x in need]))
        y += 2
    return out


def _item(code, year, cond, assumes):
    return ForecastItem(code, year, cond, tuple(assumes))
