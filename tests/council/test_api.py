"""The council API: same doors, scoping, the second factor for votes, results hidden while open."""

import json

import pytest
from django.test import Client

from thidua.audit.models import AuditEntry
from thidua.awards import disclosure as disclosures
from thidua.awards.models import Disclosure
from thidua.council import services
from thidua.council.models import BallotChoice, Council, VoterReceipt

from .conftest import otp_login, vote

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
    assert VoterReceipt.objects.count() == 1 and BallotChoice.objects.count() == 1
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": nominee.pk, "choice": "disagree"})
    assert r.status_code == 400 and "đã bỏ phiếu" in r.json()["detail"]
    assert BallotChoice.objects.get().choice == "agree"


def test_it_refuses_a_vote_without_the_second_factor_403(client, voting):
    c, session, nominee = voting
    client.force_login(c.users[2])
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": nominee.pk, "choice": "agree"})
    assert r.status_code == 403 and "xác thực hai lớp" in r.json()["detail"]
    assert not VoterReceipt.objects.exists()


def test_it_refuses_a_vote_with_an_api_token_403(voting):
    from thidua.api.services import api_token_create

    c, session, nominee = voting
    _, key = api_token_create(user=c.users[2], name="script", acting_user=c.users[2])
    client = Client(headers={"Authorization": f"Bearer {key}"})
    r = post(client, f"{API}/sessions/{session.pk}/votes", {"nominee_id": nominee.pk, "choice": "agree"})
    assert r.status_code == 403
    assert not VoterReceipt.objects.exists()


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
