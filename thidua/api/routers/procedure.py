"""The legal procedure (issue 5, items 1, 2, 5, 6): routing, eligibility and overrides, the dossier and
its Tờ trình, the payment sheet, and revocation. Same accessors and doors as the pages: outside
your reach → 404, in reach with the wrong role → 403, bad input → 400 with a Vietnamese `detail`.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from ninja import Field as NField
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from thidua.awards import documents, services
from thidua.awards.models import DocType, RevocationGround
from thidua.awards.selectors import (
    decision_get_for_user,
    dossier_checklist,
    nomination_get_for_user,
    procedure_rows,
)
from thidua.documents.mime import XLSX
from thidua.rulebook import codes

from ..schemas import SecondFactorIn
from .common import file_response, responses, second_factor_given

router = Router()

ERR_NOT_PASSED = "not_passed phải là các mã số, cách nhau bởi dấu phẩy."
ERR_DOCUMENT_NOT_FOUND = "Không tìm thấy tài liệu số {pk} trong hồ sơ này."


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# ---------------------------------------------------------------- schemas

class RouteOut(Schema):
    nomination_id: int
    award_code: str
    award_name: str
    decider: str = NField(..., description="Mã người có thẩm quyền (rulebook), ví dụ province_chairman.")
    decider_name: str
    decider_unit_id: int
    decider_unit_name: str
    citation: str
    proposed_via: str = NField(..., description="Người trình (Thủ tướng Chính phủ trình Chủ tịch nước), hoặc rỗng.")


class CriterionOut(Schema):
    rule_id: str
    text: str
    met: bool | None
    citation: str
    severity: str


class EntryVerdictOut(Schema):
    entry_id: int
    display_name: str
    status: str = NField(..., description="eligible, not_eligible, needs_judgement; rỗng nếu không có quy tắc.")
    status_label: str
    criteria: list[CriterionOut]
    override_reason: str
    needs_override: bool


class DocumentOut(Schema):
    id: int
    doc_type: str
    original_name: str
    size: int
    generated: bool
    uploaded_at: dt.datetime


class ChecklistItemOut(Schema):
    doc_type: str
    label: str
    required: bool
    note: str
    present: bool
    documents: list[DocumentOut]


class RevokeIn(SecondFactorIn):
    ground: str = NField(..., description="; ".join(f"{v}: {label}" for v, label in RevocationGround.choices))
    reason: str = NField(..., max_length=2000, description="Nội dung kết luận làm căn cứ hủy bỏ.")
    grant_ids: list[int] | None = NField(None, description="Các khen thưởng bị hủy; bỏ trống là tất cả.")
    issued_on: dt.date | None = NField(None, description="Ngày ban hành quyết định hủy bỏ (yyyy-mm-dd).")


class RecoveryOut(Schema):
    grant_id: int
    display_name: str
    golden_book_number: str
    amount: int
    item: str


class RevocationOut(Schema):
    id: int
    number_text: str
    issued_on: dt.date
    summary: str
    ground: str
    ground_label: str
    reason: str
    revokes_id: int
    revokes_number_text: str
    total_amount: int
    recover: list[RecoveryOut]


class GroundOut(Schema):
    code: str
    label: str


# ---------------------------------------------------------------- routing and eligibility

@router.get("/nominations/{nomination_id}/route", response=responses(RouteOut), url_name="procedure-route",
            summary="Cấp có thẩm quyền quyết định của một đề nghị")
def nomination_route(request, nomination_id: int):
    n = nomination_get_for_user(request.auth, nomination_id)
    return {"nomination_id": n.pk, "award_code": n.award_code, "award_name": codes.name_vi(n.award_code),
            "decider": n.decider_code, "decider_name": codes.DECIDERS.get(n.decider_code, ""),
            "decider_unit_id": n.decider_unit_id, "decider_unit_name": n.decider_unit.name,
            "citation": n.decider_citation, "proposed_via": n.proposed_via}


def _verdicts(nomination):
    from django.utils import timezone

    rows = []
    for entry in nomination.entries.select_related("person", "recipient_unit", "household"):
        verdict = services.entry_verdict(entry, timezone.localdate())
        status = verdict.status if verdict is not None else ""
        rows.append({
            "entry_id": entry.pk, "display_name": entry.display_name, "status": status,
            "status_label": codes.STATUSES.get(status, "Không có quy tắc tự động"),
            "criteria": [{"rule_id": c.rule_id, "text": c.text_vi, "met": c.met, "citation": c.citation,
                          "severity": c.severity}
                         for c in (verdict.criteria if verdict is not None else [])],
            "override_reason": entry.override_reason,
            "needs_override": status in services.OVERRIDE_STATUSES and not entry.override_reason,
        })
    return rows


@router.get("/nominations/{nomination_id}/eligibility", response=responses(list[EntryVerdictOut]),
            url_name="procedure-eligibility", summary="Kết quả xét điều kiện từng người, tập thể (rulebook)")
def nomination_eligibility(request, nomination_id: int):
    return _verdicts(nomination_get_for_user(request.auth, nomination_id))


# ---------------------------------------------------------------- dossier

def _checklist(nomination):
    return [{"doc_type": i.doc_type, "label": i.label, "required": i.required, "note": i.note,
             "present": i.present, "documents": list(i.documents)} for i in dossier_checklist(nomination)]


@router.get("/nominations/{nomination_id}/dossier", response=responses(list[ChecklistItemOut]),
            url_name="procedure-dossier", summary="Hồ sơ đề nghị: danh mục tài liệu và tài liệu đã nộp")
def dossier(request, nomination_id: int):
    return _checklist(nomination_get_for_user(request.auth, nomination_id))


@router.post("/nominations/{nomination_id}/dossier", response=responses(DocumentOut, 201, write=True),
             url_name="procedure-dossier-add", summary="Nộp một tài liệu vào hồ sơ (multipart)",
             description="`doc_type`: " + ", ".join(f"{v} ({label})" for v, label in DocType.choices)
                         + ". Định dạng và dung lượng theo cấu hình (UPLOAD_ALLOWED_EXTENSIONS, UPLOAD_MAX_BYTES); "
                           "nội dung tệp phải đúng định dạng.")
def dossier_add(request, nomination_id: int, doc_type: Form[str], file: File[UploadedFile]):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    doc = services.dossier_document_add(nomination=nomination, doc_type=doc_type, file=file,
                                        acting_user=request.auth)
    return Status(201, doc)


@router.delete("/nominations/{nomination_id}/dossier/{document_id}", response=responses(None, 204, write=True),
               url_name="procedure-dossier-remove", summary="Bỏ một tài liệu khỏi hồ sơ")
def dossier_remove(request, nomination_id: int, document_id: int):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    doc = nomination.documents.filter(pk=document_id).first()
    if doc is None:
        raise Http404(ERR_DOCUMENT_NOT_FOUND.format(pk=document_id))
    services.dossier_document_remove(document=doc, acting_user=request.auth)
    return Status(204, None)


@router.get("/nominations/{nomination_id}/dossier/{document_id}/file", url_name="procedure-dossier-file",
            summary="Tải một tài liệu của hồ sơ", openapi_extra=file_response("application/octet-stream", "Tệp"))
def dossier_file(request, nomination_id: int, document_id: int):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    doc = nomination.documents.filter(pk=document_id).first()
    if doc is None:
        raise Http404(ERR_DOCUMENT_NOT_FOUND.format(pk=document_id))
    with doc.file.open("rb") as fh:
        return _download(fh.read(), doc.original_name, "application/octet-stream")


@router.post("/nominations/{nomination_id}/submission-letter", response=responses(DocumentOut, 201, write=True),
             url_name="procedure-letter", summary="Tạo Tờ trình (.docx) và lưu vào hồ sơ")
def submission_letter(request, nomination_id: int):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    return Status(201, services.submission_letter_generate(nomination=nomination, acting_user=request.auth))


class StepOut(Schema):
    code: str
    name: str
    who: str
    required: bool
    citation: str
    state: str = NField(..., description="done | running | next | todo | optional")
    state_label: str
    detail: str


@router.get("/nominations/{nomination_id}/steps", response=responses(list[StepOut]), url_name="procedure-steps",
            summary="Các bước theo quy định: đã xong, đang thực hiện, bước tiếp theo")
def steps(request, nomination_id: int):
    rows = procedure_rows(nomination_get_for_user(request.auth, nomination_id))
    return [{"code": r.step.code, "name": r.step.name_vi, "who": r.step.who_vi, "required": r.step.required,
             "citation": r.step.citation, "state": r.state, "state_label": r.state_label, "detail": r.detail}
            for r in rows]


@router.post("/nominations/{nomination_id}/council-minutes", response=responses(list[StepOut], 201, write=True),
             url_name="procedure-council-minutes", summary="Ghi nhận kết quả Hội đồng họp ngoài hệ thống (multipart)",
             description="`met_on` (yyyy-mm-dd, đã qua), `minutes` (bản chụp biên bản), `not_passed` (mã người, tập "
                         "thể không được Hội đồng đề nghị, cách nhau bởi dấu phẩy).")
def council_minutes(request, nomination_id: int, met_on: Form[dt.date], minutes: File[UploadedFile],
                    not_passed: Form[str] = ""):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    try:
        ids = [int(x) for x in not_passed.split(",") if x.strip()]
    except ValueError:
        raise ValidationError(ERR_NOT_PASSED) from None
    services.nomination_council_minutes_record(nomination=nomination, acting_user=request.auth, met_on=met_on,
                                               minutes=minutes, not_passed=ids)
    return Status(201, steps(request, nomination_id))


# ---------------------------------------------------------------- decisions: payment sheet, revocation

@router.get("/decisions/{decision_id}/payment-sheet.xlsx", url_name="procedure-payment-sheet",
            summary="Danh sách chi tiền thưởng (Excel)", openapi_extra=file_response(XLSX, "XLSX"))
def payment_sheet(request, decision_id: int):
    decision = decision_get_for_user(request.auth, decision_id)
    if decision.is_revocation:
        raise Http404(documents.ERR_NO_PDF)
    return _download(documents.payment_sheet_xlsx(decision),
                     f"chi-tien-thuong-qd-{decision.number:02d}-{decision.year}.xlsx", XLSX)


def _revocation(decision):
    return {"id": decision.pk, "number_text": decision.number_text, "issued_on": decision.issued_on,
            "summary": decision.summary, "ground": decision.revocation_ground,
            "ground_label": decision.get_revocation_ground_display(), "reason": decision.revocation_reason,
            "revokes_id": decision.revokes_id, "revokes_number_text": decision.revokes.number_text,
            "total_amount": decision.total_amount,
            "recover": [{"grant_id": r["grant"].pk, "display_name": r["grant"].display_name,
                         "golden_book_number": r["grant"].golden_book_number, "amount": r["grant"].amount,
                         "item": r["item"]} for r in documents.recovery_rows(decision)]}


@router.get("/revocation-grounds", response=responses(list[GroundOut]), url_name="procedure-grounds",
            summary="Căn cứ hủy bỏ khen thưởng (Luật TĐKT 2022 Điều 93)")
def revocation_grounds(request):
    return [{"code": v, "label": label} for v, label in RevocationGround.choices]


@router.post("/decisions/{decision_id}/revoke", response=responses(RevocationOut, 201, write=True),
             url_name="procedure-revoke", summary="Ban hành quyết định hủy bỏ khen thưởng (Luật TĐKT Điều 93)",
             description="Do cơ quan đã ban hành quyết định khen thưởng thực hiện; quyết định hủy bỏ được cấp số "
                         "cùng sổ với quyết định khen thưởng; khen thưởng bị đánh dấu đã hủy bỏ, liệt kê tiền "
                         "thưởng và hiện vật phải thu hồi. Cần xác thực hai lớp (với token API gửi kèm otp_code); "
                         "thiếu hoặc sai mã: 403.")
def revoke(request, decision_id: int, payload: RevokeIn):
    decision = decision_get_for_user(request.auth, decision_id)
    verified = second_factor_given(request, payload.otp_code)
    revocation = services.decision_revoke(decision=decision, acting_user=request.auth, otp_verified=verified,
                                          ground=payload.ground,
                                          reason=payload.reason, grants=payload.grant_ids,
                                          issued_on=payload.issued_on)
    return Status(201, _revocation(revocation))


@router.get("/decisions/{decision_id}/revocation", response=responses(RevocationOut),
            url_name="procedure-revocation", summary="Chi tiết một quyết định hủy bỏ")
def revocation_detail(request, decision_id: int):
    decision = decision_get_for_user(request.auth, decision_id)
    if not decision.is_revocation:
        raise ValidationError("Quyết định này không phải quyết định hủy bỏ.")
    return _revocation(decision)
