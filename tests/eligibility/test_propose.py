"""From the candidate list to a nomination in one step (issue 9, item 3): the clerk ticks people, the
nomination is made with their achievements from the data, nobody already in it is offered again, and a
Giấy khen of ten people is submitted without a single exception reason."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.api.conftest import ApiClient, snapshot
from tests.conftest import at
from thidua.awards import services
from thidua.awards.models import Nomination, NominationStatus
from thidua.org.models import PersonRating
from thidua.org.services import person_create
from thidua.rulebook import codes as rb_codes

YEAR = 2023
DAY = dt.date(2024, 1, 16)


@pytest.fixture
def ten(org):
    made = []
    for i in range(10):
        p = person_create(acting_user=None, full_name=f"Trần Văn Mười {i + 1}", gender="male",
                          date_of_birth=dt.date(1990, 1, 1), unit=org.binh_an, position="Công chức",
                          start_date=dt.date(2015, 1, 1))
        PersonRating.objects.create(person=p, year=YEAR, rating="HTXS" if i % 2 else "HTT")
        made.append(p)
    return made


def page(client, unit, **params):
    with at(DAY):
        return client.get(reverse("eligibility:candidates", args=[unit.pk]), {"year": YEAR, **params}).content.decode()


def propose(client, unit, picks, **extra):
    with at(DAY):
        return client.post(reverse("eligibility:candidates-propose", args=[unit.pk]),
                           {"code": "GIAY_KHEN", "year": YEAR, "pick": picks, **extra})


def test_a_clerk_ticks_ten_people_and_submits_without_any_exception_reason(client, cast, org, ten):
    client.force_login(cast.clerk)
    body = page(client, org.binh_an, code="GIAY_KHEN")
    for p in ten:
        assert f'value="individual:{p.pk}"' in body
    r = propose(client, org.binh_an, [f"individual:{p.pk}" for p in ten], then="open")
    nomination = Nomination.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("awards:nomination-detail", args=[nomination.pk])
    assert nomination.award_code == "GIAY_KHEN" and nomination.year == YEAR and nomination.entries.count() == 10
    entry = nomination.entries.get(person=ten[1])
    assert entry.achievement == "Hoàn thành xuất sắc nhiệm vụ năm 2023"
    with at(DAY):
        services.submission_letter_generate(nomination=nomination, acting_user=cast.clerk)
        services.nomination_submit(nomination=nomination, acting_user=cast.clerk)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SUBMITTED
    assert not nomination.entries.exclude(override_reason="").exists()
    assert {e.verdict_status for e in nomination.entries.all()} <= {rb_codes.STATUS_ELIGIBLE,
                                                                   rb_codes.STATUS_NEEDS_JUDGEMENT}


def test_people_already_in_the_draft_are_not_offered_again(client, cast, org, ten):
    client.force_login(cast.clerk)
    r = propose(client, org.binh_an, [f"individual:{p.pk}" for p in ten[:3]], then="stay")
    nomination = Nomination.objects.get()
    assert f"into={nomination.pk}" in r["Location"]
    body = page(client, org.binh_an, code="GIAY_KHEN", into=nomination.pk)
    assert f'value="individual:{ten[0].pk}"' not in body and "Đã có trong đề nghị" in body
    assert f'value="individual:{ten[5].pk}"' in body
    propose(client, org.binh_an, [f"individual:{p.pk}" for p in ten[3:6]], into=nomination.pk)
    assert Nomination.objects.count() == 1 and nomination.entries.count() == 6
    # A person ticked twice (a stale page) is refused whole: the door's duplicate check, nothing added.
    before = snapshot()
    r = propose(client, org.binh_an, [f"individual:{ten[6].pk}", f"individual:{ten[0].pk}"], into=nomination.pk)
    assert snapshot() == before and nomination.entries.count() == 6


def test_a_not_eligible_person_is_refused_and_nothing_is_made(client, cast, org, people, ten):
    client.force_login(cast.clerk)
    before = snapshot()
    with at(DAY):
        r = client.post(reverse("eligibility:candidates-propose", args=[org.binh_an.pk]),
                        {"code": "GIAY_KHEN", "year": YEAR, "pick": [f"individual:{ten[0].pk}",
                                                                      f"individual:{people.van.pk}"]}, follow=True)
    text = r.content.decode()
    assert "Nguyễn Thanh Văn: chưa đủ điều kiện" in text
    assert snapshot() == before


def test_an_outsider_cannot_propose_from_another_units_list(client, cast, org, ten):
    client.force_login(cast.outsider)
    r = propose(client, org.binh_an, [f"individual:{ten[0].pk}"])
    assert r.status_code == 404 and not Nomination.objects.exists()


def test_a_viewer_without_the_clerks_role_sees_no_ticks(client, cast, org, ten):
    client.force_login(cast.council_member)
    body = page(client, org.binh_an, code="GIAY_KHEN")
    assert 'name="pick"' not in body


def api_as(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return ApiClient(client)


def test_the_api_proposes_from_the_list_and_refuses_the_not_eligible(cast, org, people, ten):
    path = "/api/eligibility/candidates/propose"
    body = {"unit_id": org.binh_an.pk, "award_code": "GIAY_KHEN", "year": YEAR}
    before = snapshot()
    with at(DAY):
        r = api_as(cast.clerk).post(path, {**body, "person_ids": [ten[0].pk, people.van.pk]})
    assert r.status_code == 400 and "chưa đủ điều kiện" in r.json()["detail"] and snapshot() == before
    with at(DAY):
        assert api_as(cast.outsider).post(path, {**body, "person_ids": [ten[0].pk]}).status_code == 404
        r = api_as(cast.clerk).post(path, {**body, "person_ids": [p.pk for p in ten]})
    assert r.status_code == 201 and r.json()["entries"] == 10
