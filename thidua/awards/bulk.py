"""Province-wide eligibility on the background workers (issue 10, item 2): a run is split into parts (ranges of
people's primary keys); each part is a task any worker on any machine can take: it reads its people's
histories and evaluates them (the compact rulebook mode: statuses only), and stores the statuses and the
member facts the collectives need. The worker that finishes the last part reads the units and judges them on
their members' states (Luật TĐKT 2022 Điều 27, 28). The same verdicts as histories.evaluate_subtree_compact
and services.candidates (bench/run.py asserts it).
"""

import datetime as dt

from django.db import transaction
from django.db.models import F, Max, Min
from django.utils import timezone
from django_tasks import task

from thidua.core.conf import rulebook_settings
from thidua.rulebook.codes import COLLECTIVE_CODES, INDIVIDUAL_CODES

from . import histories
from .models import EligibilityPart, EligibilityRun, RunStatus

MEMBER_CODES = ("TTLDTT", "TTLDXS")


def _need_members(run) -> bool:
    return any(c in MEMBER_CODES for c in run.unit_codes)


@transaction.atomic
def run_start(*, unit, year: int, decision_date: dt.date, parts: int = 8, acting_user=None, person_codes=None,
              unit_codes=None) -> EligibilityRun:
    """Create the run and queue its parts (they run when the transaction commits and a worker is free)."""
    run = EligibilityRun.objects.create(
        unit=unit, year=year, decision_date=decision_date, started_by=acting_user,
        person_codes=list(INDIVIDUAL_CODES if person_codes is None else person_codes),
        unit_codes=list(COLLECTIVE_CODES if unit_codes is None else unit_codes), parts=1)
    bounds = histories._subtree_people(unit.path).aggregate(lo=Min("pk"), hi=Max("pk"))
    if bounds["lo"] is None:
        cuts = []
    else:
        lo, hi, n = bounds["lo"] - 1, bounds["hi"], max(1, parts)
        cuts = [lo + (hi - lo) * i // n for i in range(n)] + [hi]
    shares = [EligibilityPart.objects.create(run=run, lo=cuts[i], hi=cuts[i + 1]) for i in range(len(cuts) - 1)]
    run.parts = len(shares)
    run.save(update_fields=["parts"])
    if shares:
        for share in shares:
            part_evaluate.enqueue(share.pk)
    else:
        run_finish.enqueue(run.pk)
    return run


@task()
def part_evaluate(part_id: int) -> int:
    share = EligibilityPart.objects.select_related("run").get(pk=part_id)
    run = share.run
    job = (run.unit_id, (share.lo, share.hi), run.year, run.decision_date, rulebook_settings(),
           tuple(run.person_codes), _need_members(run))
    statuses, facts, queries = histories._compact_share(job)
    share.statuses = {str(k): list(v) for k, v in statuses.items()}
    share.facts = {str(k): list(v) for k, v in facts.items()}
    share.done, share.queries = True, queries
    share.save(update_fields=["statuses", "facts", "done", "queries"])
    with transaction.atomic():
        EligibilityRun.objects.filter(pk=run.pk).update(parts_done=F("parts_done") + 1)
        last = EligibilityRun.objects.select_for_update().get(pk=run.pk)
        if last.parts_done >= last.parts:
            run_finish.call(run.pk)  # already on a worker: the units follow at once
    return len(statuses)


@task()
def run_finish(run_id: int) -> int:
    """The collectives, judged on their members' states from every part."""
    from thidua.rulebook import evaluate_many

    run = EligibilityRun.objects.select_related("unit").get(pk=run_id)
    if run.status == RunStatus.DONE:
        return 0
    with histories.bulk():
        b = histories._load_subtree(run.unit, False, employments=_need_members(run))
        if _need_members(run):
            facts = {}
            for share in run.shares.all():
                facts.update({int(k): tuple(v) for k, v in share.facts.items()})
            histories.attach_member_facts(b, run.year, facts)
        units = {}
        if run.unit_codes:
            for h, verdicts in evaluate_many(list(b.units.values()), run.year, run.decision_date,
                                             rulebook_settings(), tuple(run.unit_codes), compact=True):
                units[str(h.id)] = [v.status for v in verdicts]
    result = result_of(run, units)
    run.unit_statuses = units
    run.counts = {f"{code}|{status}": n for (code, status), n in result.counts().items()}
    run.status, run.finished_at = RunStatus.DONE, timezone.now()
    run.save(update_fields=["unit_statuses", "counts", "status", "finished_at"])
    return len(units)


def result_of(run: EligibilityRun, units=None) -> histories.CompactResult:
    """The run's statuses as a CompactResult (the shape the in-process path returns)."""
    out = histories.CompactResult(run.year, run.decision_date, tuple(run.person_codes), tuple(run.unit_codes))
    for share in run.shares.all():
        out.people.update({int(k): tuple(v) for k, v in share.statuses.items()})
        out.queries += share.queries
    out.units = {int(k): tuple(v) for k, v in (units if units is not None else run.unit_statuses).items()}
    return out
