"""The clerk-and-chairman of Ba Tiêu reaches none of Bình An's objects through the API,
by session or by token: every read and write answers 404 and changes nothing."""

import json

import pytest

from tests.api.conftest import assert_error, snapshot
from thidua.awards import services


@pytest.fixture
def binh_an(cast, org, people, decision):
    """One Bình An object in every state: a draft, a submitted nomination, an issued decision."""
    draft = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2024,
                                       title="Đề nghị đang soạn")
    draft_entry = services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.van,
                                                achievement="X")
    submitted = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN",
                                           year=2024, title="Đề nghị đã trình")
    entry = services.nomination_entry_add(nomination=submitted, acting_user=cast.clerk, person=people.duyen,
                                          achievement="Y")
    services.nomination_entry_override(entry=entry, acting_user=cast.clerk, reason="Bình xét của xã")
    services.nomination_submit(nomination=submitted, acting_user=cast.clerk)
    return type("BinhAn", (), dict(draft=draft, draft_entry=draft_entry, submitted=submitted, decision=decision,
                                   grant=decision.grants.first(), org=org, people=people))


def reads(b):
    d, g, n = b.decision, b.grant, b.decision.nomination
    return [
        f"/api/org/units/{b.org.binh_an.pk}", f"/api/org/units/{b.org.youth.pk}",
        f"/api/org/units/{b.org.binh_an.pk}/grants", f"/api/org/units/{b.org.youth.pk}/grants",
        f"/api/org/people/{b.people.van.pk}", f"/api/org/people/{b.people.van.pk}/grants",
        f"/api/org/people/{b.people.duyen.pk}",
        f"/api/awards/grants/{g.pk}", f"/api/awards/grants/{g.pk}/certificate.pdf",
        f"/api/awards/nominations/{n.pk}", f"/api/awards/nominations/{b.draft.pk}",
        f"/api/awards/nominations/{b.submitted.pk}",
        f"/api/awards/decisions/{d.pk}", f"/api/awards/decisions/{d.pk}/docx", f"/api/awards/decisions/{d.pk}/pdf",
        f"/api/awards/decisions/{d.pk}/certificates.pdf",
        # Filters naming Bình An's people and units are refused too, not silently emptied.
        f"/api/awards/grants?person_id={b.people.van.pk}", f"/api/awards/grants?unit_id={b.org.youth.pk}",
        f"/api/awards/nominations?unit_id={b.org.binh_an.pk}", f"/api/awards/decisions?issuer_id={b.org.binh_an.pk}",
        f"/api/org/people?unit_id={b.org.binh_an.pk}",
    ]


def writes(b):
    base = "/api/awards/nominations"
    return [
        ("post", base, {"unit_id": b.org.binh_an.pk, "award_code": "GIAY_KHEN", "year": 2024, "title": "Đề nghị"}),
        ("post", f"{base}/{b.draft.pk}/entries", {"person_id": b.people.duyen.pk, "achievement": "X"}),
        ("post", f"{base}/{b.draft.pk}/entries", {"recipient_unit_id": b.org.youth.pk, "achievement": "X"}),
        ("post", f"{base}/{b.draft.pk}/entries/{b.draft_entry.pk}/override", {"reason": "Ngoại lệ"}),
        ("delete", f"{base}/{b.draft.pk}/entries/{b.draft_entry.pk}", None),
        ("post", f"{base}/{b.draft.pk}/submit", None),
        ("post", f"{base}/{b.submitted.pk}/approve", None),
        ("post", f"{base}/{b.submitted.pk}/return", {"reason": "Không đạt"}),
        ("post", f"{base}/{b.submitted.pk}/decision", {"issued_on": "2024-06-01"}),
        ("post", f"{base}/{b.decision.nomination.pk}/decision", {"issued_on": "2024-06-01"}),
    ]


@pytest.fixture(params=["session", "token"])
def outsider(request, cast, api_as, token_api):
    return api_as(cast.outsider) if request.param == "session" else token_api(cast.outsider)


def test_it_answers_404_to_every_read_of_binh_an(outsider, binh_an):
    for path in reads(binh_an):
        assert_error(outsider.get(path), 404)


def test_it_answers_404_to_every_write_of_binh_an_and_changes_nothing(outsider, binh_an):
    before = snapshot()
    for method, path, payload in writes(binh_an):
        response = outsider.delete(path) if method == "delete" else outsider.post(path, payload)
        assert_error(response, 404)
    assert snapshot() == before


def test_it_lists_nothing_of_binh_an(outsider, binh_an):
    for path in ["/api/org/units?include_closed=true", "/api/org/people", "/api/awards/grants",
                 "/api/awards/nominations", "/api/awards/decisions"]:
        response = outsider.get(path)
        assert response.status_code == 200, path
        text = json.dumps(response.json(), ensure_ascii=False)
        assert "Bình An" not in text and "Nguyễn Thanh Văn" not in text, path


def test_the_outsider_still_works_in_their_own_commune(outsider, binh_an, org):
    response = outsider.post("/api/awards/nominations", {"unit_id": org.other.pk, "award_code": "GIAY_KHEN",
                                                         "year": 2024, "title": "Đề nghị của xã Ba Tiêu"})
    assert response.status_code == 201, response.content
