"""An issued decision is never edited: no page, API route or admin offers a change (NĐ 30/2020)."""

import pytest
from django.contrib.admin.sites import site
from django.urls import get_resolver, reverse

from thidua.awards.models import Decision, Grant


def test_it_offers_no_edit_url_for_decisions():
    names = [p.name for p in get_resolver().url_patterns if hasattr(p, "name")]
    awards = [name for pattern in get_resolver().url_patterns if getattr(pattern, "namespace", "") == "awards"
              for name in [p.name for p in pattern.url_patterns]]
    assert awards and not [n for n in awards + names if n and n.startswith("decision")
                           and any(w in n for w in ("edit", "update", "delete", "change"))]


def test_it_offers_only_reads_on_decisions_in_the_api(client):
    schema = client.get("/api/openapi.json").json()
    for path, ops in schema["paths"].items():
        if "/decisions/{decision_id}" in path and not path.endswith("/revoke"):
            assert set(ops) <= {"get"}, (path, set(ops))
        if path.endswith("/revoke"):
            assert set(ops) == {"post"}  # creates a new decision; the old one is not touched


def test_it_refuses_other_methods_on_the_decision_page(issued_decision, cast, client):
    client.force_login(cast.clerk)
    url = reverse("awards:decision-detail", args=[issued_decision.pk])
    for method in (client.post, client.put, client.patch, client.delete):
        assert method(url).status_code == 405


@pytest.mark.parametrize("model", [Decision, Grant])
def test_it_makes_the_admin_read_only(model, rf, admin_user):
    admin = site._registry[model]
    request = rf.get("/")
    request.user = admin_user
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
