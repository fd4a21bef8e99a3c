"""Doors for the commendation cycle. Each is atomic, checks its rule and role,
changes state and writes an AuditEntry. Nothing else sets a status."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.accounts.second_factor import second_factor_require
from thidua.audit.services import audit_record
from thidua.core.conf import rulebook_settings
from thidua.core.errors import ERR_NO_PERMISSION, ERR_RETURN_REASON
from thidua.formatting import format_date, full_name
from thidua.rulebook import codes as rb_codes
from thidua.rulebook import money as rb_money
from thidua.rulebook import procedure
from thidua.rulebook.authority import may_grant
from thidua.rulebook.errors import RulebookError
from thidua.rulebook.legal import REVOCATION_BASIS, central_legal_bases, decision_legal_bases

from . import eligibility, files, handoffs, routing
from .catalog import award_name, decision_wording, recovery_item
from .disclosure import disclosure_blocking_reason
from .models import (
    CouncilResult,
    Counter,
    Decision,
    DecisionKind,
    DecisionSource,
    DocType,
    DossierDocument,
    DossierRequirement,
    Grant,
    GrantStatus,
    Nomination,
    NominationEntry,
    NominationStatus,
    RecipientKind,
    RevocationGround,
)

ERR_COUNCIL_STEP = ("Chưa thể phê duyệt: bước “{step}” là bắt buộc ({citation}) và Hội đồng chưa đề nghị: {names}. "
                    "Đưa đề nghị vào phiên họp Hội đồng, hoặc ghi nhận biên bản họp; người, tập thể không được "
                    "Hội đồng đề nghị phải được bỏ khỏi danh sách (trả lại để sửa).")
ERR_DISCLOSURE_STEP = ("Chưa thể ban hành quyết định: bước “{step}” là bắt buộc ({citation}) và danh sách đề nghị "
                       "chưa được công khai.")
ERR_MINUTES_DATE = "Ngày họp Hội đồng phải là một ngày đã qua."
ERR_MINUTES_PROOF = "Phải kèm biên bản họp Hội đồng (bản chụp) để ghi nhận kết quả Hội đồng."
ERR_MINUTES_BEFORE_DISCLOSURE = ("Hội đồng chỉ họp sau khi hết thời gian “{step}” ({citation}): danh sách chưa được "
                                 "công khai đủ thời gian trước ngày họp.")
MINUTES_BASIS = "Biên bản họp Hội đồng Thi đua – Khen thưởng ngày {day} (lưu trong hồ sơ)"
ERR_NOT_EDITABLE = "Đề nghị đã trình hoặc đã được duyệt, không thể sửa."
ERR_NO_ENTRIES = "Đề nghị chưa có cá nhân hoặc tập thể nào."
ERR_NOT_SUBMITTED = "Chỉ phê duyệt hoặc trả lại được đề nghị đang ở trạng thái đã trình."
ERR_NOT_APPROVED = "Chỉ ban hành quyết định cho đề nghị đã được phê duyệt."
ERR_RECIPIENT_KIND = "{award} không dành cho {kind}."
ERR_DUPLICATE_RECIPIENT = "{name} đã có trong đề nghị này."
ERR_RECIPIENT_SCOPE = "Chỉ được đề nghị cá nhân, tập thể thuộc phạm vi đơn vị mình."
ERR_ACHIEVEMENT = "Phải nhập thành tích."
ERR_ISSUE_DATE = "Ngày ban hành không được trước ngày phê duyệt đề nghị."
ERR_NEEDS_OVERRIDE = ("Chưa thể trình: {names}. Với người, tập thể chưa đủ điều kiện, phải ghi rõ lý do đề nghị "
                      "(ngoại lệ) trước khi trình.")
ERR_OVERRIDE_REASON = "Phải ghi rõ lý do đề nghị khi chưa đủ điều kiện."
ERR_UNFIXED = ("Chưa thể trình: còn trường hợp cấp trên trả lại chưa được sửa: {names}. Sửa thành tích của "
               "trường hợp đó, hoặc bỏ khỏi danh sách.")
ERR_JUDGEMENT_STEP = ("Chưa thể phê duyệt: các tiêu chí “cần xem xét” của {names} chưa được xem xét. Hội đồng bỏ phiếu "
                      "đề nghị, hoặc ghi nhận kết quả xem xét cho từng trường hợp ({citation}).")
JUDGEMENT_CITATION = "Luật Thi đua, khen thưởng 2022, Điều 84: bình xét, xét đề nghị theo tiêu chuẩn"
ERR_JUDGEMENT_NOTE = "Phải ghi kết quả xem xét: các tiêu chí cần xem xét đã được đối chiếu thế nào."
ERR_JUDGEMENT_NOT_ASKED = "{name} không có tiêu chí cần xem xét: không cần ghi nhận kết quả xem xét."
ERR_DOSSIER_MISSING = "Hồ sơ còn thiếu tài liệu bắt buộc: {docs}."
ERR_DOC_TYPE = "Loại tài liệu không hợp lệ."
ERR_NO_POWER = "{decider} không có thẩm quyền tặng {award} vào ngày {day} (theo quy định hiện hành)."
ERR_REVOKE_KIND = "Chỉ hủy bỏ được quyết định khen thưởng (không hủy bỏ một quyết định hủy bỏ)."
ERR_REVOKE_GROUND = "Phải chọn căn cứ hủy bỏ theo Điều 93 Luật Thi đua, khen thưởng."
ERR_REVOKE_REASON = "Phải ghi rõ nội dung kết luận làm căn cứ hủy bỏ."
ERR_REVOKE_GRANTS = "Phải chọn ít nhất một khen thưởng còn hiệu lực của quyết định này để hủy bỏ."
ERR_REVOKE_DATE = "Ngày hủy bỏ không được trước ngày ban hành quyết định khen thưởng."


def _require(user, capability, unit):
    if not can(user, capability, unit):
        raise PermissionDenied(ERR_NO_PERMISSION)


def _lock(nomination: Nomination) -> Nomination:
    return Nomination.objects.select_for_update().get(pk=nomination.pk)


@transaction.atomic
def nomination_create(*, acting_user, unit, award_code: str, year: int, title: str,
                      reason_text: str = "", award_type: str = "cong_trang", decider_unit=None) -> Nomination:
    _require(acting_user, Capability.NOMINATION_MANAGE, unit)
    # Routed by the authority matrix in force today; a caller naming the decider must name the same one.
    route = routing.route(award_code=award_code, unit=unit, on_date=timezone.localdate())
    if decider_unit is not None and decider_unit.pk != route.unit.pk:
        raise ValidationError(routing.ERR_DECIDER_MISMATCH.format(
            given=decider_unit.name, award=award_name(award_code), decider=route.decider_name, unit=route.unit.name))
    nomination = Nomination.objects.create(
        unit=unit, decider_unit=route.unit, award_code=award_code, year=year, title=title,
        reason_text=reason_text, award_type=award_type, created_by=acting_user,
        decider_code=route.decider, decider_citation=route.citation, proposed_via=route.proposed_via,
    )
    audit_record(actor=acting_user, action="nomination.created", target=nomination, unit=unit,
                 data={"award_code": award_code, "year": year, "award_type": award_type,
                       "decider": route.decider, "decider_unit": route.unit.name, "citation": route.citation})
    return nomination


@transaction.atomic
def nomination_entry_add(*, nomination: Nomination, acting_user, achievement: str, person=None,
                         recipient_unit=None, household=None, override_reason: str = "") -> NominationEntry:
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
    # A unit proposes its own people and sub-units only, and only while they exist.
    if (scope_unit is None or not scope_unit.is_active or not scope_unit.path.startswith(nomination.unit.path)
            or not can(acting_user, Capability.VIEW, scope_unit)):
        raise ValidationError(ERR_RECIPIENT_SCOPE)
    # A title for individuals cannot go to a collective (and vice versa): such an entry could never
    # become a decision (the prize table has no line for it).
    award = rb_codes.CODES.get(nomination.award_code)
    if award is not None and award.recipient_kinds and kind not in award.recipient_kinds:
        raise ValidationError(ERR_RECIPIENT_KIND.format(award=award.name_vi,
                                                        kind=rb_codes.RECIPIENT_KINDS[kind].lower()))
    entry = NominationEntry.objects.create(
        nomination=nomination, recipient_kind=kind, person=person, recipient_unit=recipient_unit,
        household=household, display_name=display, position_text=position, achievement=achievement.strip(),
        override_reason=(override_reason or "").strip(),
        override_by=acting_user if (override_reason or "").strip() else None,
    )
    audit_record(actor=acting_user, action="nomination.entry_added", target=nomination, unit=nomination.unit,
                 data={"recipient": display, "kind": kind}, reason=entry.override_reason)
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
    entries = list(nomination.entries.select_related("person", "recipient_unit", "household"))
    if not entries:
        raise ValidationError(ERR_NO_ENTRIES)
    # Luật TĐKT 2022 Điều 5, 21-28, 73-75: an entry the rulebook finds not eligible goes forward only
    # on the proposer's explicit, reasoned responsibility; "cần xem xét" goes to the review (approval door).
    verdicts, blocked = {}, []
    today = timezone.localdate()
    for entry in entries:
        verdict = entry_verdict(entry, today)
        entry.verdict_status = verdict.status if verdict is not None else ""
        verdicts[entry.display_name] = entry.verdict_status
        if entry.verdict_status in OVERRIDE_STATUSES and not entry.override_reason.strip():
            blocked.append(f"{entry.display_name} ({rb_codes.STATUSES[entry.verdict_status].lower()})")
    if blocked:
        raise ValidationError(ERR_NEEDS_OVERRIDE.format(names="; ".join(blocked)))
    unfixed = [f"{e.display_name} ({e.return_reason})" for e in entries if e.return_reason]
    if unfixed:
        raise ValidationError(ERR_UNFIXED.format(names="; ".join(unfixed)))
    from .selectors import dossier_missing  # selectors import services' models only; avoid a cycle

    missing = dossier_missing(nomination)
    if missing:
        raise ValidationError(ERR_DOSSIER_MISSING.format(docs=", ".join(r.label for r in missing)))
    NominationEntry.objects.bulk_update(entries, ["verdict_status"])
    old = nomination.status
    nomination.status = NominationStatus.SUBMITTED
    nomination.submitted_at = timezone.now()
    nomination.return_reason = ""
    nomination.save(update_fields=["status", "submitted_at", "return_reason"])
    audit_record(actor=acting_user, action="nomination.submitted", target=nomination, unit=nomination.unit,
                 data={"old": {"status": old}, "new": {"status": nomination.status},
                       "decider_unit": nomination.decider_unit.name, "verdicts": verdicts,
                       "overrides": {e.display_name: e.override_reason for e in entries if e.override_reason},
                       "documents": list(nomination.documents.values_list("original_name", flat=True))})
    handoffs.submitted(nomination, acting_user)
    return nomination


@transaction.atomic
def nomination_approve(*, nomination: Nomination, acting_user, otp_verified: bool) -> Nomination:
    nomination = _lock(nomination)
    _require(acting_user, Capability.NOMINATION_APPROVE, nomination.decider_unit)
    second_factor_require(Capability.NOMINATION_APPROVE, otp_verified, "Phê duyệt (ký) đề nghị khen thưởng")
    if nomination.status != NominationStatus.SUBMITTED:
        raise ValidationError(ERR_NOT_SUBMITTED)
    missing = council_missing(nomination)
    if missing:
        council = _step(nomination, procedure.COUNCIL)
        raise ValidationError(ERR_COUNCIL_STEP.format(step=council.name_vi, citation=council.citation,
                                                      names=_names(missing)))
    unanswered = judgement_missing(nomination)
    if unanswered:
        raise ValidationError(ERR_JUDGEMENT_STEP.format(names=_names(unanswered), citation=JUDGEMENT_CITATION))
    nomination.status = NominationStatus.APPROVED
    nomination.approved_by = acting_user
    nomination.approved_at = timezone.now()
    nomination.save(update_fields=["status", "approved_by", "approved_at"])
    audit_record(actor=acting_user, action="nomination.approved", target=nomination, unit=nomination.decider_unit,
                 data={"old": {"status": "submitted"}, "new": {"status": "approved"}})
    handoffs.approved(nomination, acting_user)
    return nomination


def _step(nomination: Nomination, step_code: str, on: dt.date | None = None):
    return procedure.step(nomination.award_code, on or timezone.localdate(), step_code, rulebook_settings())


def _names(names: list[str], shown: int = 5) -> str:
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" và {more} người, tập thể khác" if more > 0 else "")


def council_missing(nomination: Nomination) -> list[str]:
    """Entries still without the council's "đề nghị", where the procedure requires the council."""
    if not _step(nomination, procedure.COUNCIL).required:
        return []
    return [e.display_name for e in nomination.entries.all() if e.council_result != CouncilResult.PASSED]


