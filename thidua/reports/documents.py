"""Downloads of the reports in Excel, Word and PDF, built from the scoped statistics."""

from __future__ import annotations

import io
from copy import copy
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook, load_workbook

from thidua.documents import Column, Para, TableSpec, render_simple_docx, render_table_xlsx
from thidua.formatting import format_vnd

from . import selectors, summary
from .pdf import render_simple_pdf

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
AWARD_TABLE_KINDS = ["int", "text", "text", "int", "int", "int", "money"]
REGISTER_KINDS = ["text", "text", "text", "text", "text", "text", "text", "money"]
TARGET_KINDS = ["int", "text", "text", "text", "text", "text"]


@dataclass(frozen=True)
class File:
    content: bytes
    filename: str

    @property
    def content_type(self) -> str:
        return FORMATS[self.filename.rsplit(".", 1)[1]]


def _name(stem: str, unit, year, fmt: str) -> str:
    return f"{stem}-{slugify(unit.code) or unit.pk}-{year}.{fmt}"


def _columns(titles, kinds):
    return [Column(t, kind=k) for t, k in zip(titles, kinds, strict=True)]


def _simple(fmt, unit, year, title_lines, blocks, *, wide=False) -> bytes:
    draft = summary.draft_for(unit, year)
    kw = dict(header=summary.document_header(unit, draft, timezone.localdate()),
              signature=summary.document_signature(unit), recipients_of_copy=["Như trên;", "Lưu: VT."])
    if fmt == "docx":
        return render_simple_docx(title_lines, blocks, **kw)
    return render_simple_pdf(title_lines, blocks, wide=wide, **kw)


# ---- Thống kê kết quả khen thưởng năm N ------------------------------------------------------------

def award_table_file(user, unit, year, fmt: str) -> File:
    stats = selectors.grant_stats(user, unit, year)
    rows = summary.award_table_rows(stats)
    title = f"Thống kê kết quả khen thưởng năm {year}"
    if fmt == "xlsx":
        content = render_table_xlsx(title, _columns(summary.AWARD_TABLE_COLUMNS, AWARD_TABLE_KINDS), rows,
                                    sheet_name="Thống kê", subtitle=unit.name)
    else:
        blocks = [f"Đơn vị: {unit.name}. Số liệu tính theo năm thành tích {year}, không kể các khen thưởng đã "
                  "bị hủy bỏ.",
                  TableSpec(summary.AWARD_TABLE_COLUMNS, rows, widths_mm=[10, 50, 27, 17, 17, 17, 27],
                            money_columns=[6])]
        if stats.women_share is not None:
            blocks.append(f"Cá nhân nữ được khen thưởng: {summary.two(stats.women)}/"
                          f"{summary.two(stats.totals.individual)} ({summary.fmt_percent(stats.women_share)}).")
        content = _simple(fmt, unit, year, ["BÁO CÁO", title], blocks)
    return File(content, _name("thong-ke-khen-thuong", unit, year, fmt))


# ---- Danh sách khen thưởng (sổ vàng) ----------------------------------------------------------------

def register_file(user, unit, year, fmt: str) -> File:
    rows = summary.register_table_rows(selectors.register_rows(user, unit, year))
    title = f"Danh sách khen thưởng năm {year} (sổ vàng)"
    if fmt == "xlsx":
        content = render_table_xlsx(title, _columns(summary.REGISTER_COLUMNS, REGISTER_KINDS), rows,
                                    sheet_name="Sổ vàng", subtitle=unit.name)
    else:
        total = sum(r[-1] for r in rows)
        blocks = [f"Đơn vị: {unit.name}. Danh sách xếp theo cơ quan ban hành và số sổ vàng.",
                  TableSpec(summary.REGISTER_COLUMNS, rows, widths_mm=[15, 29, 13, 27, 22, 24, 18, 17],
                            money_columns=[7]),
                  Para(f"Tổng số: {summary.two(len(rows))} lượt khen thưởng; tổng số tiền thưởng "
                       f"{format_vnd(total, unit='đồng')}.", italic=True)]
        content = _simple(fmt, unit, year, ["DANH SÁCH", title], blocks, wide=True)
    return File(content, _name("so-vang", unit, year, fmt))


# ---- Báo cáo tổng kết -----------------------------------------------------------------------------

def summary_file(user, unit, year, fmt: str) -> File:
    s = summary.build_summary(user, unit, year)
    if fmt == "xlsx":
        kinds = {"Khen thưởng": AWARD_TABLE_KINDS, "Chỉ tiêu": TARGET_KINDS, "Sổ vàng": REGISTER_KINDS}
        content = merge_workbooks([
            (sheet, render_table_xlsx(title, _columns(cols, kinds[sheet]), rows, sheet_name=sheet,
                                      subtitle=f"Phụ lục {i} kèm theo báo cáo tổng kết năm {year}"))
            for i, (sheet, title, cols, rows) in enumerate(s.annexes, start=1)
        ])
    elif fmt == "docx":
        content = render_simple_docx(s.title_lines, s.blocks, header=s.header, signature=s.signature,
                                     recipients_of_copy=s.recipients_of_copy)
    else:
        content = render_simple_pdf(s.title_lines, s.blocks, header=s.header, signature=s.signature,
                                    recipients_of_copy=s.recipients_of_copy)
    return File(content, _name("bao-cao-tong-ket", unit, year, fmt))


def merge_workbooks(parts) -> bytes:
    """One workbook of several sheets, each rendered by ``render_table_xlsx`` (styles kept)."""
    out = Workbook()
    out.remove(out.active)
    for sheet_name, content in parts:
        src = load_workbook(io.BytesIO(content)).active
        dst = out.create_sheet(sheet_name)
        for row in src.iter_rows():
            for cell in row:
                new = dst.cell(row=cell.row, column=cell.column, value=cell.value)
                if cell.has_style:
                    new.font, new.fill, new.border = copy(cell.font), copy(cell.fill), copy(cell.border)
                    new.alignment, new.number_format = copy(cell.alignment), cell.number_format
        for key, dim in src.column_dimensions.items():
            dst.column_dimensions[key].width = dim.width
        dst.freeze_panes = src.freeze_panes
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()
