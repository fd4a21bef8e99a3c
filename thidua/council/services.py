"""Doors of the council and the public disclosure. Each is atomic, checks its rule and role,
changes state and writes an AuditEntry; nothing else changes these rows.

The law is the rulebook's: quorum and thresholds on the total membership
(``ballot_outcome``), rounds (``max_voting_rounds``), working days (``add_working_days``).
"""

import datetime as dt
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.audit.services import audit_record
from thidua.awards import services as awards
from thidua.awards.models import Disclosure, Nomination, NominationStatus
from thidua.core.conf import rulebook_settings
from thidua.core.errors import ERR_NO_PERMISSION
from thidua.formatting import format_date
from thidua.notifications.services import notify
from thidua.rulebook import ballot_outcome
from thidua.rulebook.codes import ORDERS
from thidua.rulebook.workdays import disclosure_deadline

from . import ballot_box
from .models import (
    AgendaItem,
    BallotChoice,
    BallotRound,
    Choice,
    Council,
    CouncilMember,
    MemberRole,
    Nominee,
    Outcome,
    RoundResult,
    RoundStatus,
    SealedBallot,
    Session,
    SessionStatus,
    VoterReceipt,
    WrittenOpinion,
)
from .selectors import can_manage_council, can_run_session, members_on, membership, recusal_reason

BALLOT_BASIS = "Phiên họp số {session} ngày {day}, bỏ phiếu kín vòng {round}"
HEAD_BASIS = "Phiên họp số {session} ngày {day}: Chủ tịch Hội đồng quyết định sau vòng bỏ phiếu cuối"
ERR_NAME = "Phải nhập tên hội đồng."
ERR_TERM_OVERLAP = "Đơn vị đã có Hội đồng Thi đua – Khen thưởng trong nhiệm kỳ này."
ERR_TERM_RANGE = "Ngày kết thúc nhiệm kỳ không được trước ngày bắt đầu."
ERR_ROLE = "Vai trò trong hội đồng không hợp lệ."
ERR_MEMBER_SCOPE = "Thành viên hội đồng phải là cán bộ thuộc đơn vị hoặc đơn vị trực thuộc."
ERR_MEMBER_DUP = "Người này đã là thành viên hội đồng."
ERR_MEMBER_RANGE = (
    "Thời gian làm thành viên phải nằm trong nhiệm kỳ của hội đồng, ngày kết thúc không trước ngày bắt đầu."
)
ERR_ONE_CHAIR = "Hội đồng đã có Chủ tịch Hội đồng."
ERR_ONE_SECRETARY = "Hội đồng đã có Thư ký Hội đồng."
ERR_SESSION_DATE = "Ngày họp phải nằm trong nhiệm kỳ của hội đồng."
ERR_PLACE = "Phải nhập địa điểm họp."
ERR_NOT_PLANNED = "Chỉ sửa được chương trình của phiên họp chưa khai mạc."
ERR_NOMINATION_STATUS = "Chỉ đưa vào chương trình họp đề nghị đang ở trạng thái đã trình."
ERR_NOMINATION_SCOPE = "Đề nghị này không thuộc thẩm quyền xem xét của hội đồng."
ERR_NOMINATION_DUP = "Đề nghị đã có trong chương trình phiên họp."
ERR_EMPTY_AGENDA = "Phiên họp chưa có đề nghị nào trong chương trình."
ERR_NO_MEMBERS = "Hội đồng chưa có thành viên nào vào ngày họp."
ERR_PRESENT_NOT_MEMBER = "Người có mặt phải là thành viên hội đồng vào ngày họp."
ERR_NOT_OPEN = "Phiên họp không ở trạng thái đang họp."
ERR_NO_QUORUM = (
    "Phiên họp không đủ số lượng thành viên dự họp theo quy định ({present}/{total}, yêu cầu ít nhất "
    "{need}): không thể bỏ phiếu."
)
ERR_ROUND_OPEN = "Đang có một vòng bỏ phiếu chưa kết thúc."
ERR_MAX_ROUNDS = "Đã bỏ phiếu tối đa {n} vòng; các trường hợp chưa đạt do Chủ tịch Hội đồng xem xét, quyết định."
ERR_NOTHING_TO_VOTE = "Không còn người / tập thể nào cần bỏ phiếu."
ERR_ROUND2_ONLY_FAILED = "Vòng {n} chỉ bỏ phiếu lại cho người / tập thể chưa đạt ở vòng trước: {name}."
ERR_DISCLOSURE_MISSING = (
    "{name}: {award} phải được công khai ít nhất {days} ngày làm việc trước khi Hội đồng họp "
    "(công khai chậm nhất ngày {deadline})."
)
ERR_NO_OPEN_ROUND = "Không có vòng bỏ phiếu nào đang mở: không thể bỏ phiếu."
ERR_NOT_IN_ROUND = "Người / tập thể này không được bỏ phiếu trong vòng hiện tại."
ERR_NOT_A_MEMBER = "Bạn không phải thành viên của hội đồng này."
ERR_NOT_PRESENT = "Bạn không có tên trong danh sách thành viên dự họp nên không thể bỏ phiếu."
ERR_RECUSED = "Bạn không bỏ phiếu cho trường hợp này: {reason}."
ERR_ALREADY_VOTED = "Bạn đã bỏ phiếu cho trường hợp này trong vòng {n}; mỗi thành viên chỉ bỏ phiếu một lần."
ERR_SEAL_BROKEN = ("Một phiếu kín của vòng này không mở được (khóa niêm phong BALLOT_SEAL_KEY đã đổi hoặc dữ liệu "
                   "bị sửa). Không kiểm phiếu; hãy báo quản trị hệ thống.")
