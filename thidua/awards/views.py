from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from thidua.accounts.access import can, has_any, units_visible_to
from thidua.accounts.models import Capability
from thidua.audit.services import audit_rows
from thidua.core.feedback import messages_from_error, messages_from_form, run_door
from thidua.org.selectors import person_list_for
from thidua.rulebook import codes as rb_codes

from . import documents, services
from .forms import DossierUploadForm, EntryForm, IssueForm, NominationForm, OverrideForm, ReturnForm, RevokeForm
from .models import GrantStatus, NominationStatus
from .selectors import (
    decision_get_for_user,
    decision_list_for,
    dossier_checklist,
    grant_get_for_user,
    nomination_get_for_user,
    nomination_list_for,
)


def _entry_rows(nomination):
    """Each entry with its rulebook verdict (badge + reasons on the nomination page)."""
    today = timezone.localdate()
    rows = []
    for e in nomination.entries.select_related("person", "recipient_unit", "household"):
        verdict = services.entry_verdict(e, today)
        status = verdict.status if verdict is not None else ""
        rows.append({"entry": e, "verdict": verdict, "status": status,
                     "needs_override": status in services.NOT_CLEAR_STATUSES and not e.override_reason})
    return rows


@login_required
def nomination_list(request):
    status = request.GET.get("status", "")
    nominations = nomination_list_for(request.user)
    if status:
        nominations = nominations.filter(status=status)
    return render(request, "awards/nomination_list.html", {
        "nominations": nominations[:500], "status": status, "statuses": NominationStatus.choices,
        "can_create": has_any(request.user, Capability.NOMINATION_MANAGE),
    })


@login_required
def nomination_create_view(request):
    units = units_visible_to(request.user, Capability.NOMINATION_MANAGE).filter(valid_to__isnull=True)
    if not units.exists():
        messages.error(request, services.ERR_NO_PERMISSION)
        return redirect("awards:nomination-list")
    form = NominationForm(request.POST or None, units=units,
                          initial={"year": timezone.localdate().year - 1, "award_code": "GIAY_KHEN"})
    if request.method == "POST" and form.is_valid():
        nomination = services.nomination_create(acting_user=request.user, **form.cleaned_data)
        messages.success(request, "Đã tạo đề nghị. Hãy thêm cá nhân, tập thể được đề nghị.")
        return redirect("awards:nomination-detail", pk=nomination.pk)
    return render(request, "org/form.html", {"form": form, "heading": "Tạo đề nghị khen thưởng"})


def _entry_form(request, nomination, data=None):
    return EntryForm(
        data,
        people=person_list_for(request.user).filter(current_unit__path__startswith=nomination.unit.path),
        units=units_visible_to(request.user).filter(path__startswith=nomination.unit.path, valid_to__isnull=True),
    )


@login_required
def nomination_detail(request, pk):
    nomination = nomination_get_for_user(request.user, pk)
    can_manage = can(request.user, Capability.NOMINATION_MANAGE, nomination.unit)
    return render(request, "awards/nomination_detail.html", {
        "nomination": nomination,
        "entries": _entry_rows(nomination),
        "checklist": dossier_checklist(nomination),
        "upload_form": DossierUploadForm() if can_manage and nomination.editable else None,
        "override_form": OverrideForm(),
        "decider_name": rb_codes.DECIDERS.get(nomination.decider_code, ""),
        "proposed_via_name": rb_codes.DECIDERS.get(nomination.proposed_via, ""),
        "entry_form": _entry_form(request, nomination) if can_manage and nomination.editable else None,
        "can_manage": can_manage,
        "can_approve": can(request.user, Capability.NOMINATION_APPROVE, nomination.decider_unit),
        "can_issue": can(request.user, Capability.DECISION_ISSUE, nomination.decider_unit),
        "return_form": ReturnForm(),
        "issue_form": IssueForm(initial={"issued_on": timezone.localdate()}),
        "decision": getattr(nomination, "decision", None),
        "audit_entries": audit_rows(nomination),
    })


