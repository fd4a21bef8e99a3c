"""Khai mạc: attendance and the quorum (≥ 80 % of members for award deliberations)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.audit.models import AuditEntry
from thidua.council import services
from thidua.council.models import BallotChoice, BallotRound, SessionStatus, VoterReceipt

from .conftest import MEETING, vote


@pytest.fixture
def planned(council_factory, nomination_factory, people, cast):
    c = council_factory(5)
    session = services.session_create(
        council=c.council, date=MEETING, place="UBND xã", title="Xét khen thưởng", acting_user=cast.clerk
    )
    services.agenda_add(session=session, nomination=nomination_factory(people=[people.luc]), acting_user=cast.clerk)
    return c, session


def test_it_opens_with_quorum_and_records_who_is_present(planned, cast):
    c, session = planned
    services.session_open(session=session, present_member_ids=[m.pk for m in c.members[:4]], acting_user=cast.clerk)
    session.refresh_from_db()
    assert (session.status, session.total_members, session.quorum_met) == (SessionStatus.OPEN, 5, True)
    assert set(session.present.all()) == set(c.members[:4])
    entry = AuditEntry.objects.get(action="council.session_opened")
    assert entry.data["present"] == 4 and entry.data["quorum_met"] is True


def test_it_refuses_to_vote_without_quorum(planned, cast):
    c, session = planned
    # 3 of 5 = 60 % < 80 %.
    services.session_open(session=session, present_member_ids=[m.pk for m in c.members[:3]], acting_user=cast.clerk)
    session.refresh_from_db()
    assert session.quorum_met is False
    with pytest.raises(ValidationError, match="không đủ số lượng thành viên dự họp.*3/5"):
        services.round_open(session=session, acting_user=cast.clerk)
    assert not BallotRound.objects.exists()


def test_it_allows_the_vote_once_a_late_member_arrives(planned, cast):
    c, session = planned
    services.session_open(session=session, present_member_ids=[m.pk for m in c.members[:3]], acting_user=cast.clerk)
    services.session_attendance_set(
        session=session, present_member_ids=[m.pk for m in c.members[:4]], acting_user=cast.clerk
    )
    rnd = services.round_open(session=session, acting_user=cast.clerk)
    assert rnd.number == 1


def test_it_refuses_a_vote_when_quorum_is_lost_between_rounds(planned, cast):
    c, session = planned
    services.session_open(session=session, present_member_ids=[m.pk for m in c.members[:3]], acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="không đủ số lượng"):
        vote(session, c.users[0], session.nominees.get())
    assert not VoterReceipt.objects.exists() and not BallotChoice.objects.exists()


def test_it_refuses_a_stranger_on_the_attendance_list(planned, cast, make_user, org):
    c, session = planned
    with pytest.raises(ValidationError, match="thành viên hội đồng"):
        services.session_open(
            session=session, present_member_ids=[m.pk for m in c.members] + [999999], acting_user=cast.clerk
        )
    session.refresh_from_db()
    assert session.status == SessionStatus.PLANNED


def test_it_refuses_to_open_an_empty_session(council_factory, cast):
    c = council_factory(3)
    session = services.session_create(
        council=c.council, date=MEETING, place="UBND xã", title="", acting_user=cast.clerk
    )
    with pytest.raises(ValidationError, match="chưa có đề nghị"):
        services.session_open(session=session, present_member_ids=[m.pk for m in c.members], acting_user=cast.clerk)


def test_it_refuses_the_wrong_role_and_the_other_unit(planned, cast):
    c, session = planned
    for user in (cast.council_member, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.session_open(session=session, present_member_ids=[], acting_user=user)
    session.refresh_from_db()
    assert session.status == SessionStatus.PLANNED


def test_it_lets_the_chair_open_the_session(planned, cast):
    c, session = planned
    services.session_open(session=session, present_member_ids=[m.pk for m in c.members], acting_user=cast.chairman)
    session.refresh_from_db()
    assert session.status == SessionStatus.OPEN


def test_it_closes_the_session_only_without_an_open_round(planned, cast):
    c, session = planned
    services.session_open(session=session, present_member_ids=[m.pk for m in c.members], acting_user=cast.clerk)
    services.round_open(session=session, acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="chưa kết thúc"):
        services.session_close(session=session, acting_user=cast.clerk)
    services.round_close(session=session, acting_user=cast.clerk)
    services.session_close(session=session, acting_user=cast.clerk)
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED
    assert AuditEntry.objects.filter(action="council.session_closed").exists()
