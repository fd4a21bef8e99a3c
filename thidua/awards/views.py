from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from thidua.accounts.access import can, has_any, reach_key
from thidua.accounts.models import Capability
from thidua.audit.cache import cached
from thidua.audit.services import audit_rows
from thidua.core.door_views import fetch_one, form_page
from thidua.core.errors import ERR_NO_PERMISSION
from thidua.core.paging import page_of
from thidua.core.routes import Routes
from thidua.documents.mime import DOCX, XLSX
from thidua.emulation import selectors as emulation_selectors
from thidua.org.selectors import person_list_for, units_visible_to
from thidua.rulebook import codes as rb_codes

from . import documents, jobs, levels, proposals, services
from .forms import (
    CouncilMinutesForm,
    DossierUploadForm,
    EntryFixForm,
    EntryForm,
    IssueForm,
    JudgementForm,
    NominationForm,
    OverrideForm,
    ReturnForm,
    RevokeForm,
)
from .models import DecisionSource, GrantStatus, NominationStatus
from .selectors import (
    decision_get_for_user,
    decision_list_for,
    dossier_checklist,
    grant_get_for_user,
    nomination_get_for_user,
    nomination_list_for,
    procedure_rows,
)

routes = Routes()

MSG_PAPER_ORIGINAL = ("Quyết định này được ghi nhận từ bản giấy: bản gốc có chữ ký lưu tại cơ quan ban hành; hệ thống "
                      "không in lại văn bản.")


def _entry_rows(nomination):
    """Each entry with its rulebook verdict (badge + reasons on the nomination page)."""
    today = timezone.localdate()
    rows = []
    for e in nomination.entries.select_related("person", "recipient_unit", "household"):
        verdict = services.entry_verdict(e, today)
        status = verdict.status if verdict is not None else ""
        asked = (e.verdict_status or status) == rb_codes.STATUS_NEEDS_JUDGEMENT
        rows.append({"entry": e, "verdict": verdict, "status": status,
                     "needs_override": status in services.OVERRIDE_STATUSES and not e.override_reason,
                     "needs_judgement": asked and not services.judgement_answered(e)})
    return rows


@routes("", "nomination-list")
@login_required
def nomination_list(request):
    status = request.GET.get("status", "")
    nominations = nomination_list_for(request.user)
    if status:
        nominations = nominations.filter(status=status)
    page = page_of(request, nominations)
    return render(request, "awards/nomination_list.html", {
        "nominations": page, "page": page, "status": status, "statuses": NominationStatus.choices,
        "can_create": has_any(request.user, Capability.NOMINATION_MANAGE),
    })


nomination_create_view = routes.add("de-nghi/them/", "nomination-create", form_page(
    services.nomination_create, form=NominationForm, heading="Tạo đề nghị khen thưởng", denied=ERR_NO_PERMISSION,
    units=lambda request: units_visible_to(request.user, Capability.NOMINATION_MANAGE).filter(valid_to__isnull=True),
    initial=lambda request: {"year": timezone.localdate().year - 1, "award_code": "GIAY_KHEN"},
    success="Đã tạo đề nghị. Hãy thêm cá nhân, tập thể được đề nghị.",
    then=lambda nomination: reverse("awards:nomination-detail", args=[nomination.pk])))


def _entry_form_scope(request, nomination):
    """Who may be added: people and collectives under the proposing unit, as far as the user sees them."""
    user = request.user
    return {
        "people": person_list_for(user).filter(current_unit__path__startswith=nomination.unit.path),
        "units": units_visible_to(user).filter(path__startswith=nomination.unit.path, valid_to__isnull=True),
    }


def _entry_form(request, nomination, data=None):
    return EntryForm(data, **_entry_form_scope(request, nomination))


