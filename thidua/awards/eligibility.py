"""Eligibility from the database: the ORM half of the rulebook (issue 3, item 6).

Contract (read-only; nothing here writes, so nothing is audited):

- ``verdicts_for_person(person, year, decision_date=None, codes=None) -> [Verdict]``
- ``verdicts_for_unit(unit, year, decision_date=None, codes=None) -> [Verdict]`` (collective; its
  members are the people employed in its subtree during ``year``)
- ``verdict_for_entry(nomination_entry, decision_date=None) -> Verdict | None`` for the
  nomination's ``award_code`` and ``year`` (None: household, or a code that does not apply)
- ``candidates(unit, year, decision_date=None, codes=None) -> CandidateList``: a row for every
  person whose current unit is in the subtree and for every unit of the subtree, with verdicts
- ``forecast_for_person(person, from_year=None) -> [ForecastItem]``
- ``rulebook_settings(**extra) -> RulebookSettings``: defaults + settings.RULEBOOK_OVERRIDES (JSON
  string, the province's or ministry's [S]/[M] choices) + ``extra``.

``decision_date`` picks the rule set (``default_decision_date(year)`` when omitted). Verdicts are
the rulebook's ``Verdict`` objects (``status``, ``criteria`` with Vietnamese text and citation).
Scoping is the caller's job: fetch the unit or person through the scoped accessors first.
Histories come from ``thidua.awards.histories`` in bulk (constant number of queries).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from thidua.core import conf
from thidua.rulebook import evaluate_many, forecast, select_ruleset
from thidua.rulebook.codes import (
    CODES,
    COLLECTIVE,
    COLLECTIVE_CODES,
    INDIVIDUAL,
    INDIVIDUAL_CODES,
    STATUS_ELIGIBLE,
    STATUS_NEEDS_JUDGEMENT,
    STATUS_NOT_ELIGIBLE,
)

from . import histories

FIRST_DECISION_DATE = dt.date(2024, 1, 1)  # the oldest encoded rule set (Luật 2022 + NĐ 98/2023)
STATUS_BADGES = {
    STATUS_ELIGIBLE: "Đủ điều kiện",
    STATUS_NOT_ELIGIBLE: "Không đủ điều kiện",
    STATUS_NEEDS_JUDGEMENT: "Cần xem xét",
}
STATUS_ORDER = (STATUS_ELIGIBLE, STATUS_NEEDS_JUDGEMENT, STATUS_NOT_ELIGIBLE)

rulebook_settings = conf.rulebook_settings  # the one reading of RULEBOOK_OVERRIDES (core.conf)


def default_decision_date(year: int, today: dt.date | None = None) -> dt.date:
    """The year-end review of ``year`` is decided at the turn of the year: today while it runs
    (from October to June), otherwise mid-January of the next year (never before the oldest rule set)."""
    today = today or timezone.localdate()
    if today < dt.date(year, 10, 1):
        d = dt.date(year, 12, 15)
    elif today <= dt.date(year + 1, 6, 30):
        d = today
    else:
        d = dt.date(year + 1, 1, 15)
    return max(d, FIRST_DECISION_DATE)


def current_review_year(today: dt.date | None = None) -> int:
    """The year whose review is under way or next (decisions from October belong to that year)."""
    today = today or timezone.localdate()
    return today.year if today.month >= 10 else today.year - 1


def _codes_for(kind: str, codes) -> list:
    base = INDIVIDUAL_CODES if kind == INDIVIDUAL else COLLECTIVE_CODES
    if codes is None:
        return list(base)
    return [c for c in codes if c in CODES and kind in CODES[c].recipient_kinds]


# ------------------------------------------------------------------ rows


@dataclass
class CandidateRow:
    kind: str  # individual | collective
    pk: int
    name: str
    unit_name: str
    position: str
    verdicts: list  # [Verdict]
    granted: frozenset = frozenset()  # codes already granted for the year
    scope_unit: object = None  # histories.UnitInfo (pk, path): the unit that scopes this row

    @property
    def kind_vi(self) -> str:
        return "Cá nhân" if self.kind == INDIVIDUAL else "Tập thể"

    @property
    def pk_text(self) -> str:  # templates build "kind:pk" keys with |add, which needs strings
        return str(self.pk)

    @property
    def eligible_codes(self) -> list:
        return [v.code for v in self.verdicts if v.status == STATUS_ELIGIBLE]


@dataclass
class CandidateList:
    unit: object
    year: int
    decision_date: dt.date
    ruleset_id: str
    codes: list
    rows: list = field(default_factory=list)
    initiative_titles: dict = field(default_factory=dict)
    queries: int = 0

    @property
    def people(self):
        return [r for r in self.rows if r.kind == INDIVIDUAL]

    @property
    def collectives(self):
        return [r for r in self.rows if r.kind == COLLECTIVE]


def _evaluate_bundle(b, year, dd, st, codes, *, only_units=None):
    """Verdicts for the bundle's people and units. Members are evaluated first: a collective's
    TTLĐTT/TTLĐXS count its members' LĐTT/CSTĐCS of the same review."""
    ind_codes = _codes_for(INDIVIDUAL, codes)
    col_codes = _codes_for(COLLECTIVE, codes)
    current = {p.pk for p in b.current_people()} if b.unit_info else set(b.people)
    need_members = any(c in ("TTLDTT", "TTLDXS") for c in col_codes) and b.unit_info
    person_verdicts = {}
    states = {}
    member_codes = ["LDTT", "CSTDCS"]
    wanted_current = list(dict.fromkeys(member_codes + ind_codes)) if need_members else ind_codes
    cur_hist = [b.people[pk] for pk in b.people if pk in current]
    if wanted_current:
        for h, verdicts in evaluate_many(cur_hist, year, dd, st, wanted_current):
            pk = int(h.id)
            by_code = {v.code: v for v in verdicts}
            person_verdicts[pk] = [by_code[c] for c in ind_codes]
            if need_members:
                states[pk] = (histories.member_state(h, by_code, "LDTT", year), histories.member_state(h, by_code, "CSTDCS", year))
    if need_members:
        others = [b.people[pk] for pk in b.people if pk not in current]
        for h, verdicts in evaluate_many(others, year, dd, st, member_codes):
            by_code = {v.code: v for v in verdicts}
            states[int(h.id)] = (histories.member_state(h, by_code, "LDTT", year), histories.member_state(h, by_code, "CSTDCS", year))
        histories.attach_members(b, year, states)
    unit_verdicts = {}
    if col_codes:
        subjects = [b.units[pk] for pk in b.units if only_units is None or pk in only_units]
        for h, verdicts in evaluate_many(subjects, year, dd, st, col_codes):
            unit_verdicts[int(h.id)] = verdicts
    return person_verdicts, unit_verdicts