@login_required
@require_POST
def nomination_entry_add_view(request, pk):
    nomination = nomination_get_for_user(request.user, pk)
    form = _entry_form(request, nomination, request.POST)
    if form.is_valid():
        try:
            services.nomination_entry_add(
                nomination=nomination, acting_user=request.user, achievement=form.cleaned_data["achievement"],
                person=form.cleaned_data["person"], recipient_unit=form.cleaned_data["recipient_unit"],
                override_reason=form.cleaned_data["override_reason"],
            )
        except ValidationError as exc:
            messages_from_error(request, exc)
        else:
            messages.success(request, "Đã thêm vào đề nghị.")
    else:
        messages_from_form(request, form)
    return redirect("awards:nomination-detail", pk=nomination.pk)


@login_required
@require_POST
def nomination_entry_remove_view(request, pk, entry_pk):
    nomination = nomination_get_for_user(request.user, pk)
    entry = get_object_or_404(nomination.entries, pk=entry_pk)
    try:
        services.nomination_entry_remove(entry=entry, acting_user=request.user)
    except ValidationError as exc:
        messages_from_error(request, exc)
    return redirect("awards:nomination-detail", pk=nomination.pk)


@login_required
@require_POST
def nomination_submit_view(request, pk):
    nomination = nomination_get_for_user(request.user, pk)
    run_door(request, services.nomination_submit, "Đã trình đề nghị lên người có thẩm quyền.", nomination=nomination)
    return redirect("awards:nomination-detail", pk=nomination.pk)


@login_required
@require_POST
def nomination_approve_view(request, pk):
    nomination = nomination_get_for_user(request.user, pk)
    run_door(request, services.nomination_approve, "Đã phê duyệt đề nghị.", nomination=nomination)
    return redirect("awards:nomination-detail", pk=nomination.pk)


@login_required
@require_POST
def nomination_return_view(request, pk):
    nomination = nomination_get_for_user(request.user, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, services.ERR_RETURN_REASON)
        return redirect("awards:nomination-detail", pk=nomination.pk)
    run_door(request, services.nomination_return, "Đã trả lại đề nghị.", nomination=nomination,
             reason=form.cleaned_data["reason"])
    return redirect("awards:nomination-detail", pk=nomination.pk)


@login_required
@require_POST
def decision_issue_view(request, pk):
    nomination = nomination_get_for_user(request.user, pk)
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages_from_form(request, form)
        return redirect("awards:nomination-detail", pk=nomination.pk)
    try:
        decision = services.decision_issue(nomination=nomination, acting_user=request.user,
                                           issued_on=form.cleaned_data["issued_on"])
    except ValidationError as exc:
        messages_from_error(request, exc)
        return redirect("awards:nomination-detail", pk=nomination.pk)
    messages.success(request, f"Đã ban hành Quyết định số {decision.number_text}.")
    return redirect("awards:decision-detail", pk=decision.pk)


