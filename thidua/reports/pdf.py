"""A generic NĐ 30 PDF mirroring ``thidua.documents.render_simple_docx`` (same blocks, same header and
signer block, from ``thidua.documents.pdf_common``), for reports and statistical forms."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from thidua.documents.fonts import FAMILY, register_fonts, text_width_pt
from thidua.documents.pdf_common import hr, nd30_header, p, signature_block, style
from thidua.documents.text import normalize
from thidua.documents.types import DocHeader, Para, SignatureBlock, TableSpec
from thidua.formatting import format_money

Block = str | Para | TableSpec
LEFT_MM, RIGHT_MM, TOP_MM, BOTTOM_MM = 30, 15, 20, 20  # NĐ 30/2020 Phụ lục I, mục I.4


def _table(spec: TableSpec, width_mm: float) -> Table:
    n = len(spec.columns)
    widths = list(spec.widths_mm or [width_mm / n] * n)
    scale = width_mm / sum(widths)  # the table fills the text width, portrait or landscape
    head = style(11, bold=True, align="center")
    cells = [[p(str(c), head) for c in spec.columns]]
    for values in spec.rows:
        row = []
        for i, value in enumerate(values):
            if i in spec.money_columns and isinstance(value, int):
                row.append(p(format_money(value), style(11, align="right")))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                row.append(p(str(value), style(11, align="right")))
            else:
                row.append(p("" if value is None else str(value), style(11, align="left")))
        cells.append(row)
    t = Table(cells, colWidths=[w * scale * mm for w in widths], repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def render_simple_pdf(
    title_lines: Sequence[str],
    paragraphs: Iterable[Block],
    tables: Iterable[TableSpec] = (),
    *,
    header: DocHeader | None = None,
    signature: SignatureBlock | None = None,
    recipients_of_copy: Sequence[str] = (),
    wide: bool = False,
) -> bytes:
    """Same arguments as ``render_simple_docx``; ``wide`` lays the page out in landscape for broad tables."""
    register_fonts()
    pagesize = landscape(A4) if wide else A4
    text_w_mm = pagesize[0] / mm - LEFT_MM - RIGHT_MM
    buf = io.BytesIO()
    lines = [line for line in normalize(list(title_lines)) if line]
    doc = SimpleDocTemplate(buf, pagesize=pagesize, leftMargin=LEFT_MM * mm, rightMargin=RIGHT_MM * mm,
                            topMargin=TOP_MM * mm, bottomMargin=BOTTOM_MM * mm, title=" ".join(lines),
                            author=(header.issuer_name.replace("\n", " ") if header else ""), invariant=1)
    story = []
    if header is not None:
        story += [nd30_header(normalize(header)), Spacer(1, 14)]
    if lines:
        story.append(p(lines[0].upper(), style(14, bold=True, align="center")))
        story += [p(line, style(14, bold=True, align="center")) for line in lines[1:]]
        longest = max(text_width_pt(line, 14, bold=True) for line in lines[1:] or lines)
        story.append(hr(min(longest * 0.4, 200), after=10))
    body = style(14, indent_mm=10, after=6)
    for block in [*normalize(list(paragraphs)), *normalize(list(tables))]:
        if isinstance(block, TableSpec):
            story += [_table(block, text_w_mm), Spacer(1, 8)]
        elif isinstance(block, Para):
            indent = 10 if block.first_line_indent and block.align == "justify" else 0
            story.append(p(block.text, style(14, bold=block.bold, italic=block.italic, align=block.align,
                                             indent_mm=indent, after=6)))
        else:
            story.append(p(str(block), body))
    if signature is not None:
        story.append(KeepTogether([signature_block(normalize(signature), normalize(list(recipients_of_copy)))]))

    def page_number(canvas, d):
        # NĐ 30 Phụ lục I, mục I.5: page number centred in the top margin, from page 2.
        canvas.saveState()
        canvas.setFont(FAMILY, 13)
        canvas.drawCentredString(LEFT_MM * mm + text_w_mm * mm / 2, pagesize[1] - 12 * mm, str(d.page))
        canvas.restoreState()

    doc.build(story, onLaterPages=page_number)
    return buf.getvalue()
