"""Vietnamese administrative text helpers (NĐ 30/2020/NĐ-CP, Phụ lục I)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from typing import Any, TypeVar

T = TypeVar("T")


def nfc(s: str) -> str:
    # Input pasted from Word or macOS is often NFD ("e" + U+0302 + U+0301); fonts and PDF text
    # extraction behave only with precomposed characters, so everything is NFC before drawing.
    return unicodedata.normalize("NFC", s)


def normalize(obj: T) -> T:
    """Return ``obj`` with every string (in dataclasses, lists, tuples) in NFC."""
    return _normalize(obj)


def _normalize(obj: Any) -> Any:
    if isinstance(obj, str):
        return nfc(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _normalize(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, (list, tuple)):
        return type(obj)(_normalize(x) for x in obj)
    return obj


def vn_date_line(place: str, d: dt.date) -> str:
    """ "Bình An, ngày 19 tháng 01 năm 2024".

    NĐ 30/2020 Phụ lục I, mục II.5: "Đối với những số chỉ ngày nhỏ hơn 10 và tháng 1, 2 thì
    phải ghi thêm số 0 ở trước" — so tháng 01, 02 but tháng 3 … 9 unpadded (a lone "1" or "2"
    could be forged into 11/12).
    """
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month in (1, 2) else str(d.month)
    prefix = f"{nfc(place)}, " if place else ""
    return f"{prefix}ngày {day} tháng {month} năm {d.year}"


def decision_number(number: int, symbol: str) -> str:
    """ "01/QĐ-UBND": numbers below 10 get a leading zero (NĐ 30/2020 Phụ lục I, mục II.3)."""
    if number < 1:
        raise ValueError("Số văn bản phải lớn hơn 0")
    return f"{number:02d}/{nfc(symbol)}"


def decision_number_text(number: int, symbol: str) -> str:
    """ "Số: 01/QĐ-UBND"."""
    return f"Số: {decision_number(number, symbol)}"


def strip_number_prefix(text: str) -> str:
    """ "Số: 01/QĐ-UBND" → "01/QĐ-UBND" (callers may pass either form)."""
    t = nfc(text).strip()
    for p in ("Số:", "số:", "Số", "số"):
        if t.startswith(p):
            return t[len(p) :].strip()
    return t


def two_digits(n: int) -> str:
    """Counts in decisions are written "02 tập thể", "03 cá nhân"."""
    return f"{n:02d}"


def escape_xml(s: str) -> str:
    """Escape for ReportLab's Paragraph mini-markup."""
    from html import escape

    return escape(nfc(s), quote=False)
