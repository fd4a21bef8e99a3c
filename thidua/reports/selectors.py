"""Scoped statistics for the reports.

Every number is computed from the accessors that return only what the user may see
(awards.selectors.*_list_for, emulation.selectors.*_list_for, accounts.access), restricted to
one unit's subtree (plus the units merged into it, so history survives mergers) and one year
of achievement (Grant.year). Revoked grants (Luật TĐKT Đ93) never count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from thidua.awards.models import GrantStatus, NominationStatus
from thidua.awards.selectors import decision_list_for, grant_list_for, nomination_list_for
from thidua.emulation import selectors as emulation
from thidua.emulation.models import MovementKind
from thidua.org.models import Gender, Level
from thidua.org.selectors import unit_get_for_user, units_visible_to
from thidua.rulebook import codes

ERR_NOT_FOUND = "Không tìm thấy đơn vị hoặc bạn không có quyền xem báo cáo của đơn vị này."
MIN_YEAR, MAX_YEAR = 1945, 2100
UNIT_CHOICES_LIMIT = 500
KINDS = (codes.INDIVIDUAL, codes.COLLECTIVE, codes.HOUSEHOLD)
CATEGORY_LABELS = {codes.TITLE: "Danh hiệu thi đua", codes.FORM: "Hình thức khen thưởng"}


# ---- unit and year --------------------------------------------------------------------------------

def report_units(user):
    """Units the user may report on (the filter's choices)."""
    return units_visible_to(user).order_by("path")[:UNIT_CHOICES_LIMIT]


def report_unit_for(user, raw):
    """The requested unit if the user may see it (404 otherwise); without one, the user's top unit."""
    if raw in (None, ""):
        unit = units_visible_to(user).order_by("path").first()
        if unit is None:
            raise Http404(ERR_NOT_FOUND)
        return unit
    if not str(raw).isdigit():
        raise Http404(ERR_NOT_FOUND)
    return unit_get_for_user(user, int(raw))


def parse_year(raw) -> int | None:
    try:
        year = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def default_year(user, unit) -> int:
    """The latest year with awards in the unit (the year a clerk reports on), else last year."""
    latest = report_grants(user, unit, None).order_by("-year").values_list("year", flat=True).first()
    return latest or timezone.localdate().year - 1


def _prefixes(user, unit) -> list[str]:
    lineage = unit.lineage_ids()
    paths = [unit.path]
    if len(lineage) > 1:
        paths += list(units_visible_to(user).filter(pk__in=lineage[1:]).values_list("path", flat=True))
    return paths


def _under(prefixes, *fields) -> Q:
    q = Q(pk__in=[])
    for prefix in prefixes:
        for f in fields:
            q |= Q(**{f"{f}__path__startswith": prefix})
    return q


# ---- grants -------------------------------------------------------------------------------------

def report_grants(user, unit, year):
    """Valid grants the user may see that the unit gave or that went to someone in its subtree."""
    q = _under(_prefixes(user, unit), "decision__issuer", "recipient_unit", "person__current_unit",
               "household__unit")
    qs = grant_list_for(user).filter(q, status=GrantStatus.VALID)
    return qs if year is None else qs.filter(year=year)


@dataclass
class Counts:
    individual: int = 0
    collective: int = 0
    household: int = 0
    amount: int = 0

    def add(self, kind: str, amount: int) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        self.amount += amount

    @property
    def total(self) -> int:
        return self.individual + self.collective + self.household


@dataclass
class AwardRow:
    code: str
    name: str
    category: str
    counts: Counts = field(default_factory=Counts)

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.category, "Khác")


# The issuer is read through the grant the user may see (a province granting to a commune's people
# may sit above the user's reach).
ISSUER_FIELDS = ("decision__issuer_id", "decision__issuer__name", "decision__issuer__path", "decision__issuer__kind",
                 "decision__issuer__level", "decision__issuer__place_name", "decision__issuer__head_title")


