"""Province-wide eligibility on the background workers (issue 10, item 2): a run split into parts, each a task
any worker takes, gives the same statuses as the in-process compact path and the pages' path."""

import datetime as dt

from tests.conftest import run_worker
from thidua.awards import bulk, histories
from thidua.awards import eligibility as services
from thidua.awards.models import EligibilityRun, RunStatus

DD = dt.date(2026, 1, 15)


def test_a_run_in_parts_on_the_worker_gives_the_in_process_verdicts(history, org, people, cast):
    run = bulk.run_start(unit=org.province, year=2025, decision_date=DD, parts=3, acting_user=cast.province_officer)
    parts = len(histories.subtree_shares(org.province, 3))
    assert run.status == RunStatus.RUNNING and run.parts == parts and parts >= 2
    run_worker()
    run = EligibilityRun.objects.get(pk=run.pk)
    assert run.status == RunStatus.DONE and run.parts_done == parts and run.finished_at
    got = bulk.result_of(run)
    expected = histories.evaluate_subtree_compact(org.province, 2025, DD, services.rulebook_settings())
    assert got.people == expected.people and got.units == expected.units and len(got.people) >= 3
    assert run.counts == {f"{c}|{s}": n for (c, s), n in expected.counts().items()}


def test_an_empty_subtree_finishes_at_once(org, db):
    run = bulk.run_start(unit=org.other_youth, year=2025, decision_date=DD)
    run_worker()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.parts == 0


def test_the_shares_are_whole_units_balanced_by_head_count_and_take_every_person_once(history, org, people, cast):
    from thidua.org.models import Kind, Level, Person
    from thidua.org.services import employment_move, unit_create

    # Someone who worked in the province and works in another one now: read for the member counts only.
    elsewhere = unit_create(acting_user=None, code="QNM", name="Tỉnh Quảng Nam", level=Level.PROVINCE,
                            kind=Kind.PEOPLES_COMMITTEE)
    leaver = people.van
    employment_move(person=leaver, unit=elsewhere, position="Công chức", start_date=dt.date(2026, 1, 1),
                    acting_user=cast.province_officer)
    in_subtree = set(histories._subtree_people(org.province.path).values_list("pk", flat=True))
    assert leaver.pk in in_subtree
    for parts in (1, 2, 3, 50):
        shares = histories.subtree_shares(org.province, parts)
        assert shares[-1].former and not any(s.former for s in shares[:-1])
        taken = [set(histories._share_people(org.province.path, s).values_list("pk", flat=True)) for s in shares]
        assert sum(map(len, taken)) == len(in_subtree) and set().union(*taken) == in_subtree  # each once
        assert taken[-1] == {leaver.pk}
        for pks in taken[:-1]:  # a unit's people are never split between shares
            units = set(Person.objects.filter(pk__in=pks).values_list("current_unit_id", flat=True))
            others = set().union(*(t for t in taken[:-1] if t is not pks))
            assert not Person.objects.filter(pk__in=others, current_unit_id__in=units).exists()
        assert len(shares) - 1 <= max(parts, 1)
    assert len(histories.subtree_shares(org.province, 3)) >= 3  # whole units in two or three shares, the former staff