@routes("de-nghi/<int:pk>/", "nomination-detail")
@login_required
def nomination_detail(request, pk):
    nomination = nomination_get_for_user(request.user, pk)
    can_manage = can(request.user, Capability.NOMINATION_MANAGE, nomination.unit)
    return render(request, "awards/nomination_detail.html", {
        "nomination": nomination,
        "entries": _entry_rows(nomination),
        "checklist": dossier_checklist(nomination),
        "procedure": procedure_rows(nomination),
        "minutes_form": CouncilMinutesForm() if services.council_missing(nomination) else None,
        "upload_form": DossierUploadForm() if can_manage and nomination.editable else None,
        "override_form": OverrideForm(),
        "decider_name": rb_codes.DECIDERS.get(nomination.decider_code, ""),
        "proposed_via_name": rb_codes.DECIDERS.get(nomination.proposed_via, ""),
        "entry_form": _entry_form(request, nomination) if can_manage and nomination.editable else None,
        "can_manage": can_manage,
        "can_approve": can(request.user, Capability.NOMINATION_APPROVE, nomination.decider_unit),
        "receives": nomination.status == "submitted" and levels.receives(request.user, nomination),
        "consolidatable": (levels.consolidatable(nomination) if can_manage and nomination.editable else []),
        "consolidated_into": nomination.consolidated_into,
        "consolidated_decision": levels.decision_of(nomination.consolidated_into),
        "can_judge": (can_manage and nomination.editable) or (
            nomination.status == "submitted"
            and can(request.user, Capability.NOMINATION_APPROVE, nomination.decider_unit)),
        "can_issue": can(request.user, Capability.DECISION_ISSUE, nomination.decider_unit),
        "return_form": ReturnForm(),
        "issue_form": IssueForm(initial={"issued_on": timezone.localdate()}),
        "decision": getattr(nomination, "decision", None),
        "audit_entries": audit_rows(nomination),
    })


@routes("de-nghi/<int:pk>/ho-so/<int:doc_pk>/", "dossier-file")
@login_required
@require_safe
def dossier_file_view(request, pk, doc_pk):
    nomination = nomination_get_for_user(request.user, pk)
    doc = get_object_or_404(nomination.documents, pk=doc_pk)
    with doc.file.open("rb") as fh:
        return _download(fh.read(), doc.original_name, "application/octet-stream")


@routes("quyet-dinh/", "decision-list")
@login_required
@require_safe
def decision_list(request):
    decisions = decision_list_for(request.user)
    count = cached("decision-count", reach_key(request.user), decisions.count)
    page = page_of(request, decisions, count=count)
    return render(request, "awards/decision_list.html", {"decisions": page, "page": page})


@routes("quyet-dinh/<int:pk>/", "decision-detail")
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
        "certificates_in_background": valid.count() > settings.CERTIFICATES_INLINE_MAX,
    })


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@routes("quyet-dinh/<int:pk>/docx/", "decision-docx")
@login_required
@require_safe
def decision_docx(request, pk):
    decision = decision_get_for_user(request.user, pk)
    if decision.source == DecisionSource.PAPER:
        return _paper_original(request, decision)
    return _download(documents.decision_docx(decision), f"quyet-dinh-{decision.number:02d}-{decision.year}.docx", DOCX)


def _paper_original(request, decision):
    """A decision recorded from paper has its signed original; the system does not print a lookalike of it."""
    messages.info(request, MSG_PAPER_ORIGINAL)
    return redirect("awards:decision-detail", decision.pk)


@routes("quyet-dinh/<int:pk>/chi-tien-thuong.xlsx", "decision-payment-sheet")
@login_required
@require_safe
def decision_payment_sheet(request, pk):
    decision = decision_get_for_user(request.user, pk)
    if decision.is_revocation:
        raise Http404(documents.ERR_NO_PDF)
    return _download(documents.payment_sheet_xlsx(decision),
                     f"chi-tien-thuong-qd-{decision.number:02d}-{decision.year}.xlsx", XLSX)


@routes("quyet-dinh/<int:pk>/pdf/", "decision-pdf")
@login_required
@require_safe
def decision_pdf(request, pk):
    decision = decision_get_for_user(request.user, pk)
    if decision.source == DecisionSource.PAPER:
        return _paper_original(request, decision)
    return _download(documents.decision_pdf(decision), f"quyet-dinh-{decision.number:02d}-{decision.year}.pdf",
                     "application/pdf")


