"""Biên bản họp and biên bản kiểm phiếu (.docx, NĐ 30/2020) built from a session's closed rounds.

Only closed rounds are printed: an open round has no count to show, by design.
"""

from fractions import Fraction
from io import BytesIO

from docx import Document

from thidua.documents import DocHeader, Para, SignatureBlock, TableSpec, render_simple_docx
from thidua.documents.docx_common import clear_cell, para
from thidua.rulebook.codes import name_vi

from .models import MemberRole, RoundStatus
from .selectors import members_on


def pct(part: int, total: int) -> str:
    if not total:
        return "0%"
    v = Fraction(part, total) * 100
    return f"{float(v):.1f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def _header(session) -> DocHeader:
    unit = session.council.unit
    return DocHeader(
        governing_body=unit.official_name,
        issuer_name="HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
        number_text="",
        place=unit.place_name or unit.name,
        date=session.date,
    )


def _officers(session):
    members = list(members_on(session.council, session.date))
    chair = next((m for m in members if m.role == MemberRole.CHAIR), None)
    secretary = next((m for m in members if m.role == MemberRole.SECRETARY), None)
    return members, chair, secretary


def _sign_both(data: bytes, secretary_name: str) -> bytes:
    """render_simple_docx signs on the right (the chair); the secretary signs on the left, as
    minutes are signed by both (the left cell of that layout table is otherwise empty)."""
    doc = Document(BytesIO(data))
    left = doc.tables[-1].rows[0].cells[0]
    clear_cell(left)
    para(left, "THƯ KÝ", size=14, bold=True, align="center", space_before=6)
    for _ in range(5):
        para(left, "", size=14)
    para(left, secretary_name, size=14, bold=True, align="center")
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _result_rows(session, rounds):
    rows = []
    i = 0
    for rnd in rounds:
        for r in rnd.results.select_related("nominee").order_by("nominee__agenda_item__order", "nominee__id"):
            i += 1
            rows.append(
                [
                    i,
                    r.nominee.display_name,
                    rnd.number,
                    r.agree,
                    r.disagree,
                    f"{r.written_agree}/{r.written_disagree}",
                    r.total_agree,
                    pct(r.total_agree, r.total_members),
                    "Đạt" if r.passed else "Không đạt",
                ]
            )
    return rows


RESULT_COLUMNS = [
    "STT",
    "Họ tên / tập thể",
    "Vòng",
    "Đồng ý",
    "Không đồng ý",
    "Ý kiến văn bản (đồng ý/không)",
    "Tổng đồng ý",
    "Tỷ lệ trên tổng số thành viên",
    "Kết quả",
]
RESULT_WIDTHS = [10, 42, 12, 16, 18, 22, 16, 22, 18]


