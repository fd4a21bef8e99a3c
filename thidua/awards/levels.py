"""Across levels (issue 9, item 4): a village, school or agency sends its list to the level above, which
returns an entry for a fix with a reason, and consolidates the lists of its sub-units into its own nomination
(to decide itself, or to submit on to the competent level). Each sender follows its entries to the outcome.

Doors only; the nomination doors themselves are in services.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.audit.services import audit_record
from thidua.core.errors import ERR_NO_PERMISSION

from . import handoffs, services
from .models import Decision, Nomination, NominationEntry, NominationStatus

ERR_ENTRY_RETURN_REASON = "Phải ghi lý do trả lại để đơn vị sửa."
ERR_ENTRY_RETURN_STATUS = "Chỉ trả lại được trường hợp của đề nghị đang ở trạng thái đã trình."
ERR_ACHIEVEMENT = "Phải nhập thành tích."
ERR_TARGET = "Chỉ tổng hợp vào đề nghị đang soạn của chính đơn vị mình."
ERR_SOURCE = ("“{title}” không tổng hợp được: phải là đề nghị đã trình của đơn vị trực thuộc {unit}, cùng danh hiệu, "
              "hình thức và năm thành tích.")
ERR_NO_SOURCE = "Chưa chọn danh sách nào của đơn vị trực thuộc để tổng hợp."
RETURNED_TEXT = "Trả lại để sửa – {name}: {reason}"


def receives(user, nomination: Nomination) -> bool:
    """The level a nomination was sent to: its decider, or, for a list sent up from below, that level's
    TĐKT staff (a unit's own clerk does not return their own list)."""
    if can(user, Capability.NOMINATION_APPROVE, nomination.decider_unit):
        return True
    return nomination.decider_unit_id != nomination.unit_id and can(user, Capability.NOMINATION_MANAGE,
                                                                    nomination.decider_unit)


@transaction.atomic
def entry_return(*, entry: NominationEntry, acting_user, reason: str) -> NominationEntry:
    """Send one entry back for a fix: the nomination returns to its sender with that entry marked; the
    sender fixes it (nomination_entry_update) or takes it out before submitting again."""
    nomination = Nomination.objects.select_for_update().select_related("decider_unit", "unit").get(
        pk=entry.nomination_id)
    if not receives(acting_user, nomination):
        raise PermissionDenied(ERR_NO_PERMISSION)
    if nomination.status != NominationStatus.SUBMITTED:
        raise ValidationError(ERR_ENTRY_RETURN_STATUS)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(ERR_ENTRY_RETURN_REASON)
    entry = NominationEntry.objects.get(pk=entry.pk, nomination=nomination)
    entry.return_reason = reason
    entry.save(update_fields=["return_reason"])
    nomination.status = NominationStatus.RETURNED
    nomination.return_reason = RETURNED_TEXT.format(name=entry.display_name, reason=reason)
    nomination.save(update_fields=["status", "return_reason"])
    audit_record(actor=acting_user, action="nomination.entry_returned", target=nomination, unit=nomination.unit,
                 data={"recipient": entry.display_name, "old": {"status": "submitted"}, "new": {"status": "returned"}},
                 reason=reason)
    handoffs.returned(nomination, acting_user)
    return entry


@transaction.atomic
def nomination_entry_update(*, entry: NominationEntry, acting_user, achievement: str) -> NominationEntry:
    """The sender's fix of an entry: its achievement, rewritten; a return mark on it is cleared."""
    nomination = Nomination.objects.select_for_update().get(pk=entry.nomination_id)
    if not can(acting_user, Capability.NOMINATION_MANAGE, nomination.unit):
        raise PermissionDenied(ERR_NO_PERMISSION)
    if not nomination.editable:
        raise ValidationError(services.ERR_NOT_EDITABLE)
    achievement = (achievement or "").strip()
    if not achievement:
        raise ValidationError(ERR_ACHIEVEMENT)
    entry = NominationEntry.objects.get(pk=entry.pk, nomination=nomination)
    old = {"achievement": entry.achievement, "return_reason": entry.return_reason}
    entry.achievement, entry.return_reason = achievement, ""
    entry.save(update_fields=["achievement", "return_reason"])
    audit_record(actor=acting_user, action="nomination.entry_updated", target=nomination, unit=nomination.unit,
                 data={"recipient": entry.display_name, "old": old,
                       "new": {"achievement": achievement, "return_reason": ""}})
    return entry


def consolidatable(target: Nomination):
    """The sub-units' lists that may go into ``target``: submitted to ``target``'s unit (or to the same
    decider), from units below it, for the same award and year."""
    from django.db.models import Q

    return (Nomination.objects.filter(status=NominationStatus.SUBMITTED, award_code=target.award_code,
                                      year=target.year, unit__path__startswith=target.unit.path)
            .exclude(unit=target.unit)
            .filter(Q(decider_unit=target.unit) | Q(decider_unit=target.decider_unit))
            .select_related("unit").order_by("unit__path", "pk"))


@transaction.atomic
def nominations_consolidate(*, target: Nomination, acting_user, sources) -> Nomination:
    """Take the sub-units' lists into the level's own draft: each entry copied with its achievement, reason and
    review answer, linked to where it came from; each source list closed as consolidated. All or nothing."""
    target = Nomination.objects.select_for_update().select_related("unit").get(pk=target.pk)
    if not can(acting_user, Capability.NOMINATION_MANAGE, target.unit) or not target.editable:
        raise ValidationError(ERR_TARGET)
    sources = list(Nomination.objects.select_for_update().filter(pk__in=[s.pk for s in sources]))
    if not sources:
        raise ValidationError(ERR_NO_SOURCE)
    allowed = set(consolidatable(target).values_list("pk", flat=True))
    for source in sources:
        if source.pk not in allowed:
            raise ValidationError(ERR_SOURCE.format(title=source.title, unit=target.unit.name))
    for source in sources:
        for e in source.entries.select_related("person", "recipient_unit", "household"):
            copy = services.nomination_entry_add(
                nomination=target, acting_user=acting_user, achievement=e.achievement, person=e.person,
                recipient_unit=e.recipient_unit, household=e.household, override_reason=e.override_reason)
            NominationEntry.objects.filter(pk=copy.pk).update(
                source_entry=e, judgement_note=e.judgement_note, judgement_by=e.judgement_by,
                judgement_at=e.judgement_at)
        source.status, source.consolidated_into = NominationStatus.CONSOLIDATED, target
        source.save(update_fields=["status", "consolidated_into"])
        audit_record(actor=acting_user, action="nomination.consolidated", target=source, unit=source.unit,
                     data={"old": {"status": "submitted"}, "new": {"status": "consolidated"}, "into": target.title})
        handoffs.consolidated(source, target, acting_user)
    audit_record(actor=acting_user, action="nomination.consolidated_into", target=target, unit=target.unit,
                 data={"lists": [s.title for s in sources]})
    return target


def decision_of(nomination):
    """The decision made on ``nomination`` (None before it, or without a nomination)."""
    return Decision.objects.filter(nomination=nomination).first() if nomination is not None else None
