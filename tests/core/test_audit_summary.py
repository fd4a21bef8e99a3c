"""An object's change log reads in Vietnamese: field names, dates dd/mm/yyyy, money in đồng, codes by name."""

import time_machine

from thidua.audit.services import audit_record, audit_rows


@time_machine.travel("2024-01-19 08:00 +07:00")
def test_it_summarises_recorded_data_in_vietnamese(org, cast):
    audit_record(actor=cast.clerk, action="decision.issued", target=org.binh_an,
                 data={"number": "01/QĐ-UBND", "issued_on": "2024-01-19", "total_amount": 1410000,
                       "award_code": "GIAY_KHEN", "quorum_met": True, "term_end": None,
                       "results": {"Lê Thị Hoa": {"agree": 4, "total": 5}}})
    audit_record(actor=cast.clerk, action="council.session_closed", target=org.binh_an,
                 data={"old": {"status": "open"}, "new": {"status": "closed"}, "members": ["A", "B"]})
    rows = {row.action: row for row in audit_rows(org.binh_an)}
    issued, closed = rows["decision.issued"], rows["council.session_closed"]
    assert issued.label == "Ban hành quyết định"
    assert issued.summary == (
        "danh hiệu, hình thức: Giấy khen, ngày ban hành: 19/01/2024, số: 01/QĐ-UBND, đủ số thành viên dự họp: có"
        ", kết quả: Lê Thị Hoa (tán thành: 4, tổng số: 5), nhiệm kỳ đến: —, tổng tiền thưởng: 1.410.000 đ"
    )
    assert closed.summary.startswith("trạng thái: ")
    assert "open" not in closed.summary and "closed" not in closed.summary
    assert closed.summary.startswith("trạng thái: ") and "thành viên: A, B" in closed.summary


def test_it_labels_every_action_the_doors_record():
    import pathlib
    import re

    from thidua.audit.services import ACTION_LABELS

    source = "\n".join(p.read_text() for p in pathlib.Path("thidua").rglob("*.py"))
    actions = set(re.findall(r'action="([a-z_]+\.[a-z_]+)"', source))
    assert actions - set(ACTION_LABELS) == set()
