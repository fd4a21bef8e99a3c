"""One secret vote per member per nominee per round; bad votes change nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from thidua.audit.models import AuditEntry
from thidua.council import services
from thidua.council.models import BallotChoice, SealedBallot, VoterReceipt

from .conftest import AGREE, DISAGREE, sealed_choices, vote


@pytest.fixture
def voting(council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    services.round_open(session=session, acting_user=cast.clerk)
    return c, session, session.nominees.get()


def _counts():
    return VoterReceipt.objects.count(), SealedBallot.objects.count()


def test_it_records_a_receipt_and_a_sealed_choice(voting):
    c, session, nominee = voting
    vote(session, c.users[2], nominee, AGREE)
    receipt = VoterReceipt.objects.get()
    assert receipt.member == c.members[2] and receipt.nominee == nominee
    seal = SealedBallot.objects.get()
    assert seal.nominee == nominee and sealed_choices() == [AGREE]
    assert not BallotChoice.objects.exists()  # plain ballots exist only after the count
    entry = AuditEntry.objects.get(action="council.vote_cast")
    assert entry.actor == c.users[2]
    assert "agree" not in str(entry.data) and "Đồng ý" not in str(entry.data)  # the audit never says how


def test_it_refuses_a_second_vote_and_changes_nothing(voting):
    c, session, nominee = voting
    vote(session, c.users[2], nominee, AGREE)
    with pytest.raises(ValidationError, match="đã bỏ phiếu"):
        vote(session, c.users[2], nominee, DISAGREE)
    assert _counts() == (1, 1)
    assert sealed_choices() == [AGREE]


def test_the_database_refuses_a_second_receipt(voting):
    c, session, nominee = voting
    receipt = vote(session, c.users[2], nominee)
    with pytest.raises(IntegrityError), transaction.atomic():
        VoterReceipt.objects.create(session=session, round=receipt.round, nominee=nominee, member=receipt.member)


def test_it_refuses_a_vote_when_no_round_is_open(council_factory, nomination_factory, open_session, people):
    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    with pytest.raises(ValidationError, match="Không có vòng bỏ phiếu nào đang mở"):
        vote(session, c.users[0], session.nominees.get())
    assert _counts() == (0, 0)


def test_it_refuses_a_vote_after_the_round_is_closed(voting, cast):
    c, session, nominee = voting
    services.round_close(session=session, acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="Không có vòng bỏ phiếu nào đang mở"):
        vote(session, c.users[0], nominee)
    assert _counts() == (0, 0)


def test_it_refuses_a_vote_in_a_session_not_yet_open(council_factory, nomination_factory, people, cast):
    c = council_factory(3)
    session = services.session_create(
        council=c.council, date=c.council.term_start, place="UBND", title="", acting_user=cast.clerk
    )
    services.agenda_add(session=session, nomination=nomination_factory(people=[people.luc]), acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="không ở trạng thái đang họp"):
        vote(session, c.users[0], session.nominees.get())
    assert _counts() == (0, 0)


def test_it_refuses_a_vote_in_a_closed_session(voting, cast):
    c, session, nominee = voting
    services.round_close(session=session, acting_user=cast.clerk)
    services.session_close(session=session, acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="không ở trạng thái đang họp"):
        vote(session, c.users[0], nominee)


def test_it_refuses_a_vote_on_a_nominee_of_another_session(
    voting, council_factory, nomination_factory, people, cast, open_session
):
    c, session, nominee = voting
    other = services.session_create(
        council=c.council, date=session.date, place="UBND", title="", acting_user=cast.clerk
    )
    services.agenda_add(session=other, nomination=nomination_factory(people=[people.duyen]), acting_user=cast.clerk)
    with pytest.raises(ValidationError):
        vote(session, c.users[0], other.nominees.get())
    assert _counts() == (0, 0)


def test_it_refuses_a_vote_without_the_second_factor(voting):
    c, session, nominee = voting
    with pytest.raises(PermissionDenied, match="xác thực hai lớp"):
        services.ballot_cast(session=session, nominee=nominee, choice=AGREE, acting_user=c.users[0], otp_verified=False)
    assert _counts() == (0, 0)


def test_it_refuses_a_non_member_and_the_outsider(voting, cast):
    c, session, nominee = voting
    for user in (cast.province_officer, cast.outsider):
        with pytest.raises(PermissionDenied, match="không phải thành viên"):
            vote(session, user, nominee)
    assert _counts() == (0, 0)


def test_it_refuses_an_absent_member(council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(5)
    session = open_session(c, [nomination_factory(people=[people.luc])], present=c.members[:4])
    services.round_open(session=session, acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="không có tên trong danh sách thành viên dự họp"):
        vote(session, c.users[4], session.nominees.get())
    assert _counts() == (0, 0)


def test_it_refuses_a_bad_choice(voting):
    c, session, nominee = voting
    with pytest.raises(ValidationError, match="Lựa chọn không hợp lệ"):
        vote(session, c.users[0], nominee, "abstain")
    assert _counts() == (0, 0)


def test_it_refuses_a_member_whose_term_ended(council_factory, nomination_factory, open_session, people, cast):
    import datetime as dt

    c = council_factory(4)
    services.member_end(member=c.members[3], end=dt.date(2023, 12, 31), acting_user=cast.clerk)
    session = open_session(c, [nomination_factory(people=[people.luc])], present=c.members[:3])
    assert session.total_members == 3
    services.round_open(session=session, acting_user=cast.clerk)
    with pytest.raises(PermissionDenied):
        vote(session, c.users[3], session.nominees.get())
