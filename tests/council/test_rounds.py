"""At most two rounds; a second round only for those who failed; then the chair decides (domain §7)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.audit.models import AuditEntry
from thidua.council import services
from thidua.council.models import BallotRound, Outcome, RoundResult

from .conftest import vote_all


@pytest.fixture
def after_round_one(council_factory, nomination_factory, open_session, people, org, cast):
    """5 members, CSTĐCS (80 %): Lực passes 4/5, Duyên's union fails 3/5."""
    c = council_factory(5)
    n = nomination_factory("CSTDCS", people=[people.luc], units=[org.other_youth])
    session = open_session(c, [n])
    services.round_open(session=session, acting_user=cast.clerk)
    luc, union = session.nominees.order_by("id")
    vote_all(session, c.users, luc, 4)
    vote_all(session, c.users, union, 3)
    services.round_close(session=session, acting_user=cast.clerk)
    luc.refresh_from_db()
    union.refresh_from_db()
    return c, session, luc, union


def test_it_opens_round_two_only_for_the_failed(after_round_one, cast):
    c, session, luc, union = after_round_one
    assert (luc.outcome, union.outcome) == (Outcome.PASSED, Outcome.FAILED)
    rnd = services.round_open(session=session, acting_user=cast.clerk)
    assert rnd.number == 2
    assert list(rnd.results.values_list("nominee_id", flat=True)) == [union.pk]


def test_it_refuses_a_second_round_for_a_nominee_who_passed(after_round_one, cast):
    c, session, luc, union = after_round_one
    with pytest.raises(ValidationError, match="chỉ bỏ phiếu lại cho người / tập thể chưa đạt"):
        services.round_open(session=session, acting_user=cast.clerk, nominee_ids=[luc.pk])
    assert BallotRound.objects.filter(session=session).count() == 1


def test_it_hands_a_twice_failed_nominee_to_the_chair(after_round_one, cast):
    c, session, luc, union = after_round_one
    services.round_open(session=session, acting_user=cast.clerk)
    vote_all(session, c.users, union, 2)
    services.round_close(session=session, acting_user=cast.clerk)
    union.refresh_from_db()
    assert union.outcome == Outcome.HEAD_PENDING
    result = RoundResult.objects.get(nominee=union, round__number=2)
    assert any("người đứng đầu" in r for r in result.reasons)
    with pytest.raises(ValidationError, match="tối đa 2 vòng"):
        services.round_open(session=session, acting_user=cast.clerk)
    assert BallotRound.objects.filter(session=session).count() == 2


def test_it_passes_in_round_two(after_round_one, cast):
    c, session, luc, union = after_round_one
    services.round_open(session=session, acting_user=cast.clerk)
    vote_all(session, c.users, union, 4)
    services.round_close(session=session, acting_user=cast.clerk)
    union.refresh_from_db()
    assert union.outcome == Outcome.PASSED


def _to_head(after_round_one, cast):
    c, session, luc, union = after_round_one
    services.round_open(session=session, acting_user=cast.clerk)
    vote_all(session, c.users, union, 1)
    services.round_close(session=session, acting_user=cast.clerk)
    return c, session, union


def test_it_records_the_chairs_decision_with_a_reason(after_round_one, cast):
    c, session, union = _to_head(after_round_one, cast)
    services.head_decide(
        nominee=union, approve=True, reason="Thành tích nổi bật trong phòng chống bão lụt", acting_user=cast.chairman
    )
    union.refresh_from_db()
    assert (union.outcome, union.head_approved) == (Outcome.HEAD_DECIDED, True)
    assert union.finally_passed
    entry = AuditEntry.objects.get(action="council.head_decided")
    assert entry.actor == cast.chairman and "bão lụt" in entry.reason


def test_it_lets_only_the_chair_decide(after_round_one, cast):
    c, session, union = _to_head(after_round_one, cast)
    for user in (cast.clerk, cast.council_member, cast.outsider):
        with pytest.raises(PermissionDenied):
            services.head_decide(nominee=union, approve=True, reason="x", acting_user=user)
    union.refresh_from_db()
    assert union.outcome == Outcome.HEAD_PENDING


def test_it_refuses_the_chairs_decision_before_the_last_round(after_round_one, cast):
    c, session, luc, union = after_round_one
    with pytest.raises(ValidationError, match="không chờ Chủ tịch Hội đồng quyết định"):
        services.head_decide(nominee=union, approve=True, reason="x", acting_user=cast.chairman)


def test_it_requires_a_reason_from_the_chair(after_round_one, cast):
    c, session, union = _to_head(after_round_one, cast)
    with pytest.raises(ValidationError, match="lý do"):
        services.head_decide(nominee=union, approve=False, reason="  ", acting_user=cast.chairman)


def test_it_refuses_a_second_open_round(after_round_one, cast):
    c, session, luc, union = after_round_one
    services.round_open(session=session, acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="chưa kết thúc"):
        services.round_open(session=session, acting_user=cast.clerk)
