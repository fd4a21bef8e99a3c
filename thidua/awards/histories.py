"""Build rulebook histories (``PersonHistory`` / ``UnitHistory``) from the database, in bulk.

The one adapter between the ORM and the pure rulebook: pages, API, the management command, other
apps and the benchmark all use it. Loading a whole unit subtree costs a constant number of queries
(one per table, never one per person); rows are read as plain tuples through the compiled SQL of
ordinary querysets (no model instances), which matters on a province of 150,000 people.

    bundle = load_subtree(unit)             # every person and unit in the subtree
    bundle.people[pid]  -> PersonHistory    # id = str(Person.pk)
    bundle.units[uid]   -> UnitHistory      # id = str(Unit.pk)
    attach_members(bundle, year, states)    # MemberSummary for the review year (see below)
    person_histories([pk, ...])             # a few people, same queries

What comes from where:
- ratings: PersonRating / UnitRating;
- titles and grants: awards.Grant with status "valid" (revoked grants are left out, so they are
  neither titles nor grounds), with the decision's issue date and the award type (Luật Đ8 kind);
- initiatives: org.Initiative (``used_for`` = the code it already grounded, CV 5007/BNV-TĐKT),
  id ``SK-<pk>`` (titles in ``bundle.initiative_titles``);
- disciplines: org.Discipline, levels mapped to the rulebook's codes;
- registrations and cluster rankings: thidua.emulation when it is installed (approved
  registrations; rank of RankingProposal in clusters organised at province or ministry level);
- members of a collective in year Y: people whose Employment covers part of Y in the unit's
  subtree, summarised as ``MemberSummary`` from the members' own same-review states.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Count, Q

from thidua.emulation.models import RankingProposal, Registration, RegistrationStatus
from thidua.org.models import Discipline as DisciplineRow
from thidua.org.models import Employment, Person, PersonRating, Unit, UnitRating
from thidua.org.models import Initiative as InitiativeRow
from thidua.rulebook import codes as rb_codes
from thidua.rulebook.history import (
    ClusterResult,
    Discipline,
    Grant,
    Initiative,
    MemberSummary,
    PersonHistory,
    UnitHistory,
)

from .models import Grant as GrantRow
from .models import GrantStatus

# org.DisciplineLevel -> rulebook codes.DISCIPLINE_LEVELS (the rulebook calls "hạ bậc lương" ha_bac).
DISCIPLINE_LEVEL_MAP = {"ha_bac_luong": "ha_bac"}
# Cluster organiser level -> the rulebook's cluster scope (Cờ thi đua cấp tỉnh needs a cluster of
# the province or a ministry, Luật TĐKT 2022 Điều 26). Lower-level clusters are not grounds.
CLUSTER_SCOPE = {"province": "province", "central": "ministry"}
_RANK_COMPLETED = 2  # rated "Hoàn thành nhiệm vụ" or better
_CANH_CAO = rb_codes.CANH_CAO
_DLEVEL = {k: v[0] for k, v in rb_codes.DISCIPLINE_LEVELS.items()}
CHUNK = 50_000


@dataclass(slots=True)
class PersonInfo:
    pk: int
    full_name: str
    gender: str
    unit_id: int | None
    position: str
    search: str = ""  # the name without diacritics, as stored (core.text.normalize_search)


@dataclass(slots=True)
class UnitInfo:
    pk: int
    name: str
    code: str
    level: str
    path: str
    parent_id: int | None


@dataclass
class Bundle:
    """Histories of a unit subtree (or of a few people), keyed by primary key."""

    root: UnitInfo | None = None
    unit_info: dict = field(default_factory=dict)  # pk -> UnitInfo (subtree, in path order)
    person_info: dict = field(default_factory=dict)  # pk -> PersonInfo
    people: dict = field(default_factory=dict)  # pk -> PersonHistory
    units: dict = field(default_factory=dict)  # pk -> UnitHistory
    employments: list = field(default_factory=list)  # (person_id, unit_id, start, end)
    initiative_titles: dict = field(default_factory=dict)  # "SK-12" -> title
    queries: int = 0  # number of SQL statements this load ran (the O(1) contract)

    def current_people(self):
        """People whose current unit lies in the subtree (the candidate list's rows)."""
        return [p for p in self.person_info.values() if p.unit_id in self.unit_info]

    def members(self, year: int) -> dict:
        """unit pk -> set of person pks employed in its subtree during ``year``."""
        jan1, dec31 = dt.date(year, 1, 1), dt.date(year, 12, 31)
        out: dict = {pk: set() for pk in self.unit_info}
        ancestors = {pk: _ancestor_ids(u.path, self.unit_info) for pk, u in self.unit_info.items()}
        for pid, uid, start, end in self.employments:
            if start is not None and start > dec31:
                continue
            if end is not None and end < jan1:
                continue
            for a in ancestors.get(uid, ()):
                out[a].add(pid)
        return out


def _ancestor_ids(path: str, known: dict) -> list:
    return [int(x) for x in path.strip("/").split("/") if x and int(x) in known]


# ------------------------------------------------------------------ raw row reading


@contextlib.contextmanager
def bulk():
    """Pause the cyclic garbage collector while millions of small acyclic objects are built: its
    full passes over them cost ~40 % of a province run; reference counting still frees everything."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _rows(qs, counter: list):
    """Iterate a queryset's rows as plain tuples (no model instances, no per-row converters)."""
    compiler = qs.query.get_compiler(using=qs.db)
    sql, params = compiler.as_sql()
    counter[0] += 1
    with connections[qs.db].cursor() as cur:
        cur.execute(sql, params)
        while True:
            chunk = cur.fetchmany(CHUNK)
            if not chunk:
                break
            yield from chunk


def _date(v):
    """SQLite gives ISO strings through a raw cursor; PostgreSQL gives dates."""
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


# ------------------------------------------------------------------ loading


def _subtree_q(prefix: str, field_name: str) -> Q:
    return Q(**{f"{field_name}__path__startswith": prefix})


def load_subtree(unit: Unit, *, people: bool = True) -> Bundle:
    """Every unit in ``unit``'s subtree and every person who works or worked there, with their histories.

    A constant number of queries whatever the size of the subtree (about eleven)."""
    with bulk():
        return _load_subtree(unit, people)


def _subtree_people(prefix: str):
    """Queryset of the people who work or worked in the subtree (current unit or an employment)."""
    return Person.objects.filter(
        Q(current_unit__path__startswith=prefix)
        | Q(pk__in=Employment.objects.filter(_subtree_q(prefix, "unit")).values("person_id"))
    ).order_by()


@dataclass(frozen=True)
class Share:
    """A part of a subtree's people, read and evaluated by one task: those whose current unit's path lies in
    [path_lo, path_hi) (None: unbounded), a run of whole unit subtrees in path order, or (``former``) those who
    worked in the subtree and work elsewhere now (needed for the collectives' member counts)."""

    path_lo: str | None = None
    path_hi: str | None = None
    former: bool = False


def subtree_shares(unit: Unit, parts: int) -> list[Share]:
    """``unit``'s people cut into about ``parts`` shares of whole units in path order, balanced by head count
    (one query grouping the current people by unit), and the share of former staff."""
    counts = list(Person.objects.filter(current_unit__path__startswith=unit.path).values("current_unit__path")
                  .annotate(n=Count("pk")).order_by("current_unit__path").values_list("current_unit__path", "n"))
    total = sum(n for _, n in counts)
    starts, seen = [], 0
    for path, n in counts:
        if len(starts) < parts and seen >= total * len(starts) / parts:
            starts.append(path)
        seen += n
    former = Share(former=True)
    if not counts:  # nobody works here now: the former staff, if any, or nothing to read at all
        return [former] if _share_people(unit.path, former).exists() else []
    bounds = [None, *starts[1:], None]
    return [Share(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)] + [former]


def _share_people(prefix: str, share: Share):
    if share.former:
        return Person.objects.filter(
            pk__in=Employment.objects.filter(_subtree_q(prefix, "unit")).values("person_id")
        ).exclude(current_unit__path__startswith=prefix).order_by()
    qs = Person.objects.filter(current_unit__path__startswith=prefix).order_by()
    if share.path_lo is not None:
        qs = qs.filter(current_unit__path__gte=share.path_lo)
    if share.path_hi is not None:
        qs = qs.filter(current_unit__path__lt=share.path_hi)
    return qs


def _load_subtree(unit, people, *, units=True, employments=None, share: Share | None = None):
    """``share``: only that share's people (a part of a parallel load)."""
    counter = [0]
    b = Bundle()
    prefix = unit.path
    unit_qs = Unit.objects.filter(path__startswith=prefix).order_by("path").values_list(
        "pk", "name", "code", "level", "path", "parent_id")
    for row in _rows(unit_qs, counter):
        b.unit_info[row[0]] = UnitInfo(*row)
    b.root = b.unit_info.get(unit.pk)
    if employments if employments is not None else people:
        emp_qs = Employment.objects.filter(_subtree_q(prefix, "unit")).order_by().values_list(
            "person_id", "unit_id", "start_date", "end_date")
        b.employments = [(p, u, _date(s), _date(e)) for p, u, s, e in _rows(emp_qs, counter)]
    if people:
        qs = _subtree_people(prefix) if share is None else _share_people(prefix, share)
        _load_people(b, qs.values("pk"), counter)
    if units:
        _load_units(b, prefix, counter)
    b.queries = counter[0]
    return b


def person_histories(person_pks) -> Bundle:
    """Histories of the given people only (a person page, a nomination entry)."""
    counter = [0]
    b = Bundle()
    _load_people(b, list(person_pks), counter)
    b.queries = counter[0]
    return b


def person_history(person: Person) -> PersonHistory:
    return person_histories([person.pk]).people[person.pk]


def unit_histories(unit_pks) -> Bundle:
    """Histories of the given units without members (use ``load_subtree`` for member summaries)."""
    counter = [0]
    b = Bundle()
    qs = Unit.objects.filter(pk__in=list(unit_pks)).order_by("path").values_list(
        "pk", "name", "code", "level", "path", "parent_id")
    for row in _rows(qs, counter):
        b.unit_info[row[0]] = UnitInfo(*row)
    _load_units(b, None, counter, pks=list(b.unit_info))
    b.queries = counter[0]
    return b


def _load_people(b: Bundle, person_ids, counter: list) -> None:
    """person_ids: a list of pks or a ``values("pk")`` subquery."""
    people = b.people
    info_qs = Person.objects.filter(pk__in=person_ids).order_by().values_list(
        "pk", "full_name", "gender", "current_unit_id", "current_position", "search_text")
    for pk, name, gender, unit_id, position, search in _rows(info_qs, counter):
        b.person_info[pk] = PersonInfo(pk, name, gender, unit_id, position, search)
        people[pk] = PersonHistory(id=str(pk), name=name, gender=gender)

    rq = PersonRating.objects.filter(person_id__in=person_ids).order_by().values_list("person_id", "year", "rating")
    last, ratings = None, None
    for pid, year, rating in _rows(rq, counter):
        if pid != last:
            h = people.get(pid)
            ratings = h.ratings if h is not None else {}
            last = pid
        ratings[year] = rating

    gq = (GrantRow.objects.filter(person_id__in=person_ids, status=GrantStatus.VALID).order_by()
          .values_list("person_id", "award_code", "award_type", "year", "decision__issued_on"))
    _fill_grants(people, _rows(gq, counter))

    iq = InitiativeRow.objects.filter(person_id__in=person_ids).order_by().values_list(
        "person_id", "pk", "year", "scope", "kind", "used_for", "title")
    for pid, pk, year, scope, kind, used_for, title in _rows(iq, counter):
        h = people.get(pid)
        if h is None:
            continue
        iid = f"SK-{pk}"
        b.initiative_titles[iid] = title
        used = used_for if used_for in rb_codes.CODES else None
        h.initiatives.append(Initiative(iid, int(year), scope, kind, used))

    dq = DisciplineRow.objects.filter(person_id__in=person_ids).order_by().values_list(
        "person_id", "level", "start_date", "end_date")
    for pid, level, start, end in _rows(dq, counter):
        h = people.get(pid)
        if h is None:
            continue
        h.disciplines.append(Discipline(DISCIPLINE_LEVEL_MAP.get(level, level), _date(start), _date(end)))

    regq = Registration.objects.filter(person_id__in=person_ids).order_by().values_list(
        "person_id", "year", "award_code", "status")
    _fill_registrations(people, _rows(regq, counter))

def _fill_grants(histories: dict, rows) -> None:
    title_codes = rb_codes.TITLES
    for sid, code, kind, year, issued in rows:
        h = histories.get(sid)
        if h is None or code not in rb_codes.CODES:
            continue
        h.grants.append(Grant(code, _date(issued), kind, year))
        if code in title_codes:
            h.titles.setdefault(year, set()).add(code)


def _fill_registrations(histories: dict, rows) -> None:
    # A subject with any registration record is known: missing years then read "not registered".
    # A subject with none stays None ("no registration data"), so the gate warns instead.
    approved = RegistrationStatus.APPROVED
    for sid, year, code, status in rows:
        h = histories.get(sid)
        if h is None:
            continue
        if h.registrations is None:
            h.registrations = {}
        codes = h.registrations.setdefault(year, set())
        if status == approved:
            codes.add(code)


def _load_units(b: Bundle, prefix: str | None, counter: list, pks=None) -> None:
    units = b.units
    for pk, u in b.unit_info.items():
        units[pk] = UnitHistory(id=str(pk), name=u.name, level=u.level)
    where = _subtree_q(prefix, "unit") if prefix is not None else Q(unit_id__in=pks)
    rq = UnitRating.objects.filter(where).order_by().values_list("unit_id", "year", "rating")
    for uid, year, rating in _rows(rq, counter):
        h = units.get(uid)
        if h is not None:
            h.results[year] = rating
    gwhere = (_subtree_q(prefix, "recipient_unit") if prefix is not None else Q(recipient_unit_id__in=pks))
    gq = (GrantRow.objects.filter(gwhere, status=GrantStatus.VALID).order_by()
          .values_list("recipient_unit_id", "award_code", "award_type", "year", "decision__issued_on"))
    _fill_grants(units, _rows(gq, counter))
    regq = Registration.objects.filter(where, person__isnull=True).order_by().values_list(
        "unit_id", "year", "award_code", "status")
    _fill_registrations(units, _rows(regq, counter))
    cq = RankingProposal.objects.filter(where).order_by().values_list(
        "unit_id", "cluster__year", "cluster__name", "cluster__organiser__level", "rank")
    for uid, year, name, level, rank in _rows(cq, counter):
        h = units.get(uid)
        scope = CLUSTER_SCOPE.get(level)
        if h is None or scope is None:
            continue
        h.clusters.setdefault(year, []).append(ClusterResult(name, scope, rank))


# ------------------------------------------------------------------ members of collectives


def member_facts(h: PersonHistory, year: int, state: tuple) -> tuple:
    """What a collective needs from one member for ``year``: (completed, female, disciplined at
    cảnh cáo or above in the year, LĐTT state, CSTĐCS state) — small and picklable."""
    completed = rb_codes.RATING_RANK.get(h.ratings.get(year), 0) >= _RANK_COMPLETED
    disc = any(_DLEVEL.get(d.level, 0) >= _CANH_CAO and d.start.year == year for d in h.disciplines)
    return (completed, h.gender == "female", disc, state[0], state[1])


def attach_members(b: Bundle, year: int, states: dict) -> None:
    """Set ``units[pk].members[year]`` to a MemberSummary for every unit of the bundle.

    ``states``: person pk -> (ldtt, cstdcs), each True (granted or eligible in the same review),
    None (awaiting judgement) or False — computed by the caller with the rulebook, so that a
    collective is judged on the same verdicts as its members (Luật TĐKT 2022 Điều 27, 28)."""
    facts = {pid: member_facts(p, year, states.get(pid, (False, False))) for pid, p in b.people.items()}
    attach_member_facts(b, year, facts)


def attach_member_facts(b: Bundle, year: int, facts: dict) -> None:
    """``attach_members`` from precomputed ``member_facts`` (person pk -> tuple), e.g. stored by the
    parts of an ``awards.bulk`` run."""
    for uid, pids in b.members(year).items():
        h = b.units.get(uid)
        if h is None:
            continue
        total = completed = ldtt = ldtt_p = cs = cs_p = disc = women = 0
        for pid in pids:
            m = facts.get(pid)
            if m is None:
                continue
            total += 1
            completed += m[0]
            women += m[1]
            disc += m[2]
            s_l, s_c = m[3], m[4]
            ldtt += s_l is True
            ldtt_p += s_l is None
            cs += s_c is True
            cs_p += s_c is None
        h.members[year] = MemberSummary(
            total=total, completed=completed, ldtt=ldtt, cstdcs=cs, disciplined=disc,
            women_share=(women / total) if total else None, ldtt_pending=ldtt_p, cstdcs_pending=cs_p,
        )


# ------------------------------------------------------------------ compact bulk evaluation


@dataclass
class CompactResult:
    """Statuses only (no criteria texts) of every person and unit of a subtree: the bulk mode for
    province-wide runs. ``people[pk]`` / ``units[pk]`` are tuples of statuses in the order of
    ``person_codes`` / ``unit_codes``; the full verdict of one subject (criteria, texts,
    citations) is computed on demand with ``services.verdicts_for_person`` / ``_for_unit``."""

    year: int
    decision_date: dt.date
    person_codes: tuple
    unit_codes: tuple
    people: dict = field(default_factory=dict)  # current people of the subtree only
    units: dict = field(default_factory=dict)
    queries: int = 0

    def counts(self) -> dict:
        """(code, status) -> number of verdicts."""
        out: dict = {}
        for codes, rows in ((self.person_codes, self.people), (self.unit_codes, self.units)):
            for statuses in rows.values():
                for code, status in zip(codes, statuses, strict=True):
                    out[(code, status)] = out.get((code, status), 0) + 1
        return out


_MEMBER_CODES = ("LDTT", "CSTDCS")


def _compact_share(job, rows=None):
    """One share (a task of ``awards.bulk``): load the histories of the share's people and evaluate them.
    Returns ({pk: statuses} for current people, {pk: member_facts}, queries). ``rows``, when given, receives
    what the candidate list shows of each current person: (pk, name, position, UnitInfo, granted codes, the name
    without diacritics)."""
    from thidua.rulebook import evaluate_many

    unit_pk, share, year, dd, st, person_codes, need_members = job
    with bulk():
        unit = Unit.objects.get(pk=unit_pk)
        b = _load_subtree(unit, True, units=False, employments=False, share=share)
        current = {p.pk for p in b.current_people()}
        wanted = tuple(dict.fromkeys(_MEMBER_CODES + person_codes)) if need_members else person_codes
        statuses, facts = {}, {}
        for group, codes in ((current, wanted), (set(b.people) - current, _MEMBER_CODES if need_members else ())):
            if not codes:
                continue
            hs = [b.people[pk] for pk in b.people if pk in group]
            for h, verdicts in evaluate_many(hs, year, dd, st, codes, compact=True):
                pk = int(h.id)
                by_code = {v.code: v for v in verdicts}
                if pk in current:
                    statuses[pk] = tuple(by_code[c].status for c in person_codes)
                    if rows is not None:
                        p = b.person_info[pk]
                        rows.append((pk, p.full_name, p.position, b.unit_info[p.unit_id], titles_with_implied(h, year),
                                     p.search))
                if need_members:
                    facts[pk] = member_facts(h, year, (member_state(h, by_code, "LDTT", year),
                                                       member_state(h, by_code, "CSTDCS", year)))
        return statuses, facts, b.queries + 1


def evaluate_subtree_compact(unit: Unit, year: int, decision_date: dt.date, settings, *, person_codes=None,
                             unit_codes=None, parts: int = 1) -> CompactResult:
    """Every person and unit of ``unit``'s subtree, statuses only, same verdicts as
    ``services.candidates``, in this process: the people in about ``parts`` shares of whole unit subtrees one
    after another (each share is what one task of ``awards.bulk`` does on a background worker), then the
    units judged on their members' states (Luật TĐKT 2022 Điều 27, 28). For more than one process,
    ``awards.bulk.run_start`` spreads the shares over the workers."""
    from thidua.rulebook import evaluate_many
    from thidua.rulebook.codes import COLLECTIVE_CODES, INDIVIDUAL_CODES

    person_codes = tuple(INDIVIDUAL_CODES if person_codes is None else person_codes)
    unit_codes = tuple(COLLECTIVE_CODES if unit_codes is None else unit_codes)
    need_members = any(c in ("TTLDTT", "TTLDXS") for c in unit_codes)
    out = CompactResult(year, decision_date, person_codes, unit_codes)
    jobs = [(unit.pk, share, year, decision_date, settings, person_codes, need_members)
            for share in subtree_shares(unit, max(1, parts))]
    with bulk():
        b = _load_subtree(unit, False, employments=need_members)
        facts = {}
        for statuses, member, queries in (_compact_share(job) for job in jobs):
            out.people.update(statuses)
            facts.update(member)
            out.queries += queries
        out.queries += b.queries + 1
        if need_members:
            attach_member_facts(b, year, facts)
        if unit_codes:
            for h, verdicts in evaluate_many(list(b.units.values()), year, decision_date, settings, unit_codes,
                                             compact=True):
                out.units[int(h.id)] = tuple(v.status for v in verdicts)
    return out


# ------------------------------------------------------------------ a member's title state


def titles_with_implied(history, year: int) -> set:
    """The codes granted for ``year``, with the titles they imply (a CSTĐCS is also an LĐTT)."""
    titles = set(history.titles.get(year, ()))
    for t in list(titles):
        titles.update(rb_codes.TITLE_IMPLIES.get(t, ()))
    return titles


def _granted(history, code: str, year: int) -> bool:
    titles = history.titles.get(year, ())
    return code in titles or any(code in rb_codes.TITLE_IMPLIES.get(t, ()) for t in titles)


_STATE_OF_STATUS = {rb_codes.STATUS_ELIGIBLE: True, rb_codes.STATUS_NEEDS_JUDGEMENT: None, rb_codes.STATUS_NOT_ELIGIBLE: False}


def member_state(history, verdicts: dict, code: str, year: int):
    """A member's title in ``year`` for counting a collective's members: True (granted or eligible),
    None (needs judgement), False."""
    if _granted(history, code, year):
        return True
    v = verdicts.get(code)
    return _STATE_OF_STATUS[v.status] if v is not None else False
