"""The home page's recent decisions name their issuer (issue 14): two "Số 01/QĐ-UBND ngày 17/01/2025" of different
issuers must not look like a numbering error."""

from django.urls import reverse


def test_recent_decisions_name_their_issuer(client, cast, issued_decision):
    client.force_login(cast.province_officer)
    page = client.get(reverse("home:home")).content.decode()
    assert f"Số {issued_decision.number_text}</a> ngày" in page
    assert f"của {issued_decision.issuer.name} –" in page