@routes("quyet-dinh/<int:pk>/giay-chung-nhan.pdf", "decision-certificates")
@login_required
@require_safe
def decision_certificates(request, pk):
    decision = decision_get_for_user(request.user, pk)
    pdf = documents.certificates_pdf(list(decision.grants.select_related("decision", "decision__issuer")), request)
    return _download(pdf, f"giay-chung-nhan-qd-{decision.number:02d}-{decision.year}.pdf", "application/pdf")


@routes("khen-thuong/<int:pk>/giay-chung-nhan.pdf", "grant-certificate")
@login_required
@require_safe
def grant_certificate(request, pk):
    grant = grant_get_for_user(request.user, pk)
    return _download(documents.certificates_pdf([grant], request), f"giay-chung-nhan-{grant.pk}.pdf", "application/pdf")


# ---------------------------------------------------------------------------- changes (one door each)


_nomination = fetch_one("nomination", nomination_get_for_user)


def _to_nomination(nomination=None, entry=None, document=None):
    nomination = nomination or (entry or document).nomination
    return reverse("awards:nomination-detail", args=[nomination.pk])


def _entry(request, pk, entry_pk):
    nomination = nomination_get_for_user(request.user, pk)
    return {"entry": get_object_or_404(nomination.entries, pk=entry_pk)}


def _document(request, pk, doc_pk):
    nomination = nomination_get_for_user(request.user, pk)
    return {"document": get_object_or_404(nomination.documents, pk=doc_pk)}


_decision = fetch_one("decision", decision_get_for_user)


def _to_decision(decision):
    return reverse("awards:decision-detail", args=[decision.pk])


nomination_entry_add_view = routes.door(
    "de-nghi/<int:pk>/them-nguoi/", "nomination-entry-add", services.nomination_entry_add, fetch=_nomination,
    back=_to_nomination, success="Đã thêm vào đề nghị.", form=EntryForm, form_kwargs=_entry_form_scope)
nomination_entry_remove_view = routes.door(
    "de-nghi/<int:pk>/bo/<int:entry_pk>/", "nomination-entry-remove", services.nomination_entry_remove, fetch=_entry,
    back=_to_nomination)
nomination_submit_view = routes.door("de-nghi/<int:pk>/trinh/", "nomination-submit", services.nomination_submit,
                                     fetch=_nomination, back=_to_nomination,
                                     success="Đã trình đề nghị lên người có thẩm quyền.")
nomination_approve_view = routes.door(
    "de-nghi/<int:pk>/phe-duyet/", "nomination-approve", services.nomination_approve, fetch=_nomination,
    back=_to_nomination, success="Đã phê duyệt đề nghị.", second_factor=True)
council_minutes_view = routes.door(
    "de-nghi/<int:pk>/bien-ban-hoi-dong/", "council-minutes", services.nomination_council_minutes_record,
    fetch=_nomination, back=_to_nomination, form=CouncilMinutesForm,
    success="Đã ghi nhận kết quả họp Hội đồng Thi đua – Khen thưởng theo biên bản.")
nomination_return_view = routes.door("de-nghi/<int:pk>/tra-lai/", "nomination-return", services.nomination_return,
                                     fetch=_nomination, back=_to_nomination, form=ReturnForm,
                                     success="Đã trả lại đề nghị.")
decision_issue_view = routes.door("de-nghi/<int:pk>/ban-hanh/", "decision-issue", services.decision_issue,
                                  fetch=_nomination, back=_to_nomination, form=IssueForm,
                                  success=lambda decision, **_: f"Đã ban hành Quyết định số {decision.number_text}.",
                                  then=lambda decision, **_: _to_decision(decision), second_factor=True)
nomination_entry_override_view = routes.door(
    "de-nghi/<int:pk>/ngoai-le/<int:entry_pk>/", "nomination-entry-override", services.nomination_entry_override,
    fetch=_entry, back=_to_nomination, form=OverrideForm,
    success=lambda result, entry: f"Đã ghi lý do đề nghị cho {entry.display_name}.")
