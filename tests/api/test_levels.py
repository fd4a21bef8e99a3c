"""Across levels (issue 9, item 4): a sub-unit's list reaches its commune, one entry is returned and fixed,
the commune consolidates the lists into its own nomination, the chairman decides, and the sub-unit sees the
outcome; through the pages and the API, with each refusal changing nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.api.conftest import assert_error, snapshot
from tests.conftest import at
from thidua.awards import levels, services
from thidua.awards.models import Nomination, NominationStatus
from thidua.notifications.models import Notification
from thidua.org.models import PersonRating
from thidua.org.services import person_create

DAY = dt.date(2024, 1, 10)
API = "/api/awards/nominations"
REVIEW = "Chi đoàn đã bình xét: hoàn thành tốt nhiệm vụ"


@pytest.fixture
def youth_clerk(make_user, org):
    return make_user("doan", org.youth, ["clerk"], "Trần Thị Đoàn")


@pytest.fixture
def youth_list(cast, org, people, youth_clerk):
    """The Youth Union of Bình An sends its Giấy khen list (decided by the commune chairman) to the commune."""
    tam = person_create(acting_user=None, full_name="Phạm Văn Tâm", gender="male", date_of_birth=dt.date(1995, 3, 1),
                        unit=org.youth, position="Phó Bí thư Đoàn", start_date=dt.date(2018, 1, 1))
    for p in (people.duyen, tam):
        PersonRating.objects.create(person=p, year=2023, rating="HTT")
    with at(DAY):
        n = services.nomination_create(acting_user=youth_clerk, unit=org.youth, award_code="GIAY_KHEN", year=2023,
                                       title="Đề nghị Giấy khen của Đoàn Thanh niên xã năm 2023")
        for p in (people.duyen, tam):
            e = services.nomination_entry_add(nomination=n, acting_user=youth_clerk, person=p,
                                              achievement="Hoàn thành tốt nhiệm vụ năm 2023")
            services.entry_judgement_record(entry=e, acting_user=youth_clerk, note=REVIEW)
        services.submission_letter_generate(nomination=n, acting_user=youth_clerk)
        services.nomination_submit(nomination=n, acting_user=youth_clerk)
    n.refresh_from_db()
    assert n.decider_unit == org.binh_an
    return n


@pytest.fixture
def commune_draft(cast, org):
    with at(DAY):
        return services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                          title="Đề nghị tặng Giấy khen năm 2023 (tổng hợp)")


def test_the_commune_returns_one_entry_and_the_sender_must_fix_it(client, cast, youth_clerk, youth_list):
    entry = youth_list.entries.get(display_name="Phạm Văn Tâm")
    client.force_login(cast.clerk)  # the commune's TĐKT clerk receives the list
    body = client.get(reverse("awards:nomination-detail", args=[youth_list.pk])).content.decode()
    assert "Trả lại để sửa" in body
    with at(DAY):
        client.post(reverse("awards:entry-return", args=[youth_list.pk, entry.pk]),
                    {"reason": "Ghi rõ thành tích trong phong trào thanh niên tình nguyện"})
    youth_list.refresh_from_db()
    assert youth_list.status == NominationStatus.RETURNED and "Phạm Văn Tâm" in youth_list.return_reason
    assert Notification.objects.filter(user=youth_clerk, kind="nomination.returned").exists()
    with at(DAY), pytest.raises(Exception, match="chưa được sửa"):
        services.nomination_submit(nomination=youth_list, acting_user=youth_clerk)
    client.force_login(youth_clerk)
    with at(DAY):
        r = client.post(reverse("awards:entry-fix", args=[youth_list.pk, entry.pk]),
                        {"achievement": "Hoàn thành tốt nhiệm vụ; dẫn đầu Chiến dịch Thanh niên tình nguyện hè 2023"},
                        follow=True)
        assert "Đã sửa thành tích của Phạm Văn Tâm" in r.content.decode()
        services.nomination_submit(nomination=youth_list, acting_user=youth_clerk)
    entry.refresh_from_db()
    assert entry.return_reason == "" and "Chiến dịch" in entry.achievement


def test_the_commune_consolidates_the_chairman_decides_and_the_sender_sees_the_outcome(
        client, cast, org, youth_clerk, youth_list, commune_draft):
    client.force_login(cast.clerk)
    body = client.get(reverse("awards:nomination-detail", args=[commune_draft.pk])).content.decode()
    assert "Danh sách đơn vị trực thuộc gửi lên" in body and youth_list.title in body
    with at(DAY):
        client.post(reverse("awards:consolidate", args=[commune_draft.pk]), {"source": [youth_list.pk]})
    youth_list.refresh_from_db()
    assert youth_list.status == NominationStatus.CONSOLIDATED and youth_list.consolidated_into == commune_draft
    copies = list(commune_draft.entries.all())
    assert {e.display_name for e in copies} == {"Nguyễn Thị Mỹ Duyên", "Phạm Văn Tâm"}
    assert all(e.source_entry.nomination_id == youth_list.pk and e.judgement_note == REVIEW for e in copies)
    with at(DAY):
        services.submission_letter_generate(nomination=commune_draft, acting_user=cast.clerk)
        services.nomination_submit(nomination=commune_draft, acting_user=cast.clerk)
        services.nomination_approve(otp_verified=True, nomination=commune_draft, acting_user=cast.chairman)
        decision = services.decision_issue(otp_verified=True, nomination=commune_draft, acting_user=cast.clerk, issued_on=DAY)
    assert Notification.objects.filter(user=youth_clerk, kind="nomination.decided").exists()
    client.force_login(youth_clerk)
    body = client.get(reverse("awards:nomination-detail", args=[youth_list.pk])).content.decode()
    assert "đã được tổng hợp vào" in body and f"Quyết định số {decision.number_text}" in body


def test_consolidation_through_the_api_and_its_refusals(api_as, cast, org, youth_clerk, youth_list, commune_draft):
    listed = api_as(cast.clerk).get(f"{API}/{commune_draft.pk}/consolidatable").json()
    assert [n["id"] for n in listed] == [youth_list.pk]
    other = Nomination.objects.create(unit=org.other_youth, decider_unit=org.other, award_code="GIAY_KHEN", year=2023,
                                      title="Danh sách xã khác", status=NominationStatus.SUBMITTED)
    before = snapshot()
    # The youth clerk cannot consolidate into the commune's list, nor the outsider see it.
    assert_error(api_as(youth_clerk).post(f"{API}/{commune_draft.pk}/consolidate", {"source_ids": [youth_list.pk]}),
                 404)
    assert_error(api_as(cast.outsider).post(f"{API}/{commune_draft.pk}/consolidate",
                                            {"source_ids": [youth_list.pk]}), 404)
    assert_error(api_as(cast.clerk).post(f"{API}/{commune_draft.pk}/consolidate", {"source_ids": [other.pk]}), 400)
    assert snapshot() == before
    with at(DAY):
        r = api_as(cast.clerk).post(f"{API}/{commune_draft.pk}/consolidate", {"source_ids": [youth_list.pk]})
    assert r.status_code == 200 and len(r.json()["entries"]) == 2
    assert api_as(youth_clerk).get(f"{API}/{youth_list.pk}").json()["consolidated_into_id"] == commune_draft.pk


def test_an_entry_is_returned_through_the_api_only_by_the_receiving_level(api_as, cast, youth_clerk, youth_list):
    entry = youth_list.entries.first()
    path = f"{API}/{youth_list.pk}/entries/{entry.pk}/return"
    before = snapshot()
    assert_error(api_as(youth_clerk).post(path, {"reason": "tự trả lại"}), 403)
    assert_error(api_as(cast.outsider).post(path, {"reason": "x"}), 404)
    assert snapshot() == before
    r = api_as(cast.chairman).post(path, {"reason": "Bổ sung minh chứng"})
    assert r.status_code == 200 and r.json()["return_reason"] == "Bổ sung minh chứng"
    assert levels.receives(cast.clerk, youth_list)
