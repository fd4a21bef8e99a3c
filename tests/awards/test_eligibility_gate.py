"""An entry the rulebook does not find eligible goes forward only with a reason, audited (issue 5, item 2)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.conftest import at
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.awards.models import NominationStatus


@pytest.fixture
def draft(cast, org, people):
    with at(dt.date(2024, 1, 10)):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                       title="Đề nghị tặng Giấy khen năm 2023")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.duyen, achievement="Y")
    return n


def test_it_refuses_to_submit_naming_the_people_without_a_reason(draft, cast):
    with at(dt.date(2024, 1, 10)), pytest.raises(ValidationError) as exc:
        services.nomination_submit(nomination=draft, acting_user=cast.clerk)
    text = exc.value.messages[0]
    assert "Nguyễn Thanh Văn" in text and "Nguyễn Thị Mỹ Duyên" in text and "lý do" in text
    draft.refresh_from_db()
    assert draft.status == NominationStatus.DRAFT
    assert not AuditEntry.objects.filter(action="nomination.submitted").exists()


def test_it_submits_once_every_unclear_entry_has_a_reason_and_audits_it(draft, cast):
    with at(dt.date(2024, 1, 10)):
        for entry in draft.entries.all():
            services.nomination_entry_override(entry=entry, acting_user=cast.clerk, reason="Hội nghị xã đề nghị")
        services.nomination_submit(nomination=draft, acting_user=cast.clerk)
    draft.refresh_from_db()
    assert draft.status == NominationStatus.SUBMITTED
    entry = draft.entries.get(person__full_name="Nguyễn Thanh Văn")
    assert entry.override_reason == "Hội nghị xã đề nghị" and entry.override_by == cast.clerk
    assert entry.verdict_status in ("not_eligible", "needs_judgement")
    override = AuditEntry.objects.filter(action="nomination.entry_override").first()
    assert override.reason == "Hội nghị xã đề nghị" and override.actor == cast.clerk
    submitted = AuditEntry.objects.get(action="nomination.submitted")
    assert submitted.data["verdicts"]["Nguyễn Thanh Văn"] == entry.verdict_status
    assert submitted.data["overrides"]["Nguyễn Thanh Văn"] == "Hội nghị xã đề nghị"


def test_it_needs_no_reason_for_an_eligible_entry(draft, cast, monkeypatch):
    from types import SimpleNamespace

    monkeypatch.setattr(services, "entry_verdict", lambda entry, day: SimpleNamespace(status="eligible"))
    with at(dt.date(2024, 1, 10)):
        services.nomination_submit(nomination=draft, acting_user=cast.clerk)
    assert set(draft.entries.values_list("verdict_status", flat=True)) == {"eligible"}


def test_it_refuses_an_override_without_a_reason(draft, cast):
    entry = draft.entries.first()
    with pytest.raises(ValidationError, match="Phải ghi rõ lý do"):
        services.nomination_entry_override(entry=entry, acting_user=cast.clerk, reason="   ")
    entry.refresh_from_db()
    assert entry.override_reason == ""
    assert not AuditEntry.objects.filter(action="nomination.entry_override").exists()


def test_it_refuses_an_override_from_the_chairman(draft, cast):
    with pytest.raises(PermissionDenied):
        services.nomination_entry_override(entry=draft.entries.first(), acting_user=cast.chairman, reason="x")


def test_it_shows_the_verdict_badge_and_reasons_on_the_page(draft, cast, client):
    client.force_login(cast.clerk)
    with at(dt.date(2024, 1, 10)):
        html = client.get(reverse("awards:nomination-detail", args=[draft.pk])).content.decode()
    assert "Không đủ điều kiện" in html or "Cần xem xét" in html
    assert "Luật" in html  # the reasons carry their citations
    assert "Ghi lý do" in html


def test_it_shows_an_error_for_an_empty_reason_on_the_page(draft, cast, client):
    client.force_login(cast.clerk)
    entry = draft.entries.first()
    url = reverse("awards:nomination-entry-override", args=[draft.pk, entry.pk])
    response = client.post(url, {"reason": ""}, follow=True)
    assert "Phải ghi rõ lý do" in response.content.decode()
    entry.refresh_from_db()
    assert entry.override_reason == ""


def test_it_hides_the_override_door_from_the_outsider(draft, cast, client):
    client.force_login(cast.outsider)
    entry = draft.entries.first()
    url = reverse("awards:nomination-entry-override", args=[draft.pk, entry.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404
    entry.refresh_from_db()
    assert entry.override_reason == ""


def test_it_reports_eligibility_through_the_api(draft, cast, client):
    client.force_login(cast.clerk)
    rows = client.get(f"/api/procedure/nominations/{draft.pk}/eligibility").json()
    assert {r["display_name"] for r in rows} == {"Nguyễn Thanh Văn", "Nguyễn Thị Mỹ Duyên"}
    assert all(r["needs_override"] and r["criteria"] for r in rows)