def judgement_answered(entry: NominationEntry) -> bool:
    return bool(entry.judgement_note.strip() or entry.override_reason.strip()
                or entry.council_result == CouncilResult.PASSED)


def judgement_missing(nomination: Nomination) -> list[str]:
    """Entries submitted as "cần xem xét" whose questions nobody has answered yet."""
    return [e.display_name for e in nomination.entries.all()
            if e.verdict_status == rb_codes.STATUS_NEEDS_JUDGEMENT and not judgement_answered(e)]


@transaction.atomic
def entry_judgement_record(*, entry: NominationEntry, note: str, acting_user) -> NominationEntry:
    """The answer to a "cần xem xét" verdict: by the proposing unit's review (bình xét) while it drafts, or by
    the deciding level once submitted; audited with what was found."""
    nomination = _lock(entry.nomination)
    if nomination.editable:
        _require(acting_user, Capability.NOMINATION_MANAGE, nomination.unit)
    elif nomination.status == NominationStatus.SUBMITTED:
        _require(acting_user, Capability.NOMINATION_APPROVE, nomination.decider_unit)
    else:
        raise ValidationError(ERR_NOT_SUBMITTED)
    note = (note or "").strip()
    if not note:
        raise ValidationError(ERR_JUDGEMENT_NOTE)
    entry = NominationEntry.objects.get(pk=entry.pk, nomination=nomination)
    status = entry.verdict_status or getattr(entry_verdict(entry, timezone.localdate()), "status", "")
    if status != rb_codes.STATUS_NEEDS_JUDGEMENT:
        raise ValidationError(ERR_JUDGEMENT_NOT_ASKED.format(name=entry.display_name))
    old = entry.judgement_note
    entry.judgement_note, entry.judgement_by, entry.judgement_at = note, acting_user, timezone.now()
    entry.save(update_fields=["judgement_note", "judgement_by", "judgement_at"])
    audit_record(actor=acting_user, action="nomination.entry_judged", target=nomination, unit=nomination.unit,
                 data={"recipient": entry.display_name, "old": {"judgement_note": old},
                       "new": {"judgement_note": note}}, reason=note)
    return entry


