"""ReportLab building blocks mirroring ``docx_common`` (same geometry, same header)."""

from __future__ import annotations

from html import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table, TableStyle

from .docx_common import HEADER_LEFT_MM, HEADER_RIGHT_MM, MOTTO_1, MOTTO_2, TEXT_W_MM
from .fonts import BOLD, BOLD_ITALIC, FAMILY, ITALIC, register_fonts, text_width_pt
from .text import nfc, vn_date_line
from .types import DocHeader, SignatureBlock

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def style(
    size: float = 14,
    *,
    bold=False,
    italic=False,
    align="justify",
    indent_mm: float = 0,
    after: float = 0,
    before: float = 0,
    leading: float | None = None,
) -> ParagraphStyle:
    register_fonts()
    font = {(False, False): FAMILY, (True, False): BOLD, (False, True): ITALIC, (True, True): BOLD_ITALIC}[
        (bold, italic)
    ]
    return ParagraphStyle(
        name=f"s{size}{bold}{italic}{align}{indent_mm}{after}{before}",
        fontName=font,
        fontSize=size,
        leading=leading or size * 1.2,
        alignment=_ALIGN[align],
        firstLineIndent=indent_mm * mm,
        spaceAfter=after,
        spaceBefore=before,
    )


def p(text: str, st: ParagraphStyle) -> Paragraph:
    """A Paragraph from plain text: escaped, NFC, "\\n" as line breaks."""
    return Paragraph(escape(nfc(text)).replace("\n", "<br/>"), st)


def hr(length_pt: float, before: float = 4, after: float = 0) -> HRFlowable:
    return HRFlowable(
        width=length_pt, thickness=0.6, color="black", hAlign="CENTER", spaceBefore=before, spaceAfter=after
    )


def nd30_header(header: DocHeader) -> Table:
    """Same content and proportions as ``docx_common.add_nd30_header``."""
    left = []
    if header.governing_body:
        left.append(p(header.governing_body.upper(), style(13, align="center")))
    issuer = nfc(header.issuer_name.upper())
    left.append(p(issuer, style(13, bold=True, align="center")))
    issuer_len = max(text_width_pt(line, 13, bold=True) for line in issuer.split("\n"))
    left.append(hr(min(issuer_len * 0.4, HEADER_LEFT_MM * mm)))
    right = [
        p(MOTTO_1, style(13, bold=True, align="center")),
        p(MOTTO_2, style(14, bold=True, align="center")),
        hr(text_width_pt(MOTTO_2, 14, bold=True)),
    ]
    number = p(header.number_text, style(13, align="center"))
    date = p(vn_date_line(header.place, header.date), style(14, italic=True, align="center"))
    t = Table([[left, right], [number, date]], colWidths=[HEADER_LEFT_MM * mm, HEADER_RIGHT_MM * mm])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # centres the rules (HRFlowable) in the cells
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 1), (-1, 1), 6),
            ]
        )
    )
    return t


def signature_block(sig: SignatureBlock, copies) -> Table:
    left = []
    items = [nfc(c).strip() for c in copies if c and c.strip()]
    if items:
        left.append(p("Nơi nhận:", style(12, bold=True, italic=True, align="left")))
        for item in items:
            left.append(p(item if item.startswith("-") else f"- {item}", style(11, align="left")))
    lines = [sig.prefix, sig.title] if sig.prefix else [sig.title]
    right = [
        p("\n".join(x.upper() for x in lines), style(14, bold=True, align="center")),
        Spacer(1, 25 * mm),
        p(sig.name, style(14, bold=True, align="center")),
    ]
    t = Table([[left, right]], colWidths=[80 * mm, (TEXT_W_MM - 80) * mm])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return t
