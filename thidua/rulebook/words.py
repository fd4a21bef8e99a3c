"""Vietnamese amounts in words, written in-house (common libraries get "linh"/"mốt"/"lăm" wrong)."""
from __future__ import annotations

from thidua.formatting import format_vnd  # noqa: F401 (the rulebook re-exports the one money format)

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", " nghìn", " triệu")


def _triple(n: int, full: bool) -> str:
    """Read 0 < n < 1000. ``full``: the group follows a higher group, so hundreds and "linh"
    are spelled out ("không trăm linh năm")."""
    h, t, u = n // 100, (n // 10) % 10, n % 10
    parts = []
    if h or full:
        parts.append(f"{_DIGITS[h]} trăm")
    if t == 0:
        if u and (h or full):
            parts.append("linh")  # 105 → một trăm linh năm ("linh năm", never "linh lăm")
        if u:
            parts.append(_DIGITS[u])
    elif t == 1:
        parts.append("mười")
        if u == 5:
            parts.append("lăm")
        elif u:
            parts.append(_DIGITS[u])
    else:
        parts.append(f"{_DIGITS[t]} mươi")
        if u == 1:
            parts.append("mốt")
        elif u == 4:
            parts.append("tư")
        elif u == 5:
            parts.append("lăm")
        elif u:
            parts.append(_DIGITS[u])
    return " ".join(parts)


def _below_billion(n: int, full: bool) -> str:
    groups = []
    i = 0
    while n:
        groups.append((n % 1000, i))
        n //= 1000
        i += 1
    words = []
    for g, idx in reversed(groups):
        if g == 0:
            continue
        words.append(_triple(g, full or bool(words)) + _GROUPS[idx])
    return " ".join(words)


def number_in_words(n: int) -> str:
    """Lower-case reading of a non-negative integer ("một triệu không trăm linh năm nghìn")."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("Số tiền phải là số nguyên")
    if n < 0:
        raise ValueError("Số tiền không được âm")
    if n == 0:
        return "không"
    return _read(n, full=False)


def _read(n: int, full: bool) -> str:
    billions, rest = divmod(n, 1_000_000_000)
    words = []
    if billions:
        words.append(_read(billions, full) + " tỷ")
    if rest:
        words.append(_below_billion(rest, full or bool(billions)))
    return " ".join(words)


def amount_in_words(n: int) -> str:
    """"Bảy trăm sáu mươi nghìn đồng": capitalised, ends with "đồng"."""
    s = number_in_words(n)
    return f"{s[0].upper()}{s[1:]} đồng"
