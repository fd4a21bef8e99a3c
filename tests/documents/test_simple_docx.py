import datetime as dt
import io

from docx import Document

from thidua.documents import DocHeader, Para, SignatureBlock, TableSpec, render_simple_docx

from ._util import docx_text

HEADER = DocHeader(
    "UBND HUYỆN BÌNH SƠN", "ỦY BAN NHÂN DÂN\nXÃ BÌNH AN", "Số: 03/BB-HĐTĐKT", "Bình An", dt.date(2024, 1, 5)
)


def test_it_renders_minutes_with_the_shared_nd30_header():
    data = render_simple_docx(
        ["BIÊN BẢN", "Họp Hội đồng Thi đua - Khen thưởng xã"],
        ["Thời gian: 14 giờ 00, ngày 05 tháng 01 năm 2024.", Para("I. THÀNH PHẦN", bold=True, align="left")],
        [TableSpec(["STT", "Họ và tên", "Số phiếu"], [[1, "Võ Thanh Tuấn", 7]])],
        header=HEADER,
        signature=SignatureBlock("CHỦ TỊCH HỘI ĐỒNG", "Trần Văn Đức"),
        recipients_of_copy=["Lưu: VT."],
    )
    text = docx_text(data)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Số: 03/BB-HĐTĐKT" in text
    assert "Bình An, ngày 05 tháng 01 năm 2024" in text
    assert "BIÊN BẢN" in text and "I. THÀNH PHẦN" in text
    assert "Võ Thanh Tuấn" in text and "CHỦ TỊCH HỘI ĐỒNG" in text


def test_it_builds_the_header_with_the_same_function_as_the_decision(decision):
    from thidua.documents import render_decision_docx

    def header_xml(data):
        return Document(io.BytesIO(data)).tables[0]._tbl.xml

    same = DocHeader(decision.governing_body, decision.issuer_name, "Số: 01/QĐ-UBND", decision.place, decision.date)
    assert header_xml(render_simple_docx(["BÁO CÁO"], [], header=same)) == header_xml(render_decision_docx(decision))


def test_it_works_without_a_header_or_signature():
    text = docx_text(render_simple_docx(["BÁO CÁO", "Tổng kết năm 2023"], ["Nội dung."]))
    assert "BÁO CÁO" in text and "Nội dung." in text
