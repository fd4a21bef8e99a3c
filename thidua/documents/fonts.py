"""The vendored Times-compatible font (Liberation Serif 2.1.5, SIL OFL 1.1).

Liberation Serif is metric-compatible with Times New Roman (same advance widths), so a
line that fits in the PDF fits in Word with Times New Roman, and ReportLab can measure
text for the .docx layout as well. It covers every Vietnamese precomposed letter.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "TimesVN"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    FAMILY,
    f"{FAMILY}-Bold",
    f"{FAMILY}-Italic",
    f"{FAMILY}-BoldItalic",
)
_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the family with ReportLab once per process; returns the family name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    return FAMILY


def text_width_pt(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width of ``text`` in points, valid for Times New Roman too (metric compatibility)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    name = {(False, False): REGULAR, (True, False): BOLD, (False, True): ITALIC, (True, True): BOLD_ITALIC}[
        (bold, italic)
    ]
    return stringWidth(text, name, size)