@dataclass(frozen=True)
class Issuer:
    pk: int
    name: str
    path: str
    kind: str
    level: str
    place_name: str
    head_title: str


@dataclass
class IssuerRow:
    """What one issuing authority gave, per award (the sentences of the summary)."""

    issuer: Issuer
    code: str
    counts: Counts = field(default_factory=Counts)


@dataclass
class SubunitRow:
    label: str
    unit_id: int | None
    counts: Counts = field(default_factory=Counts)


@dataclass
class GrantStats:
    unit: object
    year: int
    totals: Counts = field(default_factory=Counts)
    by_award: list = field(default_factory=list)
    by_issuer: list = field(default_factory=list)
    by_subunit: list = field(default_factory=list)
    women: int = 0
    decision_ids: list = field(default_factory=list)

    @property
    def women_share(self) -> float | None:
        """Share of women among individual recipients, in percent (domain §4: ties go to women)."""
        if not self.totals.individual:
            return None
        return round(100 * self.women / self.totals.individual, 1)

    @property
    def men(self) -> int:
        return self.totals.individual - self.women


def _code_order(code: str) -> tuple:
    keys = list(codes.CODES)
    return (keys.index(code), code) if code in codes.CODES else (len(keys), code)


def grant_stats(user, unit, year) -> GrantStats:
    stats = GrantStats(unit=unit, year=year)
    # "pk" first: the scoped queryset is DISTINCT, so two alike grants must not collapse into one row.
    rows = report_grants(user, unit, year).order_by().values_list(
        "pk", "award_code", "recipient_kind", "amount", "person__gender", "recipient_unit__path",
        "person__current_unit__path", "household__unit__path", "decision_id", *ISSUER_FIELDS,
    )
    awards: dict[str, AwardRow] = {}
    issuers: dict[tuple, IssuerRow] = {}
    subunits: dict[object, SubunitRow] = {}
    children = {u.pk: u for u in units_visible_to(user).filter(parent=unit)}
    decisions = set()
    for _pk, code, kind, amount, gender, r_path, p_path, h_path, decision_id, *issuer in rows:
        if kind not in KINDS:
            continue
        stats.totals.add(kind, amount)
        if kind == codes.INDIVIDUAL and gender == Gender.FEMALE:
            stats.women += 1
        award = codes.CODES.get(code)
        awards.setdefault(code, AwardRow(code, codes.name_vi(code), award.category if award else "")).counts.add(
            kind, amount)
        info = Issuer(*issuer)
        issuers.setdefault((info.pk, code), IssuerRow(info, code)).counts.add(kind, amount)
        key = _subunit_key(unit, children, r_path or p_path or h_path or "")
        if key not in subunits:
            subunits[key] = _subunit_row(unit, children, key)
        subunits[key].counts.add(kind, amount)
        decisions.add(decision_id)
    stats.by_award = sorted(awards.values(), key=lambda r: _code_order(r.code))
    # The unit's own decisions first, then the higher levels (as the seed articles tell them).
    stats.by_issuer = sorted(issuers.values(),
                             key=lambda r: (r.issuer.pk != unit.pk, r.issuer.path, _code_order(r.code)))
    stats.by_subunit = sorted(subunits.values(), key=lambda r: (r.unit_id is None, r.unit_id != unit.pk, r.label))
    stats.decision_ids = sorted(decisions)
    return stats


def _subunit_key(unit, children, path):
    if not path.startswith(unit.path):
        return None
    if path == unit.path:
        return unit.pk
    first = path[len(unit.path):].strip("/").split("/")[0]
    return int(first) if first.isdigit() and int(first) in children else None


def _subunit_row(unit, children, key) -> SubunitRow:
    if key is None:
        return SubunitRow("Ngoài đơn vị hoặc đơn vị cũ", None)
    if key == unit.pk:
        return SubunitRow(f"{unit.name} (trực tiếp)", unit.pk)
    return SubunitRow(children[key].name, key)


# ---- nominations, decisions ---------------------------------------------------------------------

