"""Editable .docx documents in the NĐ 30/2020 layout."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Pt

from thidua.formatting import format_money

from . import decision_text as dt_
from .docx_common import (
    add_nd30_header,
    add_signature_block,
    body_para,
    clear_cell,
    grid_table,
    merge_row,
    new_nd30_document,
    page_break,
    para,
    rule,
    to_bytes,
)
from .fonts import text_width_pt
from .text import normalize
from .types import DecisionDoc, DocHeader, Para, SignatureBlock, TableSpec

Block = str | Para | TableSpec


def _title(doc, lines: Sequence[str]) -> None:
    """Document type (bold caps 14 pt) and summary (bold 14 pt) with a short rule below."""
    lines = [line for line in lines if line]
    if not lines:
        return
    para(doc, lines[0].upper(), size=14, bold=True, align="center", space_before=18)
    for line in lines[1:]:
        para(doc, line, size=14, bold=True, align="center")
    longest = max(text_width_pt(line, 14, bold=True) for line in lines[1:] or lines)
    width_pt = 165 * 72 / 25.4
    rule(doc, min(longest * 0.4, width_pt), width_pt, space_before=3)
    para(doc, "", size=8)


def render_decision_docx(decision: DecisionDoc) -> bytes:
    """An award decision (quyết định khen thưởng) with its annexed list, as .docx bytes."""
    d = normalize(decision)
    doc = new_nd30_document()
    add_nd30_header(doc, d.header)
    _title(doc, ["QUYẾT ĐỊNH", d.summary])
    para(doc, d.signer_authority.upper(), size=14, bold=True, align="center", space_after=12)
    for basis in d.legal_bases:
        body_para(doc, basis, italic=True)
    if d.proposal:
        body_para(doc, d.proposal, italic=True)
    para(doc, "QUYẾT ĐỊNH:", size=14, bold=True, align="center", space_before=6, space_after=12)
    for art in dt_.articles(d):
        p = body_para(doc, "")
        r = p.add_run(art.label + " ")
        r.font.bold = True
        r.font.size = Pt(14)
        r = p.add_run(art.text)
        r.font.size = Pt(14)
    add_signature_block(doc, d.signature, d.recipients_of_copy)

    if d.recipients:
        page_break(doc)
        _annex(doc, d)
    return to_bytes(doc)


def _annex(doc, d: DecisionDoc) -> None:
    para(doc, dt_.annex_title(d), size=14, bold=True, align="center")
    para(doc, dt_.annex_caption(d), size=14, italic=True, align="center")
    rule(doc, 120, 165 * 72 / 25.4, space_before=3)
    para(doc, "", size=8)
    spec = TableSpec(columns=dt_.ANNEX_COLUMNS, rows=[], widths_mm=dt_.ANNEX_WIDTHS_MM)
    table = grid_table(doc, spec, size=12)
    for label, lines in dt_.annex_sections(d):
        merge_row(table, label, size=12)
        for i, r in enumerate(lines, 1):
            cells = table.add_row().cells
            for j, (cell, value) in enumerate(zip(cells, dt_.annex_row(i, r), strict=False)):
                clear_cell(cell)
                align = {0: "center", 4: "right"}.get(j, "left")
                para(cell, value, size=12, align=align, bold=(j == 1))
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if d.total_amount:
        cells = table.add_row().cells
        label = clear_cell(cells[0].merge(cells[3]))
        para(label, "Tổng cộng", size=12, bold=True, align="center")
        para(clear_cell(cells[4]), format_money(d.total_amount), size=12, bold=True, align="right")
        _fix_widths(table, dt_.ANNEX_WIDTHS_MM)
        para(
            doc, f"(Bằng chữ: {d.total_words.strip().rstrip('.')})", size=13, italic=True, align="left", space_before=6
        )
    else:
        _fix_widths(table, dt_.ANNEX_WIDTHS_MM)


def _fix_widths(table, widths_mm) -> None:
    from docx.shared import Mm

    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)


def render_simple_docx(
    title_lines: Sequence[str],
    paragraphs: Iterable[Block],
    tables: Iterable[TableSpec] = (),
    *,
    header: DocHeader | None = None,
    signature: SignatureBlock | None = None,
    recipients_of_copy: Sequence[str] = (),
) -> bytes:
    """A generic NĐ 30 document: minutes (biên bản), reports (báo cáo), submissions (tờ trình).

    ``title_lines``: ["BIÊN BẢN", "Họp Hội đồng Thi đua - Khen thưởng xã"] (first line is
    the document type). ``paragraphs`` items are strings (justified body text), ``Para``
    for emphasis/alignment, or ``TableSpec`` to place a table in the flow; ``tables`` are
    appended after the text. ``header`` and ``signature`` are optional so the helper also
    serves internal drafts.
    """
    doc = new_nd30_document()
    if header is not None:
        add_nd30_header(doc, normalize(header))
    _title(doc, [*normalize(list(title_lines))])
    for block in [*normalize(list(paragraphs)), *normalize(list(tables))]:
        if isinstance(block, TableSpec):
            grid_table(doc, block, size=12)
            para(doc, "", size=6)
        elif isinstance(block, Para):
            indent = 10 if block.first_line_indent and block.align == "justify" else 0
            body_para(
                doc, block.text, bold=block.bold, italic=block.italic, align=block.align, first_line_indent_mm=indent
            )
        else:
            body_para(doc, str(block))
    if signature is not None:
        add_signature_block(doc, normalize(signature), normalize(list(recipients_of_copy)))
    return to_bytes(doc)


__all__ = ["render_decision_docx", "render_simple_docx"]
