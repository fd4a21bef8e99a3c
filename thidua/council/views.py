"""Council pages: thin views over the scoped accessors and the doors in services.py."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from thidua.accounts.access import has_any
from thidua.accounts.models import Capability
from thidua.accounts.second_factor import second_factor_needed
from thidua.audit.services import audit_rows
from thidua.awards import disclosure as disclosures
from thidua.awards.disclosure import (
    comment_get_for_user,
    disclosure_blocking_reason,
    disclosure_get_for_user,
    disclosure_list_for,
)
from thidua.awards.models import CommentStatus
from thidua.awards.selectors import nomination_get_for_user
from thidua.core.door_views import fetch_one, form_page
from thidua.core.feedback import messages_from_error, run_door
from thidua.core.paging import page_of
from thidua.core.routes import Routes
from thidua.documents.mime import DOCX
from thidua.org.selectors import units_visible_to

from . import documents, otp, services
from .board import agenda_candidates, session_board
from .forms import (
    CouncilForm,
    DisclosureForm,
    HeadDecisionForm,
    MemberEndForm,
    MemberForm,
    PaperDisclosureForm,
    ResponseForm,
    SessionForm,
    TokenForm,
    WrittenOpinionForm,
)
from .models import Choice, SessionStatus
from .selectors import (
    can_manage_council,
    can_run_session,
    council_get_for_user,
    council_list_for,
    members_on,
    nominee_get,
    session_get_for_user,
)

routes = Routes()

MSG_SHOWN = "Đã duyệt hiển thị ý kiến."
MSG_HIDDEN = "Đã ẩn ý kiến."
ERR_NOMINATION_NOT_FOUND = "Không tìm thấy đề nghị hoặc bạn không có quyền xem."
MSG_VERIFY = "Để bỏ phiếu, bạn cần xác thực hai lớp: nhập mã 6 chữ số trên ứng dụng xác thực."
MSG_ENROL = "Để bỏ phiếu, bạn cần đăng ký xác thực hai lớp (ứng dụng tạo mã OTP) trước."


# ---------------------------------------------------------------- councils


@routes("", "council-list")
@login_required
def council_list(request):
    return render(
        request,
        "council/council_list.html",
        {
            "councils": council_list_for(request.user),
            "can_create": has_any(request.user, Capability.COUNCIL_MANAGE),
        },
    )


council_create_view = routes.add("them/", "council-create", form_page(
    services.council_create, form=CouncilForm, heading="Thành lập Hội đồng Thi đua – Khen thưởng",
    denied=services.ERR_NO_PERMISSION, success="Đã thành lập hội đồng.",
    units=lambda request: units_visible_to(request.user, Capability.COUNCIL_MANAGE).filter(valid_to__isnull=True),
    then=lambda council: reverse("council:council-detail", args=[council.pk])))


@routes("<int:pk>/", "council-detail")
@login_required
def council_detail(request, pk):
    council = council_get_for_user(request.user, pk)
    manage = can_manage_council(request.user, council)
    return render(
        request,
        "council/council_detail.html",
        {
            "council": council,
            "members": council.members.select_related("user").order_by("end", "role", "id"),
            "sessions": council.sessions.order_by("-date", "-number"),
            "can_manage": manage,
            "member_form": MemberForm(users=services.eligible_member_users(council)) if manage else None,
            "session_form": SessionForm() if manage else None,
            "audit_entries": audit_rows(council),
        },
    )


# ---------------------------------------------------------------- sessions


@routes("phien-hop/<int:pk>/", "session-detail")
@login_required
def session_detail(request, pk):
    session = session_get_for_user(request.user, pk)
    board = session_board(session, request.user)
    run = can_run_session(request.user, session)
    return render(
        request,
        "council/session_detail.html",
        {
            "session": session,
            "council": session.council,
            "can_run": run,
            "candidates": agenda_candidates(session, request.user)
            if run and session.status == SessionStatus.PLANNED
            else [],
            "verified": otp.is_verified(request),
            "choices": Choice.choices,
            "head_form": HeadDecisionForm(),
            "audit_entries": audit_rows(session),
            **board,
        },
    )


def _back(session):
    return redirect(_to_session(session))


def _present_ids(request):
    try:
        return [int(v) for v in request.POST.getlist("present")]
    except ValueError:
        return None


def _present(request, data, **_):
    ids = _present_ids(request)
    if ids is None:
        raise ValidationError(services.ERR_PRESENT_NOT_MEMBER)
    return {"present_member_ids": ids}


@routes("phien-hop/<int:pk>/khai-mac/", "session-open")
@login_required
@require_POST
def session_open_view(request, pk):
    session = session_get_for_user(request.user, pk)
    ids = _present_ids(request)
    if ids is None:
        messages.error(request, services.ERR_PRESENT_NOT_MEMBER)
        return _back(session)
    opened = run_door(request, services.session_open, "Đã khai mạc phiên họp.", session=session, present_member_ids=ids)
    if opened and not opened.quorum_met:
        messages.warning(request, "Phiên họp không đủ số lượng thành viên dự họp theo quy định: chưa thể bỏ phiếu.")
    return _back(session)


@routes("phien-hop/<int:pk>/bo-phieu/", "ballot-cast")
@login_required
@require_POST
def ballot_cast_view(request, pk):
    """The member's ballot: one radio group per nominee; each choice goes through the door."""
    session = session_get_for_user(request.user, pk)
    if not otp.is_verified(request):
        messages.warning(request, MSG_VERIFY if otp.confirmed_device(request.user) else MSG_ENROL)
        target = "council:otp-verify" if otp.confirmed_device(request.user) else "council:otp-setup"
        return redirect(
            reverse(target) + "?" + urlencode({"next": reverse("council:session-detail", args=[session.pk])})
        )
    cast = 0
    picks = [(k[5:], v) for k, v in request.POST.items() if k.startswith("vote_")]
    if not picks:
        messages.error(request, "Bạn chưa chọn Đồng ý hoặc Không đồng ý cho trường hợp nào.")
    for nominee_pk, choice in picks:
        try:
            nominee = nominee_get(session, int(nominee_pk))
            services.ballot_cast(
                session=session, nominee=nominee, choice=choice, acting_user=request.user, otp_verified=True
            )
            cast += 1
        except (ValidationError, PermissionDenied) as exc:
            messages_from_error(request, exc)
        except (Http404, ValueError):
            messages.error(request, services.ERR_NOT_IN_ROUND)
    if cast:
        messages.success(request, f"Đã ghi nhận {cast} phiếu bầu kín của bạn.")
    return _back(session)


