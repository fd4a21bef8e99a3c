"""The schema cannot link a choice to a voter (bỏ phiếu kín)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models

from thidua.council import ballot_box, services
from thidua.council.models import BallotChoice, CouncilMember, Outcome, RoundStatus, SealedBallot

from .conftest import AGREE, DISAGREE, vote


@pytest.mark.parametrize("model", [SealedBallot, BallotChoice])
def test_a_ballot_row_has_no_link_to_any_voter(model):
    for field in model._meta.get_fields():
        related = getattr(field, "related_model", None)
        assert related not in (get_user_model(), CouncilMember), field.name
    names = {f.name for f in model._meta.get_fields()}
    assert not names & {"member", "user", "voter", "created_at", "cast_at", "receipt"}
    assert not any(isinstance(f, (models.DateTimeField, models.DateField)) for f in model._meta.get_fields())


@pytest.mark.parametrize("model", [SealedBallot, BallotChoice])
def test_a_ballot_row_has_a_random_primary_key(model):
    assert isinstance(model._meta.pk, models.UUIDField)


def test_the_count_opens_the_seals_and_keeps_only_the_tallied_papers(
    council_factory, nomination_factory, open_session, people, cast
):
    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    services.round_open(session=session, acting_user=cast.clerk)
    nominee = session.nominees.get()
    vote(session, c.users[0], nominee, DISAGREE)
    vote(session, c.users[1], nominee, AGREE)
    vote(session, c.users[2], nominee, DISAGREE)
    assert SealedBallot.objects.count() == 3 and not BallotChoice.objects.exists()
    services.round_close(session=session, acting_user=cast.clerk)
    assert not SealedBallot.objects.exists()
    assert sorted(BallotChoice.objects.values_list("choice", flat=True)) == [AGREE, DISAGREE, DISAGREE]
    result = session.rounds.get().results.get()
    assert (result.agree, result.disagree) == (1, 2)


def test_a_seal_under_another_key_stops_the_count_and_changes_nothing(
    council_factory, nomination_factory, open_session, people, cast, settings
):
    c = council_factory(3)
    session = open_session(c, [nomination_factory(people=[people.luc])])
    services.round_open(session=session, acting_user=cast.clerk)
    nominee = session.nominees.get()
    vote(session, c.users[0], nominee, AGREE)
    settings.BALLOT_SEAL_KEY = "another key"
    with pytest.raises(ValidationError, match="không mở được"):
        services.round_close(session=session, acting_user=cast.clerk)
    assert session.rounds.get().status == RoundStatus.OPEN
    assert SealedBallot.objects.count() == 1 and not BallotChoice.objects.exists()
    nominee.refresh_from_db()
    assert nominee.outcome == Outcome.PENDING


def test_a_seal_reads_the_same_for_either_choice_without_the_key():
    a = ballot_box.seal(1, 1, AGREE)
    d = ballot_box.seal(1, 1, DISAGREE)
    assert tuple(map(len, a)) == tuple(map(len, d)) == (16, 32)
    assert ballot_box.seal(1, 1, AGREE) != a  # a fresh nonce each time: equal choices do not look equal
    assert ballot_box.unseal(1, 1, *a) == AGREE and ballot_box.unseal(1, 1, *d) == DISAGREE
    with pytest.raises(ballot_box.SealBroken):
        ballot_box.unseal(1, 2, *a)  # a seal moved to another nominee opens to nothing
