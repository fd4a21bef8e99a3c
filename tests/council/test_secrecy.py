"""The schema cannot link a choice to a voter (bỏ phiếu kín)."""

from django.contrib.auth import get_user_model
from django.db import models

from thidua.council import services
from thidua.council.models import BallotChoice, CouncilMember

from .conftest import AGREE, DISAGREE, vote


def test_ballot_choice_has_no_link_to_any_voter():
    for field in BallotChoice._meta.get_fields():
        related = getattr(field, "related_model", None)
        assert related not in (get_user_model(), CouncilMember), field.name
    names = {f.name for f in BallotChoice._meta.get_fields()}
    assert not names & {"member", "user", "voter", "created_at", "cast_at", "receipt"}
    assert not any(isinstance(f, (models.DateTimeField, models.DateField)) for f in BallotChoice._meta.get_fields())


def test_ballot_choice_has_a_random_primary_key():
    assert isinstance(BallotChoice._meta.pk, models.UUIDField)


def test_it_rewrites_the_choices_at_the_count(council_factory, nomination_factory, open_session, people, cast):
    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    services.round_open(session=session, acting_user=cast.clerk)
    nominee = session.nominees.get()
    vote(session, c.users[0], nominee, AGREE)
    vote(session, c.users[1], nominee, DISAGREE)
    vote(session, c.users[2], nominee, AGREE)
    before = set(BallotChoice.objects.values_list("pk", flat=True))
    services.round_close(session=session, acting_user=cast.clerk)
    after = list(BallotChoice.objects.values_list("choice", flat=True))
    assert sorted(after) == [AGREE, AGREE, DISAGREE]
    assert before.isdisjoint(set(BallotChoice.objects.values_list("pk", flat=True)))
