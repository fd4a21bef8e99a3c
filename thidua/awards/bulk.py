"""Province-wide eligibility on the background workers (issue 10, item 2; issue 11, item 5): a run is split into
parts of whole unit subtrees balanced by head count (histories.subtree_shares), and one of the former staff; each
part is a task any worker on any machine can take: it reads the histories of its people only and evaluates
them (the compact rulebook mode: statuses only), and stores the statuses and the
member facts the collectives need. The worker that finishes the last part reads the units and judges them on
their members' states (Luật TĐKT 2022 Điều 27, 28). The same verdicts as histories.evaluate_subtree_compact
and services.candidates (bench/run.py asserts it).
"""

import datetime as dt
import hashlib

from django.db import connection, transaction
from django.db.models import Count, F
from django.utils import timezone
from django_tasks import task

from thidua.audit.cache import audit_version
from thidua.core.bulk import insert_rows
from thidua.core.conf import rulebook_settings
from thidua.core.text import normalize_search
from thidua.rulebook import select_ruleset
from thidua.rulebook.codes import COLLECTIVE, COLLECTIVE_CODES, INDIVIDUAL, INDIVIDUAL_CODES

from . import histories
from .models import EligibilityPart, EligibilityRun, RunStatus, StoredVerdict, VerdictCount

MEMBER_CODES = ("TTLDTT", "TTLDXS")


STATUS_LETTER = {"eligible": "e", "needs_judgement": "j", "not_eligible": "n"}
LETTER_STATUS = {v: k for k, v in STATUS_LETTER.items()}
WRITE_BATCH = 2000
VERDICT_FIELDS = ["run_id", "kind", "subject_id", "unit_id", "path", "name", "search", "unit_name", "position",
                  "statuses", "granted"]


def _need_members(run) -> bool:
    return any(c in MEMBER_CODES for c in run.unit_codes)


def settings_key(st) -> str:
    """A digest of the rulebook settings: verdicts computed under other settings are other verdicts."""
    return hashlib.sha256(repr(st).encode()).hexdigest()[:32]


@transaction.atomic
def run_start(*, unit, year: int, decision_date: dt.date, parts: int = 8, acting_user=None, person_codes=None,
              unit_codes=None, settings=None, inline: bool = False) -> EligibilityRun:
    """Create the run and queue its parts (they run when the transaction commits and a worker is free), or,
    ``inline``, compute it here and now (a small subtree: the page waits for it)."""
    st = settings or rulebook_settings()
    run = EligibilityRun.objects.create(
        unit=unit, year=year, decision_date=decision_date, started_by=acting_user,
        person_codes=list(INDIVIDUAL_CODES if person_codes is None else person_codes),
        unit_codes=list(COLLECTIVE_CODES if unit_codes is None else unit_codes), parts=1,
        ruleset_id=select_ruleset(decision_date).id, settings_key=settings_key(st), data_version=audit_version())
    _SETTINGS[run.settings_key] = st
    shares = [EligibilityPart.objects.create(run=run, path_lo=s.path_lo or "", path_hi=s.path_hi or "",
                                             former=s.former)
              for s in histories.subtree_shares(unit, max(1, 1 if inline else parts))]
    run.parts = len(shares)
    run.save(update_fields=["parts"])
    if inline:
        for share in shares:
            part_evaluate.call(share.pk)
        if not shares:
            run_finish.call(run.pk)
        run.refresh_from_db()
    elif shares:
        for share in shares:
            part_evaluate.enqueue(share.pk)
    else:
        run_finish.enqueue(run.pk)
    return run


# The settings a run was started with, by digest (a screening run assumes the judgement criteria met); a worker
# in another process rebuilds them from the digest of the two kinds the pages start.
_SETTINGS: dict = {}


def _settings_of(run):
    st = _SETTINGS.get(run.settings_key)
    if st is None:
        for candidate in (rulebook_settings(), rulebook_settings(assume_judgement_met=True)):
            _SETTINGS[settings_key(candidate)] = candidate
        st = _SETTINGS.get(run.settings_key)
    if st is None:
        raise ValueError(f"run {run.pk}: unknown rulebook settings {run.settings_key}")
    return st


def _letters(statuses) -> str:
    return "".join(STATUS_LETTER[s] for s in statuses)


