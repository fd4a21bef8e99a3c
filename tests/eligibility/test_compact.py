"""The compact bulk path (statuses only, optionally in forked workers) answers exactly what the
candidate list answers."""
import datetime as dt

import pytest
from django.db import connection

from thidua.awards import eligibility as services
from thidua.awards import histories

DD = dt.date(2026, 1, 15)


def _reference(unit, year):
    result = services.candidates(unit, year, DD)
    people = {r.pk: tuple(v.status for v in r.verdicts) for r in result.rows if r.kind == "individual"}
    units = {r.pk: tuple(v.status for v in r.verdicts) for r in result.rows if r.kind == "collective"}
    return people, units


def test_it_gives_the_candidate_lists_statuses_in_one_process(history, org):
    r = histories.evaluate_subtree_compact(org.binh_an, 2025, DD, services.rulebook_settings(), workers=1)
    people, units = _reference(org.binh_an, 2025)
    assert (r.people, r.units) == (people, units)
    assert r.people[history.van.pk][r.person_codes.index("CSTD_TINH")] == "eligible"
    assert sum(r.counts().values()) == 7 * len(people) + 6 * len(units)


def test_it_splits_people_between_workers_without_changing_statuses(history, org):
    st = services.rulebook_settings()
    one = histories.evaluate_subtree_compact(org.province, 2025, DD, st, workers=1)
    three = histories.evaluate_subtree_compact(org.province, 2025, DD, st, workers=3, fork=False)
    assert one.people == three.people and one.units == three.units and len(one.people) >= 3


@pytest.mark.django_db(transaction=True)
def test_it_forks_workers_on_postgresql(org, people):
    if connection.vendor != "postgresql":
        pytest.skip("forked workers need committed data in a server database (PostgreSQL); SQLite runs in-process")
    from thidua.org.models import PersonRating

    PersonRating.objects.create(person=people.van, year=2025, rating="HTXS")
    st = services.rulebook_settings()
    two = histories.evaluate_subtree_compact(org.province, 2025, DD, st, workers=2)
    one = histories.evaluate_subtree_compact(org.province, 2025, DD, st, workers=1)
    assert two.people == one.people and two.units == one.units and two.people
