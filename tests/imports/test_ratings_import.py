from decimal import Decimal

import pytest

from tests.imports.conftest import batch_of, commit, errors_of, flash, valid_rows_of
from thidua.audit.models import AuditEntry
from thidua.org.models import PersonRating
from thidua.rulebook.scoring import rating_from_score


def key(person, unit_code="BAN"):
    return {"full_name": person.full_name, "date_of_birth": "01/05/1985", "unit_code": unit_code}


@pytest.mark.parametrize("score,year,expected", [
    ("90", 2026, ("HTXS", "NĐ 233/2026/NĐ-CP")), ("89.99", 2026, ("HTT", "NĐ 233/2026/NĐ-CP")),
    ("70", 2027, ("HTT", "NĐ 233/2026/NĐ-CP")), ("69.5", 2026, ("HT", "NĐ 233/2026/NĐ-CP")),
    ("50", 2026, ("HT", "NĐ 233/2026/NĐ-CP")), ("49.99", 2026, ("KHT", "NĐ 233/2026/NĐ-CP")),
    ("0", 2026, ("KHT", "NĐ 233/2026/NĐ-CP")), ("95", 2025, None),
])
def test_it_derives_the_rating_from_the_score_per_nd_233_2026(score, year, expected):
    assert rating_from_score(Decimal(score), year) == expected


def test_it_reads_ratings_tolerantly_and_derives_from_2026_scores(upload, clerk_client, people, cast):
    van, duyen = people.van, people.duyen
    batch = batch_of(upload("ratings", [
        {**key(van), "year": "2022", "rating": "Hoàn thành xuất sắc nhiệm vụ"},
        {**key(van), "year": "2023", "rating": "htt"},
        {**key(van), "year": "2024", "rating": "Hoan thanh nhiem vu"},
        {"person_id": str(van.pk), "year": "2025", "rating": "Không hoàn thành", "score": "45"},
        {"person_id": str(van.pk), "full_name": "nguyen thanh van", "year": "2026", "score": "91,5"},
        {"person_id": str(duyen.pk), "year": 2026, "score": 89.99},
    ]))
    assert errors_of(batch) == {}
    response = commit(clerk_client, batch)
    assert flash(response) == ["Đã nhập 6 dòng xếp loại hằng năm từ tệp du-lieu.xlsx."]
    got = {(r.person_id, r.year): (r.rating, r.score) for r in PersonRating.objects.all()}
    assert got == {
        (van.pk, 2022): ("HTXS", None), (van.pk, 2023): ("HTT", None), (van.pk, 2024): ("HT", None),
        (van.pk, 2025): ("KHT", Decimal("45.00")), (van.pk, 2026): ("HTXS", Decimal("91.50")),
        (duyen.pk, 2026): ("HTT", Decimal("89.99")),
    }
    entries = AuditEntry.objects.filter(action="rating.set", target_id=str(van.pk))
    assert entries.count() == 5 and all(e.actor == cast.clerk for e in entries)
    assert entries.filter(data__year=2026, data__rating="HTXS", data__score="91.50").exists()
    assert AuditEntry.objects.filter(action="import.committed", data__imported=6).count() == 1


def test_it_gives_exact_errors_and_writes_nothing(upload, clerk_client, people):
    van, luc = people.van, people.luc
    PersonRating.objects.create(person=van, year=2024, rating="HTT")
    batch = batch_of(upload("ratings", [
        {**key(van), "year": "2025", "rating": "HTXS"},
        {**key(van), "year": "2025", "rating": "HT"},
        {**key(van), "year": "2024", "rating": "HTXS"},
        {**key(van), "year": "2023", "rating": "Giỏi"},
        {**key(van), "year": "2023", "score": "95"},
        {**key(van), "year": "2026", "score": "120"},
        {**key(van), "year": "2023"},
        {**key(van), "year": "hai nghìn", "rating": "HT"},
        {"person_id": str(luc.pk), "year": "2025", "rating": "HT"},
        {"person_id": str(van.pk), "full_name": "Nguyễn Thị Mỹ Duyên", "year": "2025", "rating": "HT"},
        {"full_name": "Nguyễn Văn Không Có", "date_of_birth": "01/01/1980", "unit_code": "BAN", "year": "2025",
         "rating": "HT"},
        {"full_name": van.full_name, "year": "2025", "rating": "HT"},
        {**key(luc, "BTI"), "year": "2025", "rating": "HT"},
    ]))
    assert errors_of(batch) == {
        "3": ["Dòng 3: Trùng với dòng 2 trong tệp (cùng cá nhân và năm)"],
        "4": ["Dòng 4: 'Nguyễn Thanh Văn' đã có xếp loại năm 2024 (Hoàn thành tốt nhiệm vụ); đánh dấu “Ghi đè xếp "
              "loại đã có” khi tải lên nếu muốn cập nhật"],
        "5": ["Dòng 5: Xếp loại 'Giỏi' không hợp lệ (Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn "
              "thành nhiệm vụ, Không hoàn thành nhiệm vụ hoặc HTXS, HTT, HT, KHT)"],
        "6": ["Dòng 6: Thiếu Xếp loại (chỉ từ năm 2026 mới suy ra xếp loại từ điểm theo NĐ 233/2026/NĐ-CP)"],
        "7": ["Dòng 7: Điểm '120' không hợp lệ (số từ 0 đến 100)"],
        "8": ["Dòng 8: Thiếu Xếp loại hoặc Điểm"],
        "9": ["Dòng 9: Năm 'hai nghìn' không hợp lệ (năm từ 1975 đến 2027)"],
        "10": [f"Dòng 10: Không tìm thấy cá nhân có mã '{luc.pk}' trong phạm vi của bạn"],
        "11": [f"Dòng 11: Mã cá nhân '{van.pk}' là 'Nguyễn Thanh Văn', không khớp họ tên 'Nguyễn Thị Mỹ Duyên'"],
        "12": ["Dòng 12: Không tìm thấy cá nhân 'Nguyễn Văn Không Có' sinh ngày 01/01/1980 ở đơn vị 'Xã Bình An' "
               "trong phạm vi của bạn"],
        "13": ["Dòng 13: Cần Mã cá nhân, hoặc Họ và tên + Ngày sinh + đơn vị để xác định cá nhân"],
        "14": ["Dòng 14: Không tìm thấy đơn vị có mã 'BTI' trong phạm vi của bạn"],
    }
    before = (PersonRating.objects.count(), AuditEntry.objects.count())
    commit(clerk_client, batch)
    assert (PersonRating.objects.count(), AuditEntry.objects.count()) == before
    commit(clerk_client, batch, only_valid=True)
    assert set(PersonRating.objects.values_list("year", "rating")) == {(2024, "HTT"), (2025, "HTXS")}


def test_it_overwrites_an_existing_rating_only_when_asked_and_audits_the_old_value(upload, clerk_client, people):
    van = people.van
    PersonRating.objects.create(person=van, year=2024, rating="HTT")
    batch = batch_of(upload("ratings", [{**key(van), "year": "2024", "rating": "HTXS"}], overwrite=True))
    assert errors_of(batch) == {} and batch.overwrite
    assert valid_rows_of(batch)[0]["note"] == "Ghi đè HTT → HTXS"
    commit(clerk_client, batch)
    assert PersonRating.objects.get(person=van, year=2024).rating == "HTXS"
    entry = AuditEntry.objects.get(action="rating.set")
    assert entry.data == {"old": {"year": 2024, "rating": "HTT", "score": None},
                          "new": {"year": 2024, "rating": "HTXS", "score": None}}
