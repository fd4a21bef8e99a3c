"""Revocation (Luật TĐKT 2022 Điều 93): a new decision in the same series, grants revoked, money and items listed."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.conftest import at, otp_verified
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.awards.models import Decision, Grant, GrantStatus
from thidua.awards.selectors import award_history_for_person


def _revoke(decision, user, **kw):
    with at(dt.date(2024, 6, 3)):
        return services.decision_revoke(otp_verified=True, decision=decision, acting_user=user, ground=kw.pop("ground", "false_claim"),
                                        reason=kw.pop("reason", "Kết luận thanh tra số 12/KL-TTr"),
                                        issued_on=dt.date(2024, 6, 3), **kw)


def test_it_issues_a_revocation_numbered_in_the_same_series(issued_decision, cast):
    revocation = _revoke(issued_decision, cast.clerk)
    assert revocation.kind == "revocation" and revocation.revokes == issued_decision
    assert revocation.number_text == "02/QĐ-UBND" and revocation.issuer == issued_decision.issuer
    assert revocation.revocation_ground == "false_claim"
    assert revocation.total_amount == issued_decision.total_amount
    assert set(Grant.objects.values_list("status", flat=True)) == {GrantStatus.REVOKED}
    assert set(Grant.objects.values_list("revoked_by", flat=True)) == {revocation.pk}
    audit = AuditEntry.objects.get(action="decision.revocation_issued")
    assert audit.actor == cast.clerk and audit.reason == "Kết luận thanh tra số 12/KL-TTr"
    assert {r["amount"] for r in audit.data["recover"]} == {540_000, 1_080_000}
    assert AuditEntry.objects.filter(action="decision.revoked", target_id=str(issued_decision.pk)).exists()


def test_it_revokes_only_the_chosen_grants(issued_decision, cast):
    grant = issued_decision.grants.get(recipient_kind="individual")
    revocation = _revoke(issued_decision, cast.clerk, grants=[grant], ground="forged")
    assert list(revocation.revoked_grants.all()) == [grant]
    assert issued_decision.grants.filter(status=GrantStatus.VALID).count() == 1
    assert revocation.total_amount == 540_000 and "một phần" in revocation.summary


def test_it_drops_revoked_grants_from_the_award_history(issued_decision, cast, people):
    assert award_history_for_person(people.van).count() == 1
    _revoke(issued_decision, cast.clerk)
    assert award_history_for_person(people.van).count() == 0


@pytest.mark.parametrize("kw, message", [
    ({"ground": "ghet"}, "căn cứ hủy bỏ"),
    ({"reason": "  "}, "nội dung kết luận"),
])
def test_it_refuses_bad_input_and_changes_nothing(issued_decision, cast, kw, message):
    with pytest.raises(ValidationError, match=message):
        _revoke(issued_decision, cast.clerk, **kw)
    assert Decision.objects.count() == 1 and not Grant.objects.filter(status=GrantStatus.REVOKED).exists()


def test_it_refuses_a_date_before_the_decision_and_a_second_revocation(issued_decision, cast):
    with pytest.raises(ValidationError, match="không được trước"):
        services.decision_revoke(otp_verified=True, decision=issued_decision, acting_user=cast.clerk, ground="procedure", reason="x",
                                 issued_on=dt.date(2024, 1, 2))
    revocation = _revoke(issued_decision, cast.clerk)
    with pytest.raises(ValidationError, match="còn hiệu lực"):
        _revoke(issued_decision, cast.clerk)
    with pytest.raises(ValidationError, match="không hủy bỏ một quyết định hủy bỏ"):
        _revoke(revocation, cast.clerk)


def test_it_leaves_revocation_to_the_issuers_clerk(issued_decision, cast):
    for user in (cast.chairman, cast.council_member, cast.outsider):
        with pytest.raises(PermissionDenied):
            _revoke(issued_decision, user)
    assert Decision.objects.count() == 1


def test_it_shows_the_revocation_on_the_verification_page(issued_decision, cast, client):
    grant = issued_decision.grants.first()
    url = reverse("portal:verify", args=[grant.verify_code])
    assert "còn hiệu lực" in client.get(url).content.decode()
    _revoke(issued_decision, cast.clerk)
    html = client.get(url).content.decode()
    assert "đã bị hủy bỏ theo Quyết định số 02/QĐ-UBND ngày 03/06/2024" in html


def test_it_answers_a_forged_code_with_a_vietnamese_404(client, issued_decision):
    response = client.get(reverse("portal:verify", args=["ma-gia-mao-123"]))
    assert response.status_code == 404 and "Mã xác minh không hợp lệ" in response.content.decode()


def test_it_writes_the_revocation_decision_docx_with_what_to_recover(issued_decision, cast, client):
    from docx import Document

    revocation = _revoke(issued_decision, cast.clerk)
    client.force_login(cast.clerk)
    response = client.get(reverse("awards:decision-docx", args=[revocation.pk]))
    document = Document(io.BytesIO(response.content))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert "Số: 02/QĐ-UBND" in text and "Hủy bỏ Giấy khen đã tặng tại Quyết định số 01/QĐ-UBND" in text
    assert "Điều 93" in text and "khai man thành tích" in text.lower()
    assert "1.620.000" in text and "Giấy khen" in text
    page = client.get(reverse("awards:decision-detail", args=[revocation.pk])).content.decode()
    assert "Tiền thưởng và hiện vật phải thu hồi" in page


def test_it_no_longer_prints_a_revoked_certificate(issued_decision, cast, client):
    grant = issued_decision.grants.first()
    _revoke(issued_decision, cast.clerk)
    client.force_login(cast.clerk)
    assert client.get(reverse("awards:grant-certificate", args=[grant.pk])).status_code == 404


def test_it_revokes_through_the_page(issued_decision, cast, client):
    otp_verified(client, cast.clerk)
    url = reverse("awards:decision-revoke", args=[issued_decision.pk])
    response = client.post(url, {"ground": "procedure", "reason": "", "issued_on": "03/06/2024"}, follow=True)
    assert "Phải ghi rõ nội dung kết luận" in response.content.decode()
    assert Decision.objects.count() == 1
    with at(dt.date(2024, 6, 3)):
        response = client.post(url, {"ground": "procedure", "reason": "Sai quy trình bình xét",
                                     "issued_on": "03/06/2024"})
    revocation = Decision.objects.get(kind="revocation")
    assert response.status_code == 302 and response["Location"].endswith(f"/quyet-dinh/{revocation.pk}/")
    client.force_login(cast.outsider)
    assert client.post(url, {"ground": "procedure", "reason": "x", "issued_on": "03/06/2024"}).status_code == 404


def test_it_revokes_through_the_api(issued_decision, cast, client):
    url = f"/api/procedure/decisions/{issued_decision.pk}/revoke"
    body = {"ground": "standard_not_met", "reason": "Kết luận sau này", "issued_on": "2024-06-03"}
    client.force_login(cast.outsider)
    assert client.post(url, body, content_type="application/json").status_code == 404
    client.force_login(cast.chairman)
    assert client.post(url, body, content_type="application/json").status_code == 403
    otp_verified(client, cast.clerk)
    bad = client.post(url, {**body, "ground": "x"}, content_type="application/json")
    assert bad.status_code == 400 and "Điều 93" in bad.json()["detail"]
    with at(dt.date(2024, 6, 3)):
        response = client.post(url, body, content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["number_text"] == "02/QĐ-UBND" and data["revokes_number_text"] == "01/QĐ-UBND"
    assert sum(r["amount"] for r in data["recover"]) == data["total_amount"] == 1_620_000
