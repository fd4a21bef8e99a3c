"""Session and token authentication; CSRF for session writes; 401 for everyone else."""

import datetime as dt

import pytest
from django.test import Client

from tests.api.conftest import ApiClient, assert_error, snapshot
from tests.conftest import at
from thidua.api.models import ApiToken
from thidua.api.services import api_token_create, api_token_revoke
from thidua.awards.models import Nomination

NEW_NOMINATION = {"award_code": "GIAY_KHEN", "year": 2024, "title": "Đề nghị tặng Giấy khen năm 2024"}


def test_it_answers_401_to_anonymous_reads_and_writes(anonymous, approved_nomination, org):
    before = snapshot()
    for path in ["/api/org/units", f"/api/org/units/{org.binh_an.pk}", "/api/org/people", "/api/awards/grants",
                 "/api/awards/nominations", f"/api/awards/nominations/{approved_nomination.pk}",
                 "/api/awards/decisions"]:
        assert_error(anonymous.get(path), 401)
    assert_error(anonymous.post("/api/awards/nominations", {**NEW_NOMINATION, "unit_id": org.binh_an.pk}), 401)
    assert_error(anonymous.post(f"/api/awards/nominations/{approved_nomination.pk}/decision", {}), 401)
    assert snapshot() == before


def test_it_answers_401_to_an_anonymous_post_without_csrf_rather_than_403(approved_nomination):
    client = ApiClient(Client(enforce_csrf_checks=True))
    assert_error(client.post(f"/api/awards/nominations/{approved_nomination.pk}/approve"), 401)


def test_it_accepts_a_bearer_token(token_api, cast, org):
    api = token_api(cast.clerk)
    response = api.get("/api/org/units", q="binh an")
    assert response.status_code == 200
    assert [u["name"] for u in response.json()["items"]] == ["Xã Bình An", "Đoàn Thanh niên xã Bình An"]


def test_it_writes_with_a_token_without_csrf(cast, org):
    _, key = api_token_create(user=cast.clerk, name="Phần mềm tỉnh", acting_user=cast.clerk)
    client = ApiClient(Client(enforce_csrf_checks=True), {"Authorization": f"Bearer {key}"})
    response = client.post("/api/awards/nominations", {**NEW_NOMINATION, "unit_id": org.binh_an.pk})
    assert response.status_code == 201, response.content
    nomination = Nomination.objects.get(pk=response.json()["id"])
    assert nomination.created_by == cast.clerk


def test_it_records_when_a_token_was_last_used(cast, org):
    token, key = api_token_create(user=cast.clerk, name="Phần mềm tỉnh", acting_user=cast.clerk)
    assert token.last_used_at is None
    with at(dt.date(2024, 3, 4)):
        Client().get("/api/org/units", headers={"Authorization": f"Bearer {key}"})
    token.refresh_from_db()
    assert token.last_used_at.date() == dt.date(2024, 3, 4)


@pytest.mark.parametrize("header", ["Bearer td_sai-khoa", "Bearer ", "bearer td_x y"])
def test_it_answers_401_to_a_wrong_token(header, cast, db):
    response = Client().get("/api/org/units", headers={"Authorization": header})
    assert_error(response, 401)


def test_it_answers_401_to_a_revoked_token(cast, org):
    token, key = api_token_create(user=cast.clerk, name="Phần mềm tỉnh", acting_user=cast.clerk)
    headers = {"Authorization": f"Bearer {key}"}
    assert Client().get("/api/org/units", headers=headers).status_code == 200
    api_token_revoke(token=token, acting_user=cast.clerk)
    assert_error(Client().get("/api/org/units", headers=headers), 401, "thu hồi")


def test_it_answers_401_to_the_token_of_a_deactivated_user(cast, org):
    _, key = api_token_create(user=cast.clerk, name="Phần mềm tỉnh", acting_user=cast.clerk)
    cast.clerk.is_active = False
    cast.clerk.save()
    assert_error(Client().get("/api/org/units", headers={"Authorization": f"Bearer {key}"}), 401)


def test_it_does_not_fall_back_to_the_session_when_the_token_is_wrong(cast, org):
    client = Client()
    client.force_login(cast.clerk)
    assert client.get("/api/org/units").status_code == 200
    assert_error(client.get("/api/org/units", headers={"Authorization": "Bearer td_sai"}), 401)


def test_it_refuses_a_session_write_without_the_csrf_token(cast, org):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.clerk)
    before = snapshot()
    response = ApiClient(client).post("/api/awards/nominations", {**NEW_NOMINATION, "unit_id": org.binh_an.pk})
    assert_error(response, 403, "CSRF")
    assert snapshot() == before


def test_it_accepts_a_session_write_with_the_csrf_token(cast, org):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.clerk)
    client.get("/api/docs")  # the docs page sets the CSRF cookie, like any page with a form
    token = client.cookies["csrftoken"].value
    response = ApiClient(client, {"X-CSRFToken": token}).post(
        "/api/awards/nominations", {**NEW_NOMINATION, "unit_id": org.binh_an.pk})
    assert response.status_code == 201, response.content


def test_it_reads_with_a_session_without_csrf(cast, org):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.clerk)
    assert client.get("/api/org/units").status_code == 200


def test_it_never_stores_the_raw_key(cast, db):
    token, key = api_token_create(user=cast.clerk, name="Phần mềm tỉnh", acting_user=cast.clerk)
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert key not in [str(v) for v in stored.values()]
    assert key.startswith(stored["prefix"])