ERR_OTP = ("Phải xác thực hai lớp (mã OTP) trước khi bỏ phiếu: nhập mã trên trang xác thực, hoặc gửi kèm otp_code "
           "khi bỏ phiếu qua API.")
ERR_CHOICE = "Lựa chọn không hợp lệ: chọn Đồng ý hoặc Không đồng ý."
ERR_WRITTEN_PRESENT = "Thành viên có mặt bỏ phiếu tại phiên họp; ý kiến bằng văn bản chỉ dành cho thành viên vắng mặt."
ERR_WRITTEN_DUP = "Đã ghi nhận ý kiến bằng văn bản của thành viên này cho trường hợp này."
ERR_WRITTEN_LATE = "Trường hợp này đã có kết quả; không nhận thêm ý kiến bằng văn bản."
ERR_WRITTEN_STATUS = "Phiên họp đã kết thúc."
ERR_HEAD_ONLY = "Chỉ Chủ tịch Hội đồng quyết định sau khi đã bỏ phiếu tối đa số vòng."
ERR_HEAD_NOT_PENDING = "Trường hợp này không chờ Chủ tịch Hội đồng quyết định."
ERR_HEAD_REASON = "Phải ghi rõ lý do quyết định."
def _pct(fr: Fraction) -> str:
    return f"{float(fr) * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def _require_manage(user, council: Council):
    if not can_manage_council(user, council):
        raise PermissionDenied(ERR_NO_PERMISSION)


def _require_run(user, session: Session):
    if not can_run_session(user, session):
        raise PermissionDenied(ERR_NO_PERMISSION)


def _nominee_of(session: Session, nominee) -> Nominee:
    found = (
        Nominee.objects.select_related(
            "entry",
            "entry__person",
            "entry__recipient_unit",
            "entry__household",
            "agenda_item",
            "session__council__unit",
        )
        .filter(pk=getattr(nominee, "pk", nominee), session=session)
        .first()
    )
    if found is None:
        raise ValidationError(ERR_NOT_IN_ROUND)
    return found