def nomination_counts(user, unit, year) -> list[tuple[str, str, int]]:
    """[(status, label, count)] of the nominations proposed in the unit's subtree for the year."""
    qs = nomination_list_for(user).filter(_under(_prefixes(user, unit), "unit"), year=year)
    counts: dict[str, int] = {}
    for _pk, status in qs.values_list("pk", "status"):  # pk: the scoped queryset is DISTINCT
        counts[status] = counts.get(status, 0) + 1
    return [(s, label, counts.get(s, 0)) for s, label in NominationStatus.choices]


@dataclass
class DecisionRow:
    pk: int
    number_text: str
    issued_on: object
    issuer_name: str
    summary: str
    grants: int = 0
    amount: int = 0  # of the grants in the report's scope
    linkable: bool = False  # the user may open the decision itself


def report_decisions(user, unit, year) -> list[DecisionRow]:
    """Decisions behind the report's grants, read through those grants (a province decision granting to a
    commune's people is listed for the commune even though the decision page is the province's)."""
    rows: dict[int, DecisionRow] = {}
    grants = report_grants(user, unit, year).order_by()
    for _grant, pk, number, symbol, issued_on, issuer, summary, amount in grants.values_list(
            "pk", "decision_id", "decision__number", "decision__symbol", "decision__issued_on",
            "decision__issuer__name", "decision__summary", "amount"):
        row = rows.setdefault(pk, DecisionRow(pk, f"{number:02d}/{symbol}", issued_on, issuer, summary))
        row.grants += 1
        row.amount += amount
    visible = set(decision_list_for(user).filter(pk__in=list(rows)).values_list("pk", flat=True))
    for row in rows.values():
        row.linkable = row.pk in visible
    return sorted(rows.values(), key=lambda r: (r.issued_on, r.number_text))


# ---- register (sổ vàng) -------------------------------------------------------------------------

def _golden_key(grant) -> tuple:
    number, _, year = (grant.golden_book_number or "").partition("/")
    return (grant.decision.issuer.path, int(year) if year.isdigit() else 0, int(number) if number.isdigit() else 0,
            grant.pk)


def register_rows(user, unit, year) -> list:
    """The golden-book list: grants ordered by issuer, then by golden-book number."""
    grants = sorted(report_grants(user, unit, year).select_related("decision", "decision__issuer"), key=_golden_key)
    visible = set(decision_list_for(user).filter(pk__in={g.decision_id for g in grants}).values_list("pk", flat=True))
    for g in grants:
        g.linkable = g.decision_id in visible  # a higher level's decision is named, not linked
    return grants


# ---- emulation ----------------------------------------------------------------------------------

def _running_in(year) -> Q:
    return Q(kind=MovementKind.REGULAR, year=year) | (
        Q(kind=MovementKind.THEMATIC, start_date__year__lte=year)
        & (Q(end_date__isnull=True) | Q(end_date__year__gte=year))
    )


def own_movements(user, unit, year) -> list:
    """Movements the unit launched or adopted that ran in the year (visible by the user's reach)."""
    return list(emulation.movement_list_for(user).filter(_running_in(year), launched_by=unit).order_by("id"))


def movements_in_force(user, unit, year) -> list:
    """What the unit carried out in the year: its own movements, then those launched above it
    (ancestors and central level) that it did not adopt itself, one row per original movement."""
    own = own_movements(user, unit, year)
    ancestor_ids = [int(p) for p in unit.path.strip("/").split("/") if p][:-1]
    above = emulation.movement_list_for(user).filter(
        _running_in(year), Q(launched_by_id__in=ancestor_ids) | Q(launched_by__level=Level.CENTRAL)
    ).exclude(launched_by=unit).select_related("launched_by").order_by("launched_by__path", "id")
    seen = {m.root().pk for m in own}
    result = list(own)
    for m in above:
        root = m.root()
        if root.pk not in seen:
            seen.add(root.pk)
            result.append(m)
    return result


def attainment(user, unit, year):
    return emulation.attainment(own_movements(user, unit, year), year)