@task()
def part_evaluate(part_id: int) -> int:
    share = EligibilityPart.objects.select_related("run").get(pk=part_id)
    run = share.run
    part = histories.Share(share.path_lo or None, share.path_hi or None, share.former)
    job = (run.unit_id, part, run.year, run.decision_date, _settings_of(run),
           tuple(run.person_codes), _need_members(run))
    shown = []
    statuses, facts, queries = histories._compact_share(job, shown)
    rows = ((run.pk, INDIVIDUAL, pk, u.pk, u.path, name[:255], (search or normalize_search(name))[:255],
             u.name[:255], (position or "")[:255], _letters(statuses[pk]), " ".join(sorted(granted))[:255])
            for pk, name, position, u, granted, search in shown)
    with transaction.atomic():
        insert_rows(StoredVerdict, VERDICT_FIELDS, rows)
        share.facts = {str(k): list(v) for k, v in facts.items()}
        share.done, share.queries = True, queries
        share.save(update_fields=["facts", "done", "queries"])
        EligibilityRun.objects.filter(pk=run.pk).update(parts_done=F("parts_done") + 1)
        last = EligibilityRun.objects.select_for_update().get(pk=run.pk)
        if last.parts_done >= last.parts:
            run_finish.call(run.pk)  # already on a worker: the units follow at once
    return len(statuses)


@task()
def run_finish(run_id: int) -> int:
    """The collectives, judged on their members' states from every part; then the counts per unit."""
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
        rows = []
        if run.unit_codes:
            for h, verdicts in evaluate_many(list(b.units.values()), run.year, run.decision_date,
                                             _settings_of(run), tuple(run.unit_codes), compact=True):
                u = b.unit_info[int(h.id)]
                parent = b.unit_info.get(u.parent_id)
                rows.append((run.pk, COLLECTIVE, u.pk, u.pk, u.path, u.name[:255], normalize_search(u.name)[:255],
                             parent.name[:255] if parent else "", "", _letters(v.status for v in verdicts),
                             " ".join(sorted(h.titles.get(run.year, ())))[:255]))
    with transaction.atomic():
        insert_rows(StoredVerdict, VERDICT_FIELDS, rows)
        counts = _count_per_unit(run, b.unit_info)
        VerdictCount.objects.bulk_create(counts, batch_size=WRITE_BATCH)
        run.counts = {}
        for c in counts:
            if c.unit_id == run.unit_id:
                key = f"{c.code}|{c.status}"
                run.counts[key] = run.counts.get(key, 0) + c.n
        run.status, run.finished_at = RunStatus.DONE, timezone.now()
        run.save(update_fields=["counts", "status", "finished_at"])
        EligibilityPart.objects.filter(run=run).update(facts={})
        if connection.vendor == "postgresql":  # the planner's statistics for the rows just written
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE awards_storedverdict")
        # The verdicts this run replaces: older finished runs of the same subtree and key.
        EligibilityRun.objects.filter(unit_id=run.unit_id, year=run.year, decision_date=run.decision_date,
                                      settings_key=run.settings_key, status=RunStatus.DONE,
                                      pk__lt=run.pk).delete()
    return len(rows)


def _count_per_unit(run, unit_info) -> list:
    """Counts of (code, status) for every unit of the subtree, each row counted at its scope unit and above."""
    grouped = (StoredVerdict.objects.filter(run=run).order_by().values_list("kind", "unit_id", "statuses")
               .annotate(n=Count("id")))
    codes = {INDIVIDUAL: run.person_codes, COLLECTIVE: run.unit_codes}
    totals: dict = {}
    for kind, unit_id, letters, n in grouped:
        u = unit_info.get(unit_id)
        if u is None:
            continue
        for uid in histories._ancestor_ids(u.path, unit_info):
            for code, letter in zip(codes[kind], letters, strict=True):
                key = (uid, kind, code, LETTER_STATUS[letter])
                totals[key] = totals.get(key, 0) + n
    return [VerdictCount(run=run, unit_id=uid, kind=kind, code=code, status=status, n=n)
            for (uid, kind, code, status), n in totals.items()]


def result_of(run: EligibilityRun) -> histories.CompactResult:
    """The run's statuses as a CompactResult (the shape the in-process path returns)."""
    out = histories.CompactResult(run.year, run.decision_date, tuple(run.person_codes), tuple(run.unit_codes))
    for kind, pk, letters in run.verdicts.values_list("kind", "subject_id", "statuses").iterator(chunk_size=5000):
        (out.people if kind == INDIVIDUAL else out.units)[pk] = tuple(LETTER_STATUS[x] for x in letters)
    out.queries = sum(run.shares.values_list("queries", flat=True))
    return out
