from django.urls import reverse

from tests.imports.conftest import batch_of, commit, errors_of, flash, valid_rows_of
from thidua.audit.models import AuditEntry
from thidua.imports.models import BatchStatus
from thidua.org.models import Employment, Person

ROWS = [
    {"full_name": "Lê Văn Bình", "gender": "Nam", "date_of_birth": "12/03/1990", "unit_code": "BAN",
     "position": "Công chức Tư pháp - Hộ tịch", "start_date": "01/07/2025"},
    {"full_name": "Phạm Thị Lan", "gender": "Nữ", "date_of_birth": "31/02/1990", "unit_code": "BAN",
     "start_date": "01/07/2025"},
    {"full_name": "Đinh Thị Hoa", "gender": "Nữ", "date_of_birth": "02/02/1992", "unit_name": "Xã Ba Tiêu",
     "start_date": "01/07/2025"},
    {"full_name": "Võ Văn Nam", "gender": "Khác", "date_of_birth": "02/02/1992", "unit_code": "BAN",
     "start_date": "01/07/2025"},
    {"full_name": "", "gender": "Nam", "unit_code": "BAN", "start_date": "01/07/2025"},
    {"full_name": "le van binh", "gender": "Nam", "date_of_birth": "12/03/1990", "unit_name": "Xã Bình An",
     "start_date": "01/07/2025"},
    {"full_name": "Nguyễn Thanh Văn", "gender": "Nam", "date_of_birth": "01/05/1985", "unit_code": "BAN",
     "start_date": "01/07/2025"},
    {"full_name": "Trần Thị Cúc", "gender": "nu", "date_of_birth": "", "unit_name": "doan thanh nien xa binh an",
     "position": "Phó Bí thư", "start_date": "15/01/2024"},
    {"full_name": "Hồ Văn Tư", "gender": "Nam", "unit_code": "BAN", "start_date": "2024-01-15"},
]

ERRORS = {
    "3": ["Dòng 3: Ngày sinh '31/02/1990' không hợp lệ (dd/mm/yyyy)"],
    "4": ["Dòng 4: Không tìm thấy đơn vị 'Xã Ba Tiêu' trong phạm vi của bạn"],
    "5": ["Dòng 5: Giới tính 'Khác' không hợp lệ (Nam hoặc Nữ)"],
    "6": ["Dòng 6: Thiếu Họ và tên"],
    "7": ["Dòng 7: Trùng với dòng 2 trong tệp (cùng họ tên, ngày sinh và đơn vị)"],
    "8": ["Dòng 8: Cá nhân 'Nguyễn Thanh Văn' sinh ngày 01/05/1985 đã có ở đơn vị 'Xã Bình An'"],
    "10": ["Dòng 10: Ngày bắt đầu '2024-01-15' không hợp lệ (dd/mm/yyyy)"],
}


def test_it_lists_every_bad_row_with_its_vietnamese_error(upload, clerk_client, people):
    batch = batch_of(upload("people", ROWS))
    assert batch.status == BatchStatus.READY
    assert errors_of(batch) == ERRORS
    assert [r["row"] for r in valid_rows_of(batch)] == [2, 9]
    page = clerk_client.get(reverse("imports:batch", args=[batch.pk])).content.decode()
    assert "Dòng 3: Ngày sinh &#x27;31/02/1990&#x27; không hợp lệ (dd/mm/yyyy)" in page
    assert "Chỉ nhập các dòng hợp lệ" in page


def test_it_writes_nothing_when_a_row_fails(upload, clerk_client, people):
    batch = batch_of(upload("people", ROWS))
    before = (Person.objects.count(), Employment.objects.count(), AuditEntry.objects.count())
    response = commit(clerk_client, batch)
    assert flash(response) == ["Có 7 dòng lỗi nên chưa ghi dòng nào. Hãy sửa tệp rồi tải lên lại, "
                               "hoặc chọn “Chỉ nhập các dòng hợp lệ”."]
    assert (Person.objects.count(), Employment.objects.count(), AuditEntry.objects.count()) == before
    batch.refresh_from_db()
    assert batch.status == BatchStatus.READY


def test_it_imports_only_the_valid_rows_through_person_create(upload, clerk_client, people, org, cast):
    batch = batch_of(upload("people", ROWS))
    before = Person.objects.count()
    response = commit(clerk_client, batch, only_valid=True)
    assert flash(response) == ["Đã nhập 2 dòng cá nhân từ tệp du-lieu.xlsx (bỏ qua 7 dòng lỗi)."]
    assert Person.objects.count() == before + 2
    binh = Person.objects.get(full_name="Lê Văn Bình")
    assert (binh.current_unit, binh.current_position, str(binh.date_of_birth)) == (
        org.binh_an, "Công chức Tư pháp - Hộ tịch", "1990-03-12")
    cuc = Person.objects.get(full_name="Trần Thị Cúc")
    assert (cuc.gender, cuc.current_unit, cuc.date_of_birth) == ("female", org.youth, None)
    assert cuc.employments.get().start_date.isoformat() == "2024-01-15"
    assert AuditEntry.objects.filter(action="person.created", target_id=str(binh.pk), actor=cast.clerk).exists()
    summary = AuditEntry.objects.get(action="import.committed")
    assert summary.data == {"kind": "people", "file_name": "du-lieu.xlsx", "total": 9, "imported": 2, "skipped": 7,
                            "overwrite": False}
    assert summary.actor == cast.clerk and summary.unit == org.binh_an
    batch.refresh_from_db()
    assert (batch.status, batch.imported) == (BatchStatus.COMMITTED, 2)


def test_it_refuses_a_second_commit(upload, clerk_client, people):
    batch = batch_of(upload("people", ROWS[:1]))
    commit(clerk_client, batch)
    response = commit(clerk_client, batch)
    assert flash(response)[-1] == "Lô nhập liệu này không còn chờ xác nhận."
    assert Person.objects.filter(full_name="Lê Văn Bình").count() == 1


def test_it_rechecks_at_commit_and_writes_nothing_when_the_database_changed(upload, clerk_client, people, org):
    from thidua.org.services import person_create

    batch = batch_of(upload("people", ROWS[:1]))
    person_create(acting_user=None, full_name="Lê Văn Bình", gender="male", date_of_birth=batch_date(),
                  unit=org.binh_an, start_date=batch_date())
    response = commit(clerk_client, batch)
    assert "Dữ liệu trong hệ thống đã thay đổi" in flash(response)[-1]
    assert Person.objects.filter(full_name="Lê Văn Bình").count() == 1
    batch.refresh_from_db()
    assert errors_of(batch) == {"2": ["Dòng 2: Cá nhân 'Lê Văn Bình' sinh ngày 12/03/1990 đã có ở đơn vị 'Xã Bình An'"]}


def batch_date():
    import datetime as dt

    return dt.date(1990, 3, 12)


def test_it_treats_the_outsiders_rows_for_binh_an_as_out_of_scope(upload, outsider_client, people, org):
    batch = batch_of(upload("people", [ROWS[0], {**ROWS[2], "unit_name": "Xã Ba Tiêu"}], client=outsider_client))
    assert errors_of(batch) == {"2": ["Dòng 2: Không tìm thấy đơn vị có mã 'BAN' trong phạm vi của bạn"]}
    assert [r["row"] for r in valid_rows_of(batch)] == [3]
    commit(outsider_client, batch)
    assert not Person.objects.filter(full_name="Lê Văn Bình").exists()