def candidates(unit, year: int, decision_date: dt.date | None = None, codes=None, *, settings=None) -> CandidateList:
    with histories.bulk():
        return _candidates(unit, year, decision_date or default_decision_date(year), codes,
                           settings or rulebook_settings())


def _candidates(unit, year, dd, codes, st) -> CandidateList:
    rs = select_ruleset(dd)
    b = histories.load_subtree(unit)
    person_verdicts, unit_verdicts = _evaluate_bundle(b, year, dd, st, codes)
    out = CandidateList(unit=unit, year=year, decision_date=dd, ruleset_id=rs.id,
                        codes=list(codes) if codes else list(dict.fromkeys(INDIVIDUAL_CODES + COLLECTIVE_CODES)),
                        initiative_titles=b.initiative_titles, queries=b.queries)
    for pk, u in b.unit_info.items():
        h = b.units[pk]
        out.rows.append(CandidateRow(COLLECTIVE, pk, u.name, _parent_name(b, u), "", unit_verdicts.get(pk, []),
                                     frozenset(h.titles.get(year, ())), u))
    people = sorted(b.current_people(), key=lambda p: (b.unit_info[p.unit_id].path, p.full_name, p.pk))
    for p in people:
        h = b.people[p.pk]
        unit_info = b.unit_info[p.unit_id]
        out.rows.append(CandidateRow(INDIVIDUAL, p.pk, p.full_name, unit_info.name, p.position,
                                     person_verdicts.get(p.pk, []), frozenset(histories.titles_with_implied(h, year)),
                                     unit_info))
    return out


def _parent_name(b, u) -> str:
    parent = b.unit_info.get(u.parent_id)
    return parent.name if parent else ""


def verdicts_for_person(person, year: int, decision_date: dt.date | None = None, codes=None, *, settings=None) -> list:
    dd = decision_date or default_decision_date(year)
    st = settings or rulebook_settings()
    b = histories.person_histories([person.pk])
    wanted = _codes_for(INDIVIDUAL, codes)
    if not wanted:
        return []
    for _h, verdicts in evaluate_many([b.people[person.pk]], year, dd, st, wanted):
        return verdicts
    return []


def verdicts_for_unit(unit, year: int, decision_date: dt.date | None = None, codes=None, *, settings=None) -> list:
    dd = decision_date or default_decision_date(year)
    st = settings or rulebook_settings()
    wanted = _codes_for(COLLECTIVE, codes)
    if not wanted:
        return []
    b = histories.load_subtree(unit)
    _pv, uv = _evaluate_bundle(b, year, dd, st, wanted, only_units={unit.pk})
    return uv.get(unit.pk, [])


def verdict_for_entry(entry, decision_date: dt.date | None = None, *, settings=None):
    nomination = entry.nomination
    code = nomination.award_code
    if code not in CODES:
        return None
    if entry.person_id:
        found = verdicts_for_person(entry.person, nomination.year, decision_date, [code], settings=settings)
    elif entry.recipient_unit_id:
        found = verdicts_for_unit(entry.recipient_unit, nomination.year, decision_date, [code], settings=settings)
    else:
        return None  # households: no history is kept for them yet
    return found[0] if found else None


def initiative_titles_for_person(person) -> dict:
    """"SK-12" -> title of the person's initiatives (the verdicts name the ones they rest on)."""
    return histories.person_histories([person.pk]).initiative_titles


def person_subject(person):
    """The rulebook history of one person (for callers that need the raw history)."""
    return histories.person_history(person)


def forecast_for_person(person, from_year: int | None = None, *, horizon: int = 5, settings=None) -> list:
    """What the person becomes eligible for next if the chain continues. Starts from granted
    titles (the rulebook's rule), from the review year under way unless told otherwise."""
    st = settings or rulebook_settings()
    a = from_year or current_review_year()
    h = histories.person_history(person)
    return forecast(h, a, default_decision_date(a), horizon, st)