@transaction.atomic
def entry_council_result_set(*, entry: NominationEntry, passed: bool, basis: str, acting_user) -> NominationEntry:
    """The council's result for one entry: called by the council's doors (round_close, head_decide), which
    have checked the actor's place in the council (who counts a round, who chairs); this side checks that
    the nomination is still waiting for its decider, records and audits."""
    entry = NominationEntry.objects.select_for_update().select_related("nomination__decider_unit").get(pk=entry.pk)
    nomination = entry.nomination
    if nomination.status != NominationStatus.SUBMITTED:
        raise ValidationError(ERR_NOT_SUBMITTED)
    return _council_result_set(entry, passed, basis, acting_user)


def _council_result_set(entry, passed, basis, acting_user):
    old = entry.council_result
    entry.council_result = CouncilResult.PASSED if passed else CouncilResult.FAILED
    entry.council_basis = basis[:300]
    entry.save(update_fields=["council_result", "council_basis"])
    audit_record(actor=acting_user, action="nomination.council_result", target=entry.nomination,
                 unit=entry.nomination.decider_unit,
                 data={"recipient": entry.display_name, "old": {"council_result": old},
                       "new": {"council_result": entry.council_result}, "basis": entry.council_basis})
    return entry


@transaction.atomic
def nomination_council_minutes_record(*, nomination: Nomination, acting_user, met_on: dt.date, minutes,
                                      not_passed=()) -> Nomination:
    """A council meeting held outside the system: the deciding level's clerk records its date and who it
    did not propose, with the scanned minutes as proof (kept in the dossier). Audited per entry. Where the
    list must be disclosed before the council meets (State honours), the meeting must come after it."""
    nomination = _lock(nomination)
    unit = nomination.decider_unit
    if not (can(acting_user, Capability.COUNCIL_MANAGE, unit) or can(acting_user, Capability.NOMINATION_APPROVE, unit)):
        raise PermissionDenied(ERR_NO_PERMISSION)
    if nomination.status != NominationStatus.SUBMITTED:
        raise ValidationError(ERR_NOT_SUBMITTED)
    if met_on is None or met_on > timezone.localdate():
        raise ValidationError(ERR_MINUTES_DATE)
    if not minutes:
        raise ValidationError(ERR_MINUTES_PROOF)
    disclosure = _step(nomination, procedure.DISCLOSURE, met_on)
    if disclosure.required and disclosure.when == "before_council" \
            and not nomination.disclosures.filter(end__lt=met_on).exists():
        raise ValidationError(ERR_MINUTES_BEFORE_DISCLOSURE.format(step=disclosure.name_vi,
                                                                   citation=disclosure.citation))
    files.store(nomination, DocType.BIEN_BAN_HD, minutes, acting_user)
    failed = {getattr(e, "pk", e) for e in not_passed}
    basis = MINUTES_BASIS.format(day=format_date(met_on))
    for entry in nomination.entries.select_for_update():
        _council_result_set(entry, entry.pk not in failed, basis, acting_user)
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
    handoffs.returned(nomination, acting_user)
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
    if series == "decision":
        # Numbers held by decisions recorded from paper (awards.paper) are passed over, never drawn twice.
        held = set(Decision.objects.filter(issuer=issuer, year=year, number__gte=counter.last_number,
                                           source=DecisionSource.PAPER).values_list("number", flat=True))
        while counter.last_number in held:
            counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _symbol(issuer) -> str:
    return f"QĐ-{issuer.doc_symbol or 'UBND'}"


