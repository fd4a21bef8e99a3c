"""The council API: same doors, scoping, the second factor for votes, results hidden while open."""

import json

import pytest
from django.test import Client

from thidua.audit.models import AuditEntry
from thidua.awards import disclosure as disclosures
from thidua.awards.models import Disclosure
from thidua.council import services
from thidua.council.models import BallotChoice, Council, VoterReceipt

from .conftest import otp_login, sealed_choices, totp_code, vote

API = "/api/council"


def post(client, path, data=None):
    return client.post(path, json.dumps(data or {}), content_type="application/json")


@pytest.fixture
def voting(council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    services.round_open(session=session, acting_user=cast.clerk)
    return c, session, session.nominees.get()


def test_it_creates_a_council_and_adds_a_member(client, cast, org):
    client.force_login(cast.clerk)
    r = post(
        client,
        f"{API}/councils",
        {"unit_id": org.binh_an.pk, "name": "Hội đồng TĐKT xã Bình An", "term_start": "2021-06-01"},
    )
    assert r.status_code == 201, r.content
    council_id = r.json()["id"]
    r = post(
        client,
        f"{API}/councils/{council_id}/members",
        {"user_id": cast.chairman.pk, "role": "chair", "start": "2021-06-01"},
    )
    assert r.status_code == 201, r.content
    assert r.json()["role_label"] == "Chủ tịch Hội đồng"
    assert AuditEntry.objects.filter(action="council.member_added").exists()


def test_it_refuses_the_wrong_role_403_and_the_other_unit_404(client, cast, org, council_factory):
    client.force_login(cast.council_member)
    r = post(client, f"{API}/councils", {"unit_id": org.binh_an.pk, "name": "X", "term_start": "2021-06-01"})
    assert r.status_code == 403 and "quyền" in r.json()["detail"]
    c = council_factory(3)
    client.force_login(cast.outsider)
    assert client.get(f"{API}/councils/{c.council.pk}").status_code == 404
    r = post(client, f"{API}/councils/{c.council.pk}/sessions", {"date": "2024-01-15", "place": "X"})
    assert r.status_code == 404
    assert Council.objects.count() == 1


def test_it_hides_results_while_the_round_is_open(client, voting, cast):
    c, session, nominee = voting
    vote(session, c.users[0], nominee)
    client.force_login(cast.clerk)
    body = client.get(f"{API}/sessions/{session.pk}").json()
    row = body["nominees"][0]
    assert row["in_open_round"] is True and row["voted"] == 1 and row["results"] == []
    assert client.get(f"{API}/sessions/{session.pk}/results").json()[0]["results"] == []
    services.round_close(session=session, acting_user=cast.clerk)
    result = client.get(f"{API}/sessions/{session.pk}/results").json()[0]["results"][0]
    assert (result["agree"], result["total_members"], result["percent_of_total"]) == (1, 3, "33,3%")


def test_it_casts_a_vote_with_an_otp_verified_session(voting):
    c, session, nominee = voting
    client = otp_login(Client(), c.users[2])
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": nominee.pk, "choice": "agree"})
    assert r.status_code == 201, r.content
    assert VoterReceipt.objects.count() == 1 and sealed_choices() == ["agree"]
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": nominee.pk, "choice": "disagree"})
    assert r.status_code == 400 and "đã bỏ phiếu" in r.json()["detail"]
    assert sealed_choices() == ["agree"] and not BallotChoice.objects.exists()


def test_it_refuses_a_vote_without_the_second_factor_403(client, voting):
    c, session, nominee = voting
    client.force_login(c.users[2])
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": nominee.pk, "choice": "agree"})
    assert r.status_code == 403 and "xác thực hai lớp" in r.json()["detail"]
    assert not VoterReceipt.objects.exists()


@pytest.fixture
def member_token(voting):
    """The member's API token and confirmed authenticator; no browser session at all."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from thidua.api.services import api_token_create

    c, session, nominee = voting
    _, key = api_token_create(user=c.users[2], name="Ứng dụng di động", acting_user=c.users[2])
    device = TOTPDevice.objects.create(user=c.users[2], name="phone", confirmed=True)
    return Client(headers={"Authorization": f"Bearer {key}"}), device


def test_a_member_votes_through_the_api_with_a_token_and_a_totp_code(voting, member_token):
    c, session, nominee = voting
    client, device = member_token
    r = post(client, f"{API}/sessions/{session.pk}/votes",
             {"nominee_id": nominee.pk, "choice": "agree", "otp_code": totp_code(device)})
    assert r.status_code == 201, r.content
    assert VoterReceipt.objects.get().member == c.members[2] and sealed_choices() == ["agree"]


def test_a_token_without_a_code_is_refused_403_in_vietnamese_and_nothing_is_cast(voting, member_token):
    c, session, nominee = voting
    client, _ = member_token
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": nominee.pk, "choice": "agree"})
    assert r.status_code == 403 and "otp_code" in r.json()["detail"] and "xác thực hai lớp" in r.json()["detail"]
    assert not VoterReceipt.objects.exists() and not sealed_choices()


def test_a_wrong_or_reused_code_is_refused_403(voting, member_token, council_factory):
    c, session, nominee = voting
    client, device = member_token
    r = post(client, f"{API}/sessions/{session.pk}/votes",
             {"nominee_id": nominee.pk, "choice": "agree", "otp_code": "000000"})
    assert r.status_code == 403 and "Mã xác thực không đúng" in r.json()["detail"]
    assert not VoterReceipt.objects.exists()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code started django-otp's back-off; lift it for the next try
    device.save()
    code = totp_code(device)
    assert post(client, f"{API}/sessions/{session.pk}/votes",
                {"nominee_id": nominee.pk, "choice": "agree", "otp_code": code}).status_code == 201
    # The same code cannot be replayed (by the client or anyone who saw it).
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": nominee.pk, "choice": "disagree",
                                                          "otp_code": code})
    assert r.status_code == 403 and VoterReceipt.objects.count() == 1


def test_a_batch_of_votes_is_all_or_nothing(council_factory, nomination_factory, open_session, people, cast):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from thidua.api.services import api_token_create

    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc, people.van])])
    services.round_open(session=session, acting_user=cast.clerk)
    first, second = session.nominees.order_by("pk")
    _, key = api_token_create(user=c.users[2], name="app", acting_user=c.users[2])
    device = TOTPDevice.objects.create(user=c.users[2], name="phone", confirmed=True)
    client = Client(headers={"Authorization": f"Bearer {key}"})
    bad = [{"nominee_id": first.pk, "choice": "agree"}, {"nominee_id": 999999, "choice": "agree"}]
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"votes": bad, "otp_code": totp_code(device)})
    assert r.status_code == 400 and not VoterReceipt.objects.exists() and not sealed_choices()
    device.refresh_from_db()
    device.last_t = -1  # the refused batch used the code; a fresh one for the retry
    device.save()
    good = [{"nominee_id": first.pk, "choice": "agree"}, {"nominee_id": second.pk, "choice": "disagree"}]
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"votes": good, "otp_code": totp_code(device)})
    assert r.status_code == 201 and "2 phiếu" in r.json()["detail"]
    assert sealed_choices() == ["agree", "disagree"]


def test_it_refuses_a_bad_choice_and_an_unknown_nominee(voting):
    c, session, nominee = voting
    client = otp_login(Client(), c.users[2])
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": nominee.pk, "choice": "maybe"})
    assert r.status_code == 400 and "Lựa chọn không hợp lệ" in r.json()["detail"]
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": 999999, "choice": "agree"})
    assert r.status_code == 400
    assert not VoterReceipt.objects.exists()


def test_it_runs_a_session_through_the_api(client, council_factory, nomination_factory, people, cast):
    c = council_factory(3)
    n = nomination_factory(people=[people.luc])
    client.force_login(cast.clerk)
    s = post(client, f"{API}/councils/{c.council.pk}/sessions", {"date": "2024-01-15", "place": "UBND xã"}).json()
    assert post(client, f"{API}/sessions/{s['id']}/agenda", {"nomination_id": n.pk}).status_code == 201
    r = post(client, f"{API}/sessions/{s['id']}/open", {"present_member_ids": [m.pk for m in c.members[:2]]})
    assert r.status_code == 200 and r.json()["quorum_met"] is False
    r = post(client, f"{API}/sessions/{s['id']}/rounds")
    assert r.status_code == 400 and "không đủ số lượng thành viên" in r.json()["detail"]
    post(client, f"{API}/sessions/{s['id']}/attendance", {"present_member_ids": [m.pk for m in c.members]})
    assert post(client, f"{API}/sessions/{s['id']}/rounds").status_code == 201
    r = post(client, f"{API}/sessions/{s['id']}/rounds/close")
    assert r.status_code == 200 and r.json()["nominees"][0]["outcome"] == "failed"
    assert client.get(f"{API}/sessions/{s['id']}/minutes.docx").status_code == 200
    assert client.get(f"{API}/sessions/{s['id']}/rounds/1/count.docx").status_code == 200
    assert client.get(f"{API}/sessions/{s['id']}/rounds/2/count.docx").status_code == 404


def test_it_opens_a_disclosure_and_resolves_comments(client, nomination_factory, people, cast):
    import datetime as dt

    import time_machine

    n = nomination_factory(people=[people.luc])
    client.force_login(cast.clerk)
    with time_machine.travel(dt.datetime(2024, 1, 2, 9, tzinfo=dt.timezone(dt.timedelta(hours=7))), tick=False):
        r = post(client, f"{API}/disclosures", {"nomination_id": n.pk, "start": "2024-01-02"})
        assert r.status_code == 201, r.content
        d = Disclosure.objects.get()
        comment = disclosures.comment_submit(disclosure=d, text="Góp ý", ip="10.0.0.1")
        blocking = client.get(f"{API}/nominations/{n.pk}/disclosure-blocking").json()
        assert blocking["blocked"] is True
        assert client.get(f"{API}/disclosures/{d.pk}/comments").json()[0]["status"] == "pending"
        r = post(client, f"{API}/comments/{comment.pk}/moderate", {"approve": True})
        assert r.json()["status"] == "approved"
        r = post(client, f"{API}/comments/{comment.pk}/resolve", {"response": "Đã xác minh, ý kiến không có cơ sở."})
        assert r.json()["resolved"] is True
    client.force_login(cast.outsider)
    assert post(client, f"{API}/comments/{comment.pk}/resolve", {"response": "x"}).status_code == 404
