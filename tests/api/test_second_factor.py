"""Signing and issuing need the second factor (issue 10, item 7): the chairman's approval is the signature,
the clerk's issue gives the decision its number, a revocation is a new decision. Without the code the door
refuses on the page (which sends the officer to enter it and back) and through the API (403), and nothing
changes; with it the act goes through. Enrolment is offered only to users whose roles need it."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tests.api.conftest import assert_error, snapshot
from tests.conftest import OVERRIDE_REASON, at, otp_verified, totp_now
from thidua.api.services import api_token_create
from thidua.awards import services
from thidua.awards.models import Decision, NominationStatus

DAY = dt.date(2024, 1, 16)
SIGN = "Phê duyệt (ký) đề nghị khen thưởng cần xác thực hai lớp"
ISSUE = "Ban hành quyết định khen thưởng cần xác thực hai lớp"


@pytest.fixture
def submitted(cast, org, people):
    with at(DAY):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                       title="Đề nghị tặng Giấy khen năm 2023")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van,
                                      achievement="Hoàn thành xuất sắc nhiệm vụ", override_reason=OVERRIDE_REASON)
        return services.nomination_submit(nomination=n, acting_user=cast.clerk)


def token_client(user):
    _, key = api_token_create(user=user, name="Phần mềm văn phòng", acting_user=user)
    return Client(headers={"Authorization": f"Bearer {key}"})


def post_json(client, path, body=None):
    return client.post(path, body or {}, content_type="application/json")


def test_the_page_sends_an_unverified_signer_to_the_second_factor_and_changes_nothing(client, cast, submitted):
    client.force_login(cast.chairman)
    before = snapshot()
    with at(DAY):
        response = client.post(reverse("awards:nomination-approve", args=[submitted.pk]))
    back = reverse("awards:nomination-detail", args=[submitted.pk])
    assert response.status_code == 302 and response["Location"].startswith(reverse("council:otp-verify"))
    assert f"next={back}".replace("/", "%2F") in response["Location"]
    assert snapshot() == before
    # The verification page sends a chairman without an authenticator app to enrol first.
    with at(DAY):
        page = client.get(response["Location"], follow=True)
    assert SIGN in page.content.decode() and page.redirect_chain[-1][0].startswith(reverse("council:otp-setup"))


def test_after_the_second_factor_the_same_click_signs(client, cast, submitted):
    with at(DAY):
        otp_verified(client, cast.chairman)
        response = client.post(reverse("awards:nomination-approve", args=[submitted.pk]), follow=True)
    assert "Đã phê duyệt đề nghị." in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == NominationStatus.APPROVED


def test_a_token_alone_cannot_sign_or_issue_and_a_wrong_code_is_refused(cast, submitted, approved_nomination):
    chairman, clerk = token_client(cast.chairman), token_client(cast.clerk)
    before = snapshot()
    with at(DAY):
        assert_error(post_json(chairman, f"/api/awards/nominations/{submitted.pk}/approve"), 403, SIGN)
        totp_now(cast.chairman)  # enrolled, then a wrong code
        assert_error(post_json(chairman, f"/api/awards/nominations/{submitted.pk}/approve", {"otp_code": "000000"}),
                     403, "Mã xác thực không đúng")
    with at(dt.date(2024, 1, 19)):
        assert_error(post_json(clerk, f"/api/awards/nominations/{approved_nomination.pk}/decision",
                               {"issued_on": "2024-01-19"}), 403, ISSUE)
    assert snapshot() == before


def test_a_token_with_the_code_signs_and_issues(cast, submitted):
    chairman, clerk = token_client(cast.chairman), token_client(cast.clerk)
    with at(DAY):
        signed = post_json(chairman, f"/api/awards/nominations/{submitted.pk}/approve",
                           {"otp_code": totp_now(cast.chairman)})
    assert signed.status_code == 200 and signed.json()["status"] == "approved"
    with at(dt.date(2024, 1, 19)):
        issued = post_json(clerk, f"/api/awards/nominations/{submitted.pk}/decision",
                           {"issued_on": "2024-01-19", "otp_code": totp_now(cast.clerk)})
    assert issued.status_code == 201, issued.content
    assert Decision.objects.get().number_text == "01/QĐ-UBND"


def test_a_revocation_needs_it_too(cast, issued_decision):
    clerk = token_client(cast.clerk)
    body = {"ground": "standard_not_met", "reason": "Kết luận thanh tra", "issued_on": "2024-06-03"}
    before = snapshot()
    with at(dt.date(2024, 6, 3)):
        response = post_json(clerk, f"/api/procedure/decisions/{issued_decision.pk}/revoke", body)
    assert_error(response, 403, "Ban hành quyết định hủy bỏ khen thưởng cần xác thực hai lớp")
    assert snapshot() == before
    with at(dt.date(2024, 6, 3)):
        response = post_json(clerk, f"/api/procedure/decisions/{issued_decision.pk}/revoke",
                             {**body, "otp_code": totp_now(cast.clerk)})
    assert response.status_code == 201, response.content


def test_an_outsider_gets_404_before_any_word_about_the_second_factor(cast, submitted):
    response = post_json(token_client(cast.outsider), f"/api/awards/nominations/{submitted.pk}/approve")
    assert_error(response, 404)


def test_the_setting_says_which_acts_need_it(settings, cast, submitted):
    settings.SECOND_FACTOR_CAPABILITIES = ["decision.issue"]
    with at(DAY):
        response = post_json(token_client(cast.chairman), f"/api/awards/nominations/{submitted.pk}/approve")
    assert response.status_code == 200, response.content


def test_enrolment_is_only_for_users_whose_roles_need_it(client, make_user, org, cast):
    viewer = make_user("viewer", org.binh_an, ["council_member"])
    viewer.role_assignments.all().delete()  # a login with no role that signs, issues or votes
    client.force_login(viewer)
    assert client.get(reverse("council:otp-setup")).status_code == 404
    assert client.get(reverse("council:otp-verify")).status_code == 404
    for user in (cast.chairman, cast.clerk, cast.council_member):
        client.force_login(user)
        assert client.get(reverse("council:otp-setup")).status_code == 200, user.username