entry_return_view = routes.door(
    "de-nghi/<int:pk>/tra-lai/<int:entry_pk>/", "entry-return", levels.entry_return, fetch=_entry,
    back=_to_nomination, form=ReturnForm,
    success=lambda result, entry: f"Đã trả lại {entry.display_name} để đơn vị sửa.")
entry_fix_view = routes.door(
    "de-nghi/<int:pk>/sua/<int:entry_pk>/", "entry-fix", levels.nomination_entry_update, fetch=_entry,
    back=_to_nomination, form=EntryFixForm, success=lambda result, entry: f"Đã sửa thành tích của {entry.display_name}.")
consolidate_view = routes.door(
    "de-nghi/<int:pk>/tong-hop/", "consolidate", levels.nominations_consolidate,
    fetch=lambda request, pk: {"target": nomination_get_for_user(request.user, pk)},
    back=lambda target: reverse("awards:nomination-detail", args=[target.pk]),
    args=lambda request, data, target: {"sources": list(levels.consolidatable(target).filter(
        pk__in=[int(i) for i in request.POST.getlist("source") if i.isdigit()]))},
    success=lambda result, target: f"Đã tổng hợp danh sách của đơn vị trực thuộc vào “{target.title}”.")
entry_judgement_view = routes.door(
    "de-nghi/<int:pk>/xem-xet/<int:entry_pk>/", "entry-judgement", services.entry_judgement_record,
    fetch=_entry, back=_to_nomination, form=JudgementForm,
    success=lambda result, entry: f"Đã ghi nhận kết quả xem xét cho {entry.display_name}.")
dossier_upload_view = routes.door("de-nghi/<int:pk>/ho-so/", "dossier-upload", services.dossier_document_add,
                                  fetch=_nomination, back=_to_nomination, form=DossierUploadForm,
                                  success=lambda doc, **_: f"Đã nộp tài liệu “{doc.original_name}” vào hồ sơ.")
dossier_remove_view = routes.door(
    "de-nghi/<int:pk>/ho-so/<int:doc_pk>/bo/", "dossier-remove", services.dossier_document_remove, fetch=_document,
    back=_to_nomination, success="Đã bỏ tài liệu khỏi hồ sơ.")
submission_letter_view = routes.door(
    "de-nghi/<int:pk>/to-trinh/", "submission-letter", services.submission_letter_generate, fetch=_nomination,
    back=_to_nomination, success=lambda doc, **_: f"Đã tạo Tờ trình số {doc.number:02d} và lưu vào hồ sơ.")
certificates_job_view = routes.door(
    "quyet-dinh/<int:pk>/giay-chung-nhan/tao/", "decision-certificates-job", jobs.certificates_job_start,
    fetch=_decision, back=_to_decision, args=lambda request, data, decision: {"back_url": _to_decision(decision)},
    then=lambda job, **_: reverse("notifications:file-job", args=[job.pk]),
    success="Đã gửi yêu cầu: máy chủ đang tạo tệp giấy chứng nhận.")
decision_revoke_view = routes.door(
    "quyet-dinh/<int:pk>/huy-bo/", "decision-revoke", services.decision_revoke, fetch=_decision, back=_to_decision,
    form=RevokeForm, second_factor=True,
    form_kwargs=lambda request, decision: {"grants": decision.grants.filter(status=GrantStatus.VALID)},
    args=lambda request, data, **_: {**data, "grants": list(data["grants"]) or None},
    success=lambda revocation, **_: f"Đã ban hành Quyết định hủy bỏ số {revocation.number_text}.",
    then=lambda revocation, **_: _to_decision(revocation))
ranking_propose = routes.door(
    "cum/<int:pk>/de-nghi-theo-xep-hang/", "ranking-propose", proposals.ranking_propose,
    fetch=lambda request, pk: {"cluster": emulation_selectors.cluster_get_for_user(request.user, pk)},
    back=lambda cluster: reverse("emulation:cluster-detail", args=[cluster.pk]),
    success="Đã tạo đề nghị khen thưởng (bản nháp) theo kết quả xếp hạng.")
