from __future__ import annotations

import datetime as dt

from .errors import RulebookError


def parse_date(value, where: str = "ngày") -> dt.date:
    """Accept a date, 'YYYY-MM-DD' or 'DD/MM/YYYY'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            if "/" in s:
                d, m, y = s.split("/")
                return dt.date(int(y), int(m), int(d))
            return dt.date.fromisoformat(s[:10])
        except (ValueError, TypeError):
            pass
    raise RulebookError(f"{where}: ngày không hợp lệ {value!r} (dùng YYYY-MM-DD hoặc DD/MM/YYYY)")