def _lock_session(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("council", "council__unit").get(pk=session.pk)


# ---------------------------------------------------------------- council and members


@transaction.atomic
def council_create(
    *, acting_user, unit, name: str, term_start: dt.date, term_end: dt.date | None = None, basis: str = ""
) -> Council:
    if not can(acting_user, Capability.COUNCIL_MANAGE, unit):
        raise PermissionDenied(ERR_NO_PERMISSION)
    if not (name or "").strip():
        raise ValidationError(ERR_NAME)
    if term_end is not None and term_end < term_start:
        raise ValidationError(ERR_TERM_RANGE)
    overlapping = Council.objects.filter(unit=unit).filter(Q(term_end__isnull=True) | Q(term_end__gte=term_start))
    if term_end is not None:
        overlapping = overlapping.filter(term_start__lte=term_end)
    if overlapping.exists():
        raise ValidationError(ERR_TERM_OVERLAP)
    council = Council.objects.create(
        unit=unit,
        name=name.strip(),
        term_start=term_start,
        term_end=term_end,
        basis=(basis or "").strip(),
        created_by=acting_user,
    )
    audit_record(actor=acting_user, action="council.created", target=council, unit=unit,
                 data={"term_start": term_start.isoformat(), "term_end": term_end.isoformat() if term_end else ""})
    return council


def eligible_member_users(council: Council):
    """Users who work in the council's unit or below: by a role there or by their Person record."""
    path = council.unit.path
    return (
        get_user_model()
        .objects.filter(
            Q(role_assignments__unit__path__startswith=path) | Q(person__current_unit__path__startswith=path),
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@transaction.atomic
def member_add(
    *, council: Council, user, role: str, start: dt.date, acting_user, end: dt.date | None = None
) -> CouncilMember:
    council = Council.objects.select_for_update().select_related("unit").get(pk=council.pk)
    _require_manage(acting_user, council)
    if role not in MemberRole.values:
        raise ValidationError(ERR_ROLE)
    if not eligible_member_users(council).filter(pk=user.pk).exists():
        raise ValidationError(ERR_MEMBER_SCOPE)
    if council.members.filter(user=user).exists():
        raise ValidationError(ERR_MEMBER_DUP)
    if (end is not None and end < start) or not council.covers(start) or (end is not None and not council.covers(end)):
        raise ValidationError(ERR_MEMBER_RANGE)
    if (
        role in (MemberRole.CHAIR, MemberRole.SECRETARY)
        and council.members.filter(role=role, end__isnull=True).exists()
    ):
        raise ValidationError(ERR_ONE_CHAIR if role == MemberRole.CHAIR else ERR_ONE_SECRETARY)
    member = CouncilMember.objects.create(council=council, user=user, role=role, start=start, end=end)
    audit_record(actor=acting_user, action="council.member_added", target=council, unit=council.unit,
                 data={"member": member.name, "role": member.get_role_display(), "start": start.isoformat()})
    return member


@transaction.atomic
def member_end(*, member: CouncilMember, end: dt.date, acting_user) -> CouncilMember:
    member = (
        CouncilMember.objects.select_for_update().select_related("council", "council__unit", "user").get(pk=member.pk)
    )
    _require_manage(acting_user, member.council)
    if end < member.start:
        raise ValidationError(ERR_MEMBER_RANGE)
    old = member.end.isoformat() if member.end else ""
    member.end = end
    member.save(update_fields=["end"])
    audit_record(actor=acting_user, action="council.member_ended", target=member.council, unit=member.council.unit,
                 data={"member": member.name, "old": {"end": old}, "new": {"end": end.isoformat()}})
    return member


# ---------------------------------------------------------------- sessions and agenda


@transaction.atomic
def session_create(*, council: Council, date: dt.date, place: str, title: str, acting_user) -> Session:
    council = Council.objects.select_for_update().select_related("unit").get(pk=council.pk)
    _require_manage(acting_user, council)
    if not council.covers(date):
        raise ValidationError(ERR_SESSION_DATE)
    if not (place or "").strip():
        raise ValidationError(ERR_PLACE)
    number = (council.sessions.aggregate(m=Max("number"))["m"] or 0) + 1
    session = Session.objects.create(
        council=council,
        number=number,
        date=date,
        place=place.strip(),
        title=(title or "").strip() or "Xét khen thưởng",
        created_by=acting_user,
    )
    audit_record(actor=acting_user, action="council.session_created", target=session, unit=council.unit,
                 data={"date": date.isoformat(), "place": session.place})
    notify([m.user for m in members_on(council, date).select_related("user")],
           text=f"{council.name} họp phiên số {number} ngày {format_date(date)} tại {session.place}: {session.title}.",
           kind="council.session_created", url=reverse("council:session-detail", args=[session.pk]), actor=acting_user)
    return session


@transaction.atomic
def agenda_add(*, session: Session, nomination: Nomination, acting_user) -> AgendaItem:
    session = _lock_session(session)
    _require_run(acting_user, session)
    if session.status != SessionStatus.PLANNED:
        raise ValidationError(ERR_NOT_PLANNED)
    nomination = Nomination.objects.select_related("unit", "decider_unit").get(pk=nomination.pk)
    if nomination.status != NominationStatus.SUBMITTED:
        raise ValidationError(ERR_NOMINATION_STATUS)
    unit = session.council.unit
    if nomination.decider_unit_id != unit.pk and not nomination.unit.path.startswith(unit.path):
        raise ValidationError(ERR_NOMINATION_SCOPE)
    if session.agenda.filter(nomination=nomination).exists():
        raise ValidationError(ERR_NOMINATION_DUP)
    order = (session.agenda.aggregate(m=Max("order"))["m"] or 0) + 1
    item = AgendaItem.objects.create(session=session, nomination=nomination, order=order)
    for entry in nomination.entries.all():
        Nominee.objects.create(
            session=session,
            agenda_item=item,
            entry=entry,
            display_name=entry.display_name,
            award_code=nomination.award_code,
        )
    audit_record(actor=acting_user, action="council.agenda_added", target=session, unit=unit,
                 data={"nomination": nomination.title, "nominees": item.nominees.count()})
    return item


@transaction.atomic
def agenda_remove(*, item: AgendaItem, acting_user) -> None:
    session = _lock_session(item.session)
    _require_run(acting_user, session)
    if session.status != SessionStatus.PLANNED:
        raise ValidationError(ERR_NOT_PLANNED)
    title = item.nomination.title
    item.delete()
    audit_record(actor=acting_user, action="council.agenda_removed", target=session, unit=session.council.unit,
                 data={"nomination": title})


def _quorum(session: Session, present: int) -> tuple[bool, str]:
    need = rulebook_settings().quorum_award  # award deliberations: ≥ 80 % (domain §7)
    return Fraction(present, session.total_members or 1) >= need, _pct(need)


def _set_present(session: Session, member_ids) -> list[CouncilMember]:
    active = {m.pk: m for m in members_on(session.council, session.date)}
    ids = {int(i) for i in member_ids}
    if not ids <= set(active):
        raise ValidationError(ERR_PRESENT_NOT_MEMBER)
    session.present.set([active[i] for i in ids])
    session.quorum_met = _quorum(session, len(ids))[0]
    return [active[i] for i in ids]


@transaction.atomic
def session_open(*, session: Session, present_member_ids, acting_user) -> Session:
    """Khai mạc: record who is present and check the quorum on the membership of the day."""
    session = _lock_session(session)
    _require_run(acting_user, session)
    if session.status != SessionStatus.PLANNED:
        raise ValidationError(ERR_NOT_PLANNED)
    if not session.agenda.exists():
        raise ValidationError(ERR_EMPTY_AGENDA)
    total = members_on(session.council, session.date).count()
    if total == 0:
        raise ValidationError(ERR_NO_MEMBERS)
    session.total_members = total
    present = _set_present(session, present_member_ids)
    session.status = SessionStatus.OPEN
    session.opened_at = timezone.now()
    session.save(update_fields=["total_members", "quorum_met", "status", "opened_at"])
    audit_record(
        actor=acting_user,
        action="council.session_opened",
        target=session,
        unit=session.council.unit,
        data={
            "present": len(present),
            "total_members": total,
            "quorum_met": session.quorum_met,
            "members_present": sorted(m.name for m in present),
        },
    )
    return session


@transaction.atomic
def session_attendance_set(*, session: Session, present_member_ids, acting_user) -> Session:
    """A late arrival or an early leave, recorded between rounds (never while a round is open)."""
    session = _lock_session(session)
    _require_run(acting_user, session)
    if session.status != SessionStatus.OPEN:
        raise ValidationError(ERR_NOT_OPEN)
    if session.rounds.filter(status=RoundStatus.OPEN).exists():
        raise ValidationError(ERR_ROUND_OPEN)
    old = session.present.count()
    present = _set_present(session, present_member_ids)
    session.save(update_fields=["quorum_met"])
    audit_record(actor=acting_user, action="council.attendance_set", target=session, unit=session.council.unit,
                 data={"old": {"present": old}, "new": {"present": len(present), "quorum_met": session.quorum_met}})
    return session


def _require_quorum(session: Session):
    present = session.present.count()
    ok, need = _quorum(session, present)
    if not ok:
        raise ValidationError(ERR_NO_QUORUM.format(present=present, total=session.total_members, need=need))


def _check_disclosed(session: Session, nominee: Nominee):
    """Huân chương: the list must be public ≥ 10 working days before the council meets [V]."""
    if nominee.award_code not in ORDERS:
        return
    st = rulebook_settings()
    deadline = disclosure_deadline(session.date, nominee.award_code, st)
    item = nominee.agenda_item
    if not Disclosure.objects.filter(nomination_id=item.nomination_id, start__lte=deadline).exists():
        from thidua.rulebook.codes import name_vi

        raise ValidationError(
            ERR_DISCLOSURE_MISSING.format(
                name=nominee.display_name,
                award=name_vi(nominee.award_code),
                days=st.disclosure_days_orders,
                deadline=format_date(deadline),
            )
        )


@transaction.atomic
def round_open(*, session: Session, acting_user, nominee_ids=None) -> BallotRound:
    """Round 1 for every nominee on the agenda; a later round only for those who failed the last one."""
    session = _lock_session(session)
    _require_run(acting_user, session)
    if session.status != SessionStatus.OPEN:
        raise ValidationError(ERR_NOT_OPEN)
    _require_quorum(session)
    if session.rounds.filter(status=RoundStatus.OPEN).exists():
        raise ValidationError(ERR_ROUND_OPEN)
    max_rounds = rulebook_settings().max_voting_rounds
    number = (session.rounds.aggregate(m=Max("number"))["m"] or 0) + 1
    if number > max_rounds:
        raise ValidationError(ERR_MAX_ROUNDS.format(n=max_rounds))
    nominees = list(session.nominees.select_related("agenda_item"))
    if number == 1:
        chosen = [n for n in nominees if n.outcome == Outcome.PENDING]
    else:
        failed = [n for n in nominees if n.outcome == Outcome.FAILED]
        if nominee_ids is None:
            chosen = failed
        else:
            wanted = {int(i) for i in nominee_ids}
            chosen = [n for n in nominees if n.pk in wanted]
            for n in chosen:
                if n.outcome != Outcome.FAILED:
                    raise ValidationError(ERR_ROUND2_ONLY_FAILED.format(n=number, name=n.display_name))
            if len(chosen) != len(wanted):
                raise ValidationError(ERR_NOT_IN_ROUND)
    if not chosen:
        raise ValidationError(ERR_NOTHING_TO_VOTE)
    for n in chosen:
        _check_disclosed(session, n)
    rnd = BallotRound.objects.create(session=session, number=number, opened_at=timezone.now())
    RoundResult.objects.bulk_create([RoundResult(round=rnd, nominee=n) for n in chosen])
    Nominee.objects.filter(pk__in=[n.pk for n in chosen]).update(outcome=Outcome.PENDING)
    audit_record(actor=acting_user, action="council.round_opened", target=session, unit=session.council.unit,
                 data={"round": number, "nominees": [n.display_name for n in chosen]})
    notify([m.user for m in session.present.select_related("user")],
           text=f"Đã mở vòng bỏ phiếu {number}, phiên họp số {session.number} của {session.council.name}: "
                f"mời bỏ phiếu kín ({len(chosen)} trường hợp).",
           kind="council.round_opened", url=reverse("council:session-detail", args=[session.pk]), actor=acting_user)
    return rnd


@transaction.atomic
def ballot_cast(*, session: Session, nominee: Nominee, choice: str, acting_user, otp_verified: bool) -> VoterReceipt:
    """One secret vote. The receipt says who voted; the choice row does not (see BallotChoice)."""
    if not otp_verified:
        raise PermissionDenied(ERR_OTP)
    if choice not in Choice.values:
        raise ValidationError(ERR_CHOICE)
    session = _lock_session(session)
    member = membership(acting_user, session.council, session.date)
    if member is None:
        raise PermissionDenied(ERR_NOT_A_MEMBER)
    if session.status != SessionStatus.OPEN:
        raise ValidationError(ERR_NOT_OPEN)
    _require_quorum(session)
    rnd = session.rounds.filter(status=RoundStatus.OPEN).first()
    if rnd is None:
        raise ValidationError(ERR_NO_OPEN_ROUND)
    nominee = _nominee_of(session, nominee)
    if not rnd.results.filter(nominee=nominee).exists():
        raise ValidationError(ERR_NOT_IN_ROUND)
    if not session.present.filter(pk=member.pk).exists():
        raise ValidationError(ERR_NOT_PRESENT)
    reason = recusal_reason(member, nominee)
    if reason:
        raise ValidationError(ERR_RECUSED.format(reason=reason.lower()))
    if VoterReceipt.objects.filter(round=rnd, nominee=nominee, member=member).exists():
        raise ValidationError(ERR_ALREADY_VOTED.format(n=rnd.number))
    try:
        with transaction.atomic():
            receipt = VoterReceipt.objects.create(session=session, round=rnd, nominee=nominee, member=member)
    except IntegrityError:  # a double click racing itself: the constraint keeps one vote
        raise ValidationError(ERR_ALREADY_VOTED.format(n=rnd.number)) from None
    nonce, tag = ballot_box.seal(rnd.pk, nominee.pk, choice)
    SealedBallot.objects.create(round=rnd, nominee=nominee, nonce=nonce, tag=tag)
    # The audit says that this member voted, never how.
    audit_record(actor=acting_user, action="council.vote_cast", target=session, unit=session.council.unit,
                 data={"round": rnd.number, "nominee": nominee.display_name})
    return receipt


@transaction.atomic
def written_opinion_add(
    *, session: Session, nominee: Nominee, member: CouncilMember, choice: str, acting_user
) -> WrittenOpinion:
    session = _lock_session(session)
    _require_run(acting_user, session)
    if choice not in Choice.values:
        raise ValidationError(ERR_CHOICE)
    if session.status == SessionStatus.CLOSED:
        raise ValidationError(ERR_WRITTEN_STATUS)
    nominee = _nominee_of(session, nominee)
    if not members_on(session.council, session.date).filter(pk=member.pk).exists():
        raise ValidationError(ERR_PRESENT_NOT_MEMBER)
    if session.status == SessionStatus.OPEN and session.present.filter(pk=member.pk).exists():
        raise ValidationError(ERR_WRITTEN_PRESENT)
    if nominee.outcome not in (Outcome.PENDING, Outcome.FAILED):
        raise ValidationError(ERR_WRITTEN_LATE)
    reason = recusal_reason(member, nominee)
    if reason:
        raise ValidationError(f"{member.name} không cho ý kiến về trường hợp này: {reason.lower()}.")
    if WrittenOpinion.objects.filter(nominee=nominee, member=member).exists():
        raise ValidationError(ERR_WRITTEN_DUP)
    opinion = WrittenOpinion.objects.create(
        session=session, nominee=nominee, member=member, choice=choice, entered_by=acting_user
    )
    audit_record(actor=acting_user, action="council.written_opinion_added", target=session, unit=session.council.unit,
                 data={"member": member.name, "nominee": nominee.display_name, "choice": Choice(choice).label})
    return opinion


def _open_seals(session: Session, rnd: BallotRound) -> dict[int, list[str]]:
    """The count: open every seal of the round, write the plain ballots in one canonical batch
    (nominee, then choice: nothing in their order, keys or transaction id but the tally) and
    delete the seals (see SealedBallot, BallotChoice)."""
    by_nominee: dict[int, list[str]] = {}
    for s in SealedBallot.objects.filter(round=rnd).order_by("nominee_id", "nonce"):
        try:
            by_nominee.setdefault(s.nominee_id, []).append(ballot_box.unseal(rnd.pk, s.nominee_id, s.nonce, s.tag))
        except ballot_box.SealBroken:
            raise ValidationError(ERR_SEAL_BROKEN) from None
    BallotChoice.objects.bulk_create(
        [
            BallotChoice(session=session, round=rnd, nominee_id=nominee_id, choice=choice)
            for nominee_id in sorted(by_nominee)
            for choice in sorted(by_nominee[nominee_id])
        ]
    )
    SealedBallot.objects.filter(round=rnd).delete()
    return by_nominee


@transaction.atomic
def round_close(*, session: Session, acting_user) -> BallotRound:
    """Kiểm phiếu: count every nominee of the round on the total membership via the rulebook."""
    session = _lock_session(session)
    _require_run(acting_user, session)
    rnd = session.rounds.select_for_update().filter(status=RoundStatus.OPEN).first()
    if rnd is None:
        raise ValidationError(ERR_NO_OPEN_ROUND)
    st = rulebook_settings()
    present = list(session.present.select_related("user", "user__person", "user__person__current_unit"))
    present_ids = {m.pk for m in present}
    ballots = _open_seals(session, rnd)
    summary = {}
    for result in rnd.results.select_related(
        "nominee",
        "nominee__entry",
        "nominee__entry__person",
        "nominee__entry__recipient_unit",
        "nominee__session__council__unit",
    ):
        nominee = result.nominee
        choices = ballots.get(nominee.pk, [])
        written = [
            w
            for w in nominee.written_opinions.select_related("member__user__person")
            if w.member_id not in present_ids and recusal_reason(w.member, nominee) is None
        ]
        result.total_members = session.total_members
        result.present = len(present)
        result.recused = sum(1 for m in present if recusal_reason(m, nominee))
        result.agree = choices.count(Choice.AGREE)
        result.disagree = choices.count(Choice.DISAGREE)
        result.written_agree = sum(1 for w in written if w.choice == Choice.AGREE)
        result.written_disagree = sum(1 for w in written if w.choice == Choice.DISAGREE)
        passed, reasons = ballot_outcome(
            nominee.award_code,
            result.total_members,
            result.agree,
            result.disagree,
            result.written_agree,
            result.written_disagree,
            result.present,
            st,
            round_no=rnd.number,
        )
        result.passed, result.reasons = passed, reasons
        result.save()
        if passed:
            nominee.outcome = Outcome.PASSED
        elif rnd.number >= st.max_voting_rounds:
            nominee.outcome = Outcome.HEAD_PENDING
        else:
            nominee.outcome = Outcome.FAILED
        nominee.save(update_fields=["outcome"])
        if passed and nominee.entry_id:
            basis = BALLOT_BASIS.format(session=session.number, day=format_date(session.date), round=rnd.number)
            awards.entry_council_result_set(entry=nominee.entry, passed=True, acting_user=acting_user, basis=basis)
        summary[nominee.display_name] = {
            "agree": result.total_agree,
            "total": result.total_members,
            "outcome": nominee.get_outcome_display(),
        }
    rnd.status = RoundStatus.CLOSED
    rnd.closed_at = timezone.now()
    rnd.save(update_fields=["status", "closed_at"])
    audit_record(actor=acting_user, action="council.round_closed", target=session, unit=session.council.unit,
                 data={"round": rnd.number, "results": summary})
    return rnd


@transaction.atomic
def head_decide(*, nominee: Nominee, approve: bool, reason: str, acting_user) -> Nominee:
    """After the last round the chair of the council decides (domain §7), with a reason, audited."""
    session = _lock_session(nominee.session)
    member = membership(acting_user, session.council, session.date)
    if member is None or member.role != MemberRole.CHAIR:
        raise PermissionDenied(ERR_HEAD_ONLY)
    nominee = _nominee_of(session, nominee)
    if nominee.outcome != Outcome.HEAD_PENDING:
        raise ValidationError(ERR_HEAD_NOT_PENDING)
    if not (reason or "").strip():
        raise ValidationError(ERR_HEAD_REASON)
    nominee.outcome = Outcome.HEAD_DECIDED
    nominee.head_approved = bool(approve)
    nominee.head_reason = reason.strip()
    nominee.save(update_fields=["outcome", "head_approved", "head_reason"])
    if nominee.entry_id:
        awards.entry_council_result_set(entry=nominee.entry, passed=bool(approve), acting_user=acting_user,
                                        basis=HEAD_BASIS.format(session=session.number, day=format_date(session.date)))
    audit_record(actor=acting_user, action="council.head_decided", target=session, unit=session.council.unit,
                 data={"nominee": nominee.display_name, "approve": bool(approve)}, reason=nominee.head_reason)
    return nominee


@transaction.atomic
def session_close(*, session: Session, acting_user) -> Session:
    session = _lock_session(session)
    _require_run(acting_user, session)
    if session.status != SessionStatus.OPEN:
        raise ValidationError(ERR_NOT_OPEN)
    if session.rounds.filter(status=RoundStatus.OPEN).exists():
        raise ValidationError(ERR_ROUND_OPEN)
    session.status = SessionStatus.CLOSED
    session.closed_at = timezone.now()
    session.save(update_fields=["status", "closed_at"])
    audit_record(actor=acting_user, action="council.session_closed", target=session, unit=session.council.unit,
                 data={"old": {"status": "open"}, "new": {"status": "closed"}})
    return session