def _recipient_kind_for_money(kind: str) -> str:
    return {"individual": "individual", "collective": "collective", "household": "household"}[kind]


@transaction.atomic
def decision_issue(*, nomination: Nomination, acting_user, otp_verified: bool, issued_on: dt.date | None = None,
                   signer_name: str = "", signer_title: str = "", signer_prefix: str = "") -> Decision:
    nomination = _lock(nomination)
    issuer = nomination.decider_unit
    _require(acting_user, Capability.DECISION_ISSUE, issuer)
    second_factor_require(Capability.DECISION_ISSUE, otp_verified, "Ban hành quyết định khen thưởng")
    if nomination.status != NominationStatus.APPROVED:
        raise ValidationError(ERR_NOT_APPROVED)
    issued_on = issued_on or timezone.localdate()
    if nomination.approved_at and issued_on < timezone.localtime(nomination.approved_at).date():
        raise ValidationError(ERR_ISSUE_DATE)
    # The power must still exist on the decision date (e.g. districts lose theirs on 01/07/2025).
    if nomination.decider_code and not may_grant(nomination.decider_code, nomination.award_code, issued_on):
        raise ValidationError(ERR_NO_POWER.format(decider=rb_codes.DECIDERS[nomination.decider_code],
                                                  award=award_name(nomination.award_code),
                                                  day=format_date(issued_on)))
    disclosure = _step(nomination, procedure.DISCLOSURE, issued_on)
    if disclosure.required and not nomination.disclosures.exists():
        raise ValidationError(ERR_DISCLOSURE_STEP.format(step=disclosure.name_vi, citation=disclosure.citation))
    blocking = disclosure_blocking_reason(nomination, on=issued_on)
    if blocking:
        raise ValidationError(blocking)
    approver = nomination.approved_by
    signer_name = signer_name or full_name(approver) or issuer.head_name
    signer_title = signer_title or issuer.head_title or "Chủ tịch"
    number = counter_next(issuer=issuer, year=issued_on.year, series="decision")
    decision = Decision.objects.create(
        issuer=issuer, nomination=nomination, number=number, year=issued_on.year,
        symbol=_symbol(issuer), issued_on=issued_on,
        place=issuer.place_name or issuer.name, summary=decision_wording(nomination.award_code)["summary"],
        award_code=nomination.award_code, reason_text=nomination.reason_text,
        legal_bases=central_legal_bases(issuer_code=issuer.code) or decision_legal_bases(issuer=issuer, on=issued_on),
        signer=approver, signer_name=signer_name, signer_title=signer_title, signer_prefix=signer_prefix,
        issued_by=acting_user,
    )
    total = 0
    for entry in nomination.entries.select_related("person", "recipient_unit", "household"):
        try:
            prize = rb_money.prize(nomination.award_code, _recipient_kind_for_money(entry.recipient_kind), issued_on)
        except RulebookError as exc:
            # e.g. a date no prize table covers: the whole issuance rolls back, nothing numbered.
            raise ValidationError(str(exc)) from exc
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
    handoffs.decided(nomination, decision, acting_user)
    return decision


