"""submit / approve / return through the API."""

import datetime as dt

import pytest

from tests.api.conftest import assert_error, snapshot
from tests.conftest import OVERRIDE_REASON, at
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.awards.models import NominationStatus


@pytest.fixture
def draft(cast, org, people):
    n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                   title="Đề nghị tặng Giấy khen năm 2023")
    services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                  override_reason=OVERRIDE_REASON)
    return n


@pytest.fixture
def submitted(draft, cast):
    return services.nomination_submit(nomination=draft, acting_user=cast.clerk)


def url(nomination, action):
    return f"/api/awards/nominations/{nomination.pk}/{action}"


def status_of(nomination):
    nomination.refresh_from_db()
    return nomination.status


# ---------------------------------------------------------------- submit

def test_it_submits(clerk_api, cast, draft):
    with at(dt.date(2024, 1, 10)):
        response = clerk_api.post(url(draft, "submit"))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted" and response.json()["submitted_at"].startswith("2024-01-10")
    assert status_of(draft) == NominationStatus.SUBMITTED
    audit = AuditEntry.objects.get(action="nomination.submitted")
    assert audit.actor == cast.clerk and audit.data["new"] == {"status": "submitted"}


def test_it_refuses_submission_by_the_chairman(chairman_api, draft):
    before = snapshot()
    assert_error(chairman_api.post(url(draft, "submit")), 403)
    assert snapshot() == before


def test_it_hides_submission_from_the_outsider(outsider_api, draft):
    before = snapshot()
    assert_error(outsider_api.post(url(draft, "submit")), 404)
    assert snapshot() == before


def test_it_refuses_to_submit_an_empty_nomination(clerk_api, cast, org):
    empty = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                       title="Trống")
    before = snapshot()
    assert_error(clerk_api.post(url(empty, "submit")), 400, services.ERR_NO_ENTRIES)
    assert snapshot() == before


# ---------------------------------------------------------------- approve

def test_it_approves(chairman_api, cast, submitted):
    response = chairman_api.post(url(submitted, "approve"))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "approved"
    submitted.refresh_from_db()
    assert submitted.status == NominationStatus.APPROVED and submitted.approved_by == cast.chairman
    assert AuditEntry.objects.get(action="nomination.approved").actor == cast.chairman


def test_it_refuses_approval_by_the_clerk(clerk_api, submitted):
    before = snapshot()
    assert_error(clerk_api.post(url(submitted, "approve")), 403)
    assert snapshot() == before


def test_it_hides_approval_from_the_outsider_chairman(outsider_api, submitted):
    before = snapshot()
    assert_error(outsider_api.post(url(submitted, "approve")), 404)
    assert snapshot() == before


def test_it_refuses_to_approve_a_draft(chairman_api, draft):
    before = snapshot()
    assert_error(chairman_api.post(url(draft, "approve")), 400, services.ERR_NOT_SUBMITTED)
    assert snapshot() == before


# ---------------------------------------------------------------- return

def test_it_returns_with_a_reason(chairman_api, cast, submitted):
    response = chairman_api.post(url(submitted, "return"), {"reason": "Bổ sung báo cáo thành tích"})
    assert response.status_code == 200, response.content
    assert response.json()["return_reason"] == "Bổ sung báo cáo thành tích"
    assert status_of(submitted) == NominationStatus.RETURNED
    audit = AuditEntry.objects.get(action="nomination.returned")
    assert audit.actor == cast.chairman and audit.reason == "Bổ sung báo cáo thành tích"


def test_it_refuses_return_by_the_clerk(clerk_api, submitted):
    before = snapshot()
    assert_error(clerk_api.post(url(submitted, "return"), {"reason": "X"}), 403)
    assert snapshot() == before


def test_it_hides_return_from_the_outsider(outsider_api, submitted):
    before = snapshot()
    assert_error(outsider_api.post(url(submitted, "return"), {"reason": "X"}), 404)
    assert snapshot() == before


def test_it_requires_a_reason_to_return(chairman_api, submitted):
    before = snapshot()
    assert_error(chairman_api.post(url(submitted, "return"), {"reason": "   "}), 400, services.ERR_RETURN_REASON)
    body = assert_error(chairman_api.post(url(submitted, "return"), {}), 422)
    assert body["errors"][0]["field"] == "reason" and body["errors"][0]["message"] == "Thiếu trường bắt buộc."
    assert_error(chairman_api.post(url(submitted, "return"), {"reason": ""}), 422)
    assert snapshot() == before


def test_it_lets_the_clerk_fix_and_resubmit_a_returned_nomination(clerk_api, chairman_api, submitted, people):
    chairman_api.post(url(submitted, "return"), {"reason": "Bổ sung"})
    added = clerk_api.post(url(submitted, "entries"), {"person_id": people.duyen.pk, "achievement": "Y"})
    assert added.status_code == 201
    override = clerk_api.post(f"{url(submitted, 'entries')}/{added.json()['id']}/override", {"reason": "Bình xét"})
    assert override.status_code == 200
    assert clerk_api.post(url(submitted, "submit")).json()["status"] == "submitted"
    assert status_of(submitted) == NominationStatus.SUBMITTED and submitted.return_reason == ""
