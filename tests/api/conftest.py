"""API test helpers: JSON clients for the cast (session or token) and a snapshot of the
database to assert that a refused call changed nothing."""

import json

import pytest
from django.test import Client

VIETNAMESE_LETTERS = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The cast is five users per test; PBKDF2 at Django's production cost is ~0.4 s each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def is_vietnamese(text: str) -> bool:
    return bool(set((text or "").lower()) & VIETNAMESE_LETTERS)


class ApiClient:
    """A thin JSON client; `headers` carries the bearer token when there is one."""

    def __init__(self, client: Client, headers: dict | None = None):
        self.client = client
        self.headers = headers or {}

    def get(self, path, **params):
        return self.client.get(path, params, headers=self.headers)

    def post(self, path, data=None, raw: str | None = None):
        body = raw if raw is not None else json.dumps(data if data is not None else {})
        return self.client.post(path, body, content_type="application/json", headers=self.headers)

    def delete(self, path):
        return self.client.delete(path, headers=self.headers)


@pytest.fixture
def api_as(cast):
    """api_as(user) → a client logged in through the session (CSRF not enforced, like Django's test client)."""

    def make(user):
        client = Client()
        client.force_login(user)
        return ApiClient(client)

    return make


@pytest.fixture
def anonymous():
    return ApiClient(Client())


@pytest.fixture
def token_api(cast):
    """token_api(user) → a client with `Authorization: Bearer <key>` and no session."""
    from thidua.api.services import api_token_create

    def make(user, name="Kết nối thử"):
        _, raw_key = api_token_create(user=user, name=name, acting_user=user)
        return ApiClient(Client(), {"Authorization": f"Bearer {raw_key}"})

    return make


@pytest.fixture
def signer_api(cast):
    """signer_api(user) → a session that has also passed the second factor, as an officer who signs or
    issues does once per login (test_second_factor.py proves the refusals without it)."""
    from tests.conftest import otp_verified

    def make(user):
        return ApiClient(otp_verified(Client(), user))

    return make


@pytest.fixture
def clerk_api(signer_api, cast):
    return signer_api(cast.clerk)


@pytest.fixture
def chairman_api(signer_api, cast):
    return signer_api(cast.chairman)


@pytest.fixture
def outsider_api(api_as, cast):
    return api_as(cast.outsider)


def snapshot():
    """Everything a write could touch in the nomination → decision flow."""
    from thidua.audit.models import AuditEntry
    from thidua.awards.models import Counter, Decision, Grant, Nomination, NominationEntry

    return {
        "nominations": sorted(Nomination.objects.values_list("pk", "status", "title", "return_reason")),
        "entries": sorted(NominationEntry.objects.values_list("pk", "nomination_id", "achievement",
                                                              "override_reason")),
        "decisions": sorted(Decision.objects.values_list("pk", "number")),
        "grants": Grant.objects.count(),
        "counters": sorted(Counter.objects.values_list("pk", "last_number")),
        "audit": AuditEntry.objects.count(),
    }


def assert_error(response, status, contains: str | None = None):
    assert response.status_code == status, (response.status_code, response.content[:500])
    body = response.json()
    assert is_vietnamese(body["detail"]), body
    if contains is not None:
        assert contains in body["detail"], body
    return body


@pytest.fixture
def decision(approved_nomination, cast):
    """Seed 000's decision: Số 01/QĐ-UBND, Bình An, 19/01/2024 (base salary 1,800,000 đ)."""
    import datetime as dt

    from tests.conftest import at
    from thidua.awards import services

    with at(dt.date(2024, 1, 19)):
        return services.decision_issue(otp_verified=True, nomination=approved_nomination, acting_user=cast.clerk,
                                       issued_on=dt.date(2024, 1, 19))
