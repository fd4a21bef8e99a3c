"""Kiểm phiếu: thresholds on the TOTAL membership (domain §7) through the rulebook."""

import pytest
from django.core.exceptions import ValidationError

from thidua.audit.models import AuditEntry
from thidua.council import services
from thidua.council.models import Outcome, RoundResult

from .conftest import AGREE, DISAGREE, vote_all


def _one_round(council_factory, nomination_factory, open_session, people, code, size, present_n, agree):
    c = council_factory(size)
    n = nomination_factory(code, people=[people.luc])
    session = open_session(c, [n], present=c.members[:present_n])
    services.round_open(session=session, acting_user=c.users[1])
    nominee = session.nominees.get()
    vote_all(session, c.users[:present_n], nominee, agree)
    services.round_close(session=session, acting_user=c.users[1])
    nominee.refresh_from_db()
    return session, nominee


def test_it_fails_cstd_tinh_with_8_of_9_members(council_factory, nomination_factory, open_session, people):
    # 8 agree of 8 present, 9 members: 88.9 % of the total < 90 %.
    session, nominee = _one_round(council_factory, nomination_factory, open_session, people, "CSTD_TINH", 9, 8, 8)
    result = RoundResult.objects.get(nominee=nominee)
    assert (result.agree, result.disagree, result.present, result.total_members) == (8, 0, 8, 9)
    assert result.passed is False
    assert nominee.outcome == Outcome.FAILED
    assert any("88,9%" in r for r in result.reasons)


def test_it_passes_cstdcs_with_8_of_9_members(council_factory, nomination_factory, open_session, people):
    session, nominee = _one_round(council_factory, nomination_factory, open_session, people, "CSTDCS", 9, 8, 8)
    assert nominee.outcome == Outcome.PASSED
    assert RoundResult.objects.get(nominee=nominee).passed is True


def test_it_passes_cstd_tinh_with_9_of_10_members(council_factory, nomination_factory, open_session, people):
    session, nominee = _one_round(council_factory, nomination_factory, open_session, people, "CSTD_TINH", 10, 10, 9)
    assert nominee.outcome == Outcome.PASSED


def test_it_fails_co_tinh_below_80_percent_of_total(council_factory, nomination_factory, open_session, people):
    # 7 of 9 = 77.8 % < 80 %, although 7 of the 8 present agree.
    session, nominee = _one_round(council_factory, nomination_factory, open_session, people, "CO_TINH", 9, 8, 7)
    assert nominee.outcome == Outcome.FAILED


def test_it_counts_written_opinions_of_absentees(council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(10)
    n = nomination_factory("CSTD_TINH", people=[people.luc])
    session = open_session(c, [n], present=c.members[:8])
    nominee = session.nominees.get()
    for m in c.members[8:]:
        services.written_opinion_add(session=session, nominee=nominee, member=m, choice=AGREE, acting_user=cast.clerk)
    services.round_open(session=session, acting_user=cast.clerk)
    vote_all(session, c.users[:8], nominee, 7)
    services.round_close(session=session, acting_user=cast.clerk)
    result = RoundResult.objects.get(nominee=nominee)
    # 7 in the room + 2 written = 9 of 10 = 90 %.
    assert (result.agree, result.disagree, result.written_agree, result.total_agree) == (7, 1, 2, 9)
    nominee.refresh_from_db()
    assert nominee.outcome == Outcome.PASSED


def test_it_counts_a_written_disagreement_against(council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(10)
    n = nomination_factory("CSTD_TINH", people=[people.luc])
    session = open_session(c, [n], present=c.members[:8])
    nominee = session.nominees.get()
    services.written_opinion_add(
        session=session, nominee=nominee, member=c.members[8], choice=AGREE, acting_user=cast.clerk
    )
    services.written_opinion_add(
        session=session, nominee=nominee, member=c.members[9], choice=DISAGREE, acting_user=cast.clerk
    )
    services.round_open(session=session, acting_user=cast.clerk)
    vote_all(session, c.users[:8], nominee, 7)
    services.round_close(session=session, acting_user=cast.clerk)
    result = RoundResult.objects.get(nominee=nominee)
    assert (result.total_agree, result.total_disagree) == (8, 2)  # 80 % < 90 %
    nominee.refresh_from_db()
    assert nominee.outcome == Outcome.FAILED


def test_it_ignores_a_written_opinion_of_a_member_who_came(
    council_factory, nomination_factory, open_session, people, cast
):
    c = council_factory(5)
    n = nomination_factory("CSTDCS", people=[people.luc])
    session = open_session(c, [n], present=c.members[:4])
    nominee = session.nominees.get()
    services.written_opinion_add(
        session=session, nominee=nominee, member=c.members[4], choice=AGREE, acting_user=cast.clerk
    )
    # The absentee arrives before the vote: they vote in the room, the letter no longer counts.
    services.session_attendance_set(
        session=session, present_member_ids=[m.pk for m in c.members], acting_user=cast.clerk
    )
    services.round_open(session=session, acting_user=cast.clerk)
    vote_all(session, c.users, nominee, 3)
    services.round_close(session=session, acting_user=cast.clerk)
    result = RoundResult.objects.get(nominee=nominee)
    assert (result.agree, result.disagree, result.written_agree) == (3, 2, 0)


def test_it_writes_the_counts_and_the_audit_entry(council_factory, nomination_factory, open_session, people, cast):
    session, nominee = _one_round(council_factory, nomination_factory, open_session, people, "CSTDCS", 3, 3, 3)
    entry = AuditEntry.objects.filter(action="council.round_closed", target_id=str(session.pk)).get()
    assert entry.actor == cast.clerk
    assert entry.data["results"][nominee.display_name]["agree"] == 3


def test_it_refuses_to_close_when_no_round_is_open(council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    with pytest.raises(ValidationError, match="Không có vòng bỏ phiếu nào đang mở"):
        services.round_close(session=session, acting_user=cast.clerk)


def test_it_lets_only_the_running_officers_close(council_factory, nomination_factory, open_session, people, cast):
    from django.core.exceptions import PermissionDenied

    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    services.round_open(session=session, acting_user=cast.clerk)
    for user in (cast.council_member, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.round_close(session=session, acting_user=user)
    assert session.rounds.get().status == "open"
