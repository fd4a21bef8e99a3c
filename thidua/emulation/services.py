"""Doors for the emulation half of the cycle. Each is atomic, checks its rule and role, changes state and
writes an AuditEntry. Nothing else writes emulation rows."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.access import can, users_with
from thidua.accounts.models import Capability, RoleAssignment
from thidua.audit.services import audit_record
from thidua.core.errors import ERR_NO_PERMISSION, ERR_RETURN_REASON
from thidua.core.uploads import check_upload
from thidua.formatting import format_date
from thidua.notifications.services import notify
from thidua.org.models import Level
from thidua.rulebook import codes

from . import selectors
from .models import (
    Cluster,
    ClusterMember,
    Criterion,
    Movement,
    MovementContent,
    MovementKind,
    Period,
    Pledge,
    PledgeSignature,
    PledgeTarget,
    Registration,
    RegistrationStatus,
    RegistrationWindow,
    Result,
    Review,
    Scorecard,
    ScorecardStatus,
    ScoreLine,
    Target,
)

ERR_TITLE = "Phải nhập tên phong trào."
ERR_DATES = "Phong trào theo đợt phải có ngày bắt đầu; ngày kết thúc không được trước ngày bắt đầu."
ERR_ADOPT_SCOPE = "Chỉ đơn vị cấp dưới của đơn vị phát động mới hưởng ứng được phong trào này."
ERR_ADOPT_TWICE = "Đơn vị đã hưởng ứng phong trào này."
ERR_TARGET_NAME = "Phải nhập tên chỉ tiêu."
ERR_NOT_NUMBER = "Giá trị “{value}” không phải là số (ví dụ: 1250 hoặc 12,5)."
ERR_NEGATIVE = "Giá trị không được âm."
ERR_RESULT_SCOPE = "Đơn vị báo cáo phải là đơn vị phát động hoặc đơn vị cấp dưới của đơn vị phát động."
ERR_PERIOD_MIX = "Đơn vị đã báo cáo chỉ tiêu này năm {year} theo {have}; không trộn báo cáo cả năm với báo cáo quý."
ERR_DEADLINE = "Đã hết hạn đăng ký thi đua năm {year} của phong trào “{movement}” (hạn cuối {deadline})."
ERR_REG_CODE_PERSON = "Danh hiệu “{code}” không phải danh hiệu thi đua cá nhân."
ERR_REG_CODE_UNIT = "Danh hiệu “{code}” không phải danh hiệu thi đua tập thể."
ERR_REG_PERSON_SCOPE = "{name} không thuộc đơn vị đăng ký."
ERR_REG_DUPLICATE = "{name} đã đăng ký thi đua năm {year} trong phong trào này."
ERR_REG_MOVEMENT_SCOPE = "Đơn vị chỉ đăng ký theo phong trào của mình hoặc cấp trên đã phát động."
ERR_REG_EMPTY = "Chưa có dòng đăng ký nào."
ERR_REG_NOT_SUBMITTED = "Chỉ duyệt hoặc trả lại được đăng ký đang chờ duyệt."
ERR_CLUSTER_MEMBERS = "Cụm phải có ít nhất hai đơn vị thành viên."
ERR_CLUSTER_LEADER = "Cụm trưởng và cụm phó phải là hai đơn vị thành viên khác nhau của cụm."
ERR_CLUSTER_SCOPE = "Đơn vị thành viên phải thuộc phạm vi của cấp tổ chức cụm."
ERR_NOT_LEADER = "Chỉ đơn vị cụm trưởng được sửa dữ liệu của cụm."
ERR_PLEDGE_SIGNED = "Giao ước đã có đơn vị ký, không sửa được nữa."
ERR_PLEDGE_TARGET_UNIT = "Chỉ tiêu riêng phải gắn với một đơn vị thành viên của cụm."
ERR_NOT_MEMBER_HEAD = "Chỉ người đứng đầu một đơn vị thành viên của cụm mới được ký giao ước."
ERR_ALREADY_SIGNED = "{unit} đã ký giao ước này."
ERR_NO_PLEDGE = "Cụm chưa có giao ước để ký."
ERR_CRITERION = "Mã và tên tiêu chí là bắt buộc; mã không được trùng."
ERR_CRITERIA_LOCKED = "Đã có đơn vị gửi bảng điểm, không sửa được bộ tiêu chí."
ERR_SCORE_MAX = "Điểm tiêu chí “{criterion}” phải từ 0 đến {max}."
ERR_SCORE_LEAF = "Chỉ chấm điểm ở tiêu chí chi tiết (không có tiêu chí con)."
ERR_SCORE_NOT_MEMBER = "Đơn vị không phải thành viên của cụm."
ERR_SCORE_LOCKED = "Bảng điểm đã gửi, không tự chấm lại được."
ERR_EVIDENCE_MISSING = "Thiếu minh chứng cho tiêu chí: {names}."
ERR_NOT_SUBMITTED = "Bảng điểm chưa được gửi thẩm định."
ERR_OWN_REVIEW = ("Đơn vị không được tự thẩm định điểm của mình; cụm trưởng (hoặc cụm phó với bảng điểm của "
                  "cụm trưởng) hay cấp tỉnh thẩm định.")
ERR_ADJUST_REASON = "Phải ghi rõ lý do điều chỉnh điểm."
ERR_ONLY_ORGANISER = "Chỉ cấp tổ chức cụm (cấp tỉnh) được thực hiện thao tác này."


def _require(user, capability, unit):
    if not can(user, capability, unit):
        raise PermissionDenied(ERR_NO_PERMISSION)


def _manage(user, unit):
    _require(user, Capability.EMULATION_MANAGE, unit)


def parse_number(value) -> Decimal:
    """Accepts 1250, "1.250" (Vietnamese thousands), "12,5" (Vietnamese decimal comma)."""
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    text = str(value or "").strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") > 1 or (text.count(".") == 1 and len(text.split(".")[1]) == 3):
        text = text.replace(".", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(ERR_NOT_NUMBER.format(value=value)) from None
    if not number.is_finite():
        raise ValidationError(ERR_NOT_NUMBER.format(value=value))
    return number


def decimal_text(value) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


# ---- movements ----------------------------------------------------------------------------------

@transaction.atomic
def movement_launch(*, acting_user, launched_by, title: str, year: int, kind: str = MovementKind.REGULAR,
                    start_date=None, end_date=None, theme: str = "", ordinal_style: str = "mot_la",
                    contents=(), document=None, document_ref: str = "") -> Movement:
    _manage(acting_user, launched_by)
    if not (title or "").strip():
        raise ValidationError(ERR_TITLE)
    if kind == MovementKind.THEMATIC and (start_date is None or (end_date and end_date < start_date)):
        raise ValidationError(ERR_DATES)
    if document:
        check_upload(document)
    movement = Movement.objects.create(
        launched_by=launched_by, title=title.strip(), kind=kind, year=year, start_date=start_date,
        end_date=end_date, theme=theme.strip(), ordinal_style=ordinal_style, document_ref=document_ref,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    if document:
        movement.document.save(document.name, document, save=True)
    texts = [t.strip() for t in contents if t and t.strip()]
    MovementContent.objects.bulk_create(
        MovementContent(movement=movement, number=i, text=t) for i, t in enumerate(texts, start=1))
    audit_record(actor=acting_user, action="movement.launched", target=movement, unit=launched_by,
                 data={"title": movement.title, "kind": kind, "year": year, "contents": len(texts),
                       "theme": movement.theme})
    return movement


@transaction.atomic
def movement_adopt(*, acting_user, movement: Movement, unit, contents=(), theme: str = "") -> Movement:
    """A lower unit adopts (hưởng ứng) a higher movement: its own row, its own targets, same title."""
    _manage(acting_user, unit)
    source = movement.launched_by
    below = unit.path.startswith(source.path) and unit.pk != source.pk
    if not (below or source.level == Level.CENTRAL) or unit.pk == source.pk:
        raise ValidationError(ERR_ADOPT_SCOPE)
    if Movement.objects.filter(parent=movement, launched_by=unit).exists():
        raise ValidationError(ERR_ADOPT_TWICE)
    adopted = Movement.objects.create(
        launched_by=unit, parent=movement, title=movement.title, kind=movement.kind, year=movement.year,
        start_date=movement.start_date, end_date=movement.end_date, theme=(theme or movement.theme).strip(),
        ordinal_style=movement.ordinal_style,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    texts = [t.strip() for t in contents if t and t.strip()]
    MovementContent.objects.bulk_create(
        MovementContent(movement=adopted, number=i, text=t) for i, t in enumerate(texts, start=1))
    audit_record(actor=acting_user, action="movement.adopted", target=adopted, unit=unit,
                 data={"parent": movement.pk, "title": movement.title})
    return adopted


@transaction.atomic
def target_add(*, acting_user, movement: Movement, name: str, measure: str = "", planned_value=None,
               higher_is_better: bool = True) -> Target:
    _manage(acting_user, movement.launched_by)
    if not (name or "").strip():
        raise ValidationError(ERR_TARGET_NAME)
    planned = None if planned_value in (None, "") else parse_number(planned_value)
    number = movement.targets.count() + 1
    target = Target.objects.create(movement=movement, number=number, name=name.strip(), measure=measure.strip(),
                                   planned_value=planned, higher_is_better=higher_is_better)
    audit_record(actor=acting_user, action="target.added", target=movement, unit=movement.launched_by,
                 data={"target": target.name, "measure": target.measure,
                       "planned": decimal_text(planned) if planned is not None else "", "higher_is_better": higher_is_better})
    return target


@transaction.atomic
def result_report(*, acting_user, target: Target, unit, year: int, value, period: str = Period.YEAR,
                  note: str = "") -> Result:
    _manage(acting_user, unit)
    launched_by = target.movement.launched_by
    if not unit.path.startswith(launched_by.path):
        raise ValidationError(ERR_RESULT_SCOPE)
    number = parse_number(value)
    if number < 0:
        raise ValidationError(ERR_NEGATIVE)
    others = Result.objects.filter(target=target, unit=unit, year=year).exclude(period=period)
    if others.exists() and (period == Period.YEAR or others.filter(period=Period.YEAR).exists()):
        have = "cả năm" if period != Period.YEAR else "quý"
        raise ValidationError(ERR_PERIOD_MIX.format(year=year, have=have))
    existing = Result.objects.select_for_update().filter(target=target, unit=unit, year=year, period=period).first()
    old = decimal_text(existing.value) if existing else ""
    result, _ = Result.objects.update_or_create(
        target=target, unit=unit, year=year, period=period,
        defaults={"value": number, "note": note.strip(),
                  "reported_by": acting_user if getattr(acting_user, "is_authenticated", False) else None},
    )
    audit_record(actor=acting_user, action="result.reported", target=target.movement, unit=unit,
                 data={"old": {"value": old}, "new": {"value": decimal_text(number)}, "target": target.name,
                       "year": year, "period": period, "unit": unit.name})
    return result


@transaction.atomic
def review_create(*, acting_user, unit, year: int, kind: str, held_on: dt.date, movement=None,
                  number_text: str = "") -> Review:
    _manage(acting_user, unit)
    if movement is not None and movement.launched_by_id != unit.pk:
        raise ValidationError(ERR_NO_PERMISSION)
    review = Review.objects.create(unit=unit, movement=movement, year=year, kind=kind, held_on=held_on,
                                   number_text=number_text.strip(),
                                   created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None)
    audit_record(actor=acting_user, action="review.created", target=review, unit=unit,
                 data={"kind": kind, "year": year, "held_on": held_on.isoformat()})
    return review


# ---- registration -------------------------------------------------------------------------------

@transaction.atomic
def registration_window_set(*, acting_user, movement: Movement, year: int, deadline: dt.date) -> RegistrationWindow:
    _manage(acting_user, movement.launched_by)
    window = RegistrationWindow.objects.filter(movement=movement, year=year).first()
    old = window.deadline.isoformat() if window else ""
    window, _ = RegistrationWindow.objects.update_or_create(movement=movement, year=year,
                                                            defaults={"deadline": deadline})
    audit_record(actor=acting_user, action="registration.deadline_set", target=movement, unit=movement.launched_by,
                 data={"old": {"deadline": old}, "new": {"deadline": deadline.isoformat()}, "year": year})
    return window


def _check_deadline(movement, year):
    window = RegistrationWindow.objects.filter(movement=movement, year=year).first()
    if window and timezone.localdate() > window.deadline:
        raise ValidationError(ERR_DEADLINE.format(year=year, movement=movement.title,
                                                  deadline=format_date(window.deadline)))


def registration_row_errors(*, movement, year, unit, person, award_code) -> list[str]:
    """Why one registration row would be refused ([] if fine); shared by the page, the Excel import and the API."""
    errors = []
    award = codes.CODES.get(award_code)
    if person is not None:
        if award is None or award.category != codes.TITLE or codes.INDIVIDUAL not in award.recipient_kinds:
            errors.append(ERR_REG_CODE_PERSON.format(code=award_code))
        if person.current_unit is None or not person.current_unit.path.startswith(unit.path):
            errors.append(ERR_REG_PERSON_SCOPE.format(name=person.full_name))
        dup = Registration.objects.filter(movement=movement, year=year, person=person)
        name = person.full_name
    else:
        if award is None or award.category != codes.TITLE or codes.COLLECTIVE not in award.recipient_kinds:
            errors.append(ERR_REG_CODE_UNIT.format(code=award_code))
        dup = Registration.objects.filter(movement=movement, year=year, unit=unit, person__isnull=True)
        name = unit.name
    if dup.exclude(status=RegistrationStatus.RETURNED).exists():
        errors.append(ERR_REG_DUPLICATE.format(name=name, year=year))
    return errors


@transaction.atomic
def registration_submit(*, acting_user, movement: Movement, year: int, unit, rows) -> list[Registration]:
    """Register the unit's collective title and its people's titles in one go; rows = [(person|None, code)].
    All or nothing: any bad row refuses the whole batch."""
    _manage(acting_user, unit)
    if not unit.path.startswith(movement.launched_by.path) and movement.launched_by.level != Level.CENTRAL:
        raise ValidationError(ERR_REG_MOVEMENT_SCOPE)
    _check_deadline(movement, year)
    rows = [(p, c) for p, c in rows if c]
    if not rows:
        raise ValidationError(ERR_REG_EMPTY)
    errors, seen = [], set()
    for person, code in rows:
        key = person.pk if person else None
        if key in seen:
            errors.append(ERR_REG_DUPLICATE.format(name=person.full_name if person else unit.name, year=year))
        seen.add(key)
        errors.extend(registration_row_errors(movement=movement, year=year, unit=unit, person=person,
                                              award_code=code))
    if errors:
        raise ValidationError(errors)
    made = []
    for person, code in rows:
        reg = Registration.objects.filter(movement=movement, year=year, unit=unit, person=person,
                                          status=RegistrationStatus.RETURNED).first()
        if reg:
            reg.award_code, reg.status, reg.return_reason = code, RegistrationStatus.SUBMITTED, ""
            reg.save(update_fields=["award_code", "status", "return_reason"])
        else:
            reg = Registration.objects.create(movement=movement, year=year, unit=unit, person=person,
                                              award_code=code, created_by=acting_user)
        audit_record(actor=acting_user, action="registration.submitted", target=reg, unit=unit,
                     data={"award_code": code, "year": year, "person": person.full_name if person else ""})
        made.append(reg)
    if unit.parent_id:  # the level above approves (_approver_check)
        notify(users_with(Capability.EMULATION_MANAGE, unit.parent),
               text=f"{unit.name} đăng ký {len(made)} danh hiệu thi đua năm {year} (“{movement.title}”): chờ duyệt.",
               kind="registration.submitted", url=reverse("emulation:home"), actor=acting_user)
    return made


def _approver_check(acting_user, registration):
    # The level above approves: the registering unit's own staff may not approve themselves.
    parent = registration.unit.parent
    if parent is None or not can(acting_user, Capability.EMULATION_MANAGE, parent):
        raise PermissionDenied(ERR_NO_PERMISSION)


@transaction.atomic
def registration_approve(*, acting_user, registration: Registration) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    _approver_check(acting_user, registration)
    if registration.status != RegistrationStatus.SUBMITTED:
        raise ValidationError(ERR_REG_NOT_SUBMITTED)
    registration.status = RegistrationStatus.APPROVED
    registration.decided_by, registration.decided_at = acting_user, timezone.now()
    registration.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(actor=acting_user, action="registration.approved", target=registration, unit=registration.unit,
                 data={"old": {"status": "submitted"}, "new": {"status": "approved"}})
    _tell_registrant(registration, acting_user, "đã được duyệt.")
    return registration


@transaction.atomic
def registration_return(*, acting_user, registration: Registration, reason: str) -> Registration:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    _approver_check(acting_user, registration)
    if registration.status != RegistrationStatus.SUBMITTED:
        raise ValidationError(ERR_REG_NOT_SUBMITTED)
    if not (reason or "").strip():
        raise ValidationError(ERR_RETURN_REASON)
    registration.status, registration.return_reason = RegistrationStatus.RETURNED, reason.strip()
    registration.decided_by, registration.decided_at = acting_user, timezone.now()
    registration.save(update_fields=["status", "return_reason", "decided_by", "decided_at"])
    audit_record(actor=acting_user, action="registration.returned", target=registration, unit=registration.unit,
                 data={"old": {"status": "submitted"}, "new": {"status": "returned"}}, reason=reason.strip())
    _tell_registrant(registration, acting_user, f"bị trả lại: {registration.return_reason}")
    return registration


def _tell_registrant(registration, actor, outcome: str):
    who = registration.person.full_name if registration.person_id else registration.unit.name
    notify(users_with(Capability.EMULATION_MANAGE, registration.unit),
           text=f"Đăng ký {registration.award_code} năm {registration.year} của {who} {outcome}",
           kind="registration.decided", url=reverse("emulation:home"), actor=actor)


# ---- clusters and pledges -----------------------------------------------------------------------

@transaction.atomic
def cluster_create(*, acting_user, organiser, name: str, year: int, members, leader, deputy=None,
                   kind: str = "cum", women_led=(), regulation=None) -> Cluster:
    _manage(acting_user, organiser)
    members = list(members)
    if len(members) < 2:
        raise ValidationError(ERR_CLUSTER_MEMBERS)
    if any(not m.path.startswith(organiser.path) for m in members):
        raise ValidationError(ERR_CLUSTER_SCOPE)
    if leader not in members or (deputy is not None and (deputy not in members or deputy == leader)):
        raise ValidationError(ERR_CLUSTER_LEADER)
    if regulation:
        check_upload(regulation)
    cluster = Cluster.objects.create(organiser=organiser, name=name.strip(), year=year, kind=kind, leader=leader,
                                     deputy=deputy, created_by=acting_user)
    women = {u.pk for u in women_led}
    ClusterMember.objects.bulk_create(ClusterMember(cluster=cluster, unit=u, order=i, women_led=u.pk in women)
                                      for i, u in enumerate(members, start=1))
    if regulation:
        cluster.regulation.save(regulation.name, regulation, save=True)
    audit_record(actor=acting_user, action="cluster.created", target=cluster, unit=organiser,
                 data={"members": [m.name for m in members], "leader": leader.name,
                       "deputy": deputy.name if deputy else ""})
    return cluster


def _require_leader(acting_user, cluster):
    if not selectors.is_leader_clerk(acting_user, cluster):
        raise PermissionDenied(ERR_NOT_LEADER)


@transaction.atomic
def cluster_regulation_set(*, acting_user, cluster: Cluster, regulation) -> Cluster:
    _require_leader(acting_user, cluster)
    check_upload(regulation)
    old = cluster.regulation.name
    cluster.regulation.save(regulation.name, regulation, save=True)
    audit_record(actor=acting_user, action="cluster.regulation_set", target=cluster, unit=cluster.leader,
                 data={"old": {"regulation": old}, "new": {"regulation": cluster.regulation.name}})
    return cluster


@transaction.atomic
def pledge_save(*, acting_user, cluster: Cluster, title: str, common_targets=(), unit_targets=None) -> Pledge:
    """Write the pledge text and targets (common, and per member unit: {unit: [text, …]})."""
    _require_leader(acting_user, cluster)
    pledge = Pledge.objects.select_for_update().filter(cluster=cluster).first()
    if pledge and pledge.signatures.exists():
        raise ValidationError(ERR_PLEDGE_SIGNED)
    member_ids = set(cluster.members.values_list("unit_id", flat=True))
    unit_targets = unit_targets or {}
    if any(u.pk not in member_ids for u in unit_targets):
        raise ValidationError(ERR_PLEDGE_TARGET_UNIT)
    if pledge is None:
        pledge = Pledge.objects.create(cluster=cluster, title=title.strip())
    else:
        pledge.title = title.strip()
        pledge.save(update_fields=["title"])
        pledge.targets.all().delete()
    rows = [PledgeTarget(pledge=pledge, unit=None, text=t.strip()) for t in common_targets if t.strip()]
    for unit, texts in unit_targets.items():
        rows += [PledgeTarget(pledge=pledge, unit=unit, text=t.strip()) for t in texts if t.strip()]
    PledgeTarget.objects.bulk_create(rows)
    audit_record(actor=acting_user, action="pledge.saved", target=cluster, unit=cluster.leader,
                 data={"title": pledge.title, "targets": len(rows)})
    return pledge


def signable_units(user, cluster):
    """Member units on which the user holds the head role (the one who signs for the unit)."""
    if not getattr(user, "is_authenticated", False):
        return []
    member_ids = set(cluster.members.values_list("unit_id", flat=True))
    ids = RoleAssignment.objects.filter(user=user, role__code="head", unit_id__in=member_ids).values_list(
        "unit_id", flat=True)
    return list(cluster.members.filter(unit_id__in=ids).select_related("unit").values_list("unit", flat=True))


@transaction.atomic
def pledge_sign(*, acting_user, pledge: Pledge, unit=None) -> PledgeSignature:
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    cluster = pledge.cluster
    allowed = signable_units(acting_user, cluster)
    if unit is not None:
        allowed = [pk for pk in allowed if pk == unit.pk]
    else:
        signed = set(pledge.signatures.values_list("unit_id", flat=True))
        allowed = [pk for pk in allowed if pk not in signed] or allowed
    if not allowed:
        raise ValidationError(ERR_NOT_MEMBER_HEAD)
    unit = cluster.members.get(unit_id=allowed[0]).unit
    if pledge.signatures.filter(unit=unit).exists():
        raise ValidationError(ERR_ALREADY_SIGNED.format(unit=unit.name))
    signature = PledgeSignature.objects.create(pledge=pledge, unit=unit, signed_by=acting_user,
                                               signer_name=_vn_name(acting_user),
                                               signed_at=timezone.now())
    if pledge.signed_on is None:
        pledge.signed_on = timezone.localdate()
        pledge.save(update_fields=["signed_on"])
    audit_record(actor=acting_user, action="pledge.signed", target=cluster, unit=unit,
                 data={"unit": unit.name, "signer": signature.signer_name})
    return signature


def _vn_name(user) -> str:
    """Vietnamese order: family and middle names first ("Võ Thanh Tuấn")."""
    return " ".join(p for p in [user.last_name, user.first_name] if p) or user.username


# ---- scorecards and ranking ---------------------------------------------------------------------

@transaction.atomic
def criterion_add(*, acting_user, cluster: Cluster, code: str, name: str, max_points, kind: str = "normal",
                  parent=None, evidence_required: bool = False, tie_key: str = "") -> Criterion:
    _require_leader(acting_user, cluster)
    if cluster.scorecards.exclude(status=ScorecardStatus.DRAFT).exists():
        raise ValidationError(ERR_CRITERIA_LOCKED)
    code, name = (code or "").strip(), (name or "").strip()
    if not code or not name or cluster.criteria.filter(code=code).exists():
        raise ValidationError(ERR_CRITERION)
    points = parse_number(max_points)
    if points < 0:
        raise ValidationError(ERR_NEGATIVE)
    if parent is not None and parent.cluster_id != cluster.pk:
        raise ValidationError(ERR_CRITERION)
    criterion = Criterion.objects.create(cluster=cluster, parent=parent, code=code, name=name, kind=kind,
                                         max_points=points, evidence_required=evidence_required, tie_key=tie_key,
                                         order=cluster.criteria.count() + 1)
    audit_record(actor=acting_user, action="criterion.added", target=cluster, unit=cluster.leader,
                 data={"code": code, "name": name, "max": decimal_text(points), "kind": kind})
    return criterion


def _check_points(criterion, value) -> Decimal:
    points = parse_number(value)
    if points < 0 or points > criterion.max_points:
        raise ValidationError(ERR_SCORE_MAX.format(criterion=criterion.name, max=decimal_text(criterion.max_points)))
    return points


def _refresh_totals(scorecard):
    scorecard.self_total = selectors.scorecard_totals(scorecard, final=False)["total"]
    if scorecard.status == ScorecardStatus.REVIEWED:
        scorecard.final_total = selectors.scorecard_totals(scorecard, final=True)["total"]
    scorecard.save(update_fields=["self_total", "final_total"])


@transaction.atomic
def scorecard_self_score(*, acting_user, cluster: Cluster, unit, points: dict, evidence=None) -> Scorecard:
    """Each unit scores itself: points = {criterion: value}; evidence = {criterion: uploaded file}."""
    _manage(acting_user, unit)
    if not cluster.members.filter(unit=unit).exists():
        raise ValidationError(ERR_SCORE_NOT_MEMBER)
    scorecard, _ = Scorecard.objects.get_or_create(cluster=cluster, unit=unit)
    scorecard = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
    if scorecard.status != ScorecardStatus.DRAFT:
        raise ValidationError(ERR_SCORE_LOCKED)
    leaves = {c.pk: c for c in selectors.leaf_criteria(cluster)}
    evidence = evidence or {}
    parsed, errors = {}, []
    for criterion, value in points.items():
        if criterion.pk not in leaves:
            errors.append(ERR_SCORE_LEAF)
            continue
        if value in (None, ""):
            continue
        try:
            parsed[criterion] = _check_points(criterion, value)
        except ValidationError as exc:
            errors.extend(exc.messages)
    for f in evidence.values():
        try:
            check_upload(f)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    changed = {}
    for criterion, value in parsed.items():
        line, _ = ScoreLine.objects.get_or_create(scorecard=scorecard, criterion=criterion)
        if line.self_points != value:
            changed[criterion.code] = decimal_text(value)
        line.self_points = value
        line.save(update_fields=["self_points"])
    for criterion, f in evidence.items():
        line, _ = ScoreLine.objects.get_or_create(scorecard=scorecard, criterion=criterion)
        line.evidence.save(f.name, f, save=True)
        changed[f"{criterion.code} minh chứng"] = f.name
    _refresh_totals(scorecard)
    audit_record(actor=acting_user, action="scorecard.self_scored", target=scorecard, unit=unit,
                 data={"points": changed, "self_total": decimal_text(scorecard.self_total)})
    return scorecard


@transaction.atomic
def scorecard_submit(*, acting_user, scorecard: Scorecard) -> Scorecard:
    scorecard = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
    _manage(acting_user, scorecard.unit)
    if scorecard.status != ScorecardStatus.DRAFT:
        raise ValidationError(ERR_SCORE_LOCKED)
    with_evidence = {line.criterion_id for line in scorecard.lines.all() if line.evidence}
    missing = [c.name for c in selectors.leaf_criteria(scorecard.cluster)
               if c.evidence_required and c.pk not in with_evidence]
    if missing:
        raise ValidationError(ERR_EVIDENCE_MISSING.format(names="; ".join(missing)))
    scorecard.status, scorecard.submitted_at = ScorecardStatus.SUBMITTED, timezone.now()
    scorecard.save(update_fields=["status", "submitted_at"])
    audit_record(actor=acting_user, action="scorecard.submitted", target=scorecard, unit=scorecard.unit,
                 data={"old": {"status": "draft"}, "new": {"status": "submitted"},
                       "self_total": decimal_text(scorecard.self_total)})
    return scorecard


def _require_reviewer(acting_user, scorecard):
    if not selectors.can_review(acting_user, scorecard):
        if can(acting_user, Capability.EMULATION_MANAGE, scorecard.unit):
            raise PermissionDenied(ERR_OWN_REVIEW)
        raise PermissionDenied(ERR_NO_PERMISSION)


@transaction.atomic
def scorecard_adjust(*, acting_user, scorecard: Scorecard, criterion: Criterion, points, reason: str) -> ScoreLine:
    scorecard = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
    _require_reviewer(acting_user, scorecard)
    if scorecard.status == ScorecardStatus.DRAFT:
        raise ValidationError(ERR_NOT_SUBMITTED)
    if criterion.cluster_id != scorecard.cluster_id or criterion.children.exists():
        raise ValidationError(ERR_SCORE_LEAF)
    value = _check_points(criterion, points)
    if not (reason or "").strip():
        raise ValidationError(ERR_ADJUST_REASON)
    line, _ = ScoreLine.objects.get_or_create(scorecard=scorecard, criterion=criterion)
    old = decimal_text(line.points)
    line.final_points, line.adjust_reason = value, reason.strip()
    line.save(update_fields=["final_points", "adjust_reason"])
    _refresh_totals(scorecard)
    audit_record(actor=acting_user, action="scorecard.adjusted", target=scorecard, unit=scorecard.unit,
                 data={"old": {criterion.code: old}, "new": {criterion.code: decimal_text(value)}}, reason=reason.strip())
    return line


@transaction.atomic
def scorecard_review_complete(*, acting_user, scorecard: Scorecard) -> Scorecard:
    scorecard = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
    _require_reviewer(acting_user, scorecard)
    if scorecard.status != ScorecardStatus.SUBMITTED:
        raise ValidationError(ERR_NOT_SUBMITTED)
    scorecard.status = ScorecardStatus.REVIEWED
    scorecard.reviewed_by, scorecard.reviewed_at = acting_user, timezone.now()
    scorecard.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    _refresh_totals(scorecard)
    audit_record(actor=acting_user, action="scorecard.reviewed", target=scorecard, unit=scorecard.unit,
                 data={"old": {"status": "submitted"}, "new": {"status": "reviewed"},
                       "final_total": decimal_text(scorecard.final_total)})
    return scorecard
