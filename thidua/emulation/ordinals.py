"""Vietnamese ordinal labels for the numbered key contents of a launch ("Một là…", "Thứ nhất…")."""

_CARDINALS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]


def _cardinal(n: int) -> str:
    if n <= 10:
        return _CARDINALS[n]
    if n < 20:
        unit = n - 10
        return "mười " + ("lăm" if unit == 5 else _CARDINALS[unit])
    tens, unit = divmod(n, 10)
    tail = "" if unit == 0 else " " + ("mốt" if unit == 1 else "lăm" if unit == 5 else "tư" if unit == 4
                                      else _CARDINALS[unit])
    return _CARDINALS[tens] + " mươi" + tail


def ordinal_label(n: int, style: str = "mot_la") -> str:
    """1 → "Một là" / "Thứ nhất"; 4 → "Bốn là" / "Thứ tư"."""
    if style == "thu_nhat":
        special = {1: "nhất", 4: "tư"}
        word = special.get(n, _cardinal(n))
        return f"Thứ {word}"
    return f"{_cardinal(n).capitalize()} là"
