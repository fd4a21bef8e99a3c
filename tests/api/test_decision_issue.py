"""POST /api/awards/nominations/{id}/decision → decision_issue."""

import datetime as dt

import pytest

from tests.api.conftest import assert_error, snapshot
from tests.conftest import OVERRIDE_REASON, at
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.awards.models import Decision, NominationStatus


def url(nomination):
    return f"/api/awards/nominations/{nomination.pk}/decision"


def test_it_issues_the_decision_with_its_number_grants_and_money(clerk_api, cast, approved_nomination):
    with at(dt.date(2024, 1, 19)):
        response = clerk_api.post(url(approved_nomination), {"issued_on": "2024-01-19"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number_text"] == "01/QĐ-UBND" and body["issued_on"] == "2024-01-19"
    assert body["total_amount"] == 1_620_000 and len(body["grants"]) == 2
    decision = Decision.objects.get(pk=body["id"])
    assert decision.issued_by == cast.clerk and decision.grants.count() == 2
    approved_nomination.refresh_from_db()
    assert approved_nomination.status == NominationStatus.DECIDED
    audit = AuditEntry.objects.get(action="decision.issued")
    assert audit.actor == cast.clerk and audit.data["number"] == "01/QĐ-UBND"
    with at(dt.date(2024, 1, 19)):  # the session's idle clock was renewed on the frozen day
        detail = clerk_api.get(f"/api/awards/nominations/{approved_nomination.pk}").json()
    assert detail["decision_id"] == decision.pk and detail["status"] == "decided"


def test_it_dates_the_decision_today_when_no_date_is_sent(clerk_api, approved_nomination):
    with at(dt.date(2024, 1, 22)):
        response = clerk_api.post(url(approved_nomination), {})
    assert response.status_code == 201, response.content
    assert response.json()["issued_on"] == "2024-01-22"


def test_it_refuses_the_chairman_who_signs_but_does_not_issue(chairman_api, approved_nomination):
    before = snapshot()
    assert_error(chairman_api.post(url(approved_nomination), {"issued_on": "2024-01-19"}), 403)
    assert snapshot() == before


def test_it_hides_issuing_from_the_outsider(outsider_api, approved_nomination):
    before = snapshot()
    assert_error(outsider_api.post(url(approved_nomination), {"issued_on": "2024-01-19"}), 404)
    assert snapshot() == before


@pytest.mark.parametrize("value", ["19/01/2024", "2024-02-30", "hôm nay", "2024-1-19x"])
def test_it_asks_for_an_iso_date(clerk_api, approved_nomination, value):
    before = snapshot()
    body = assert_error(clerk_api.post(url(approved_nomination), {"issued_on": value}), 422)
    assert body["errors"][0]["field"] == "issued_on"
    assert "yyyy-mm-dd" in body["errors"][0]["message"]
    assert snapshot() == before


def test_it_refuses_a_date_before_the_approval(clerk_api, approved_nomination):
    before = snapshot()
    assert_error(clerk_api.post(url(approved_nomination), {"issued_on": "2024-01-10"}), 400, services.ERR_ISSUE_DATE)
    assert snapshot() == before


def test_it_refuses_a_nomination_that_is_not_approved(clerk_api, cast, org, people):
    n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                   title="Đề nghị")
    services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                  override_reason=OVERRIDE_REASON)
    services.nomination_submit(nomination=n, acting_user=cast.clerk)
    before = snapshot()
    assert_error(clerk_api.post(url(n), {"issued_on": "2024-01-19"}), 400, services.ERR_NOT_APPROVED)
    assert snapshot() == before


def test_it_refuses_to_issue_twice(clerk_api, approved_nomination):
    assert clerk_api.post(url(approved_nomination), {"issued_on": "2024-01-19"}).status_code == 201
    before = snapshot()
    assert_error(clerk_api.post(url(approved_nomination), {"issued_on": "2024-01-20"}), 400, services.ERR_NOT_APPROVED)
    assert snapshot() == before


def test_it_answers_400_when_the_rulebook_refuses_the_date(clerk_api, approved_nomination, monkeypatch):
    # The rulebook raises RulebookError (a ValueError with a Vietnamese message) for dates it does
    # not cover, e.g. prize tables before 01/01/2024: a 400 with its message, never a 500.
    from thidua.rulebook.errors import RulebookError

    message = "Ngày quyết định 05/12/2023 trước ngày Luật Thi đua, khen thưởng 2022 có hiệu lực (01/01/2024)"

    def refuse(**kwargs):
        raise RulebookError(message)

    monkeypatch.setattr(services, "decision_issue", refuse)
    before = snapshot()
    assert_error(clerk_api.post(url(approved_nomination), {"issued_on": "2023-12-05"}), 400, message)
    assert snapshot() == before


def test_it_accepts_an_empty_body_as_today(clerk_api, approved_nomination):
    with at(dt.date(2024, 1, 22)):
        response = clerk_api.post(url(approved_nomination), raw="")
    assert response.status_code == 201, response.content
    assert response.json()["issued_on"] == "2024-01-22"


@pytest.mark.parametrize("raw", ["[1]", "5", '"2024-01-19"'])
def test_it_refuses_a_body_that_is_not_an_object(clerk_api, approved_nomination, raw):
    before = snapshot()
    body = assert_error(clerk_api.post(url(approved_nomination), raw=raw), 422)
    assert body["errors"][0]["message"].startswith("Phải là một đối tượng JSON")
    assert snapshot() == before
