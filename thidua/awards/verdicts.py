"""Verdicts computed once, read many times (issue 11, item 1).

A run of ``awards.bulk`` stores every subject's statuses for a subtree, a year, a decision date and the rulebook
settings (``StoredVerdict``, with the counts per unit in ``VerdictCount``), and the data version it read: the
newest audit entry's id before the histories were read. Every change of the data goes through a door that
writes an audit entry naming its unit, so the stored verdicts are *fresh for a unit* when no entry after that
version concerns the unit, one of its ancestors or its subtree, except the kinds of change that do not feed
eligibility (``NOT_INPUTS``: councils, nominations, sign-in factors, files, notices…). A changed rule set is
another key (``ruleset_id``), changed settings another digest (``settings_key``).

``verdicts_for`` answers a page or an API call from the newest stored run covering the unit:
- fresh: read it;
- missing or stale, small subtree (at most ``VERDICTS_INLINE_PEOPLE`` people): computed here and now, then read;
- missing or stale, larger subtree: the worker computes it (one run at a time per key); meanwhile the stale
  verdicts are shown with their time, or, when there are none, the page says they are being computed.
After each change a refresh of the larger stored runs it concerns is queued on the worker
(``VERDICTS_REFRESH_DELAY_SECONDS`` later, so a clerk's burst of entries costs one run).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Substr
from django.utils import timezone
from django_tasks import task

from thidua.accounts.access import reach
from thidua.audit.cache import changes_after
from thidua.core.text import normalize_search
from thidua.rulebook import select_ruleset
from thidua.rulebook.codes import COLLECTIVE, INDIVIDUAL, STATUS_ELIGIBLE, STATUS_NEEDS_JUDGEMENT, STATUS_NOT_ELIGIBLE

from . import bulk, histories
from .models import EligibilityRun, RunStatus, StoredVerdict, VerdictCount

# Audited actions that change nothing eligibility reads (prefixes). Any other action is taken as a change of
# its unit's inputs: a new kind of door is counted until it is listed here.
STATUS_ORDER = (STATUS_ELIGIBLE, STATUS_NEEDS_JUDGEMENT, STATUS_NOT_ELIGIBLE)
NOT_INPUTS = ("council.", "otp.", "notifications.", "file.", "api_token.", "disclosure.", "deadline.",
              "report_draft.", "role.", "dossier", "nomination.")


def _ancestor_ids(unit) -> list:
    return [int(x) for x in unit.path.strip("/").split("/") if x]


def changes_since(version: int, unit):
    """Audited changes after ``version`` that concern ``unit``'s verdicts."""
    return changes_after(version, ignore=NOT_INPUTS,
                         units=Q(unit_id__in=_ancestor_ids(unit)) | Q(unit__path__startswith=unit.path))


@dataclass
class VerdictView:
    """What a page shows: the run read (None while the first is computed), whether it is fresh for the unit, and
    the run under way for the same key, if any."""

    unit: object
    year: int
    decision_date: dt.date
    run: EligibilityRun | None
    fresh: bool
    pending: EligibilityRun | None = None

    @property
    def ruleset_id(self) -> str:
        return self.run.ruleset_id if self.run else select_ruleset(self.decision_date).id


def _runs(unit, year, dd, key, status):
    return EligibilityRun.objects.filter(unit_id__in=_ancestor_ids(unit), year=year, decision_date=dd,
                                         settings_key=key, ruleset_id=select_ruleset(dd).id, status=status)


