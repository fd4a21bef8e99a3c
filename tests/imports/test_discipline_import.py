import datetime as dt

from tests.imports.conftest import batch_of, commit, errors_of
from thidua.audit.models import AuditEntry
from thidua.org.models import Discipline


def test_it_records_discipline_and_reports_bad_rows(upload, clerk_client, people, cast):
    van, duyen = people.van, people.duyen
    Discipline.objects.create(person=duyen, level="canh_cao", start_date=dt.date(2024, 3, 1))
    batch = batch_of(upload("discipline", [
        {"person_id": str(van.pk), "level": "Khiển trách", "start_date": "15/04/2025", "end_date": "14/04/2026",
         "decision_ref": "12/QĐ-UBND"},
        {"person_id": str(van.pk), "level": "Phê bình", "start_date": "15/04/2025"},
        {"person_id": str(van.pk), "level": "cảnh cáo", "start_date": "15/04/2025", "end_date": "01/01/2025"},
        {"person_id": str(duyen.pk), "level": "Cảnh cáo", "start_date": "01/03/2024"},
        {"person_id": str(duyen.pk), "level": "Cảnh cáo"},
        {"person_id": str(van.pk), "level": "khien trach", "start_date": "15/04/2025"},
    ]))
    assert errors_of(batch) == {
        "3": ["Dòng 3: Hình thức kỷ luật 'Phê bình' không hợp lệ (Khiển trách, Cảnh cáo, Hạ bậc lương, Cách chức, "
              "Buộc thôi việc)"],
        "4": ["Dòng 4: Đến ngày '01/01/2025' phải sau Từ ngày '15/04/2025'"],
        "5": ["Dòng 5: 'Nguyễn Thị Mỹ Duyên' đã có quyết định kỷ luật cảnh cáo từ ngày 01/03/2024"],
        "6": ["Dòng 6: Thiếu Từ ngày"],
        "7": ["Dòng 7: Trùng với dòng 2 trong tệp (cùng cá nhân, hình thức và ngày bắt đầu)"],
    }
    commit(clerk_client, batch)
    assert Discipline.objects.count() == 1
    commit(clerk_client, batch, only_valid=True)
    d = Discipline.objects.get(person=van)
    assert (d.level, d.start_date, d.end_date, d.decision_ref) == (
        "khien_trach", dt.date(2025, 4, 15), dt.date(2026, 4, 14), "12/QĐ-UBND")
    entry = AuditEntry.objects.get(action="discipline.recorded")
    assert (entry.target_id, entry.actor, entry.data["level"]) == (str(van.pk), cast.clerk, "khien_trach")