def _download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@routes("phien-hop/<int:pk>/bien-ban-hop.docx", "minutes-docx")
@login_required
def minutes_docx(request, pk):
    session = session_get_for_user(request.user, pk)
    if session.status == SessionStatus.PLANNED:
        raise Http404("Phiên họp chưa khai mạc, chưa có biên bản.")
    return _download(
        documents.session_minutes_docx(session), f"bien-ban-hop-{session.council_id}-{session.number}.docx"
    )


@routes("phien-hop/<int:pk>/vong/<int:number>/bien-ban-kiem-phieu.docx", "count-minutes-docx")
@login_required
def count_minutes_docx(request, pk, number):
    session = session_get_for_user(request.user, pk)
    rnd = session.rounds.filter(number=number, status="closed").first()
    if rnd is None:
        raise Http404("Vòng bỏ phiếu chưa kết thúc: chưa có biên bản kiểm phiếu.")
    return _download(
        documents.count_minutes_docx(session, rnd),
        f"bien-ban-kiem-phieu-{session.council_id}-{session.number}-vong-{number}.docx",
    )


# ---------------------------------------------------------------- second factor


def _next(request, default):
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return nxt
    return default


def _second_factor_page_for(user):
    """Enrolment and verification only for users whose roles need the second factor (others: 404)."""
    if not second_factor_needed(user):
        raise Http404


@routes("xac-thuc/dang-ky/", "otp-setup")
@login_required
def otp_setup(request):
    _second_factor_page_for(request.user)
    if otp.confirmed_device(request.user):
        return redirect(
            reverse("council:otp-verify") + "?" + urlencode({"next": _next(request, reverse("council:council-list"))})
        )
    device = otp.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = otp.enrol_confirm(request, form.cleaned_data["token"])
        if codes:
            messages.success(request, "Đã đăng ký và xác thực hai lớp thành công.")
            return _backup_codes_page(request, codes)
        form.add_error("token", otp.ERR_TOKEN)
    return render(
        request,
        "council/otp_setup.html",
        {
            "form": form,
            "qr_svg": otp.qr_svg(device.config_url),
            "secret": otp.secret_of(device),
            "next": _next(request, ""),
        },
    )


