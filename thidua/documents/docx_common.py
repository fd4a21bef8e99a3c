"""NĐ 30/2020 building blocks for .docx documents (python-docx).

Every .docx renderer in this package builds on ``new_nd30_document``, ``add_nd30_header``
and ``add_signature_block``, so the layout of the header and the signer block lives in one
place.

Why python-docx rather than a docxtpl template: the layout is data-shaped (optional
governing body, optional Điều 2 when there is no money, KT./TM. signer lines, one or two
annex sections, variable legal bases) and needs exact geometry (column widths, rules under
the issuer and the motto whose lengths follow the text). Expressing that in code keeps it
reviewable in diffs and testable, whereas a binary template edited in Word drifts silently
and breaks its Jinja tags when someone retypes a field. docxtpl stays available for
deployments that want to supply their own templates later.
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Iterable, Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .fonts import text_width_pt
from .text import nfc, vn_date_line
from .types import DocHeader, SignatureBlock, TableSpec

FONT_NAME = "Times New Roman"
BODY_PT = 14  # NĐ 30: body 13–14 pt
# NĐ 30/2020 Phụ lục I, mục I.4: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGIN_TOP = MARGIN_BOTTOM = Mm(20)
MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(15)
PAGE_W_MM, PAGE_H_MM = 210, 297
TEXT_W_MM = PAGE_W_MM - 30 - 15  # 165 mm
HEADER_LEFT_MM = 68  # issuer column; the motto needs ≈ 95 mm at 13 pt bold
HEADER_RIGHT_MM = TEXT_W_MM - HEADER_LEFT_MM

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


# --------------------------------------------------------------------------- document


def new_nd30_document() -> Document:
    """A4 portrait, NĐ 30 margins, Times New Roman 14 pt, page numbers from page 2: a copy of the base document
    set up once per process, so the parts every document shares (styles, theme, settings, fonts, the page-number
    header) are not parsed and set up again for each decision of a batch (half the cost of a new document)."""
    return copy.deepcopy(_nd30_base())


@functools.cache
def _nd30_base() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = Mm(10)

    style = doc.styles["Normal"]
    style.font.name = FONT_NAME
    style.font.size = Pt(BODY_PT)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT_NAME)
    pf = style.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0

    # NĐ 30 Phụ lục I, mục I.5: page numbers centred in the top margin, not on page 1.
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_field(p, "PAGE", size=BODY_PT - 1)
    return doc


def to_bytes(doc: Document) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _add_field(paragraph: Paragraph, instr: str, size: float) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(size)
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


# --------------------------------------------------------------------------- paragraphs


def para(
    container,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: str = "justify",
    first_line_indent_mm: float = 0,
    space_before: float = 0,
    space_after: float = 0,
    color: RGBColor | None = None,
    keep_with_next: bool = False,
) -> Paragraph:
    """Add a paragraph to a document or a table cell. Lines may be split with "\\n"."""
    p = container.add_paragraph()
    _fill(p, text, size=size, bold=bold, italic=italic, color=color)
    fmt = p.paragraph_format
    p.alignment = _ALIGN[align]
    if first_line_indent_mm:
        fmt.first_line_indent = Mm(first_line_indent_mm)
    fmt.space_before, fmt.space_after = Pt(space_before), Pt(space_after)
    fmt.keep_with_next = keep_with_next
    return p


def _fill(p: Paragraph, text: str, *, size, bold=False, italic=False, color=None) -> None:
    for i, line in enumerate(nfc(text).split("\n")):
        run = p.add_run(line)
        if i:
            run._r.insert(0, OxmlElement("w:br"))
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        if color is not None:
            run.font.color.rgb = color


def body_para(doc, text: str, **kw) -> Paragraph:
    """Justified body text, first-line indent 1 cm, 6 pt after (NĐ 30 Phụ lục I, mục II.8)."""
    kw.setdefault("first_line_indent_mm", 10)
    kw.setdefault("space_after", 6)
    return para(doc, text, **kw)


def rule(container, length_pt: float, width_pt: float, *, space_before: float = 0) -> Paragraph:
    """A centred horizontal rule ``length_pt`` long inside a box ``width_pt`` wide.

    Drawn as the bottom border of an empty 1 pt paragraph indented from both sides, so it
    stays an ordinary editable paragraph in Word (no floating shapes).
    """
    p = container.add_paragraph()
    fmt = p.paragraph_format
    side = max((width_pt - length_pt) / 2, 0)
    fmt.left_indent = fmt.right_indent = Pt(side)
    fmt.space_before, fmt.space_after = Pt(space_before), Pt(0)
    fmt.line_spacing = Pt(1)
    run = p.add_run()
    run.font.size = Pt(1)
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")  # eighths of a point
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    bdr.append(bottom)
    ppr.append(bdr)
    return p


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------------- tables


def _set_cell_margins(
    table: Table, left_mm: float = 1.0, right_mm: float = 1.0, top_mm: float = 0.0, bottom_mm: float = 0.0
) -> None:
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, value in (("top", top_mm), ("left", left_mm), ("bottom", bottom_mm), ("right", right_mm)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(value * 56.7)))  # twips
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tbl_pr.append(mar)


def _fixed_widths(table: Table, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)
    for col, w in zip(table.columns, widths_mm, strict=False):
        col.width = Mm(w)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def clear_cell(cell: _Cell) -> _Cell:
    # A new cell holds one empty paragraph; drop it so content starts at the top.
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


def layout_table(doc, rows: int, widths_mm: Sequence[float]) -> Table:
    """A borderless table used for positioning (header, signature)."""
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _set_cell_margins(table, 0.5, 0.5)
    _fixed_widths(table, widths_mm)
    for row in table.rows:
        for cell in row.cells:
            clear_cell(cell)
    return table


def grid_table(doc, spec: TableSpec, *, size: float = 12) -> Table:
    """A bordered data table with a bold repeated header row."""
    from thidua.formatting import format_money

    n = len(spec.columns)
    widths = list(spec.widths_mm or [TEXT_W_MM / n] * n)
    table = doc.add_table(rows=1, cols=n)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_cell_margins(table, 1.0, 1.0, 0.6, 0.6)
    header = table.rows[0]
    _repeat_header(header)
    for cell, title in zip(header.cells, spec.columns, strict=False):
        clear_cell(cell)
        para(cell, title, size=size, bold=True, align="center")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for values in spec.rows:
        cells = table.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, values, strict=False)):
            clear_cell(cell)
            if i in spec.money_columns and isinstance(value, int):
                para(cell, format_money(value), size=size, align="right")
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                para(cell, str(value), size=size, align="right")
            else:
                para(cell, "" if value is None else str(value), size=size, align="left")
    _fixed_widths(table, widths)
    return table


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def merge_row(table: Table, text: str, *, size: float = 12, bold: bool = True) -> None:
    cells = table.add_row().cells
    merged = cells[0].merge(cells[-1])
    clear_cell(merged)
    para(merged, text, size=size, bold=bold, align="left")


# --------------------------------------------------------------------------- header / signature

MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"


def add_nd30_header(doc, header: DocHeader) -> Table:
    """The two-column header of NĐ 30/2020 Phụ lục I (ô số 1–4).

    Left: governing body (regular caps 13 pt) over the issuer (bold caps 13 pt), a rule of
    ~1/3 of the issuer's length, then "Số: …". Right: the national motto (bold 13 pt caps),
    the slogan (bold 14 pt) with a rule as long as the slogan, then place and date (italic
    14 pt). The number and the date share a row so their baselines line up as on paper.
    """
    left_w, right_w = HEADER_LEFT_MM, HEADER_RIGHT_MM
    table = layout_table(doc, rows=2, widths_mm=(left_w, right_w))
    left, right = table.rows[0].cells
    left_pt, right_pt = left_w * 72 / 25.4, right_w * 72 / 25.4

    if header.governing_body:
        para(left, header.governing_body.upper(), size=13, align="center")
    para(left, header.issuer_name.upper(), size=13, bold=True, align="center")
    issuer_len = max(text_width_pt(line, 13, bold=True) for line in nfc(header.issuer_name.upper()).split("\n"))
    rule(left, min(issuer_len * 0.4, left_pt), left_pt, space_before=2)

    para(right, MOTTO_1, size=13, bold=True, align="center")
    para(right, MOTTO_2, size=14, bold=True, align="center")
    rule(right, text_width_pt(MOTTO_2, 14, bold=True), right_pt, space_before=2)

    num_cell, date_cell = table.rows[1].cells
    para(num_cell, header.number_text, size=13, align="center", space_before=6)
    para(date_cell, vn_date_line(header.place, header.date), size=14, italic=True, align="center", space_before=6)
    return table


def add_signature_block(doc, signature: SignatureBlock, recipients_of_copy: Iterable[str] = ()) -> Table:
    """ "Nơi nhận:" on the left (bold italic 12 pt, items 11 pt), signer on the right."""
    table = layout_table(doc, rows=1, widths_mm=(80, TEXT_W_MM - 80))
    left, right = table.rows[0].cells
    copies = [nfc(c).strip() for c in recipients_of_copy if c and c.strip()]
    if copies:
        para(left, "Nơi nhận:", size=12, bold=True, italic=True, align="left", space_before=6)
        for item in copies:
            para(left, item if item.startswith("-") else f"- {item}", size=11, align="left")
    else:
        para(left, "")
    lines = [signature.prefix, signature.title] if signature.prefix else [signature.title]
    para(right, "\n".join(line.upper() for line in lines), size=14, bold=True, align="center", space_before=6)
    # Room for the signature and the seal (≈ 25 mm).
    for _ in range(5):
        para(right, "", size=14)
    para(right, signature.name, size=14, bold=True, align="center")
    return table
