"""“Cần xem xét” is the review's question, not an exception (issue 9, item 3): such an entry is submitted
without a reason, its answer is recorded at the review (by the proposing unit) or by the deciding level,
and approval waits for it; only “chưa đủ điều kiện” needs the proposer's override."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.api.conftest import assert_error, snapshot
from tests.conftest import at, otp_verified
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.awards.models import NominationStatus
from thidua.org.models import PersonRating
from thidua.rulebook import codes as rb_codes

DAY = dt.date(2024, 1, 16)
API = "/api/awards/nominations"


@pytest.fixture
def submitted(cast, org, people):
    """A Giấy khen for Văn: the data cannot show the judgement criteria, so the rulebook says “cần xem xét”."""
    PersonRating.objects.create(person=people.van, year=2023, rating="HTT")
    with at(DAY):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                       title="Đề nghị tặng Giấy khen năm 2023")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van,
                                      achievement="Hoàn thành xuất sắc nhiệm vụ năm 2023")
        return services.nomination_submit(nomination=n, acting_user=cast.clerk)


def test_a_needs_judgement_entry_is_submitted_without_an_exception_reason(submitted):
    entry = submitted.entries.get()
    assert submitted.status == NominationStatus.SUBMITTED
    assert entry.verdict_status == rb_codes.STATUS_NEEDS_JUDGEMENT and entry.override_reason == ""


def test_approval_waits_for_the_answer_on_the_page_and_changes_nothing(client, cast, submitted):
    otp_verified(client, cast.chairman)
    before = snapshot()
    with at(DAY):
        text = client.post(reverse("awards:nomination-approve", args=[submitted.pk]), follow=True).content.decode()
    assert "cần xem xét" in text and "Nguyễn Thanh Văn" in text and "Điều 84" in text
    assert snapshot() == before


def test_approval_waits_for_the_answer_through_the_api(chairman_api, cast, submitted):
    before = snapshot()
    with at(DAY):
        response = chairman_api.post(f"{API}/{submitted.pk}/approve")
    assert_error(response, 400)
    assert "cần xem xét" in response.json()["detail"] and "Điều 84" in response.json()["detail"]
    assert snapshot() == before


def test_the_deciding_level_records_the_answer_then_approves(client, cast, submitted):
    entry = submitted.entries.get()
    client.force_login(cast.chairman)
    body = client.get(reverse("awards:nomination-detail", args=[submitted.pk])).content.decode()
    assert "Ghi nhận xem xét" in body and "Ghi lý do" not in body
    with at(DAY):
        r = client.post(reverse("awards:entry-judgement", args=[submitted.pk, entry.pk]),
                        {"note": "Đối chiếu báo cáo thành tích: hoàn thành xuất sắc nhiệm vụ"}, follow=True)
        assert "Đã ghi nhận kết quả xem xét cho Nguyễn Thanh Văn" in r.content.decode()
        services.nomination_approve(otp_verified=True, nomination=submitted, acting_user=cast.chairman)
    entry.refresh_from_db()
    assert entry.judgement_by == cast.chairman and entry.judgement_note.startswith("Đối chiếu")
    assert AuditEntry.objects.filter(action="nomination.entry_judged", reason__startswith="Đối chiếu").exists()


def test_the_answer_through_the_api_needs_a_note_and_the_right_person(api_as, cast, submitted):
    entry = submitted.entries.get()
    path = f"{API}/{submitted.pk}/entries/{entry.pk}/judgement"
    assert_error(api_as(cast.chairman).post(path, {"note": ""}), 422)
    assert_error(api_as(cast.chairman).post(path, {"note": "   "}), 400)
    assert_error(api_as(cast.outsider).post(path, {"note": "X"}), 404)
    assert_error(api_as(cast.council_member).post(path, {"note": "X"}), 403)
    response = api_as(cast.chairman).post(path, {"note": "Hội đồng xã đã bình xét"})
    assert response.status_code == 200 and response.json()["judgement_note"] == "Hội đồng xã đã bình xét"


def test_a_not_eligible_entry_still_needs_the_proposers_reason(cast, org, people):
    with at(DAY):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="CSTDCS", year=2023,
                                       title="Đề nghị CSTĐ cơ sở năm 2023")
        entry = services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X")
        assert services.entry_verdict(entry, DAY).status == rb_codes.STATUS_NOT_ELIGIBLE
        with pytest.raises(ValidationError, match="chưa đủ điều kiện"):
            services.nomination_submit(nomination=n, acting_user=cast.clerk)
        with pytest.raises(ValidationError, match="không có tiêu chí cần xem xét"):
            services.entry_judgement_record(entry=entry, note="X", acting_user=cast.clerk)
