"""Every page renders for the people who use it, in Vietnamese, with dates dd/mm/yyyy."""

import pytest
from django.urls import reverse

from thidua.audit.models import AuditEntry
from thidua.org.models import Person, Unit


@pytest.fixture
def clerk_client(client, cast):
    client.force_login(cast.clerk)
    return client


def test_it_renders_every_page_for_the_clerk(clerk_client, issued_decision, people, org):
    d = issued_decision
    urls = [
        reverse("home:home"), reverse("home:me"), reverse("org:unit-list"), reverse("org:person-list"),
        reverse("home:unit-detail", args=[org.binh_an.pk]), reverse("home:person-detail", args=[people.van.pk]),
        reverse("org:person-create"), reverse("org:unit-create"), reverse("org:unit-merge"),
        reverse("awards:nomination-list"), reverse("awards:nomination-create"),
        reverse("awards:nomination-detail", args=[d.nomination.pk]), reverse("awards:decision-list"),
        reverse("awards:decision-detail", args=[d.pk]), reverse("emulation:home"), reverse("reports:home"),
        reverse("portal:home"),
    ]
    for url in urls:
        response = clerk_client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="vi">' in response.content.decode()


def test_it_finds_people_without_diacritics(clerk_client, people):
    body = clerk_client.get(reverse("org:person-list"), {"q": "nguyen thi my"}).content.decode()
    assert "Nguyễn Thị Mỹ Duyên" in body and "Nguyễn Thanh Văn" not in body
    body = clerk_client.get(reverse("org:person-list"), {"q": "NGUYỄN VĂN"}).content.decode()
    assert "Nguyễn Thanh Văn" not in body  # "Thanh" sits between: no false match
    body = clerk_client.get(reverse("org:person-list"), {"q": "thanh van"}).content.decode()
    assert "Nguyễn Thanh Văn" in body


def test_it_shows_the_decision_with_money_dates_and_words(clerk_client, issued_decision):
    body = clerk_client.get(reverse("awards:decision-detail", args=[issued_decision.pk])).content.decode()
    assert "01/QĐ-UBND" in body
    assert "19/01/2024" in body
    assert "1.620.000 đ" in body  # 540.000 + 1.080.000: base salary 1.800.000 on 19/01/2024
    assert "Một triệu sáu trăm hai mươi nghìn đồng" in body


def test_it_creates_a_person_from_the_form_with_a_vietnamese_error_on_a_bad_date(clerk_client, org):
    url = reverse("org:person-create")
    bad = clerk_client.post(url, {"full_name": "Trần Thị Bé", "gender": "female", "unit": org.binh_an.pk,
                                  "date_of_birth": "31/02/1990", "start_date": "01/01/2020"})
    assert "Ngày sinh phải theo dạng dd/mm/yyyy." in bad.content.decode()
    assert not Person.objects.filter(full_name="Trần Thị Bé").exists()
    ok = clerk_client.post(url, {"full_name": "Trần Thị Bé", "gender": "female", "unit": org.binh_an.pk,
                                 "date_of_birth": "28/02/1990", "start_date": "01/01/2020"})
    assert ok.status_code == 302
    person = Person.objects.get(full_name="Trần Thị Bé")
    assert person.current_unit == org.binh_an
    assert AuditEntry.objects.filter(action="person.created", target_id=str(person.pk)).exists()


def test_it_refuses_a_person_in_a_unit_outside_the_clerks_reach(clerk_client, org):
    response = clerk_client.post(reverse("org:person-create"), {
        "full_name": "Người Ngoài", "gender": "male", "unit": org.other.pk, "start_date": "01/01/2020"})
    assert "Đơn vị không hợp lệ." in response.content.decode()
    assert not Person.objects.filter(full_name="Người Ngoài").exists()
    assert Unit.objects.filter(pk=org.other.pk).exists()