# ---------------------------------------------------------------------------- eligibility

# Only "chưa đủ điều kiện" goes forward on the proposer's reasoned responsibility (an override);
# "cần xem xét" is the question the review answers (entry_judgement_record, or the council's ballot).
OVERRIDE_STATUSES = (rb_codes.STATUS_NOT_ELIGIBLE,)


def entry_verdict(entry: NominationEntry, decision_date: dt.date):
    """The rulebook verdict for one entry (awards.eligibility), or None where the rulebook has
    no rule for this award and recipient (e.g. orders)."""
    try:
        return eligibility.verdict_for_entry(entry, decision_date)
    except RulebookError:
        # No rule set covers the date (before the 2022 law took effect): nothing to check automatically.
        return None


@transaction.atomic
def nomination_entry_override(*, entry: NominationEntry, acting_user, reason: str) -> NominationEntry:
    nomination = _lock(entry.nomination)
    _require(acting_user, Capability.NOMINATION_MANAGE, nomination.unit)
    if not nomination.editable:
        raise ValidationError(ERR_NOT_EDITABLE)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(ERR_OVERRIDE_REASON)
    entry = NominationEntry.objects.get(pk=entry.pk, nomination=nomination)
    verdict = entry_verdict(entry, timezone.localdate())
    old = entry.override_reason
    entry.override_reason, entry.override_by = reason, acting_user
    entry.save(update_fields=["override_reason", "override_by"])
    audit_record(actor=acting_user, action="nomination.entry_override", target=nomination, unit=nomination.unit,
                 data={"recipient": entry.display_name, "verdict": verdict.status if verdict else "",
                       "old": {"override_reason": old}, "new": {"override_reason": reason}}, reason=reason)
    return entry


