"""A member does not vote on their own nomination or their own unit (domain §7); automatic, shown."""

import pytest
from django.core.exceptions import ValidationError

from thidua.council import services
from thidua.council.models import BallotChoice, RoundResult, VoterReceipt
from thidua.council.selectors import RECUSE_MEMBER_OF, RECUSE_OWN, RECUSE_OWN_UNIT, recusal_reason

from .conftest import vote


def _link(person, user):
    person.user = user
    person.save(update_fields=["user"])


@pytest.fixture
def setup(council_factory, nomination_factory, open_session, people, org, cast):
    c = council_factory(5)
    _link(people.van, c.users[2])  # the council member is Nguyễn Thanh Văn, at the commune itself
    _link(people.duyen, c.users[3])  # an ủy viên is the youth union's secretary
    n = nomination_factory("CSTDCS", people=[people.van, people.luc], units=[org.youth])
    session = open_session(c, [n])
    services.round_open(session=session, acting_user=cast.clerk)
    by_name = {x.display_name: x for x in session.nominees.all()}
    return c, session, by_name


def test_it_recuses_a_member_from_their_own_nomination(setup, people):
    c, session, by = setup
    nominee = by[people.van.full_name]
    assert recusal_reason(c.members[2], nominee) == RECUSE_OWN
    with pytest.raises(ValidationError, match="là người được đề nghị"):
        vote(session, c.users[2], nominee)
    assert not VoterReceipt.objects.exists() and not BallotChoice.objects.exists()


def test_it_recuses_a_member_from_their_own_unit(setup, org):
    c, session, by = setup
    nominee = by[org.youth.name]
    assert recusal_reason(c.members[3], nominee) == RECUSE_MEMBER_OF
    with pytest.raises(ValidationError, match="thuộc tập thể được đề nghị"):
        vote(session, c.users[3], nominee)


def test_it_recuses_a_member_from_a_colleague_of_their_unit(
    council_factory, nomination_factory, open_session, people, org, cast
):
    from thidua.org.services import person_create

    c = council_factory(5)
    _link(people.duyen, c.users[3])
    colleague = person_create(
        acting_user=None, full_name="Trần Văn Đoàn", gender="male", unit=org.youth, position="Phó Bí thư Đoàn"
    )
    session = open_session(c, [nomination_factory(people=[colleague])])
    nominee = session.nominees.get()
    assert recusal_reason(c.members[3], nominee) == RECUSE_OWN_UNIT


def test_it_does_not_recuse_the_commune_level_from_everything(setup, people, org):
    # Văn works at the commune (the council's own level): only his own entry is a conflict.
    c, session, by = setup
    assert recusal_reason(c.members[2], by[org.youth.name]) is None
    assert recusal_reason(c.members[2], by[people.luc.full_name]) is None
    vote(session, c.users[2], by[org.youth.name])
    assert VoterReceipt.objects.count() == 1


def test_a_recused_member_counts_in_the_total_but_not_as_agreeing(setup, people, cast):
    c, session, by = setup
    nominee = by[people.van.full_name]
    for u in c.users[:2] + c.users[3:]:
        vote(session, u, nominee)
    services.round_close(session=session, acting_user=cast.clerk)
    result = RoundResult.objects.get(nominee=nominee)
    # 4 of 5: the recused member is present, counted in the total, does not agree → 80 % passes CSTĐCS.
    assert (result.agree, result.present, result.recused, result.total_members, result.passed) == (4, 5, 1, 5, True)


def test_it_refuses_a_written_opinion_from_a_recused_absentee(
    council_factory, nomination_factory, open_session, people, cast
):
    c = council_factory(5)
    _link(people.van, c.users[4])
    session = open_session(c, [nomination_factory(people=[people.van])], present=c.members[:4])
    with pytest.raises(ValidationError, match="không cho ý kiến"):
        services.written_opinion_add(
            session=session, nominee=session.nominees.get(), member=c.members[4], choice="agree", acting_user=cast.clerk
        )
