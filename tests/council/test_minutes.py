"""Biên bản họp and biên bản kiểm phiếu: NĐ 30 header, counts, percentages on the total, two signatures."""

from io import BytesIO

from docx import Document

from thidua.council import documents, services

from .conftest import vote_all


def _text(data: bytes) -> str:
    doc = Document(BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def test_it_writes_both_minutes(council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(5)
    session = open_session(c, [nomination_factory("CSTDCS", people=[people.luc])], present=c.members[:4])
    nominee = session.nominees.get()
    services.written_opinion_add(
        session=session, nominee=nominee, member=c.members[4], choice="agree", acting_user=cast.clerk
    )
    services.round_open(session=session, acting_user=cast.clerk)
    vote_all(session, c.users[:4], nominee, 3)
    rnd = services.round_close(session=session, acting_user=cast.clerk)
    text = _text(documents.session_minutes_docx(session))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "BIÊN BẢN" in text
    assert "Tổng số thành viên Hội đồng: 5; có mặt: 4 (80%)" in text
    assert "Đinh Văn Lực" in text and "80%" in text and "Đạt" in text
    assert "CHỦ TỊCH HỘI ĐỒNG" in text and "THƯ KÝ" in text
    assert "Võ Thanh Tuấn" in text and "Lê Thị Hoa" in text
    text = _text(documents.count_minutes_docx(session, rnd))
    assert "BIÊN BẢN KIỂM PHIẾU" in text and "4/5" in text and "Tỷ lệ" in text
