"""The compact bulk path (statuses only, in shares as the background workers run them) answers exactly
what the candidate list answers."""
import datetime as dt

from thidua.awards import eligibility as services
from thidua.awards import histories

DD = dt.date(2026, 1, 15)


def _reference(unit, year):
    result = services.candidates(unit, year, DD)
    people = {r.pk: tuple(v.status for v in r.verdicts) for r in result.rows if r.kind == "individual"}
    units = {r.pk: tuple(v.status for v in r.verdicts) for r in result.rows if r.kind == "collective"}
    return people, units


def test_it_gives_the_candidate_lists_statuses_in_one_process(history, org):
    r = histories.evaluate_subtree_compact(org.binh_an, 2025, DD, services.rulebook_settings())
    people, units = _reference(org.binh_an, 2025)
    assert (r.people, r.units) == (people, units)
    assert r.people[history.van.pk][r.person_codes.index("CSTD_TINH")] == "eligible"
    assert sum(r.counts().values()) == 7 * len(people) + 6 * len(units)


def test_it_splits_people_between_workers_without_changing_statuses(history, org):
    st = services.rulebook_settings()
    one = histories.evaluate_subtree_compact(org.province, 2025, DD, st)
    three = histories.evaluate_subtree_compact(org.province, 2025, DD, st, parts=3)
    assert one.people == three.people and one.units == three.units and len(one.people) >= 3
