"""Scoped reads and computations (roll-ups, attainment, ranking). Gets return 404 for missing or not yours."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, Sum
from django.http import Http404

from thidua.accounts.access import can, reach, scope_q
from thidua.accounts.models import Capability
from thidua.core.errors import NOT_FOUND, one_or_404
from thidua.org.models import Level, Person, Unit

from .models import (
    Cluster,
    CriterionKind,
    Movement,
    MovementKind,
    Period,
    Registration,
    RegistrationStatus,
    Result,
    Review,
    Scorecard,
    ScorecardStatus,
)

INTERIM_PERIODS = (Period.Q1, Period.Q2)


def _ancestor_ids(user) -> set[int]:
    """Units above the user's reach: their movements cascade down and must be visible to adopt."""
    r = reach(user)
    paths = list(r.prefixes) + list(Unit.objects.filter(pk__in=r.exact_ids).values_list("path", flat=True))
    ids = set()
    for path in paths:
        ids.update(int(p) for p in path.strip("/").split("/") if p)
    return ids


# ---- movements ----------------------------------------------------------------------------------

def movement_list_for(user):
    r = reach(user)
    if r.empty:
        return Movement.objects.none()
    q = scope_q(user, "launched_by") | Q(launched_by_id__in=_ancestor_ids(user)) | Q(launched_by__level=Level.CENTRAL)
    return Movement.objects.filter(q).select_related("launched_by", "parent").distinct()


def movement_get_for_user(user, pk) -> Movement:
    return one_or_404(movement_list_for(user), pk)


def movements_of_unit_in_year(unit, year):
    """Movements a unit launched or adopted that run in `year` (thematic ones span several years)."""
    return Movement.objects.filter(launched_by=unit).filter(
        Q(kind=MovementKind.REGULAR, year=year)
        | Q(kind=MovementKind.THEMATIC, start_date__year__lte=year)
        & (Q(end_date__isnull=True) | Q(end_date__year__gte=year))
    ).order_by("id")


def manageable_units(user):
    """Active units where the user may run emulation work."""
    return Unit.objects.filter(reach(user, Capability.EMULATION_MANAGE).q(), valid_to__isnull=True)


def target_total(target, year, *, under=None, periods=None):
    """Sum of the reported values for a target in a year, rolled up over a unit subtree (path prefix)."""
    qs = Result.objects.filter(target=target, year=year)
    if under is not None:
        qs = qs.filter(unit__path__startswith=under.path)
    if periods:
        qs = qs.filter(period__in=periods)
    return qs.aggregate(s=Sum("value"))["s"]


def rollup_by_child(target, year, *, periods=None):
    """[(unit, total)] for the launching unit's own reports and each child subtree that reported."""
    base = target.movement.launched_by
    qs = Result.objects.filter(target=target, year=year)
    if periods:
        qs = qs.filter(period__in=periods)
    by_path = {}
    for path, value in qs.values_list("unit__path", "value"):
        rest = path[len(base.path):].strip("/").split("/")
        key = int(rest[0]) if rest and rest[0] else base.pk
        by_path[key] = by_path.get(key, Decimal(0)) + value
    units = Unit.objects.in_bulk(list(by_path))
    return sorted(((units[k], v) for k, v in by_path.items()), key=lambda kv: kv[0].path)


@dataclass
class TargetRow:
    target: object
    actual: Decimal | None
    met: bool | None  # None: no plan or no result to judge
    exceeded: bool = False


@dataclass
class Attainment:
    rows: list = field(default_factory=list)

    @property
    def judged(self):
        return [r for r in self.rows if r.target.planned_value is not None]

    @property
    def total(self):
        return len(self.judged)

    @property
    def met(self):
        return sum(1 for r in self.judged if r.met)

    @property
    def exceeded(self):
        return sum(1 for r in self.judged if r.exceeded)

    @property
    def summary(self) -> str:
        if not self.total:
            return ""
        return f"{self.met}/{self.total} chỉ tiêu hoàn thành, {self.exceeded} vượt mức"


def judge(target, actual) -> TargetRow:
    plan = target.planned_value
    if plan is None or actual is None:
        return TargetRow(target, actual, None if plan is None else False)
    if target.higher_is_better:
        return TargetRow(target, actual, actual >= plan, actual > plan)
    return TargetRow(target, actual, actual <= plan, actual < plan)


def attainment(movements, year, *, periods=None) -> Attainment:
    result = Attainment()
    for movement in movements:
        for target in movement.targets.all():
            result.rows.append(judge(target, target_total(target, year, periods=periods)))
    return result


def review_list_for(user):
    return Review.objects.filter(scope_q(user, "unit")).select_related("unit", "movement")


def review_get_for_user(user, pk) -> Review:
    return one_or_404(review_list_for(user), pk)


def review_movements(review):
    if review.movement_id:
        return [review.movement]
    return list(movements_of_unit_in_year(review.unit, review.year))


# ---- registrations ------------------------------------------------------------------------------

def registration_list_for(user):
    # The registering unit and the level above (which approves) see a registration.
    return Registration.objects.filter(scope_q(user, "unit") | scope_q(user, "unit__parent")).select_related(
        "unit", "person", "movement").distinct()


def registration_get_for_user(user, pk) -> Registration:
    return one_or_404(registration_list_for(user), pk)


