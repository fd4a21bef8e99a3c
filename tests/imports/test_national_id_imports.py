"""The personal identification number (CCCD) in the imports (issue 12, item 3): the same person imported twice is
one person; a wrong number is a row error naming the wrong part; the number finds the person in every import."""

from tests.imports.conftest import batch_of, commit, errors_of
from thidua.org.models import Person, PersonRating
from thidua.org.services import person_update

VAN = "051085012345"


def test_two_imports_of_one_person_make_one_and_a_wrong_number_is_a_row_error(upload, clerk_client, org):
    row = {"full_name": "Trần Thị Lan", "gender": "Nữ", "date_of_birth": "02/03/1990", "unit_code": "BAN",
           "start_date": "01/07/2025", "national_id": "051190012345"}
    first = batch_of(upload("people", [row, {**row, "full_name": "Tran Thi Lan", "unit_code": "BAN-DTN"},
                                       {**row, "full_name": "Lê Văn Ba", "national_id": "051190012399",
                                        "gender": "Nam"}]))
    assert errors_of(first) == {
        "3": ["Dòng 3: Trùng với dòng 2 trong tệp (cùng số định danh)"],
        "4": ["Dòng 4: Số định danh '051190012399': số thứ 4 '1' chỉ người nữ sinh năm 1900–1999, không khớp "
              "giới tính nam"]}
    commit(clerk_client, first, only_valid=True)
    again = batch_of(upload("people", [{**row, "unit_code": "BAN-DTN"}]))
    assert errors_of(again) == {"2": ["Dòng 2: Số định danh 051190012345 đã có trong hệ thống (của một người "
                                      "khác): không tạo trùng"]}
    assert Person.objects.filter(search_text="tran thi lan").count() == 1


def test_imports_find_people_by_their_number(upload, clerk_client, org, people):
    person_update(person=people.van, acting_user=None, national_id=VAN)
    batch = batch_of(upload("ratings", [
        {"national_id": VAN, "year": "2025", "rating": "HTT"},
        {"national_id": "051085099999", "year": "2025", "rating": "HTT"},
        {"national_id": "051085099998", "full_name": "Nguyễn Thanh Văn", "date_of_birth": "01/05/1985",
         "unit_code": "BAN", "year": "2024", "rating": "HTT"},
    ]))
    assert errors_of(batch) == {
        "3": ["Dòng 3: Không tìm thấy cá nhân có số định danh 051085099999 trong phạm vi của bạn"],
        "4": [f"Dòng 4: Số định danh 051085099998 khác số đã ghi cho 'Nguyễn Thanh Văn' ({VAN}): kiểm tra lại số "
              "hoặc người"]}
    commit(clerk_client, batch, only_valid=True)
    assert PersonRating.objects.get(person=people.van).year == 2025
    history = batch_of(upload("history", [{"decision_number": "8/QĐ-UBND", "decision_date": "10/01/2024",
                                           "issuer": "BAN", "award": "Giấy khen", "national_id": VAN,
                                           "year": "2023"}]))
    assert errors_of(history) == {}
    commit(clerk_client, history)
    assert people.van.grants.get().decision.number == 8