@login_required
@require_POST
def nomination_entry_override_view(request, pk, entry_pk):
    nomination = nomination_get_for_user(request.user, pk)
    entry = get_object_or_404(nomination.entries, pk=entry_pk)
    form = OverrideForm(request.POST)
    if not form.is_valid():
        messages_from_form(request, form)
        return redirect("awards:nomination-detail", pk=nomination.pk)
    try:
        services.nomination_entry_override(entry=entry, acting_user=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages_from_error(request, exc)
    else:
        messages.success(request, f"Đã ghi lý do đề nghị cho {entry.display_name}.")
    return redirect("awards:nomination-detail", pk=nomination.pk)


@login_required
@require_POST
def dossier_upload_view(request, pk):
    nomination = nomination_get_for_user(request.user, pk)
    form = DossierUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages_from_form(request, form)
        return redirect("awards:nomination-detail", pk=nomination.pk)
    try:
        doc = services.dossier_document_add(nomination=nomination, doc_type=form.cleaned_data["doc_type"],
                                            file=form.cleaned_data["file"], acting_user=request.user)
    except ValidationError as exc:
        messages_from_error(request, exc)
    else:
        messages.success(request, f"Đã nộp tài liệu “{doc.original_name}” vào hồ sơ.")
    return redirect("awards:nomination-detail", pk=nomination.pk)


@login_required
@require_POST
def dossier_remove_view(request, pk, doc_pk):
    nomination = nomination_get_for_user(request.user, pk)
    doc = get_object_or_404(nomination.documents, pk=doc_pk)
    try:
        services.dossier_document_remove(document=doc, acting_user=request.user)
    except ValidationError as exc:
        messages_from_error(request, exc)
    else:
        messages.success(request, "Đã bỏ tài liệu khỏi hồ sơ.")
    return redirect("awards:nomination-detail", pk=nomination.pk)


@login_required
@require_safe
def dossier_file_view(request, pk, doc_pk):
    nomination = nomination_get_for_user(request.user, pk)
    doc = get_object_or_404(nomination.documents, pk=doc_pk)
    with doc.file.open("rb") as fh:
        return _download(fh.read(), doc.original_name, "application/octet-stream")


@login_required
@require_POST
def submission_letter_view(request, pk):
    nomination = nomination_get_for_user(request.user, pk)
    try:
        doc = services.submission_letter_generate(nomination=nomination, acting_user=request.user)
    except ValidationError as exc:
        messages_from_error(request, exc)
    else:
        messages.success(request, f"Đã tạo Tờ trình số {doc.number:02d} và lưu vào hồ sơ.")
    return redirect("awards:nomination-detail", pk=nomination.pk)


@login_required
@require_safe
def decision_list(request):
    return render(request, "awards/decision_list.html", {"decisions": decision_list_for(request.user)[:500]})


@login_required
@require_safe
def decision_detail(request, pk):
    decision = decision_get_for_user(request.user, pk)
    can_issue = can(request.user, Capability.DECISION_ISSUE, decision.issuer)
    valid = decision.grants.filter(status=GrantStatus.VALID)
    return render(request, "awards/decision_detail.html", {
        "decision": decision,
        "grants": decision.grants.select_related("decision", "decision__issuer", "revoked_by"),
        "recovery": documents.recovery_rows(decision) if decision.is_revocation else [],
        "revoke_form": (RevokeForm(grants=valid, initial={"issued_on": timezone.localdate()})
                        if can_issue and not decision.is_revocation and valid.exists() else None),
        "amount_words": documents.amount_words(decision.total_amount),
        "audit_entries": audit_rows(decision),
    })


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@require_safe
def decision_docx(request, pk):
    decision = decision_get_for_user(request.user, pk)
    return _download(documents.decision_docx(decision), f"quyet-dinh-{decision.number:02d}-{decision.year}.docx", DOCX)


@login_required
@require_POST
def decision_revoke_view(request, pk):
    decision = decision_get_for_user(request.user, pk)
    form = RevokeForm(request.POST, grants=decision.grants.filter(status=GrantStatus.VALID))
    if not form.is_valid():
        messages_from_form(request, form)
        return redirect("awards:decision-detail", pk=decision.pk)
    try:
        revocation = services.decision_revoke(
            decision=decision, acting_user=request.user, ground=form.cleaned_data["ground"],
            reason=form.cleaned_data["reason"], issued_on=form.cleaned_data["issued_on"],
            grants=list(form.cleaned_data["grants"]) or None)
    except ValidationError as exc:
        messages_from_error(request, exc)
        return redirect("awards:decision-detail", pk=decision.pk)
    messages.success(request, f"Đã ban hành Quyết định hủy bỏ số {revocation.number_text}.")
    return redirect("awards:decision-detail", pk=revocation.pk)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_safe
def decision_payment_sheet(request, pk):
    decision = decision_get_for_user(request.user, pk)
    if decision.is_revocation:
        raise Http404(documents.ERR_NO_PDF)
    return _download(documents.payment_sheet_xlsx(decision),
                     f"chi-tien-thuong-qd-{decision.number:02d}-{decision.year}.xlsx", XLSX)


@login_required
@require_safe
def decision_pdf(request, pk):
    decision = decision_get_for_user(request.user, pk)
    return _download(documents.decision_pdf(decision), f"quyet-dinh-{decision.number:02d}-{decision.year}.pdf",
                     "application/pdf")


@login_required
@require_safe
def decision_certificates(request, pk):
    decision = decision_get_for_user(request.user, pk)
    pdf = documents.certificates_pdf(list(decision.grants.select_related("decision", "decision__issuer")), request)
    return _download(pdf, f"giay-chung-nhan-qd-{decision.number:02d}-{decision.year}.pdf", "application/pdf")


@login_required
@require_safe
def grant_certificate(request, pk):
    grant = grant_get_for_user(request.user, pk)
    return _download(documents.certificates_pdf([grant], request), f"giay-chung-nhan-{grant.pk}.pdf", "application/pdf")
