"""A clerk (and chairman) of another commune gets 404 for every read and write of Bình An's data."""

import pathlib
import re

import pytest
from django.urls import reverse

from tests.conftest import OVERRIDE_REASON
from thidua.awards.models import Decision, NominationStatus


@pytest.fixture
def outsider_client(client, cast):
    client.force_login(cast.outsider)
    return client


def _binh_an_urls(decision, person, org):
    n = decision.nomination
    g = decision.grants.first()
    return {
        "get": [
            reverse("awards:nomination-detail", args=[n.pk]),
            reverse("awards:decision-detail", args=[decision.pk]),
            reverse("awards:decision-docx", args=[decision.pk]),
            reverse("awards:decision-pdf", args=[decision.pk]),
            reverse("awards:decision-certificates", args=[decision.pk]),
            reverse("awards:grant-certificate", args=[g.pk]),
            reverse("home:unit-detail", args=[org.binh_an.pk]),
            reverse("home:person-detail", args=[person.pk]),
        ],
        "post": [
            reverse("awards:nomination-submit", args=[n.pk]),
            reverse("awards:nomination-approve", args=[n.pk]),
            reverse("awards:nomination-return", args=[n.pk]),
            reverse("awards:decision-issue", args=[n.pk]),
            reverse("awards:nomination-entry-add", args=[n.pk]),
            reverse("awards:nomination-entry-remove", args=[n.pk, n.entries.first().pk]),
        ],
    }


def test_it_hides_every_binh_an_page_from_the_outsider(outsider_client, issued_decision, people, org):
    urls = _binh_an_urls(issued_decision, people.van, org)
    for url in urls["get"]:
        assert outsider_client.get(url).status_code == 404, url
    for url in urls["post"]:
        assert outsider_client.post(url, {"reason": "x", "achievement": "x", "issued_on": "01/01/2025"}).status_code == 404, url


def test_it_changes_nothing_when_the_outsider_posts_to_a_submitted_nomination(outsider_client, cast, org, people):
    from thidua.awards import services

    n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                   title="Đề nghị")
    services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                  override_reason=OVERRIDE_REASON)
    services.nomination_submit(nomination=n, acting_user=cast.clerk)
    for name in ["awards:nomination-approve", "awards:nomination-return", "awards:decision-issue"]:
        assert outsider_client.post(reverse(name, args=[n.pk]), {"reason": "x"}).status_code == 404
    n.refresh_from_db()
    assert n.status == NominationStatus.SUBMITTED
    assert not Decision.objects.exists()


def test_it_lists_nothing_of_binh_an_for_the_outsider(outsider_client, issued_decision):
    for name in ["awards:nomination-list", "awards:decision-list", "org:person-list", "org:unit-list"]:
        body = outsider_client.get(reverse(name)).content.decode()
        assert "Bình An" not in body, name
        assert "Nguyễn Thanh Văn" not in body, name


def test_it_sends_anonymous_users_to_login(client, issued_decision):
    response = client.get(reverse("awards:decision-detail", args=[issued_decision.pk]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


SCOPED = ["Nomination", "NominationEntry", "Decision", "Grant", "Person", "Unit", "Household", "Movement",
          "Registration", "Cluster", "Pledge", "Scorecard", "Council", "Session", "Ballot"]


def test_it_keeps_views_and_api_off_raw_queries_on_scoped_models():
    root = pathlib.Path(__file__).resolve().parents[2] / "thidua"
    offenders = []
    pattern = re.compile(r"\b(" + "|".join(SCOPED) + r")\.objects\b")
    for path in list(root.glob("*/views.py")) + list(root.glob("*/views/*.py")) + list(root.glob("api/**/*.py")):
        if path.parent.name == "portal" or path.parts[-2] == "portal":
            continue  # the public portal shows only what the law makes public, by design
        for lineno, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(root)}:{lineno}: {line.strip()}")
    assert offenders == []
