import io

from pypdf import PdfReader

from thidua.documents import render_decision_pdf

from ._util import pdf_text


def test_it_renders_the_decision_pdf_on_a4_portrait(decision):
    reader = PdfReader(io.BytesIO(render_decision_pdf(decision)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert len(reader.pages) >= 2  # the decision, then the annexed list


def test_it_puts_the_same_text_in_the_pdf_as_in_the_docx(decision):
    text = pdf_text(render_decision_pdf(decision))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 01/QĐ-UBND",
        "Bình An, ngày 19 tháng 01 năm 2024",
        "Về việc tặng Giấy khen",
        "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN",
        "3.780.000",
    ):
        assert expected in text, expected
    for r in decision.recipients:
        assert r.name in text.replace("\n", " ")