def verdicts_for(unit, year: int, decision_date: dt.date, st, *, acting_user=None) -> VerdictView:
    key = bulk.settings_key(st)
    done = list(_runs(unit, year, decision_date, key, RunStatus.DONE).order_by("-data_version", "-pk")[:3])
    for run in done:
        if not changes_since(run.data_version, unit).exists():
            return VerdictView(unit, year, decision_date, run, True)
    if histories._subtree_people(unit.path).count() <= settings.VERDICTS_INLINE_PEOPLE:
        run = bulk.run_start(unit=unit, year=year, decision_date=decision_date, settings=st, inline=True,
                             acting_user=acting_user)
        return VerdictView(unit, year, decision_date, run, True)
    pending = _runs(unit, year, decision_date, key, RunStatus.RUNNING).order_by("-pk").first()
    if pending is None or changes_since(pending.data_version, unit).exists():
        pending = bulk.run_start(unit=unit, year=year, decision_date=decision_date, settings=st,
                                 acting_user=acting_user)
    return VerdictView(unit, year, decision_date, done[0] if done else None, False, pending)


# ------------------------------------------------------------------ reading a stored run


@dataclass
class StoredRow:
    kind: str
    pk: int
    name: str
    unit_name: str
    position: str
    verdicts: list  # [(code, status)]
    granted: frozenset

    @property
    def pk_text(self) -> str:
        return str(self.pk)

    @property
    def kind_vi(self) -> str:
        return "Cá nhân" if self.kind == INDIVIDUAL else "Tập thể"


def _covers_whole(user, unit) -> bool:
    r = reach(user)
    return r.everything or any(unit.path.startswith(p) for p in r.prefixes)


def rows_for(user, view: VerdictView, *, code: str = "", status: str = "", kind: str = "", query: str = ""):
    """The stored rows of ``view.unit``'s subtree that ``user`` reaches, filtered, in the list's order
    (collectives by the tree, then people by unit and name). A queryset: page it."""
    from thidua.org.models import Unit

    run, unit = view.run, view.unit
    subtree = Unit.objects.filter(path__startswith=unit.path).values("pk")
    qs = StoredVerdict.objects.filter(run=run).order_by("kind", "path", "name", "subject_id")
    if unit.pk != run.unit_id:  # a part of the run's subtree: its units (an indexed IN, any collation)
        qs = qs.filter(unit_id__in=subtree)
    if not _covers_whole(user, unit):
        qs = qs.filter(reach(user).q("path", "unit_id"))
    if kind:
        qs = qs.filter(kind=kind)
    needle = normalize_search(query)
    if needle:
        qs = qs.filter(search__contains=needle)
    if code or status:
        letter = bulk.STATUS_LETTER.get(status, "")
        either = Q(pk__in=[])
        for k, codes in ((INDIVIDUAL, run.person_codes), (COLLECTIVE, run.unit_codes)):
            wanted = [code] if code else list(codes)
            positions = [codes.index(c) + 1 for c in wanted if c in codes]
            if not positions:
                continue
            if not letter:
                either |= Q(kind=k)
                continue
            alias = {f"s{i}": Substr("statuses", i, 1) for i in positions}
            qs = qs.alias(**alias)
            match = Q(pk__in=[])
            for name in alias:
                match |= Q(**{name: letter})
            either |= Q(kind=k) & match
        qs = qs.filter(either)
    return qs


def _unit_counts(view) -> dict:
    """{(kind, code): {status: n}} of the unit's subtree."""
    out: dict = {}
    for kind, code, st, n in (VerdictCount.objects.filter(run=view.run, unit=view.unit)
                              .values_list("kind", "code", "status", "n")):
        out.setdefault((kind, code), {})[st] = n
    return out


def people_of(view) -> int:
    """How many people the unit's subtree has in the stored run (its counts for one individual code)."""
    codes = view.run.person_codes
    return sum(_unit_counts(view).get((INDIVIDUAL, codes[0]), {}).values()) if codes else 0


def count_of(user, view, *, code: str = "", status: str = "", kind: str = "", query: str = "") -> int | None:
    """The number of rows ``rows_for`` gives, from the stored counts when they answer it (None: count the rows)."""
    if query or (status and not code) or not _covers_whole(user, view.unit):
        return None
    run, counts = view.run, _unit_counts(view)
    total = 0
    for k, codes in ((INDIVIDUAL, run.person_codes), (COLLECTIVE, run.unit_codes)):
        if (kind and kind != k) or not codes or (code and code not in codes):
            continue
        by_status = counts.get((k, code or codes[0]), {})
        total += by_status.get(status, 0) if status else sum(by_status.values())
    return total


