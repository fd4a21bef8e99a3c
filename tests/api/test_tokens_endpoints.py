"""/api/tokens: list, create (session only), revoke your own tokens."""

from django.test import Client

from tests.api.conftest import ApiClient, assert_error
from thidua.api.models import ApiToken, hash_key
from thidua.api.services import api_token_create
from thidua.audit.models import AuditEntry


def test_it_creates_a_token_from_the_session_and_shows_the_key_once(clerk_api, cast):
    response = clerk_api.post("/api/tokens", {"name": "Phần mềm tỉnh"})
    assert response.status_code == 201, response.content
    body = response.json()
    token = ApiToken.objects.get(pk=body["id"])
    assert token.user == cast.clerk and token.key_hash == hash_key(body["key"])
    assert AuditEntry.objects.get(action="api_token.created").actor == cast.clerk
    listed = clerk_api.get("/api/tokens").json()
    assert [t["prefix"] for t in listed] == [token.prefix] and "key" not in listed[0]
    key_api = ApiClient(Client(), {"Authorization": f"Bearer {body['key']}"})
    assert key_api.get("/api/org/units").status_code == 200


def test_it_refuses_to_mint_a_token_with_a_token(token_api, cast):
    api = token_api(cast.clerk)
    count = ApiToken.objects.count()
    assert_error(api.post("/api/tokens", {"name": "Thêm một khóa"}), 401)
    assert ApiToken.objects.count() == count


def test_it_requires_csrf_to_create_a_token_from_the_session(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.clerk)
    assert_error(ApiClient(client).post("/api/tokens", {"name": "Phần mềm tỉnh"}), 403, "CSRF")
    assert not ApiToken.objects.exists()


def test_it_asks_for_a_name(clerk_api):
    body = assert_error(clerk_api.post("/api/tokens", {"name": ""}), 422)
    assert body["errors"][0]["field"] == "name"
    assert_error(clerk_api.post("/api/tokens", {"name": "   "}), 400, "tên gợi nhớ")
    assert not ApiToken.objects.exists()


def test_it_revokes_your_own_token(token_api, cast):
    token, key = api_token_create(user=cast.clerk, name="Cũ", acting_user=cast.clerk)
    api = ApiClient(Client(), {"Authorization": f"Bearer {key}"})
    response = api.delete(f"/api/tokens/{token.pk}")
    assert response.status_code == 200 and response.json()["revoked_at"]
    assert AuditEntry.objects.get(action="api_token.revoked").actor == cast.clerk
    assert_error(api.get("/api/org/units"), 401)


def test_it_hides_other_peoples_tokens(outsider_api, cast):
    token, _ = api_token_create(user=cast.clerk, name="Của người khác", acting_user=cast.clerk)
    assert outsider_api.get("/api/tokens").json() == []
    assert_error(outsider_api.delete(f"/api/tokens/{token.pk}"), 404)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_it_explains_revoking_twice(clerk_api, cast):
    token, _ = api_token_create(user=cast.clerk, name="Cũ", acting_user=cast.clerk)
    clerk_api.delete(f"/api/tokens/{token.pk}")
    assert_error(clerk_api.delete(f"/api/tokens/{token.pk}"), 400, "đã bị thu hồi")