def _backup_codes_page(request, codes):
    """Shown once, never stored in the clear: the member prints or copies them now."""
    return render(request, "council/otp_backup_codes.html",
                  {"codes": codes, "next": _next(request, reverse("council:council-list"))})


@routes("xac-thuc/ma-du-phong/", "otp-backup-codes")
@login_required
@require_POST
def otp_backup_codes(request):
    _second_factor_page_for(request.user)
    if not otp.is_verified(request):
        messages.warning(request, MSG_VERIFY if otp.confirmed_device(request.user) else MSG_ENROL)
        return redirect("council:otp-verify")
    return _backup_codes_page(request, otp.backup_codes_issue(request.user))


@routes("xac-thuc/", "otp-verify")
@login_required
def otp_verify(request):
    _second_factor_page_for(request.user)
    if not otp.confirmed_device(request.user):
        messages.warning(request, MSG_ENROL)
        return redirect(reverse("council:otp-setup") + "?" + urlencode({"next": _next(request, "")}))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if otp.verify(request, form.cleaned_data["token"]):
            messages.success(request, "Đã xác thực hai lớp: bạn có thể bỏ phiếu, ký và ban hành trong phiên đăng nhập này.")
            return redirect(_next(request, reverse("council:council-list")))
        form.add_error("token", otp.ERR_TOKEN)
    return render(request, "council/otp_verify.html", {"form": form, "next": _next(request, ""),
                                                       "backup_left": otp.backup_codes_left(request.user)})


# ---------------------------------------------------------------- disclosure (staff side)


@routes("cong-khai/", "disclosure-list")
@login_required
def disclosure_list(request):
    page = page_of(request, disclosure_list_for(request.user).prefetch_related("comments"))
    return render(request, "council/disclosure_list.html", {"disclosures": page, "page": page})


@routes("cong-khai/<int:pk>/", "disclosure-detail")
@login_required
def disclosure_detail(request, pk):
    d = disclosure_get_for_user(request.user, pk)
    return render(
        request,
        "council/disclosure_detail.html",
        {
            "disclosure": d,
            "nomination": d.nomination,
            "comments": d.comments.all(),
            "can_moderate": disclosures.can_disclose(request.user, d.nomination),
            "blocking": disclosure_blocking_reason(d.nomination),
            "response_form": ResponseForm(),
        },
    )


# ---------------------------------------------------------------- changes (one door each)


_council = fetch_one("council", council_get_for_user)


def _to_council(council=None, member=None):
    return reverse("council:council-detail", args=[(council or member.council).pk])


def _member(request, pk, member_pk):
    council = council_get_for_user(request.user, pk)
    return {"member": get_object_or_404(council.members, pk=member_pk)}


_session = fetch_one("session", session_get_for_user)


def _to_session(session=None, item=None, nominee=None):
    return reverse("council:session-detail", args=[(session or (item or nominee).session).pk])


def _agenda_item(request, pk, item_pk):
    session = session_get_for_user(request.user, pk)
    return {"item": get_object_or_404(session.agenda, pk=item_pk)}


def _nominee(request, pk, nominee_pk):
    return {"nominee": nominee_get(session_get_for_user(request.user, pk), nominee_pk)}


def _agenda_nomination(request, data, session):
    try:
        return {"nomination": nomination_get_for_user(request.user, request.POST.get("nomination") or 0)}
    except (Http404, ValueError):
        raise ValidationError(ERR_NOMINATION_NOT_FOUND) from None


def _round_nominees(request, data, session):
    try:
        return {"nominee_ids": [int(i) for i in request.POST.getlist("nominee")] or None}
    except ValueError:
        return {"nominee_ids": None}


def _written_opinion(request, data, session):
    member = members_on(session.council, session.date).filter(pk=data["member"]).first()
    nominee = session.nominees.filter(pk=data["nominee"]).first()
    if member is None or nominee is None:
        raise ValidationError(services.ERR_PRESENT_NOT_MEMBER)
    return {"member": member, "nominee": nominee, "choice": data["choice"]}


_comment = fetch_one("comment", comment_get_for_user)


def _to_disclosure(comment):
    return reverse("council:disclosure-detail", args=[comment.disclosure_id])


member_add_view = routes.door("<int:pk>/thanh-vien/them/", "member-add", services.member_add, fetch=_council,
                              back=_to_council, success="Đã bổ sung thành viên.", form=MemberForm,
                              form_kwargs=lambda request, council: {"users": services.eligible_member_users(council)})
