"""Diacritics-insensitive search text: "nguyen van" finds "Nguyễn Văn"."""

import unicodedata


def normalize_search(value: str) -> str:
    # NFD splits base letters from combining marks; đ/Đ is a letter of its own
    # (not a composed one), so it needs an explicit mapping.
    text = unicodedata.normalize("NFD", value or "")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D")
    return " ".join(text.casefold().split())