# ---------------------------------------------------------------------------- dossier

# Leading bytes of each allowed type: a renamed .exe is not a PDF.


@transaction.atomic
def dossier_document_add(*, nomination: Nomination, doc_type: str, file, acting_user) -> DossierDocument:
    nomination = _lock(nomination)
    _require(acting_user, Capability.NOMINATION_MANAGE, nomination.unit)
    if not nomination.editable:
        raise ValidationError(ERR_NOT_EDITABLE)
    if doc_type not in DocType.values:
        raise ValidationError(ERR_DOC_TYPE)
    doc = files.store(nomination, doc_type, file, acting_user)
    audit_record(actor=acting_user, action="dossier.document_added", target=nomination, unit=nomination.unit,
                 data={"doc_type": doc_type, "file": doc.original_name, "size": file.size})
    return doc


@transaction.atomic
def dossier_document_remove(*, document: DossierDocument, acting_user) -> None:
    nomination = _lock(document.nomination)
    _require(acting_user, Capability.NOMINATION_MANAGE, nomination.unit)
    if not nomination.editable:
        raise ValidationError(ERR_NOT_EDITABLE)
    name, doc_type = document.original_name, document.doc_type
    stored = document.file.name
    document.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: document.file.storage.delete(stored))
    audit_record(actor=acting_user, action="dossier.document_removed", target=nomination, unit=nomination.unit,
                 data={"doc_type": doc_type, "file": name})