member_end_view = routes.door("<int:pk>/thanh-vien/<int:member_pk>/thoi/", "member-end", services.member_end,
                              fetch=_member, back=_to_council, form=MemberEndForm,
                              success="Đã ghi nhận thôi làm thành viên.")
session_create_view = routes.door("<int:pk>/phien-hop/them/", "session-create", services.session_create,
                                  fetch=_council, back=_to_council, form=SessionForm,
                                  success="Đã lên lịch phiên họp.", then=lambda session, **_: _to_session(session))
agenda_add_view = routes.door("phien-hop/<int:pk>/chuong-trinh/them/", "agenda-add", services.agenda_add,
                              fetch=_session, back=_to_session, args=_agenda_nomination,
                              success="Đã đưa đề nghị vào chương trình họp.")
agenda_remove_view = routes.door(
    "phien-hop/<int:pk>/chuong-trinh/<int:item_pk>/bo/", "agenda-remove", services.agenda_remove, fetch=_agenda_item,
    back=_to_session, success="Đã bỏ đề nghị khỏi chương trình họp.")
attendance_view = routes.door("phien-hop/<int:pk>/diem-danh/", "attendance", services.session_attendance_set,
                              fetch=_session, back=_to_session, args=_present,
                              success="Đã cập nhật thành viên dự họp.")
round_open_view = routes.door("phien-hop/<int:pk>/vong/mo/", "round-open", services.round_open, fetch=_session,
                              back=_to_session, args=_round_nominees, success="Đã mở vòng bỏ phiếu kín.")
round_close_view = routes.door("phien-hop/<int:pk>/vong/kiem-phieu/", "round-close", services.round_close,
                               fetch=_session, back=_to_session,
                               success="Đã kiểm phiếu và công bố kết quả vòng bỏ phiếu.")
written_opinion_view = routes.door(
    "phien-hop/<int:pk>/y-kien-van-ban/", "written-opinion", services.written_opinion_add, fetch=_session,
    back=_to_session, form=WrittenOpinionForm, args=_written_opinion, success="Đã ghi nhận ý kiến bằng văn bản.")
head_decide_view = routes.door("phien-hop/<int:pk>/quyet-dinh/<int:nominee_pk>/", "head-decide", services.head_decide,
                               fetch=_nominee, back=_to_session, form=HeadDecisionForm,
                               success="Đã ghi nhận quyết định của Chủ tịch Hội đồng.")
session_close_view = routes.door("phien-hop/<int:pk>/be-mac/", "session-close", services.session_close,
                                 fetch=_session, back=_to_session, success="Đã bế mạc phiên họp.")
disclosure_open_view = routes.door(
    "cong-khai/de-nghi/<int:nomination_pk>/", "disclosure-open", disclosures.disclosure_open,
    fetch=lambda request, nomination_pk: {"nomination": nomination_get_for_user(request.user, nomination_pk)},
    back=lambda nomination: reverse("awards:nomination-detail", args=[nomination.pk]), form=DisclosureForm,
    success="Đã công khai danh sách đề nghị trên Cổng công khai.",
    then=lambda disclosure, **_: reverse("council:disclosure-detail", args=[disclosure.pk]))
disclosure_paper_view = routes.door(
    "cong-khai/de-nghi/<int:nomination_pk>/niem-yet/", "disclosure-paper", disclosures.disclosure_record_paper,
    fetch=lambda request, nomination_pk: {"nomination": nomination_get_for_user(request.user, nomination_pk)},
    back=lambda nomination: reverse("awards:nomination-detail", args=[nomination.pk]), form=PaperDisclosureForm,
    success=lambda d, **_: f"Đã ghi nhận việc niêm yết công khai từ {d.start:%d/%m/%Y} (hết {d.end:%d/%m/%Y}).",
    then=lambda disclosure, **_: reverse("council:disclosure-detail", args=[disclosure.pk]))
comment_moderate_view = routes.door(
    "y-kien/<int:pk>/duyet/", "comment-moderate", disclosures.comment_moderate, fetch=_comment, back=_to_disclosure,
    args=lambda request, data, **_: {"approve": request.POST.get("approve") == "1"},
    success=lambda moderated, **_: MSG_SHOWN if moderated.status == CommentStatus.APPROVED else MSG_HIDDEN,
)
comment_resolve_view = routes.door("y-kien/<int:pk>/tra-loi/", "comment-resolve", disclosures.comment_resolve,
                                   fetch=_comment, back=_to_disclosure, form=ResponseForm,
                                   success="Đã xử lý, trả lời ý kiến.")
