"""Scoped reads of eligibility: the candidate list as a user may see it (pages and API share this)."""
from __future__ import annotations

from dataclasses import replace

from django.conf import settings

from thidua.accounts.access import reach
from thidua.awards import eligibility as services
from thidua.awards import histories, verdicts
from thidua.core.text import normalize_search


def rulebook_settings_for(screening: bool):
    return services.rulebook_settings(assume_judgement_met=True) if screening else services.rulebook_settings()


def stored_candidates(user, unit, year: int, *, decision_date=None, screening: bool = False) -> verdicts.VerdictView:
    """The stored verdicts of ``unit`` (already fetched with unit_get_for_user) for the year and decision date:
    fresh, computed now (a small subtree), or being computed on the worker (awards.verdicts)."""
    dd = decision_date or services.default_decision_date(year)
    return verdicts.verdicts_for(unit, year, dd, rulebook_settings_for(screening), acting_user=user)


def exported_at_once(unit, view: verdicts.VerdictView | None = None) -> bool:
    """A subtree small enough for its full list (with the cited reasons) to be made during the request (its
    people counted from the stored verdicts when they are at hand)."""
    if view is not None and view.run is not None:
        return verdicts.people_of(view) <= settings.VERDICTS_INLINE_PEOPLE
    return histories._subtree_people(unit.path).count() <= settings.VERDICTS_INLINE_PEOPLE


def candidates_for(user, unit, year: int, *, decision_date=None, code: str = "", status: str = "", kind: str = "",
                   query: str = "", screening: bool = False) -> services.CandidateList:
    """Candidates of ``unit`` (already fetched with unit_get_for_user) with their full cited verdicts, limited to
    what ``user`` reaches, then filtered: ``code`` keeps that verdict, ``status`` keeps verdicts with that status
    (rows without one are dropped), ``kind`` individual/collective, ``query`` matches names without diacritics.
    Computed from the histories: the Excel list with its reasons (at once or on the worker)."""
    result = services.candidates(unit, year, decision_date, [code] if code else None,
                                 settings=rulebook_settings_for(screening))
    r = reach(user)
    needle = normalize_search(query)
    rows = []
    for row in result.rows:
        if not r.covers(row.scope_unit):
            continue
        if kind and row.kind != kind:
            continue
        if needle and needle not in normalize_search(row.name):
            continue
        if status:
            kept = [v for v in row.verdicts if v.status == status]
            if not kept:
                continue
            row = replace(row, verdicts=kept)
        rows.append(row)
    result.rows = rows
    return result
