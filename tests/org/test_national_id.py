"""People who are who they say (issue 12, item 3): the personal identification number (CCCD) checked part by part,
held by one person only, and the key that finds a person in every import."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.org.models import Person
from thidua.org.services import person_create, person_update
from thidua.rulebook import citizen_id

VAN = "051085012345"  # Quảng Ngãi, a man born in the 20th century, in 1985


@pytest.mark.parametrize("value,birth_year,gender,message", [
    (VAN, 1985, "male", None),
    ("051185012345", 1985, "female", None),
    ("052203000001", 2003, "male", None),
    ("05108501234", None, None, "phải gồm đúng 12 chữ số"),
    ("05108501234x", None, None, "phải gồm đúng 12 chữ số"),
    ("999085012345", None, None, "3 số đầu '999' không phải mã tỉnh"),
    ("051285012345", 1985, None, "số thứ 4 '2' chỉ người nam sinh năm 2000–2099, không khớp năm sinh 1985"),
    (VAN, 1985, "female", "số thứ 4 '0' chỉ người nam sinh năm 1900–1999, không khớp giới tính nữ"),
    (VAN, 1986, "male", "số thứ 5–6 '85' không khớp năm sinh 1986"),
])
def test_the_number_is_checked_part_by_part(value, birth_year, gender, message):
    found = citizen_id.check(value, birth_year=birth_year, gender=gender)
    assert found is None if message is None else message in found
    assert citizen_id.normalise("051 085.012-345") == VAN


def test_one_number_one_person(org):
    van = person_create(acting_user=None, full_name="Nguyễn Thanh Văn", gender="male", national_id="051 085 012 345",
                        date_of_birth=dt.date(1985, 5, 1), unit=org.binh_an, start_date=dt.date(2015, 1, 1))
    assert van.national_id == VAN
    with pytest.raises(ValidationError, match="đã được ghi cho một người khác"):
        person_create(acting_user=None, full_name="Nguyễn Văn Thanh", gender="male", national_id=VAN,
                      date_of_birth=dt.date(1985, 5, 1), unit=org.other, start_date=dt.date(2015, 1, 1))
    with pytest.raises(ValidationError, match="không khớp năm sinh 1990"):
        person_update(person=van, acting_user=None, date_of_birth=dt.date(1990, 1, 1))  # the number stays
    with pytest.raises(ValidationError, match="không khớp giới tính nữ"):
        person_update(person=van, acting_user=None, gender="female")
    van.refresh_from_db()
    assert Person.objects.count() == 1 and van.date_of_birth == dt.date(1985, 5, 1)


def test_the_person_form_says_which_part_is_wrong_and_creates_nobody(client, cast, org):
    client.force_login(cast.clerk)
    form = {"full_name": "Trần Thị Lan", "gender": "female", "date_of_birth": "02/03/1990", "unit": org.binh_an.pk,
            "position": "Công chức", "start_date": "01/07/2025", "national_id": "051090012345"}
    page = client.post(reverse("org:person-create"), form)
    assert page.status_code == 200 and "không khớp giới tính nữ" in page.content.decode()
    assert not Person.objects.exists()
    done = client.post(reverse("org:person-create"), {**form, "national_id": "051190012345"})
    assert done.status_code == 302 and Person.objects.get().national_id == "051190012345"


def test_a_clerk_corrects_a_person_through_the_edit_page_and_it_is_audited(client, cast, people):
    from thidua.audit.models import AuditEntry

    client.force_login(cast.clerk)
    url = reverse("org:person-edit", args=[people.van.pk])
    detail = client.get(reverse("home:person-detail", args=[people.van.pk])).content.decode()
    assert url in detail  # the clerk manages Bình An: the page offers the edit
    form = {"full_name": "Nguyễn Thanh Vân", "gender": "male", "date_of_birth": "01/05/1985", "national_id": VAN}
    bad = client.post(url, {**form, "national_id": "051086012345"})
    assert bad.status_code == 200 and "không khớp năm sinh 1985" in bad.content.decode()
    people.van.refresh_from_db()
    assert (people.van.full_name, people.van.national_id) == ("Nguyễn Thanh Văn", "")
    done = client.post(url, form)
    assert done.status_code == 302
    people.van.refresh_from_db()
    assert (people.van.full_name, people.van.national_id, people.van.search_text) == (
        "Nguyễn Thanh Vân", VAN, "nguyen thanh van")
    entry = AuditEntry.objects.filter(action="person.updated", target_id=str(people.van.pk)).get()
    assert entry.actor == cast.clerk and entry.data["old"]["full_name"] == "Nguyễn Thanh Văn"
    assert set(entry.data["new"]) == {"full_name", "national_id"}  # only what changed


def test_an_outsider_gets_404_and_a_viewer_403_and_nothing_changes(client, cast, people, make_user, org):
    form = {"full_name": "X", "gender": "male", "date_of_birth": "01/05/1985", "national_id": ""}
    url = reverse("org:person-edit", args=[people.van.pk])
    client.force_login(cast.outsider)
    assert client.get(url).status_code == 404 and client.post(url, form).status_code == 404
    client.force_login(cast.council_member)  # sees Bình An, manages nothing
    assert client.get(url).status_code == 403 and client.post(url, form).status_code == 403
    assert url not in client.get(reverse("home:person-detail", args=[people.van.pk])).content.decode()
    people.van.refresh_from_db()
    assert people.van.full_name == "Nguyễn Thanh Văn"


def test_a_clerk_corrects_a_unit_and_an_outsider_cannot(client, cast, org):
    from thidua.audit.models import AuditEntry

    url = reverse("org:unit-edit", args=[org.youth.pk])
    client.force_login(cast.outsider)
    form = {"name": "Đoàn TNCS Hồ Chí Minh xã Bình An", "place_name": "Bình An", "doc_symbol": "ĐTN",
            "head_title": "Bí thư", "head_name": "Nguyễn Thị Mỹ Duyên"}
    assert client.get(url).status_code == 404 and client.post(url, form).status_code == 404
    client.force_login(cast.clerk)
    assert url in client.get(reverse("home:unit-detail", args=[org.youth.pk])).content.decode()
    assert client.post(url, {**form, "name": " "}).status_code == 200  # the name is required: nothing saved
    assert client.post(url, form).status_code == 302
    org.youth.refresh_from_db()
    assert (org.youth.name, org.youth.search_text, org.youth.doc_symbol) == (
        "Đoàn TNCS Hồ Chí Minh xã Bình An", "doan tncs ho chi minh xa binh an", "ĐTN")
    entry = AuditEntry.objects.get(action="unit.updated", target_id=str(org.youth.pk))
    assert entry.actor == cast.clerk and entry.data["old"]["name"] == "Đoàn Thanh niên xã Bình An"
