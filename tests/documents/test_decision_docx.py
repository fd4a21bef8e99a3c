import dataclasses
import io

from docx import Document
from docx.shared import Mm

from thidua.documents import render_decision_docx

from ._util import docx_text


def _open(decision):
    return Document(io.BytesIO(render_decision_docx(decision)))


def test_it_renders_the_nd30_header(decision):
    text = docx_text(render_decision_docx(decision))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "UBND HUYỆN BÌNH SƠN" in text
    assert "Số: 01/QĐ-UBND" in text
    assert "Bình An, ngày 19 tháng 01 năm 2024" in text


def test_it_renders_title_bases_articles_signature_and_copies(decision):
    text = docx_text(render_decision_docx(decision))
    for expected in (
        "QUYẾT ĐỊNH",
        "Về việc tặng Giấy khen",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH AN",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "QUYẾT ĐỊNH:",
        "Tặng Giấy khen cho 02 tập thể và 03 cá nhân (có danh sách kèm theo) đã có thành tích "
        "xuất sắc trong phong trào thi đua yêu nước năm 2023.",
        "3.780.000 đồng (Bằng chữ: Ba triệu tám trăm bảy mươi nghìn đồng)",
        "Điều 3.",
        "Nơi nhận:",
        "- Lưu: VT, VHXH.",
        "Trần Văn Đức",
    ):
        assert expected in text, expected


def test_it_lists_every_recipient_in_the_annex_table(decision):
    doc = _open(decision)
    annex = doc.tables[-1]
    assert [c.text for c in annex.rows[0].cells] == [
        "STT",
        "Họ và tên / Tên tập thể",
        "Chức vụ, đơn vị",
        "Thành tích",
        "Số tiền thưởng (đồng)",
    ]
    names = {row.cells[1].text for row in annex.rows}
    for r in decision.recipients:
        assert r.name in names
    cells = [row.cells[0].text for row in annex.rows]
    assert "I. TẬP THỂ" in cells and "II. CÁ NHÂN" in cells
    assert cells.index("I. TẬP THỂ") < cells.index("II. CÁ NHÂN")
    last = annex.rows[-1].cells
    assert last[0].text == "Tổng cộng" and last[-1].text == "3.780.000"
    text = docx_text(render_decision_docx(decision))
    assert "(Kèm theo Quyết định số 01/QĐ-UBND ngày 19/01/2024 của Chủ tịch Ủy ban nhân dân xã Bình An)" in text
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN" in text


def test_it_uses_a4_and_nd30_margins(decision):
    section = _open(decision).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)

    # Margins are stored in whole twips (1/1440 in), so 15 mm reads back as 14.99 mm.
    def within(value, low, high):
        return Mm(low - 0.05) <= value <= Mm(high + 0.05)

    assert within(section.top_margin, 20, 25)
    assert within(section.bottom_margin, 20, 25)
    assert within(section.left_margin, 30, 35)
    assert within(section.right_margin, 15, 20)


def test_it_sets_times_new_roman_14pt_as_the_body_font(decision):
    normal = _open(decision).styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert 13 <= normal.font.size.pt <= 14


def test_it_puts_page_numbers_in_the_header_except_on_page_1(decision):
    section = _open(decision).sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


def test_it_supports_a_deputy_signing_for_the_chairman(decision):
    deputy = dataclasses.replace(decision, signer_prefix="KT. CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH")
    text = docx_text(render_decision_docx(deputy))
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text


def test_it_omits_the_money_article_when_there_is_no_money(decision):
    recipients = [dataclasses.replace(r, amount=0) for r in decision.recipients if r.kind == "individual"]
    title = dataclasses.replace(
        decision,
        award_verb="Tặng danh hiệu",
        award_name="“Lao động tiên tiến”",
        recipients=recipients,
        total_amount=0,
        total_words="",
    )
    text = docx_text(render_decision_docx(title))
    assert "Tặng danh hiệu “Lao động tiên tiến” cho 03 cá nhân" in text
    assert "Tổng số tiền thưởng" not in text
    assert "Điều 2. Quyết định này có hiệu lực" in text
    assert "Điều 3." not in text
    assert "I. CÁ NHÂN" in text and "TẬP THỂ" not in text.split("DANH SÁCH")[1]


def test_it_normalises_decomposed_input_before_writing(decision):
    import unicodedata

    nfd = dataclasses.replace(decision, signer_name=unicodedata.normalize("NFD", "Trần Văn Đức"))
    assert "Trần Văn Đức" in docx_text(render_decision_docx(nfd))


def test_collectives_under_several_parents_are_listed_under_each_parent(decision):
    from thidua.documents.types import RecipientLine

    collectives = [RecipientLine(kind="collective", name=f"Chi hội Phụ nữ {i}", group=f"Thôn {1 + i % 2}",
                                 achievement="Xuất sắc", amount=1_000_000) for i in range(4)]
    people = [r for r in decision.recipients if r.kind == "individual"]
    grouped = dataclasses.replace(decision, recipients=[*collectives, *people])
    rows = [[c.text for c in row.cells[:2]] for row in _open(grouped).tables[-1].rows]
    first = [r[0] for r in rows]
    start = first.index("I. TẬP THỂ")
    assert first[start:start + 7] == ["I. TẬP THỂ", "1. Thôn 1", "1", "2", "2. Thôn 2", "1", "2"]
    assert [rows[start + i][1] for i in (2, 3, 5, 6)] == [f"Chi hội Phụ nữ {i}" for i in (0, 2, 1, 3)]
    assert "II. CÁ NHÂN" in first