@transaction.atomic
def submission_letter_generate(*, nomination: Nomination, acting_user) -> DossierDocument:
    """The Tờ trình (NĐ 30/2020 layout) generated from the nomination and kept in its dossier.
    Numbered once in the proposing unit's TTr series; regenerating after a return keeps the number."""
    from . import documents  # documents imports the models; keep the import local to the door

    nomination = _lock(nomination)
    _require(acting_user, Capability.NOMINATION_MANAGE, nomination.unit)
    if not nomination.editable:
        raise ValidationError(ERR_NOT_EDITABLE)
    if not nomination.entries.exists():
        raise ValidationError(ERR_NO_ENTRIES)
    today = timezone.localdate()
    previous = nomination.documents.filter(doc_type=DocType.TO_TRINH, generated=True).first()
    number = previous.number if previous else counter_next(issuer=nomination.unit, year=today.year, series="TTr")
    content = documents.submission_letter_docx(nomination, number=number, on=today)
    name = f"to-trinh-{number:02d}-{today.year}.docx"
    if previous:
        old_file = previous.file.name
        previous.delete()
        transaction.on_commit(lambda: previous.file.storage.delete(old_file))
    doc = DossierDocument(nomination=nomination, doc_type=DocType.TO_TRINH, original_name=name, size=len(content),
                          generated=True, number=number, uploaded_by=acting_user)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    audit_record(actor=acting_user, action="dossier.letter_generated", target=nomination, unit=nomination.unit,
                 data={"number": f"{number:02d}/TTr-{nomination.unit.doc_symbol or 'UBND'}", "file": name})
    return doc


# ---------------------------------------------------------------------------- revocation

