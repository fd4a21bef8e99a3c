"""Generic Excel export: a title, a bold header row, typed columns.

Money uses the number format ``#,##0``. In a stored .xlsx the "," of a format code is the
*grouping placeholder*, not a literal comma: Excel and LibreOffice substitute the reader's
locale separator, so a vi-VN installation shows 1.410.000 and an en-US one 1,410,000, while
the cell stays a number that sums. (A format like ``#.##0`` would instead be read as a
decimal point and display 1410000.000 — wrong everywhere.)

Written in ``write_only`` mode so exports of hundreds of thousands of rows stream with flat
memory.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from thidua.formatting import format_date

from .text import nfc

MONEY_FORMAT = "#,##0"
DATE_FORMAT = "dd/mm/yyyy"
ColumnKind = Literal["text", "int", "money", "date"]


@dataclass(frozen=True)
class Column:
    title: str
    kind: ColumnKind = "text"
    width: float | None = None  # characters; None: fitted to the content (capped)


ColumnLike = str | Column

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
_FONT = "Times New Roman"


def render_table_xlsx(
    title: str,
    columns: Sequence[ColumnLike],
    rows: Iterable[Sequence[object]],
    *,
    sheet_name: str = "Danh sách",
    subtitle: str = "",
) -> bytes:
    """An .xlsx with ``title`` (and ``subtitle``) above a header row and the data rows."""
    cols = [c if isinstance(c, Column) else Column(str(c)) for c in columns]
    rows = [list(r) for r in rows]  # widths need one pass; streaming callers can pass widths
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(sheet_name))

    for i, col in enumerate(cols, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width or _fit(col, rows, i - 1)
    header_row = 3 + (1 if subtitle else 0)
    ws.freeze_panes = f"A{header_row + 1}"

    ws.append([_cell(ws, nfc(title), font=Font(name=_FONT, bold=True, size=14))])
    if subtitle:
        ws.append([_cell(ws, nfc(subtitle), font=Font(name=_FONT, italic=True, size=12))])
    ws.append([])
    ws.append(
        [
            _cell(
                ws,
                nfc(c.title),
                font=Font(name=_FONT, bold=True, size=12),
                fill=_HEADER_FILL,
                border=_BORDER,
                alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            )
            for c in cols
        ]
    )
    body_font = Font(name=_FONT, size=12)
    for r in rows:
        out = []
        for col, value in zip(cols, r, strict=False):
            if isinstance(value, str):
                value = nfc(value)
            fmt = {"money": MONEY_FORMAT, "int": "0", "date": DATE_FORMAT}.get(col.kind)
            if isinstance(value, dt.datetime):
                fmt = "dd/mm/yyyy hh:mm"
            align = Alignment(
                vertical="top",
                wrap_text=col.kind == "text",
                horizontal="right" if col.kind in ("money", "int") else None,
            )
            out.append(_cell(ws, value, font=body_font, border=_BORDER, number_format=fmt, alignment=align))
        ws.append(out)
    if rows:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(cols))}{header_row + len(rows)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(ws, value, *, font=None, fill=None, border=None, number_format=None, alignment=None):
    cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if border is not None:
        cell.border = border
    if number_format:
        cell.number_format = number_format
    if alignment is not None:
        cell.alignment = alignment
    return cell


def _fit(col: Column, rows: list[list[object]], idx: int) -> float:
    longest = len(col.title)
    for r in rows[:2000]:  # a sample is enough to size a column
        if idx < len(r) and r[idx] is not None:
            v = r[idx]
            text = f"{v:,}" if isinstance(v, int) else (format_date(v) if isinstance(v, dt.date) else str(v))
            longest = max(longest, len(text))
    return min(max(longest + 2, 6), 60)


def _sheet_title(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return nfc(name)[:31] or "Sheet1"
