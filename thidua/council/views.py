"""Council pages: thin views over the scoped accessors and the doors in services.py."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from thidua.accounts.access import has_any, units_visible_to
from thidua.accounts.models import Capability
from thidua.audit.services import audit_rows
from thidua.awards.selectors import nomination_get_for_user
from thidua.core.feedback import messages_from_error, messages_from_form, run_door

from . import documents, otp, services
from .board import agenda_candidates, session_board
from .forms import (
    CouncilForm,
    DisclosureForm,
    HeadDecisionForm,
    MemberEndForm,
    MemberForm,
    ResponseForm,
    SessionForm,
    TokenForm,
    WrittenOpinionForm,
)
from .models import Choice, SessionStatus
from .selectors import (
    can_manage_council,
    can_run_session,
    comment_get_for_user,
    council_get_for_user,
    council_list_for,
    disclosure_blocking_reason,
    disclosure_get_for_user,
    disclosure_list_for,
    members_on,
    nominee_get,
    session_get_for_user,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MSG_VERIFY = "Để bỏ phiếu, bạn cần xác thực hai lớp: nhập mã 6 chữ số trên ứng dụng xác thực."
MSG_ENROL = "Để bỏ phiếu, bạn cần đăng ký xác thực hai lớp (ứng dụng tạo mã OTP) trước."


# ---------------------------------------------------------------- councils


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


@login_required
def council_create_view(request):
    units = units_visible_to(request.user, Capability.COUNCIL_MANAGE).filter(valid_to__isnull=True)
    if not units.exists():
        raise PermissionDenied(services.ERR_NO_PERMISSION)
    form = CouncilForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        council = run_door(request, services.council_create, "Đã thành lập hội đồng.", **form.cleaned_data)
        if council:
            return redirect("council:council-detail", pk=council.pk)
    return render(request, "org/form.html", {"form": form, "heading": "Thành lập Hội đồng Thi đua – Khen thưởng"})


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


@login_required
@require_POST
def member_add_view(request, pk):
    council = council_get_for_user(request.user, pk)
    form = MemberForm(request.POST, users=services.eligible_member_users(council))
    if form.is_valid():
        run_door(request, services.member_add, "Đã bổ sung thành viên.", council=council, **form.cleaned_data)
    else:
        messages_from_form(request, form)
    return redirect("council:council-detail", pk=council.pk)


@login_required
@require_POST
def member_end_view(request, pk, member_pk):
    council = council_get_for_user(request.user, pk)
    member = council.members.filter(pk=member_pk).first()
    if member is None:
        raise Http404
    form = MemberEndForm(request.POST)
    if form.is_valid():
        run_door(
            request,
            services.member_end,
            "Đã ghi nhận thôi làm thành viên.",
            member=member,
            end=form.cleaned_data["end"],
        )
    else:
        messages_from_form(request, form)
    return redirect("council:council-detail", pk=council.pk)


@login_required
@require_POST
def session_create_view(request, pk):
    council = council_get_for_user(request.user, pk)
    form = SessionForm(request.POST)
    if form.is_valid():
        session = run_door(request, services.session_create, "Đã lên lịch phiên họp.", council=council, **form.cleaned_data)
        if session:
            return redirect("council:session-detail", pk=session.pk)
    else:
        messages_from_form(request, form)
    return redirect("council:council-detail", pk=council.pk)


# ---------------------------------------------------------------- sessions


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
    return redirect("council:session-detail", pk=session.pk)


@login_required
@require_POST
def agenda_add_view(request, pk):
    session = session_get_for_user(request.user, pk)
    try:
        nomination = nomination_get_for_user(request.user, request.POST.get("nomination") or 0)
    except (Http404, ValueError):
        messages.error(request, "Không tìm thấy đề nghị hoặc bạn không có quyền xem.")
        return _back(session)
    run_door(request, services.agenda_add, "Đã đưa đề nghị vào chương trình họp.", session=session, nomination=nomination)
    return _back(session)


@login_required
@require_POST
def agenda_remove_view(request, pk, item_pk):
    session = session_get_for_user(request.user, pk)
    item = session.agenda.filter(pk=item_pk).first()
    if item is None:
        raise Http404
    run_door(request, services.agenda_remove, "Đã bỏ đề nghị khỏi chương trình họp.", item=item)
    return _back(session)


def _present_ids(request):
    try:
        return [int(v) for v in request.POST.getlist("present")]
    except ValueError:
        return None


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


@login_required
@require_POST
def attendance_view(request, pk):
    session = session_get_for_user(request.user, pk)
    ids = _present_ids(request)
    if ids is None:
        messages.error(request, services.ERR_PRESENT_NOT_MEMBER)
        return _back(session)
    run_door(
        request,
        services.session_attendance_set,
        "Đã cập nhật thành viên dự họp.",
        session=session,
        present_member_ids=ids,
    )
    return _back(session)


@login_required
@require_POST
def round_open_view(request, pk):
    session = session_get_for_user(request.user, pk)
    ids = request.POST.getlist("nominee") or None
    try:
        ids = [int(i) for i in ids] if ids else None
    except ValueError:
        ids = None
    run_door(request, services.round_open, "Đã mở vòng bỏ phiếu kín.", session=session, nominee_ids=ids)
    return _back(session)


@login_required
@require_POST
def round_close_view(request, pk):
    session = session_get_for_user(request.user, pk)
    run_door(request, services.round_close, "Đã kiểm phiếu và công bố kết quả vòng bỏ phiếu.", session=session)
    return _back(session)


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


@login_required
@require_POST
def written_opinion_view(request, pk):
    session = session_get_for_user(request.user, pk)
    form = WrittenOpinionForm(request.POST)
    if not form.is_valid():
        messages_from_form(request, form)
        return _back(session)
    member = members_on(session.council, session.date).filter(pk=form.cleaned_data["member"]).first()
    nominee = session.nominees.filter(pk=form.cleaned_data["nominee"]).first()
    if member is None or nominee is None:
        messages.error(request, services.ERR_PRESENT_NOT_MEMBER)
        return _back(session)
    run_door(
        request,
        services.written_opinion_add,
        "Đã ghi nhận ý kiến bằng văn bản.",
        session=session,
        nominee=nominee,
        member=member,
        choice=form.cleaned_data["choice"],
    )
    return _back(session)


@login_required
@require_POST
def head_decide_view(request, pk, nominee_pk):
    session = session_get_for_user(request.user, pk)
    nominee = nominee_get(session, nominee_pk)
    form = HeadDecisionForm(request.POST)
    if form.is_valid():
        run_door(
            request,
            services.head_decide,
            "Đã ghi nhận quyết định của Chủ tịch Hội đồng.",
            nominee=nominee,
            approve=form.cleaned_data["approve"],
            reason=form.cleaned_data["reason"],
        )
    else:
        messages_from_form(request, form)
    return _back(session)


@login_required
@require_POST
def session_close_view(request, pk):
    session = session_get_for_user(request.user, pk)
    run_door(request, services.session_close, "Đã bế mạc phiên họp.", session=session)
    return _back(session)


def _download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def minutes_docx(request, pk):
    session = session_get_for_user(request.user, pk)
    if session.status == SessionStatus.PLANNED:
        raise Http404("Phiên họp chưa khai mạc, chưa có biên bản.")
    return _download(
        documents.session_minutes_docx(session), f"bien-ban-hop-{session.council_id}-{session.number}.docx"
    )


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


@login_required
def otp_setup(request):
    if otp.confirmed_device(request.user):
        return redirect(
            reverse("council:otp-verify") + "?" + urlencode({"next": _next(request, reverse("council:council-list"))})
        )
    device = otp.pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if otp.enrol_confirm(request, form.cleaned_data["token"]):
            messages.success(request, "Đã đăng ký và xác thực hai lớp thành công.")
            return redirect(_next(request, reverse("council:council-list")))
        form.add_error("token", otp.ERR_TOKEN)
    return render(
        request,
        "council/otp_setup.html",
        {
            "form": form,
            "uri": device.config_url,
            "qr_svg": otp.qr_svg(device.config_url),
            "secret": device.config_url.split("secret=")[1].split("&")[0] if "secret=" in device.config_url else "",
            "next": _next(request, ""),
        },
    )


@login_required
def otp_verify(request):
    if not otp.confirmed_device(request.user):
        messages.warning(request, MSG_ENROL)
        return redirect(reverse("council:otp-setup") + "?" + urlencode({"next": _next(request, "")}))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if otp.verify(request, form.cleaned_data["token"]):
            messages.success(request, "Đã xác thực hai lớp. Bạn có thể bỏ phiếu.")
            return redirect(_next(request, reverse("council:council-list")))
        form.add_error("token", otp.ERR_TOKEN)
    return render(request, "council/otp_verify.html", {"form": form, "next": _next(request, "")})


# ---------------------------------------------------------------- disclosure (staff side)


@login_required
def disclosure_list(request):
    return render(request, "council/disclosure_list.html", {"disclosures": disclosure_list_for(request.user)[:300]})


@login_required
@require_POST
def disclosure_open_view(request, nomination_pk):
    nomination = nomination_get_for_user(request.user, nomination_pk)
    form = DisclosureForm(request.POST)
    if not form.is_valid():
        messages_from_form(request, form)
        return redirect("awards:nomination-detail", pk=nomination.pk)
    d = run_door(
        request,
        services.disclosure_open,
        "Đã công khai danh sách đề nghị trên Cổng công khai.",
        nomination=nomination,
        start=form.cleaned_data.get("start"),
    )
    if d:
        return redirect("council:disclosure-detail", pk=d.pk)
    return redirect("awards:nomination-detail", pk=nomination.pk)


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
            "can_moderate": services.can_disclose(request.user, d.nomination),
            "blocking": disclosure_blocking_reason(d.nomination),
            "response_form": ResponseForm(),
        },
    )


@login_required
@require_POST
def comment_moderate_view(request, pk):
    comment = comment_get_for_user(request.user, pk)
    approve = request.POST.get("approve") == "1"
    run_door(
        request,
        services.comment_moderate,
        "Đã duyệt hiển thị ý kiến." if approve else "Đã ẩn ý kiến.",
        comment=comment,
        approve=approve,
    )
    return redirect("council:disclosure-detail", pk=comment.disclosure_id)


@login_required
@require_POST
def comment_resolve_view(request, pk):
    comment = comment_get_for_user(request.user, pk)
    form = ResponseForm(request.POST)
    if form.is_valid():
        run_door(
            request,
            services.comment_resolve,
            "Đã xử lý, trả lời ý kiến.",
            comment=comment,
            response=form.cleaned_data["response"],
        )
    else:
        messages_from_form(request, form)
    return redirect("council:disclosure-detail", pk=comment.disclosure_id)
