"""Council (Hội đồng TĐKT) and public disclosure: the same accessors and doors as the pages.

Outside your reach → 404; in reach but not the right role → 403. Casting a vote needs the second
factor (TOTP): a browser session verified by it, or the code sent as `otp_code` with the call; a
token alone is refused with 403.
Results of a round appear only once the round is closed.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from thidua.awards import disclosure as disclosures
from thidua.awards.disclosure import (
    comment_get_for_user,
    disclosure_blocking_reason,
    disclosure_get_for_user,
    disclosure_list_for,
)
from thidua.awards.selectors import nomination_get_for_user
from thidua.council import documents, services
from thidua.council.board import session_board
from thidua.council.models import Choice, MemberRole, RoundStatus
from thidua.council.selectors import (
    council_get_for_user,
    council_list_for,
    members_on,
    nominee_get,
    session_get_for_user,
)
from thidua.documents.mime import DOCX
from thidua.org.selectors import unit_get_for_user

from ..schemas import ErrorOut
from .common import READ_ERRORS, file_response, responses, second_factor_given

router = Router()

ERR_USER = "Không tìm thấy cán bộ số {pk} thuộc đơn vị của hội đồng."
ERR_MEMBER = "Không tìm thấy thành viên số {pk} của hội đồng vào ngày họp."
ERR_ROLE = "Vai trò không hợp lệ: {value}. Chọn một trong: {choices}."
ERR_CHOICE = "Lựa chọn không hợp lệ: {value}. Chọn agree (đồng ý) hoặc disagree (không đồng ý)."


class CouncilIn(Schema):
    unit_id: int
    name: str = Field(..., max_length=200)
    term_start: dt.date
    term_end: dt.date | None = None
    basis: str = Field("", max_length=300)


class MemberOut(Schema):
    id: int
    user_id: int
    name: str
    role: str
    role_label: str = Field(..., alias="get_role_display")
    start: dt.date
    end: dt.date | None


class CouncilOut(Schema):
    id: int
    unit_id: int
    name: str
    term_start: dt.date
    term_end: dt.date | None


class CouncilDetail(CouncilOut):
    members: list[MemberOut]


class MemberIn(Schema):
    user_id: int
    role: str = "member"
    start: dt.date


class SessionIn(Schema):
    date: dt.date
    place: str = Field(..., max_length=200)
    title: str = Field("", max_length=300)


class SessionOut(Schema):
    id: int
    council_id: int
    number: int
    date: dt.date
    place: str
    title: str
    status: str
    total_members: int | None
    quorum_met: bool


class AgendaIn(Schema):
    nomination_id: int


class OpenIn(Schema):
    present_member_ids: list[int]


class RoundIn(Schema):
    nominee_ids: list[int] | None = Field(None, description="Vòng 2: chỉ người / tập thể chưa đạt ở vòng 1.")


class VoteItem(Schema):
    nominee_id: int
    choice: str = Field(..., description="agree | disagree")


class VoteIn(Schema):
    nominee_id: int | None = Field(None, description="Một phiếu: người / tập thể được bỏ phiếu …")
    choice: str | None = Field(None, description="… và lựa chọn: agree | disagree")
    votes: list[VoteItem] = Field(default_factory=list, description="Hoặc nhiều phiếu một lần, cùng một mã OTP.")
    otp_code: str | None = Field(
        None, max_length=12,
        description="Mã 6 chữ số của ứng dụng xác thực; bắt buộc khi dùng token API (phiên trình duyệt đã xác thực "
                    "OTP thì không cần). Mỗi mã chỉ dùng một lần.",
    )


class WrittenIn(Schema):
    nominee_id: int
    member_id: int
    choice: str


class HeadIn(Schema):
    approve: bool
    reason: str = Field(..., max_length=2000)


class RoundOut(Schema):
    number: int
    status: str


class ResultOut(Schema):
    round: int
    total_members: int
    present: int
    recused: int
    agree: int
    disagree: int
    written_agree: int
    written_disagree: int
    total_agree: int
    percent_of_total: str
    passed: bool | None
    reasons: list[str]


class NomineeOut(Schema):
    id: int
    display_name: str
    award_code: str
    nomination_id: int
    outcome: str
    outcome_label: str
    head_approved: bool | None
    head_reason: str
    recused: list[str] = Field(..., description="Thành viên không bỏ phiếu (tự động) và lý do.")
    in_open_round: bool
    voted: int | None = Field(None, description="Số thành viên đã bỏ phiếu trong vòng đang mở (không có kết quả).")
    results: list[ResultOut] = Field(..., description="Chỉ các vòng đã kiểm phiếu.")


class SessionDetail(SessionOut):
    present_member_ids: list[int]
    open_round: int | None
    rounds: list[RoundOut]
    nominees: list[NomineeOut]


class DisclosureIn(Schema):
    nomination_id: int
    start: dt.date | None = None


class DisclosureOut(Schema):
    id: int
    nomination_id: int
    start: dt.date
    end: dt.date
    working_days: int
    on_paper: bool = Field(..., description="Niêm yết trên giấy, ghi nhận sau (kèm minh chứng).")
    place: str


class CommentOut(Schema):
    id: int
    disclosure_id: int
    author_name: str
    contact: str
    text: str
    created_at: dt.datetime
    status: str
    response: str
    resolved: bool


class ModerateIn(Schema):
    approve: bool


class ResolveIn(Schema):
    response: str = Field(..., max_length=4000)


class BlockingOut(Schema):
    blocked: bool
    reason: str | None


# ---------------------------------------------------------------- councils


def _session_detail(session, user) -> dict:
    board = session_board(session, user)
    nominees = []
    for row in board["rows"]:
        n = row.nominee
        nominees.append(
            {
                "id": n.pk,
                "display_name": n.display_name,
                "award_code": n.award_code,
                "nomination_id": n.agenda_item.nomination_id,
                "outcome": n.outcome,
                "outcome_label": n.get_outcome_display(),
                "head_approved": n.head_approved,
                "head_reason": n.head_reason,
                "recused": [f"{name}: {reason}" for name, reason in row.recused],
                "in_open_round": row.in_open_round,
                "voted": row.voted_count if row.in_open_round else None,
                "results": [
                    {
                        "round": r.round.number,
                        "total_members": r.total_members,
                        "present": r.present,
                        "recused": r.recused,
                        "agree": r.agree,
                        "disagree": r.disagree,
                        "written_agree": r.written_agree,
                        "written_disagree": r.written_disagree,
                        "total_agree": r.total_agree,
                        "percent_of_total": r.pct,
                        "passed": r.passed,
                        "reasons": r.reasons,
                    }
                    for r in row.results
                ],
            }
        )
    return {
        "id": session.pk,
        "council_id": session.council_id,
        "number": session.number,
        "date": session.date,
        "place": session.place,
        "title": session.title,
        "status": session.status,
        "total_members": session.total_members,
        "quorum_met": session.quorum_met,
        "present_member_ids": sorted(board["present_ids"]),
        "open_round": board["open_round"].number if board["open_round"] else None,
        "rounds": [{"number": r.number, "status": r.status} for r in session.rounds.order_by("number")],
        "nominees": nominees,
    }


def _on_session(request, session_id: int, door, *, status: int = 200, **kwargs):
    """The API twin of a session page's door_view: fetch through the scoped accessor (404), call the door
    as the API user (a refused rule is the 400 of api.errors, with its Vietnamese message), answer with
    the session as this endpoint shows it."""
    session = session_get_for_user(request.auth, session_id)
    door(session=session, acting_user=request.auth, **kwargs)
    return Status(status, _session_detail(session, request.auth))


def _council_detail(council) -> dict:
    return {
        "id": council.pk,
        "unit_id": council.unit_id,
        "name": council.name,
        "term_start": council.term_start,
        "term_end": council.term_end,
        "members": list(council.members.select_related("user")),
    }


@router.get("/councils", response=list[CouncilOut], url_name="council-list", summary="Danh sách hội đồng",
            openapi_extra={"responses": READ_ERRORS})
def council_list(request):
    return list(council_list_for(request.auth))


@router.post("/councils", response=responses(CouncilDetail, 201, write=True), url_name="council-create",
             summary="Thành lập hội đồng")
def council_create(request, payload: CouncilIn):
    unit = unit_get_for_user(request.auth, payload.unit_id)
    council = services.council_create(
        acting_user=request.auth,
        unit=unit,
        name=payload.name,
        term_start=payload.term_start,
        term_end=payload.term_end,
        basis=payload.basis,
    )
    return Status(201, _council_detail(council))


@router.get("/councils/{council_id}", response=responses(CouncilDetail), url_name="council-detail",
            summary="Chi tiết hội đồng và thành viên")
def council_detail(request, council_id: int):
    return _council_detail(council_get_for_user(request.auth, council_id))


@router.post("/councils/{council_id}/members", response=responses(MemberOut, 201, write=True),
             url_name="council-member-add", summary="Bổ sung thành viên",
             description="Vai trò: chair (Chủ tịch), vice_chair (Phó Chủ tịch), secretary (Thư ký), member (Ủy viên).")
def member_add(request, council_id: int, payload: MemberIn):
    council = council_get_for_user(request.auth, council_id)
    if payload.role not in MemberRole.values:
        raise ValidationError(ERR_ROLE.format(value=payload.role, choices=", ".join(MemberRole.values)))
    user = services.eligible_member_users(council).filter(pk=payload.user_id).first()
    if user is None:
        raise ValidationError(ERR_USER.format(pk=payload.user_id))
    member = services.member_add(
        council=council, user=user, role=payload.role, start=payload.start, acting_user=request.auth
    )
    return Status(201, member)


@router.get("/councils/{council_id}/sessions", response=list[SessionOut], url_name="council-session-list",
            summary="Các phiên họp của hội đồng", openapi_extra={"responses": READ_ERRORS})
def session_list(request, council_id: int):
    return list(council_get_for_user(request.auth, council_id).sessions.order_by("-date", "-number"))


@router.post("/councils/{council_id}/sessions", response=responses(SessionOut, 201, write=True),
             url_name="council-session-create", summary="Lên lịch phiên họp")
def session_create(request, council_id: int, payload: SessionIn):
    council = council_get_for_user(request.auth, council_id)
    session = services.session_create(
        council=council, date=payload.date, place=payload.place, title=payload.title, acting_user=request.auth
    )
    return Status(201, session)


# ---------------------------------------------------------------- sessions


@router.get("/sessions/{session_id}", response=responses(SessionDetail), url_name="council-session-detail",
            summary="Phiên họp: chương trình, người được xem xét, kết quả các vòng đã kiểm phiếu",
            description="Trong khi một vòng đang mở chỉ có số thành viên đã bỏ phiếu, không có kết quả.")
def session_detail(request, session_id: int):
    return _session_detail(session_get_for_user(request.auth, session_id), request.auth)


@router.get("/sessions/{session_id}/results", response=responses(list[NomineeOut]), url_name="council-results",
            summary="Kết quả bỏ phiếu (chỉ các vòng đã kiểm phiếu)")
def session_results(request, session_id: int):
    return _session_detail(session_get_for_user(request.auth, session_id), request.auth)["nominees"]


@router.post("/sessions/{session_id}/agenda", response=responses(SessionDetail, 201, write=True),
             url_name="council-agenda-add", summary="Đưa đề nghị (đã trình) vào chương trình họp")
def agenda_add(request, session_id: int, payload: AgendaIn):
    nomination = nomination_get_for_user(request.auth, payload.nomination_id)
    return _on_session(request, session_id, services.agenda_add, status=201, nomination=nomination)


@router.post("/sessions/{session_id}/open", response=responses(SessionDetail, write=True),
             url_name="council-session-open", summary="Khai mạc: điểm danh, kiểm tra số lượng thành viên dự họp")
def session_open(request, session_id: int, payload: OpenIn):
    return _on_session(request, session_id, services.session_open, present_member_ids=payload.present_member_ids)


@router.post("/sessions/{session_id}/attendance", response=responses(SessionDetail, write=True),
             url_name="council-attendance", summary="Cập nhật thành viên có mặt (giữa các vòng)")
def attendance(request, session_id: int, payload: OpenIn):
    return _on_session(request, session_id, services.session_attendance_set,
                       present_member_ids=payload.present_member_ids)


@router.post("/sessions/{session_id}/rounds", response=responses(SessionDetail, 201, write=True),
             url_name="council-round-open", summary="Mở vòng bỏ phiếu kín (tối đa 2 vòng)")
def round_open(request, session_id: int, payload: RoundIn):
    return _on_session(request, session_id, services.round_open, status=201, nominee_ids=payload.nominee_ids)


@router.post("/sessions/{session_id}/rounds/close", response=responses(SessionDetail, write=True),
             url_name="council-round-close", summary="Kết thúc vòng đang mở và kiểm phiếu")
def round_close(request, session_id: int):
    return _on_session(request, session_id, services.round_close)


@router.post("/sessions/{session_id}/votes", response=responses(ErrorOut, 201, write=True), url_name="council-vote",
             summary="Bỏ phiếu kín (cần xác thực hai lớp)",
             description="Một phiếu (nominee_id, choice) hoặc nhiều phiếu (votes) trong một lần, tất cả hoặc không. "
                         "Với token API phải gửi kèm otp_code; thiếu hoặc sai mã: 403.")
def vote(request, session_id: int, payload: VoteIn):
    session = session_get_for_user(request.auth, session_id)
    items = payload.votes or [VoteItem(nominee_id=payload.nominee_id or 0, choice=payload.choice or "")]
    for item in items:
        if item.choice not in Choice.values:
            raise ValidationError(ERR_CHOICE.format(value=item.choice))
    verified = second_factor_given(request, payload.otp_code)
    with transaction.atomic():
        for item in items:
            try:
                nominee = nominee_get(session, item.nominee_id)
            except Http404:
                raise ValidationError(services.ERR_NOT_IN_ROUND) from None
            services.ballot_cast(
                session=session, nominee=nominee, choice=item.choice, acting_user=request.auth, otp_verified=verified
            )
    return Status(201, {"detail": f"Đã ghi nhận {len(items)} phiếu bầu kín."})


@router.post("/sessions/{session_id}/written-opinions", response=responses(SessionDetail, 201, write=True),
             url_name="council-written-opinion", summary="Ghi nhận ý kiến bằng văn bản của thành viên vắng mặt")
def written_opinion(request, session_id: int, payload: WrittenIn):
    session = session_get_for_user(request.auth, session_id)
    member = members_on(session.council, session.date).filter(pk=payload.member_id).first()
    if member is None:
        raise ValidationError(ERR_MEMBER.format(pk=payload.member_id))
    try:
        nominee = nominee_get(session, payload.nominee_id)
    except Http404:
        raise ValidationError(services.ERR_NOT_IN_ROUND) from None
    return _on_session(request, session_id, services.written_opinion_add, status=201, nominee=nominee, member=member,
                       choice=payload.choice)


@router.post("/sessions/{session_id}/nominees/{nominee_id}/head-decision",
             response=responses(SessionDetail, write=True), url_name="council-head-decision",
             summary="Chủ tịch Hội đồng quyết định (sau vòng bỏ phiếu cuối)")
def head_decision(request, session_id: int, nominee_id: int, payload: HeadIn):
    session = session_get_for_user(request.auth, session_id)
    services.head_decide(nominee=nominee_get(session, nominee_id), approve=payload.approve, reason=payload.reason,
                         acting_user=request.auth)
    return _session_detail(session, request.auth)


@router.post("/sessions/{session_id}/close", response=responses(SessionDetail, write=True),
             url_name="council-session-close", summary="Bế mạc phiên họp")
def session_close(request, session_id: int):
    return _on_session(request, session_id, services.session_close)


def _docx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.get("/sessions/{session_id}/minutes.docx", url_name="council-minutes", summary="Biên bản họp (.docx)",
            openapi_extra=file_response(DOCX, "Biên bản họp"))
def minutes(request, session_id: int):
    session = session_get_for_user(request.auth, session_id)
    if session.status == "planned":
        raise Http404("Phiên họp chưa khai mạc, chưa có biên bản.")
    return _docx(documents.session_minutes_docx(session), f"bien-ban-hop-{session.pk}.docx")


@router.get("/sessions/{session_id}/rounds/{number}/count.docx", url_name="council-count-minutes",
            summary="Biên bản kiểm phiếu (.docx)", openapi_extra=file_response(DOCX, "Biên bản kiểm phiếu"))
def count_minutes(request, session_id: int, number: int):
    session = session_get_for_user(request.auth, session_id)
    rnd = session.rounds.filter(number=number, status=RoundStatus.CLOSED).first()
    if rnd is None:
        raise Http404("Vòng bỏ phiếu chưa kết thúc: chưa có biên bản kiểm phiếu.")
    return _docx(documents.count_minutes_docx(session, rnd), f"bien-ban-kiem-phieu-{session.pk}-{number}.docx")


# ---------------------------------------------------------------- disclosure


@router.get("/disclosures", response=list[DisclosureOut], url_name="disclosure-list", summary="Danh sách công khai",
            openapi_extra={"responses": READ_ERRORS})
def disclosure_list(request):
    return list(disclosure_list_for(request.auth)[:500])


@router.post(
    "/disclosures",
    response=responses(DisclosureOut, 201, write=True),
    url_name="disclosure-open",
    summary="Công khai danh sách đề nghị",
    description="Thời gian tính theo ngày làm việc (bỏ thứ Bảy, Chủ nhật, ngày lễ): 10 ngày với Huân chương, "
    "theo thiết lập với các hình thức khác.",
)
def disclosure_open(request, payload: DisclosureIn):
    nomination = nomination_get_for_user(request.auth, payload.nomination_id)
    return Status(201, disclosures.disclosure_open(nomination=nomination, acting_user=request.auth, start=payload.start))


@router.post(
    "/disclosures/paper",
    response=responses(DisclosureOut, 201, write=True),
    url_name="disclosure-paper",
    summary="Ghi nhận danh sách đã niêm yết trên giấy (multipart)",
    description="`nomination_id`, `posted_on` (yyyy-mm-dd, không sau hôm nay), `place` (nơi niêm yết), `proof` (bản "
    "chụp biên bản hoặc ảnh niêm yết). Thời gian công khai tính từ ngày niêm yết.",
)
def disclosure_paper(request, nomination_id: Form[int], posted_on: Form[dt.date], place: Form[str],
                     proof: File[UploadedFile]):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    return Status(201, disclosures.disclosure_record_paper(nomination=nomination, acting_user=request.auth,
                                                           posted_on=posted_on, place=place, proof=proof))


@router.get("/disclosures/{disclosure_id}/comments", response=responses(list[CommentOut]),
            url_name="disclosure-comments", summary="Ý kiến góp ý (mọi trạng thái)")
def disclosure_comments(request, disclosure_id: int):
    d = disclosure_get_for_user(request.auth, disclosure_id)
    return [_comment_out(c) for c in d.comments.all()]


def _comment_out(c):
    return dict(
        id=c.pk,
        disclosure_id=c.disclosure_id,
        author_name=c.author_name,
        contact=c.contact,
        text=c.text,
        created_at=c.created_at,
        status=c.status,
        response=c.response,
        resolved=c.resolved,
    )


@router.post("/comments/{comment_id}/moderate", response=responses(CommentOut, write=True), url_name="comment-moderate",
             summary="Duyệt (hiển thị) hoặc không đăng ý kiến")
def comment_moderate(request, comment_id: int, payload: ModerateIn):
    return _on_comment(request, comment_id, disclosures.comment_moderate, approve=payload.approve)


@router.post("/comments/{comment_id}/resolve", response=responses(CommentOut, write=True), url_name="comment-resolve",
             summary="Xử lý, trả lời ý kiến")
def comment_resolve(request, comment_id: int, payload: ResolveIn):
    return _on_comment(request, comment_id, disclosures.comment_resolve, response=payload.response)


def _on_comment(request, comment_id: int, door, **kwargs):
    comment = comment_get_for_user(request.auth, comment_id)
    return _comment_out(door(comment=comment, acting_user=request.auth, **kwargs))


@router.get("/nominations/{nomination_id}/disclosure-blocking", response=responses(BlockingOut),
            url_name="disclosure-blocking", summary="Công khai có đang chặn việc ban hành quyết định không")
def blocking(request, nomination_id: int):
    reason = disclosure_blocking_reason(nomination_get_for_user(request.auth, nomination_id))
    return {"blocked": reason is not None, "reason": reason}