def shown(run, rows, *, code: str = "", status: str = "") -> list:
    """Stored rows (one page) as the list shows them: each verdict (code, status), only ``code``'s when asked."""
    out = []
    for r in rows:
        codes = run.person_codes if r.kind == INDIVIDUAL else run.unit_codes
        verdicts = [(c, bulk.LETTER_STATUS[x]) for c, x in zip(codes, r.statuses, strict=True)
                    if (not code or c == code) and (not status or bulk.LETTER_STATUS[x] == status)]
        out.append(StoredRow(r.kind, r.subject_id, r.name, r.unit_name, r.position, verdicts,
                             frozenset(r.granted.split())))
    return out


def counts_for(user, view: VerdictView) -> dict:
    """{code: {status: n}} over the unit's subtree, as far as ``user`` reaches it."""
    run, unit = view.run, view.unit
    out: dict = {c: dict.fromkeys(STATUS_ORDER, 0) for c in dict.fromkeys(run.person_codes + run.unit_codes)}
    if _covers_whole(user, unit):
        for (_kind, code), by_status in _unit_counts(view).items():
            for st, n in by_status.items():
                out[code][st] += n
        return out
    for r in rows_for(user, view).values_list("kind", "statuses"):  # an assignment without the subtree: few rows
        codes = run.person_codes if r[0] == INDIVIDUAL else run.unit_codes
        for c, x in zip(codes, r[1], strict=True):
            out[c][bulk.LETTER_STATUS[x]] += 1
    return out


# ------------------------------------------------------------------ refreshed by the worker after changes


def on_recorded(sender, action, unit_ids, **kwargs):
    """After audited changes commit (audit.signals.recorded), queue a refresh of the stored runs computed on the
    worker that they concern."""
    if action.startswith(NOT_INPUTS):
        return
    transaction.on_commit(lambda: _queue_refreshes(set(unit_ids)))


def _queue_refreshes(unit_ids: set) -> None:
    from thidua.org.models import Unit

    runs = EligibilityRun.objects.filter(status=RunStatus.DONE, refresh_queued=False, parts__gt=1)
    if None not in unit_ids and len(unit_ids) <= 1000:
        concerned = Q(pk__in=[])
        for unit in Unit.objects.filter(pk__in=list(unit_ids)).only("path"):
            concerned |= Q(unit_id__in=_ancestor_ids(unit)) | Q(unit__path__startswith=unit.path)
        runs = runs.filter(concerned)
    ids = list(runs.values_list("pk", flat=True)[:20])
    if not ids:
        return
    EligibilityRun.objects.filter(pk__in=ids, refresh_queued=False).update(refresh_queued=True)
    when = timezone.now() + dt.timedelta(seconds=settings.VERDICTS_REFRESH_DELAY_SECONDS)
    for pk in ids:
        verdicts_refresh.using(run_after=when).enqueue(pk)


@task()
def verdicts_refresh(run_id: int) -> int:
    """Compute a stored run again if its data changed (nothing when a newer run of the same key exists)."""
    run = EligibilityRun.objects.select_related("unit").filter(pk=run_id).first()
    if run is None or not changes_since(run.data_version, run.unit).exists():
        EligibilityRun.objects.filter(pk=run_id).update(refresh_queued=False)
        return 0
    newer = EligibilityRun.objects.filter(unit_id=run.unit_id, year=run.year, decision_date=run.decision_date,
                                          settings_key=run.settings_key, pk__gt=run.pk).exists()
    if not newer:
        bulk.run_start(unit=run.unit, year=run.year, decision_date=run.decision_date, parts=run.parts,
                       settings=bulk._settings_of(run), person_codes=run.person_codes, unit_codes=run.unit_codes)
    EligibilityRun.objects.filter(pk=run_id).update(refresh_queued=False)
    return 1