@transaction.atomic
def decision_revoke(*, decision: Decision, acting_user, otp_verified: bool, ground: str, reason: str, grants=None,
                    issued_on: dt.date | None = None, signer_name: str = "", signer_title: str = "") -> Decision:
    """Luật TĐKT 2022 Điều 93: the granting official cancels the award by a new decision, numbered in
    the same series; the grants are marked revoked and the money and items listed for recovery."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    issuer = decision.issuer
    _require(acting_user, Capability.DECISION_ISSUE, issuer)
    second_factor_require(Capability.DECISION_ISSUE, otp_verified, "Ban hành quyết định hủy bỏ khen thưởng")
    if decision.kind != DecisionKind.AWARD:
        raise ValidationError(ERR_REVOKE_KIND)
    if ground not in RevocationGround.values:
        raise ValidationError(ERR_REVOKE_GROUND)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(ERR_REVOKE_REASON)
    valid = decision.grants.select_for_update().filter(status=GrantStatus.VALID)
    if grants is not None:
        valid = valid.filter(pk__in=[g.pk if hasattr(g, "pk") else g for g in grants])
    targets = list(valid.order_by("id"))
    if not targets:
        raise ValidationError(ERR_REVOKE_GRANTS)
    issued_on = issued_on or timezone.localdate()
    if issued_on < decision.issued_on:
        raise ValidationError(ERR_REVOKE_DATE)
    number = counter_next(issuer=issuer, year=issued_on.year, series="decision")
    whole = len(targets) == decision.grants.count()
    summary = (f"Về việc hủy bỏ Quyết định số {decision.number_text} ngày {decision.issued_on:%d/%m/%Y}"
               if whole else
               f"Về việc hủy bỏ một phần Quyết định số {decision.number_text} ngày {decision.issued_on:%d/%m/%Y}")
    bases = list(central_legal_bases(issuer_code=issuer.code) or decision_legal_bases(issuer=issuer, on=issued_on))
    bases.insert(-1, REVOCATION_BASIS)
    revocation = Decision.objects.create(
        kind=DecisionKind.REVOCATION, revokes=decision, revocation_ground=ground, revocation_reason=reason,
        issuer=issuer, number=number, year=issued_on.year, symbol=_symbol(issuer), issued_on=issued_on,
        place=issuer.place_name or issuer.name, summary=summary, award_code=decision.award_code,
        legal_bases=bases, signer=acting_user,
        signer_name=signer_name or decision.signer_name or issuer.head_name,
        signer_title=signer_title or decision.signer_title or issuer.head_title or "Chủ tịch",
        signer_prefix=decision.signer_prefix, total_amount=sum(g.amount for g in targets), issued_by=acting_user,
    )
    Grant.objects.filter(pk__in=[g.pk for g in targets]).update(status=GrantStatus.REVOKED, revoked_by=revocation)
    recover = [{"recipient": g.display_name, "amount": g.amount, "item": recovery_item(g.award_code),
                "golden_book_number": g.golden_book_number} for g in targets]
    audit_record(actor=acting_user, action="decision.revocation_issued", target=revocation, unit=issuer,
                 data={"number": revocation.number_text, "revokes": decision.number_text, "ground": ground,
                       "recover": recover, "total_amount": revocation.total_amount}, reason=reason)
    audit_record(actor=acting_user, action="decision.revoked", target=decision, unit=issuer,
                 data={"by": revocation.number_text, "grants": [g.display_name for g in targets],
                       "old": {"status": GrantStatus.VALID}, "new": {"status": GrantStatus.REVOKED}},
                 reason=reason)
    return revocation


# ---------------------------------------------------------------------------- dossier checklist (configuration)

DOSSIER_FIELDS = ("province", "award_code", "award_type", "doc_type", "required", "note")


@transaction.atomic
def dossier_requirement_set(*, acting_user, requirement: DossierRequirement | None = None, **fields
                            ) -> DossierRequirement:
    """A province's (or the national) dossier checklist line: created, or changed in place. Only an
    administrator configures it (domain §7: lower-title dossiers are set locally)."""
    if not getattr(acting_user, "is_superuser", False):
        raise PermissionDenied(ERR_NO_PERMISSION)
    unknown = set(fields) - set(DOSSIER_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    if requirement is None:
        requirement = DossierRequirement(**fields)
        old = {}
    else:
        requirement = DossierRequirement.objects.select_for_update().get(pk=requirement.pk)
        old = {k: str(getattr(requirement, k)) for k in fields}
        for key, value in fields.items():
            setattr(requirement, key, value)
    requirement.save()
    audit_record(actor=acting_user, action="dossier_requirement.set", target=requirement,
                 unit=requirement.province, data={"old": old, "new": {k: str(v) for k, v in fields.items()}})
    return requirement


@transaction.atomic
def dossier_requirement_delete(*, acting_user, requirement: DossierRequirement) -> None:
    if not getattr(acting_user, "is_superuser", False):
        raise PermissionDenied(ERR_NO_PERMISSION)
    requirement = DossierRequirement.objects.select_for_update().get(pk=requirement.pk)
    audit_record(actor=acting_user, action="dossier_requirement.deleted", target=requirement, unit=requirement.province,
                 data={"award_code": requirement.award_code, "doc_type": requirement.doc_type})
    requirement.delete()
