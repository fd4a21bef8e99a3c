"""What probing from outside found (issue 10): each answer is now a clear 4xx in Vietnamese, never a 500;
a lockout locks one account from one address; the admin needs the second factor; logins expire; the CSP
closes framing, foreign forms and inline styles."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.api.conftest import ApiClient
from tests.conftest import OVERRIDE_REASON, PASSWORD, at
from thidua.accounts.sessions import LOGIN_AT, RENEWED_AT
from thidua.core.clientip import client_ip


def api(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return ApiClient(client)


@pytest.mark.parametrize("path", ["/api/org/units", "/api/org/people", "/api/awards/nominations",
                                  "/api/awards/decisions"])
def test_a_huge_offset_is_a_422_not_a_500(cast, path):
    response = api(cast.clerk).get(path, offset=10**19)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "offset"


def test_a_nul_byte_is_a_400_in_vietnamese_on_pages_and_api(client, cast):
    client.force_login(cast.clerk)
    page = client.get(reverse("org:person-list"), {"q": "nguyen\x00van"})
    assert page.status_code == 400 and "ký tự NUL" in page.content.decode()
    response = api(cast.clerk).get("/api/org/people", q="a\x00", status="x")
    assert response.status_code == 400 and "ký tự NUL" in response.json()["detail"]
    posted = api(cast.clerk).post("/api/awards/nominations", raw='{"title": "a\\u0000b"}')
    assert posted.status_code == 400


def test_an_unexpected_error_in_the_api_is_json(cast, monkeypatch):
    from thidua.api.routers import org as org_router

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(org_router, "units_visible_to", broken)
    response = api(cast.clerk).get("/api/org/units")
    assert response.status_code == 500 and response["Content-Type"].startswith("application/json")
    assert "Lỗi hệ thống" in response.json()["detail"] and "boom" not in response.content.decode()


def test_the_entry_criteria_carry_their_rule_id_as_the_schema_says(cast, org, people):
    from thidua.awards import services

    with at(__import__("datetime").date(2024, 1, 16)):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                       title="X")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                      override_reason=OVERRIDE_REASON)
        rows = api(cast.clerk).get(f"/api/procedure/nominations/{n.pk}/eligibility").json()
    assert rows[0]["criteria"] and all(c["rule_id"] for c in rows[0]["criteria"])


@pytest.mark.parametrize("raw", ["{không phải JSON", '{"decision_date": "2010-01-01", "people": [{"id": 1}]}'])
def test_evaluate_always_lists_its_errors(cast, raw):
    response = api(cast.clerk).post("/api/eligibility/evaluate", raw=raw)
    assert response.status_code == 400 and response.json()["errors"], response.content


@override_settings(AXES_FAILURE_LIMIT=3)
def test_one_users_failures_do_not_lock_the_others_at_the_same_address(client, cast):
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "clerk", "password": "sai-mat-khau"})
    assert client.post(reverse("accounts:login"), {"username": "clerk", "password": PASSWORD}).status_code == 429
    other = Client()
    assert other.post(reverse("accounts:login"), {"username": "chairman", "password": PASSWORD}).status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3, AXES_COOLOFF_MINUTES=15)
def test_each_further_lockout_of_the_pair_lasts_twice_as_long_and_only_for_that_pair(client, cast):
    import datetime as dt

    import time_machine

    def attempt(password, address="10.1.1.1"):
        return client.post(reverse("accounts:login"), {"username": "clerk", "password": password},
                           REMOTE_ADDR=address).status_code

    start = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(3):
            attempt("sai-mat-khau")
        assert attempt(PASSWORD) == 429
        assert attempt(PASSWORD, address="10.2.2.2") == 302  # the same user from another address
        client.logout()
        clock.move_to(start + dt.timedelta(minutes=16))  # the first lock-out is over…
        for _ in range(3):
            attempt("sai-mat-khau")
        clock.move_to(start + dt.timedelta(minutes=16 + 16))
        assert attempt(PASSWORD) == 429  # …the second lasts 30 minutes (from the latest attempt)
        clock.move_to(start + dt.timedelta(minutes=16 + 16 + 31))
        assert attempt(PASSWORD) == 302


def test_behind_trusted_proxies_the_client_is_the_forwarded_address(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "10.0.0.1"  # not trusted by default: the header is the client's to forge
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "203.0.113.7"


def test_a_login_ends_when_idle_and_after_its_maximum(client, cast, settings):
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60
    client.post(reverse("accounts:login"), {"username": "clerk", "password": PASSWORD})
    assert client.get(reverse("home:home")).status_code == 200
    session = client.session
    session[LOGIN_AT] = int(time.time()) - settings.SESSION_MAX_HOURS * 3600 - 60
    session.save()
    response = client.get(reverse("home:home"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    assert client.get(reverse("home:home")).status_code == 302  # logged out, not just redirected


def test_requests_renew_the_idle_expiry_at_most_once_a_minute(client, cast, settings):
    from django.contrib.sessions.models import Session

    client.post(reverse("accounts:login"), {"username": "clerk", "password": PASSWORD})
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.get(reverse("home:home"))
    assert settings.SESSION_COOKIE_NAME in response.cookies  # the login's first page renews the cookie's age
    expiry = Session.objects.get(pk=key).expire_date
    response = client.get(reverse("home:home"))
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # a page seconds later writes nothing
    assert Session.objects.get(pk=key).expire_date == expiry
    session = client.session
    session[RENEWED_AT] = int(time.time()) - settings.SESSION_RENEW_SECONDS
    session.save()
    stale = Session.objects.get(pk=key).expire_date
    response = client.get(reverse("home:home"))
    assert settings.SESSION_COOKIE_NAME in response.cookies  # a minute on: the idle limit moves on again
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE
    assert Session.objects.get(pk=key).expire_date > stale


def test_a_password_needs_twelve_characters(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("Ngan@2026x")
    validate_password("Mat-khau-du-dai-2026")


def test_the_csp_closes_framing_foreign_forms_and_inline_styles(client):
    csp = client.get(reverse("accounts:login"))["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp and "base-uri 'none'" in csp
    assert "unsafe-inline" not in csp
    assert 'style="' not in client.get(reverse("accounts:login")).content.decode()


@pytest.mark.parametrize("hosts, public", [("thiduakhenthuong.quangngai.gov.vn", True), ("127.0.0.1,localhost", False)])
def test_a_public_host_gets_https_redirect_hsts_and_secure_cookies_by_default(hosts, public):
    """`make run` on 127.0.0.1 stays plain http; a deployment with a real host name is https-only."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DATABASE_URL"))}
    env.update(DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS=hosts, DJANGO_SETTINGS_MODULE="thidua.settings")
    code = ("import json; from django.conf import settings as s; print(json.dumps([s.SECURE_SSL_REDIRECT, "
            "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE]))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    redirect, hsts, cookies = json.loads(out.stdout)
    assert (redirect, hsts > 0) == (public, public) and cookies is True
