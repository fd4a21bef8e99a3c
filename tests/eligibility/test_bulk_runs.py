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
    assert run.status == RunStatus.RUNNING and run.parts == 3
    run_worker()
    run = EligibilityRun.objects.get(pk=run.pk)
    assert run.status == RunStatus.DONE and run.parts_done == 3 and run.finished_at
    got = bulk.result_of(run)
    expected = histories.evaluate_subtree_compact(org.province, 2025, DD, services.rulebook_settings())
    assert got.people == expected.people and got.units == expected.units and len(got.people) >= 3
    assert run.counts == {f"{c}|{s}": n for (c, s), n in expected.counts().items()}


def test_an_empty_subtree_finishes_at_once(org, db):
    run = bulk.run_start(unit=org.other_youth, year=2025, decision_date=DD)
    run_worker()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.parts == 0
