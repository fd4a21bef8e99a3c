"""Scoped reads of eligibility: the candidate list as a user may see it (pages and API share this)."""
from __future__ import annotations

from dataclasses import replace

from thidua.accounts.access import reach
from thidua.awards import eligibility as services
from thidua.core.text import normalize_search


def candidates_for(user, unit, year: int, *, decision_date=None, code: str = "", status: str = "", kind: str = "",
                   query: str = "", screening: bool = False) -> services.CandidateList:
    """Candidates of ``unit`` (already fetched with unit_get_for_user) limited to what ``user`` reaches,
    then filtered: ``code`` keeps that verdict, ``status`` keeps verdicts with that status (rows without
    one are dropped), ``kind`` individual/collective, ``query`` matches names without diacritics."""
    st = services.rulebook_settings(assume_judgement_met=True) if screening else None
    result = services.candidates(unit, year, decision_date, [code] if code else None, settings=st)
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