def session_minutes_docx(session) -> bytes:
    members, chair, secretary = _officers(session)
    present = list(session.present.select_related("user"))
    present_ids = {m.pk for m in present}
    absent = [m for m in members if m.pk not in present_ids]
    rounds = list(session.rounds.filter(status=RoundStatus.CLOSED).order_by("number"))
    total = session.total_members or len(members)
    d = session.date
    body = [
        f"Hôm nay, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}, tại {session.place}, "
        f"{session.council.name} họp phiên số {session.number} để {session.title[:1].lower()}{session.title[1:]}.",
        Para("I. THÀNH PHẦN", bold=True, align="left", first_line_indent=False),
        f"Chủ trì: {chair.name if chair else '...'} – Chủ tịch Hội đồng. "
        f"Thư ký: {secretary.name if secretary else '...'}.",
        f"Tổng số thành viên Hội đồng: {total}; có mặt: {len(present)} ({pct(len(present), total)}); "
        f"vắng mặt: {len(absent)}{' (' + ', '.join(m.name for m in absent) + ')' if absent else ''}.",
        "Phiên họp " + ("đủ" if session.quorum_met else "không đủ") + " số lượng thành viên dự họp theo quy định.",
        Para("II. NỘI DUNG", bold=True, align="left", first_line_indent=False),
    ]
    for item in session.agenda.select_related("nomination", "nomination__unit"):
        n = item.nomination
        body.append(
            f"Xem xét {n.title} ({name_vi(n.award_code)}) của {n.unit.name}: {item.nominees.count()} trường hợp."
        )
    body.append(
        "Hội đồng thảo luận và bỏ phiếu kín; tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng, "
        "gồm cả ý kiến bằng văn bản của thành viên vắng mặt."
    )
    body.append(Para("III. KẾT QUẢ BỎ PHIẾU", bold=True, align="left", first_line_indent=False))
    if rounds:
        body.append(TableSpec(columns=RESULT_COLUMNS, rows=_result_rows(session, rounds), widths_mm=RESULT_WIDTHS))
    else:
        body.append("Chưa có vòng bỏ phiếu nào được kiểm phiếu.")
    head = [n for n in session.nominees.filter(outcome="head_decided")]
    for n in head:
        verdict = "đồng ý đề nghị khen thưởng" if n.head_approved else "không đề nghị khen thưởng"
        body.append(
            f"Sau {len(rounds)} vòng bỏ phiếu, Chủ tịch Hội đồng quyết định {verdict} đối với "
            f"{n.display_name}. Lý do: {n.head_reason}"
        )
    passed = [n.display_name for n in session.nominees.all() if n.finally_passed]
    body.append(Para("IV. KẾT LUẬN", bold=True, align="left", first_line_indent=False))
    body.append(
        f"Hội đồng thống nhất đề nghị khen thưởng {len(passed)} trường hợp"
        + (": " + "; ".join(passed) + "." if passed else ".")
    )
    body.append("Biên bản được lập xong vào hồi ... giờ ... cùng ngày, đã thông qua trước Hội đồng.")
    data = render_simple_docx(
        ["BIÊN BẢN", f"Họp {session.council.name}"],
        body,
        header=_header(session),
        signature=SignatureBlock(title="CHỦ TỊCH HỘI ĐỒNG", name=chair.name if chair else ""),
    )
    return _sign_both(data, secretary.name if secretary else "")


def count_minutes_docx(session, rnd) -> bytes:
    _, chair, secretary = _officers(session)
    results = list(rnd.results.select_related("nominee").order_by("nominee__agenda_item__order", "nominee__id"))
    total = session.total_members or 0
    present = results[0].present if results else session.present.count()
    body = [
        f"Vào hồi ... giờ ngày {session.date:%d/%m/%Y}, tại {session.place}, "
        f"Tổ kiểm phiếu tiến hành kiểm phiếu kín vòng {rnd.number} của phiên họp số {session.number}, "
        f"{session.council.name}.",
        f"Tổng số thành viên Hội đồng: {total}. Số thành viên có mặt: {present}. Số phiếu phát ra và thu về "
        f"theo từng trường hợp ghi trong bảng dưới đây (thành viên không bỏ phiếu cho trường hợp của mình hoặc "
        f"đơn vị mình).",
        TableSpec(
            columns=[
                "STT",
                "Họ tên / tập thể",
                "Phiếu thu về",
                "Đồng ý",
                "Không đồng ý",
                "Ý kiến văn bản đồng ý",
                "Tổng đồng ý / tổng số thành viên",
                "Tỷ lệ",
                "Kết quả",
            ],
            rows=[
                [
                    i,
                    r.nominee.display_name,
                    r.agree + r.disagree,
                    r.agree,
                    r.disagree,
                    r.written_agree,
                    f"{r.total_agree}/{r.total_members}",
                    pct(r.total_agree, r.total_members),
                    "Đạt" if r.passed else "Không đạt",
                ]
                for i, r in enumerate(results, 1)
            ],
            widths_mm=[10, 44, 16, 16, 18, 20, 24, 16, 18],
        ),
    ]
    for r in results:
        if r.reasons:
            body.append(f"{r.nominee.display_name}: " + "; ".join(r.reasons) + ".")
    body.append("Biên bản kiểm phiếu được lập và công bố trước Hội đồng.")
    data = render_simple_docx(
        ["BIÊN BẢN KIỂM PHIẾU", f"Bỏ phiếu kín vòng {rnd.number} – phiên họp số {session.number}"],
        body,
        header=_header(session),
        signature=SignatureBlock(title="CHỦ TỊCH HỘI ĐỒNG", name=chair.name if chair else ""),
    )
    return _sign_both(data, secretary.name if secretary else "")
