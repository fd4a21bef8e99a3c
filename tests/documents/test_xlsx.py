import datetime as dt
import io

from openpyxl import load_workbook

from thidua.documents import Column, render_table_xlsx


def _sheet(data):
    return load_workbook(io.BytesIO(data)).active


def test_it_writes_title_bold_header_and_rows():
    data = render_table_xlsx(
        "Danh sách khen thưởng năm 2024",
        ["STT", "Họ và tên", Column("Số tiền", kind="money"), Column("Ngày quyết định", kind="date")],
        [[1, "Võ Thanh Tuấn", 1_410_000, dt.date(2024, 1, 19)], [2, "Nguyễn Thị Hồng Lĩnh", 540_000, None]],
    )
    ws = _sheet(data)
    assert ws["A1"].value == "Danh sách khen thưởng năm 2024" and ws["A1"].font.b
    assert [c.value for c in ws[3]] == ["STT", "Họ và tên", "Số tiền", "Ngày quyết định"]
    assert all(c.font.b for c in ws[3])
    assert ws["B4"].value == "Võ Thanh Tuấn"
    assert ws["C4"].value == 1_410_000  # a number, so Excel can sum it
    assert ws["C4"].number_format == "#,##0"  # shown as 1.410.000 under a vi-VN locale
    assert ws["D4"].number_format == "dd/mm/yyyy"
    assert ws.freeze_panes == "A4"


def test_it_sizes_columns_to_their_content():
    ws = _sheet(render_table_xlsx("T", ["Họ và tên", Column("Ghi chú", width=40)], [["Nguyễn Thị Hồng Lĩnh", ""]]))
    assert ws.column_dimensions["A"].width >= len("Nguyễn Thị Hồng Lĩnh")
    assert ws.column_dimensions["B"].width == 40
