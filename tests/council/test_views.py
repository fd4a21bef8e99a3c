"""Council pages: scoping (outsider 404), results hidden while open, the OTP gate on the ballot."""

import pytest
from django.test import Client
from django.urls import reverse

from thidua.council import services
from thidua.council.models import Session, SessionStatus, VoterReceipt

from .conftest import otp_login, sealed_choices, vote


@pytest.fixture
def voting(council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    services.round_open(session=session, acting_user=cast.clerk)
    return c, session, session.nominees.get()


def test_it_hides_the_council_from_the_outsider(client, voting, cast):
    c, session, nominee = voting
    client.force_login(cast.outsider)
    for url in [
        reverse("council:council-detail", args=[c.council.pk]),
        reverse("council:session-detail", args=[session.pk]),
        reverse("council:minutes-docx", args=[session.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    for name in ["round-close", "ballot-cast", "session-close", "round-open", "attendance"]:
        assert client.post(reverse(f"council:{name}", args=[session.pk]), {"present": []}).status_code == 404, name
    assert "Bình An" not in client.get(reverse("council:council-list")).content.decode()
    assert session.rounds.get().status == "open"


def test_it_shows_the_council_to_the_province_and_the_subunits(client, voting, cast, make_user, org):
    c, session, nominee = voting
    client.force_login(cast.province_officer)
    assert client.get(reverse("council:session-detail", args=[session.pk])).status_code == 200
    youth_clerk = make_user("youthclerk", org.youth, ["clerk"], "Đoàn Thị Thu")
    client.force_login(youth_clerk)
    assert client.get(reverse("council:council-detail", args=[c.council.pk])).status_code == 200


def test_it_hides_the_results_while_the_round_is_open(client, voting, cast):
    c, session, nominee = voting
    vote(session, c.users[0], nominee)
    client.force_login(cast.clerk)
    body = client.get(reverse("council:session-detail", args=[session.pk])).content.decode()
    assert "Đã bỏ phiếu: 1/3" in body
    assert "Vòng 1:" not in body and "Đạt" not in body.split("nominees")[1].split("</table>")[0].replace(
        "Đang bỏ phiếu", ""
    )
    assert client.get(reverse("council:count-minutes-docx", args=[session.pk, 1])).status_code == 404
    services.round_close(session=session, acting_user=cast.clerk)
    body = client.get(reverse("council:session-detail", args=[session.pk])).content.decode()
    assert "Vòng 1: 1/3 đồng ý (33,3%" in body


def test_it_sends_an_unverified_member_to_the_otp_page(client, voting):
    c, session, nominee = voting
    client.force_login(c.users[2])
    r = client.post(reverse("council:ballot-cast", args=[session.pk]), {f"vote_{nominee.pk}": "agree"})
    assert r.status_code == 302 and reverse("council:otp-setup") in r["Location"]
    assert not VoterReceipt.objects.exists()


def test_it_records_the_ballot_of_a_verified_member(voting):
    c, session, nominee = voting
    client = otp_login(Client(), c.users[2])
    body = client.get(reverse("council:session-detail", args=[session.pk])).content.decode()
    assert f'name="vote_{nominee.pk}"' in body
    r = client.post(reverse("council:ballot-cast", args=[session.pk]), {f"vote_{nominee.pk}": "agree"}, follow=True)
    assert "Đã ghi nhận 1 phiếu" in r.content.decode()
    r = client.post(reverse("council:ballot-cast", args=[session.pk]), {f"vote_{nominee.pk}": "disagree"}, follow=True)
    assert "đã bỏ phiếu" in r.content.decode()
    assert (VoterReceipt.objects.count(), sealed_choices()) == (1, ["agree"])


def test_it_lets_a_plain_member_not_run_the_session(client, voting, cast):
    c, session, nominee = voting
    client.force_login(cast.council_member)
    assert client.post(reverse("council:round-close", args=[session.pk])).status_code == 403
    assert session.rounds.get().status == "open"


def test_it_runs_a_session_from_the_pages(client, council_factory, nomination_factory, people, cast):
    c = council_factory(3)
    n = nomination_factory(people=[people.luc])
    client.force_login(cast.clerk)
    r = client.post(
        reverse("council:session-create", args=[c.council.pk]),
        {"date": "15/01/2024", "place": "Hội trường UBND xã", "title": "Xét khen thưởng"},
    )
    session = Session.objects.get()
    assert r["Location"] == reverse("council:session-detail", args=[session.pk])
    body = client.get(r["Location"]).content.decode()
    assert n.title in body
    client.post(reverse("council:agenda-add", args=[session.pk]), {"nomination": n.pk})
    client.post(reverse("council:session-open", args=[session.pk]), {"present": [m.pk for m in c.members]})
    client.post(reverse("council:round-open", args=[session.pk]))
    session.refresh_from_db()
    assert session.status == SessionStatus.OPEN and session.rounds.get().status == "open"
    client.post(reverse("council:round-close", args=[session.pk]))
    client.post(reverse("council:session-close", args=[session.pk]))
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED
    r = client.get(reverse("council:minutes-docx", args=[session.pk]))
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")


def test_it_shows_the_outcome_on_the_nomination_page(client, voting, cast):
    c, session, nominee = voting
    for u in c.users:
        vote(session, u, nominee)
    services.round_close(session=session, acting_user=cast.clerk)
    client.force_login(cast.clerk)
    body = client.get(reverse("awards:nomination-detail", args=[nominee.agenda_item.nomination_id])).content.decode()
    assert "Hội đồng Thi đua – Khen thưởng và công khai" in body
    assert "3/3 đồng ý (100%)" in body
