"""Doors for the commendation cycle. Each is atomic, checks its rule and role,
changes state and writes an AuditEntry. Nothing else sets a status."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.audit.services import audit_record
from thidua.rulebook import money as rb_money

from .catalog import award_name
from .legal import decision_legal_bases
from .models import (
    Counter,
    Decision,
    Grant,
    Nomination,
    NominationEntry,
    NominationStatus,
    RecipientKind,
)

ERR_NOT_EDITABLE = "Đề nghị đã trình hoặc đã được duyệt, không thể sửa."
ERR_NO_ENTRIES = "Đề nghị chưa có cá nhân hoặc tập thể nào."
ERR_NOT_SUBMITTED = "Chỉ phê duyệt hoặc trả lại được đề nghị đang ở trạng thái đã trình."
ERR_NOT_APPROVED = "Chỉ ban hành quyết định cho đề nghị đã được phê duyệt."
ERR_RETURN_REASON = "Phải ghi rõ lý do trả lại."
ERR_DUPLICATE_RECIPIENT = "{name} đã có trong đề nghị này."
ERR_RECIPIENT_SCOPE = "Chỉ được đề nghị cá nhân, tập thể thuộc phạm vi đơn vị mình."
ERR_ACHIEVEMENT = "Phải nhập thành tích."
ERR_ISSUE_DATE = "Ngày ban hành không được trước ngày phê duyệt đề nghị."
ERR_NO_PERMISSION = "Bạn không có quyền thực hiện thao tác này."


def _require(user, capability, unit):
    if not can(user, capability, unit):
        raise PermissionDenied(ERR_NO_PERMISSION)


def _lock(nomination: Nomination) -> Nomination:
    return Nomination.objects.select_for_update().get(pk=nomination.pk)


@transaction.atomic
def nomination_create(*, acting_user, unit, award_code: str, year: int, title: str,
                      reason_text: str = "", award_type: str = "cong_trang", decider_unit=None) -> Nomination:
    _require(acting_user, Capability.NOMINATION_MANAGE, unit)
    nomination = Nomination.objects.create(
        unit=unit, decider_unit=decider_unit or unit, award_code=award_code, year=year, title=title,
        reason_text=reason_text, award_type=award_type, created_by=acting_user,
    )
    audit_record(actor=acting_user, action="nomination.created", target=nomination, unit=unit,
                 data={"award_code": award_code, "year": year})
    return nomination


@transaction.atomic
def nomination_entry_add(*, nomination: Nomination, acting_user, achievement: str, person=None,
                         recipient_unit=None, household=None) -> NominationEntry:
    nomination = _lock(nomination)
    _require(acting_user, Capability.NOMINATION_MANAGE, nomination.unit)
    if not nomination.editable:
        raise ValidationError(ERR_NOT_EDITABLE)
    if not (achievement or "").strip():
        raise ValidationError(ERR_ACHIEVEMENT)
    if person is not None:
        kind, display, position = RecipientKind.INDIVIDUAL, person.full_name, ""
        if person.current_unit_id:
            position = ", ".join(p for p in [person.current_position, person.current_unit.name] if p)
        scope_unit = person.current_unit
        dup = nomination.entries.filter(person=person)
    elif recipient_unit is not None:
        kind, display, position = RecipientKind.COLLECTIVE, recipient_unit.name, ""
        scope_unit = recipient_unit
        dup = nomination.entries.filter(recipient_unit=recipient_unit)
    else:
        kind, display, position = RecipientKind.HOUSEHOLD, str(household), household.address
        scope_unit = household.unit
        dup = nomination.entries.filter(household=household)
    if dup.exists():
        raise ValidationError(ERR_DUPLICATE_RECIPIENT.format(name=display))
    if not can(acting_user, Capability.VIEW, scope_unit):
        raise ValidationError(ERR_RECIPIENT_SCOPE)
    entry = NominationEntry.objects.create(
        nomination=nomination, recipient_kind=kind, person=person, recipient_unit=recipient_unit,
        household=household, display_name=display, position_text=position, achievement=achievement.strip(),
    )
    audit_record(actor=acting_user, action="nomination.entry_added", target=nomination, unit=nomination.unit,
                 data={"recipient": display, "kind": kind})
    return entry


@transaction.atomic
def nomination_entry_remove(*, entry: NominationEntry, acting_user) -> None:
    nomination = _lock(entry.nomination)
    _require(acting_user, Capability.NOMINATION_MANAGE, nomination.unit)
    if not nomination.editable:
        raise ValidationError(ERR_NOT_EDITABLE)
    name = entry.display_name
    entry.delete()
    audit_record(actor=acting_user, action="nomination.entry_removed", target=nomination, unit=nomination.unit,
                 data={"recipient": name})


@transaction.atomic
def nomination_submit(*, nomination: Nomination, acting_user) -> Nomination:
    nomination = _lock(nomination)
    _require(acting_user, Capability.NOMINATION_MANAGE, nomination.unit)
    if not nomination.editable:
        raise ValidationError(ERR_NOT_EDITABLE)
    if not nomination.entries.exists():
        raise ValidationError(ERR_NO_ENTRIES)
    old = nomination.status
    nomination.status = NominationStatus.SUBMITTED
    nomination.submitted_at = timezone.now()
    nomination.return_reason = ""
    nomination.save(update_fields=["status", "submitted_at", "return_reason"])
    audit_record(actor=acting_user, action="nomination.submitted", target=nomination, unit=nomination.unit,
                 data={"old": {"status": old}, "new": {"status": nomination.status}})
    return nomination


@transaction.atomic
def nomination_approve(*, nomination: Nomination, acting_user) -> Nomination:
    nomination = _lock(nomination)
    _require(acting_user, Capability.NOMINATION_APPROVE, nomination.decider_unit)
    if nomination.status != NominationStatus.SUBMITTED:
        raise ValidationError(ERR_NOT_SUBMITTED)
    nomination.status = NominationStatus.APPROVED
    nomination.approved_by = acting_user
    nomination.approved_at = timezone.now()
    nomination.save(update_fields=["status", "approved_by", "approved_at"])
    audit_record(actor=acting_user, action="nomination.approved", target=nomination, unit=nomination.decider_unit,
                 data={"old": {"status": "submitted"}, "new": {"status": "approved"}})
    return nomination


@transaction.atomic
def nomination_return(*, nomination: Nomination, acting_user, reason: str) -> Nomination:
    nomination = _lock(nomination)
    _require(acting_user, Capability.NOMINATION_APPROVE, nomination.decider_unit)
    if nomination.status != NominationStatus.SUBMITTED:
        raise ValidationError(ERR_NOT_SUBMITTED)
    if not (reason or "").strip():
        raise ValidationError(ERR_RETURN_REASON)
    nomination.status = NominationStatus.RETURNED
    nomination.return_reason = reason.strip()
    nomination.save(update_fields=["status", "return_reason"])
    audit_record(actor=acting_user, action="nomination.returned", target=nomination, unit=nomination.decider_unit,
                 data={"old": {"status": "submitted"}, "new": {"status": "returned"}}, reason=reason.strip())
    return nomination


def counter_next(*, issuer, year: int, series: str) -> int:
    """Take the next number of a series; must run inside the caller's transaction.

    get_or_create uses a savepoint, so a racing first insert just falls back to
    reading the row; select_for_update then queues parallel issuers on that row.
    A rolled-back issuance gives its number back: the sequence stays gapless.
    """
    counter, _ = Counter.objects.get_or_create(issuer=issuer, year=year, series=series)
    counter = Counter.objects.select_for_update().get(pk=counter.pk)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _recipient_kind_for_money(kind: str) -> str:
    return {"individual": "individual", "collective": "collective", "household": "household"}[kind]


@transaction.atomic
def decision_issue(*, nomination: Nomination, acting_user, issued_on: dt.date | None = None,
                   signer_name: str = "", signer_title: str = "", signer_prefix: str = "") -> Decision:
    nomination = _lock(nomination)
    issuer = nomination.decider_unit
    _require(acting_user, Capability.DECISION_ISSUE, issuer)
    if nomination.status != NominationStatus.APPROVED:
        raise ValidationError(ERR_NOT_APPROVED)
    issued_on = issued_on or timezone.localdate()
    if nomination.approved_at and issued_on < timezone.localtime(nomination.approved_at).date():
        raise ValidationError(ERR_ISSUE_DATE)
    approver = nomination.approved_by
    signer_name = signer_name or (approver.get_full_name() if approver else "") or issuer.head_name
    signer_title = signer_title or issuer.head_title or "Chủ tịch"
    number = counter_next(issuer=issuer, year=issued_on.year, series="decision")
    decision = Decision.objects.create(
        issuer=issuer, nomination=nomination, number=number, year=issued_on.year,
        symbol=f"QĐ-{issuer.doc_symbol or 'UBND'}", issued_on=issued_on,
        place=issuer.place_name or issuer.name, summary=f"Về việc tặng {award_name(nomination.award_code)}",
        award_code=nomination.award_code, reason_text=nomination.reason_text,
        legal_bases=decision_legal_bases(issuer=issuer, on=issued_on),
        signer=approver, signer_name=signer_name, signer_title=signer_title, signer_prefix=signer_prefix,
        issued_by=acting_user,
    )
    total = 0
    for entry in nomination.entries.select_related("person", "recipient_unit", "household"):
        prize = rb_money.prize(nomination.award_code, _recipient_kind_for_money(entry.recipient_kind), issued_on)
        golden = counter_next(issuer=issuer, year=issued_on.year, series="golden_book")
        grant = Grant.objects.create(
            decision=decision, entry=entry, recipient_kind=entry.recipient_kind, person=entry.person,
            recipient_unit=entry.recipient_unit, household=entry.household, display_name=entry.display_name,
            position_text=entry.position_text, achievement=entry.achievement, award_code=nomination.award_code,
            award_type=nomination.award_type, year=nomination.year, amount=prize.amount,
            golden_book_number=f"{golden:02d}/{issued_on.year}",
        )
        total += grant.amount
    decision.total_amount = total
    decision.save(update_fields=["total_amount"])
    nomination.status = NominationStatus.DECIDED
    nomination.save(update_fields=["status"])
    audit_record(actor=acting_user, action="decision.issued", target=decision, unit=issuer,
                 data={"number": decision.number_text, "issued_on": issued_on.isoformat(),
                       "grants": decision.grants.count(), "total_amount": total})
    audit_record(actor=acting_user, action="nomination.decided", target=nomination, unit=nomination.unit,
                 data={"decision": decision.number_text})
    return decision