def registrations_for(person_or_unit, year) -> set[str]:
    """Approved registration codes of a person or a unit (collective) in a year: feeds the rulebook's
    registration gate (titles are judged on the registration, domain §7)."""
    qs = Registration.objects.filter(year=year, status=RegistrationStatus.APPROVED)
    if isinstance(person_or_unit, Person):
        qs = qs.filter(person=person_or_unit)
    else:
        qs = qs.filter(unit=person_or_unit, person__isnull=True)
    return set(qs.values_list("award_code", flat=True))


# ---- clusters and scorecards --------------------------------------------------------------------

def cluster_list_for(user):
    # Members see their cluster; the organising level (and the province above it) sees all.
    return Cluster.objects.filter(scope_q(user, "organiser") | scope_q(user, "members__unit")).select_related(
        "organiser", "leader", "deputy").distinct()


def cluster_get_for_user(user, pk) -> Cluster:
    return one_or_404(cluster_list_for(user), pk)


def is_organiser(user, cluster) -> bool:
    return can(user, Capability.EMULATION_MANAGE, cluster.organiser)


def is_leader_clerk(user, cluster) -> bool:
    """The cluster leader's own staff: the only ones who edit cluster data (pledge, criteria)."""
    return can(user, Capability.EMULATION_MANAGE, cluster.leader) and not is_organiser(user, cluster)


def can_review(user, scorecard) -> bool:
    cluster = scorecard.cluster
    if is_organiser(user, cluster):
        return True
    # A unit never reviews its own score: the leader reviews the others, the deputy reviews the leader.
    if can(user, Capability.EMULATION_MANAGE, scorecard.unit):
        return False
    if scorecard.unit_id == cluster.leader_id:
        return cluster.deputy_id is not None and can(user, Capability.EMULATION_MANAGE, cluster.deputy)
    return can(user, Capability.EMULATION_MANAGE, cluster.leader)


def scorecard_get_for_user(user, pk) -> Scorecard:
    obj = Scorecard.objects.filter(pk=pk, cluster__in=cluster_list_for(user).values("pk")).select_related(
        "cluster", "unit").first()
    if obj is None:
        raise Http404(NOT_FOUND)
    return obj


def leaf_criteria(cluster):
    return [c for c in cluster.criteria.prefetch_related("children") if not c.children.all()]


def scorecard_totals(scorecard, *, final: bool) -> dict:
    """Total = normal + bonus − penalty; also the sub-totals the tie-break uses."""
    total = bonus = discipline = Decimal(0)
    for line in scorecard.lines.select_related("criterion"):
        pts = line.points if final else line.self_points
        kind = line.criterion.kind
        if kind == CriterionKind.PENALTY:
            total -= pts
        else:
            total += pts
        if kind == CriterionKind.BONUS:
            bonus += pts
        if line.criterion.tie_key == "discipline":
            discipline += pts
    return {"total": total, "bonus": bonus, "discipline": discipline}


@dataclass
class RankRow:
    unit: Unit
    scorecard: Scorecard | None
    total: Decimal
    discipline: Decimal
    bonus: Decimal
    women_led: bool
    rank: int = 0
    is_leader: bool = False

    def key(self, order):
        values = {"discipline": self.discipline, "bonus": self.bonus, "women_led": 1 if self.women_led else 0}
        return (self.total, *[values[k] for k in order])


def tie_break_order():
    return tuple(settings.EMULATION_TIE_BREAK)  # checked at start-up (settings.env_choices)


def ranking_for(cluster) -> list[RankRow]:
    """Members ordered by their reviewed total; ties resolved by the EMULATION_TIE_BREAK setting
    (default: higher discipline score, then more bonus, then women-led, domain §4)."""
    cards = {s.unit_id: s for s in cluster.scorecards.all()}
    rows = []
    for member in cluster.members.select_related("unit"):
        card = cards.get(member.unit_id)
        final = card is not None and card.status == ScorecardStatus.REVIEWED
        t = scorecard_totals(card, final=final) if card else {"total": Decimal(0), "bonus": 0, "discipline": 0}
        rows.append(RankRow(member.unit, card, t["total"], t["discipline"], t["bonus"], member.women_led,
                            is_leader=member.unit_id == cluster.leader_id))
    order = tie_break_order()
    rows.sort(key=lambda r: r.key(order), reverse=True)
    for i, row in enumerate(rows):
        same = i and rows[i - 1].key(order) == row.key(order)
        row.rank = rows[i - 1].rank if same else i + 1
    return rows


def rotation_suggest(*, organiser, name, members, year):
    """The next member in order after the previous leader that has not led in the recent years
    (EMULATION_ROTATION_YEARS, default 3); deputy: the member after it."""
    members = list(members)
    if not members:
        return None, None
    recent = settings.EMULATION_ROTATION_YEARS
    previous = list(Cluster.objects.filter(organiser=organiser, name=name, year__lt=year,
                                           year__gte=year - recent).order_by("-year"))
    led = {c.leader_id for c in previous}
    start = 0
    if previous and previous[0].leader in members:
        start = members.index(previous[0].leader) + 1
    ordered = members[start:] + members[:start]
    leader = next((u for u in ordered if u.pk not in led), ordered[0])
    i = members.index(leader)
    deputy = members[(i + 1) % len(members)] if len(members) > 1 else None
    return leader, deputy
