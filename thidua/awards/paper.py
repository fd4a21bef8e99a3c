"""Decisions recorded from paper (issue 12, item 1): the award history an office brings when it starts using the
system — past decisions and their grants, typed from the signed documents or imported from the Excel it kept.

They are decisions like the others once recorded (immutable; revoked only by a revocation decision; counted by
the rulebook at once), with two differences: their number is the one printed on the paper, never drawn from the
numbering counter (``services.counter_next`` skips the numbers they hold, so the two never collide), and no
procedure step is asked of them — the procedure happened on paper, before the system knew of it.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.accounts.access import reach
from thidua.accounts.models import Capability
from thidua.audit.services import audit_record_bulk
from thidua.formatting import format_date
from thidua.rulebook import codes as rb_codes

from .catalog import decision_wording
from .models import Decision, DecisionSource, Grant

ERR_SCOPE = "Chỉ được ghi nhận khen thưởng của cá nhân, tập thể thuộc phạm vi quản lý của bạn ({name})."
ERR_NUMBER_TAKEN = ("Số {number} năm {year} của {issuer} đã có trong hệ thống ({existing}, ngày {day}); "
                    "không ghi trùng số.")
ERR_CODE = "Danh hiệu, hình thức '{code}' không có trong danh mục."
ERR_KIND = "{award} không dành cho {kind} ({name})."
ERR_FUTURE = "Ngày quyết định {day} ở tương lai: chỉ ghi nhận quyết định đã ban hành."
ERR_YEAR = "Năm thành tích {year} của {name} sau năm ban hành quyết định ({day})."
ERR_EMPTY = "Quyết định số {number} không có người, tập thể nào được khen."
PAPER_SUMMARY = "{summary} (ghi nhận từ quyết định giấy)"


@dataclass
class PaperGrant:
    recipient_kind: str  # rb_codes.INDIVIDUAL or COLLECTIVE
    award_code: str
    year: int
    display_name: str
    person: object = None  # a Person or org.models.PersonRef (pk, full_name, current_unit_id)
    recipient_unit: object = None  # a Unit
    position_text: str = ""
    amount: int = 0
    golden_book_number: str = ""

    @property
    def unit_id(self):
        return self.person.current_unit_id if self.person is not None else self.recipient_unit.pk


@dataclass
class PaperDecision:
    issuer: object  # a Unit (any level: a province's history holds the Prime Minister's decisions too)
    number: int
    symbol: str
    issued_on: dt.date
    grants: list = field(default_factory=list)
    signer_name: str = ""


@transaction.atomic
def paper_decisions_record(*, acting_user, decisions: list, reason: str = "") -> list:
    """Record decisions issued on paper with their grants; all or nothing. Refused: a recipient outside the user's
    org.manage reach, an unknown award or one not for that kind of recipient, a date in the future, an
    achievement year after the decision, a number its issuer already has that year. One audit entry per grant,
    filed under the recipient's unit (so the stored verdicts of that unit are computed again)."""
    today = timezone.localdate()
    for d in decisions:
        _check(d, today)
    _check_scope(decisions, reach(acting_user, Capability.ORG_MANAGE))
    taken = _taken(decisions)
    if taken:
        raise ValidationError(taken)
    created = Decision.objects.bulk_create([
        Decision(issuer=d.issuer, number=d.number, year=d.issued_on.year, symbol=d.symbol, issued_on=d.issued_on,
                 place=d.issuer.place_name or d.issuer.name, source=DecisionSource.PAPER,
                 summary=PAPER_SUMMARY.format(summary=decision_wording(_main_code(d))["summary"])[:300],
                 award_code=_main_code(d), signer_name=d.signer_name, signer_title="",
                 total_amount=sum(g.amount for g in d.grants), issued_by=acting_user)
        for d in decisions
    ])
    grants = Grant.objects.bulk_create([
        Grant(decision=decision, recipient_kind=g.recipient_kind,
              person_id=g.person.pk if g.person is not None else None,
              recipient_unit=g.recipient_unit, display_name=g.display_name[:200], position_text=g.position_text[:300],
              award_code=g.award_code, year=g.year, amount=g.amount, golden_book_number=g.golden_book_number[:30])
        for d, decision in zip(decisions, created, strict=True) for g in d.grants
    ], batch_size=1000)
    recipients = [g for d in decisions for g in d.grants]
    audit_record_bulk(actor=acting_user, action="decision.recorded_from_paper", reason=reason, entries=[
        (grant, g.unit_id, {"decision": f"{grant.decision.number:02d}/{grant.decision.symbol}",
                            "issuer": grant.decision.issuer.name, "issued_on": grant.decision.issued_on.isoformat(),
                            "award_code": grant.award_code, "year": grant.year, "amount": grant.amount})
        for grant, g in zip(grants, recipients, strict=True)
    ])
    return created


def _main_code(d: PaperDecision) -> str:
    """The decision's award: the one most of its grants carry (a paper decision may confer several)."""
    counts: dict = {}
    for g in d.grants:
        counts[g.award_code] = counts.get(g.award_code, 0) + 1
    return max(counts, key=counts.get)


def _check(d: PaperDecision, today: dt.date) -> None:
    if not d.grants:
        raise ValidationError(ERR_EMPTY.format(number=d.number))
    if d.issued_on > today:
        raise ValidationError(ERR_FUTURE.format(day=format_date(d.issued_on)))
    for g in d.grants:
        award = rb_codes.CODES.get(g.award_code)
        if award is None:
            raise ValidationError(ERR_CODE.format(code=g.award_code))
        if g.recipient_kind not in award.recipient_kinds:
            raise ValidationError(ERR_KIND.format(award=award.name_vi, kind=rb_codes.RECIPIENT_KINDS[
                g.recipient_kind].lower(), name=g.display_name))
        if g.year > d.issued_on.year:
            raise ValidationError(ERR_YEAR.format(year=g.year, name=g.display_name, day=format_date(d.issued_on)))


def _check_scope(decisions: list, scope) -> None:
    """Every recipient in the user's reach: the people by their current unit, read in one query."""
    from thidua.org.models import Unit

    grants = [g for d in decisions for g in d.grants]
    units = Unit.objects.only("id", "path").in_bulk({g.person.current_unit_id for g in grants
                                                      if g.person is not None and g.person.current_unit_id})
    for g in grants:
        unit = g.recipient_unit if g.person is None else units.get(g.person.current_unit_id)
        if not scope.covers(unit):
            raise PermissionDenied(ERR_SCOPE.format(name=g.display_name))


def _taken(decisions: list) -> str:
    """The message for the first number already held by its issuer that year (in the database or twice here)."""
    wanted: dict = {}
    for d in decisions:
        key = (d.issuer.pk, d.issued_on.year, d.number)
        if key in wanted:
            return ERR_NUMBER_TAKEN.format(number=f"{d.number:02d}", year=d.issued_on.year, issuer=d.issuer.name,
                                           existing="ghi hai lần trong cùng lần ghi nhận",
                                           day=format_date(d.issued_on))
        wanted[key] = d
    for existing in Decision.objects.filter(issuer_id__in={k[0] for k in wanted}, year__in={k[1] for k in wanted},
                                            number__in={k[2] for k in wanted}):
        d = wanted.get((existing.issuer_id, existing.year, existing.number))
        if d is not None:
            return ERR_NUMBER_TAKEN.format(number=f"{d.number:02d}", year=d.issued_on.year, issuer=d.issuer.name,
                                           existing=existing.number_text, day=format_date(existing.issued_on))
    return ""
