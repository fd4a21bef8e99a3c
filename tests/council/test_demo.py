"""Seed 000 in the demo: Bình An's council voted the 2023 list in secret before the chairman approved it."""

import datetime as dt

import pytest
from django.core.management import call_command

from thidua.council.documents import session_minutes_docx
from thidua.council.models import BallotChoice, Council, Outcome, Session


@pytest.fixture
def demo(db):
    call_command("seed_demo")


def test_it_seeds_binh_an_council_and_its_2023_session(demo):
    council = Council.objects.get(unit__code="BAN")
    roles = {m.user.username: m.role for m in council.members.select_related("user")}
    assert roles["binhan.chutich"] == "chair" and roles["binhan.canbo"] == "secretary"
    assert "binhan.hoidong" in roles and len(roles) == 5
    session = Session.objects.get(council=council)
    assert (session.date, session.status, session.total_members, session.quorum_met) == (
        dt.date(2024, 1, 15),
        "closed",
        5,
        True,
    )
    assert session.nominees.count() == 16
    assert set(session.nominees.values_list("outcome", flat=True)) == {Outcome.PASSED}
    assert BallotChoice.objects.filter(session=session, choice="disagree").count() == 1
    assert session.agenda.get().nomination.status == "decided"
    minutes = session_minutes_docx(session)
    assert minutes[:2] == b"PK"
