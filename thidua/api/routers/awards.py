"""Nominations, decisions and grants: the scoped accessors for reads, the doors in
thidua.awards.services for every change (so the API can do nothing the pages cannot).

Outside your reach → 404 (the accessor); in reach but the wrong role → 403 (the door).
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from ninja import Router, Status
from ninja.pagination import paginate

from thidua.awards import documents, levels, services
from thidua.awards.forms import NominationForm
from thidua.awards.models import AwardType, NominationStatus
from thidua.awards.selectors import (
    decision_get_for_user,
    decision_list_for,
    grant_get_for_user,
    grant_list_for,
    nomination_get_for_user,
    nomination_list_for,
)
from thidua.documents.mime import DOCX
from thidua.org.selectors import person_get_for_user, unit_get_for_user
from thidua.rulebook import codes

from ..schemas import (
    ConsolidateIn,
    DecisionDetail,
    DecisionOut,
    EntryFixIn,
    EntryIn,
    EntryOut,
    GrantOut,
    IssueIn,
    JudgementIn,
    NominationDetail,
    NominationIn,
    NominationOut,
    OverrideIn,
    ReturnIn,
    SecondFactorIn,
)
from .common import MAX_LIMIT, READ_ERRORS, Pagination, file_response, responses, second_factor_given

router = Router()

# The same bounds as the page form, so the API accepts exactly what the page accepts.
YEAR_MIN = NominationForm.base_fields["year"].min_value
YEAR_MAX = NominationForm.base_fields["year"].max_value

ERR_AWARD_CODE = "Mã danh hiệu / hình thức khen thưởng không hợp lệ: {code}."
ERR_AWARD_TYPE = "Loại hình khen thưởng không hợp lệ: {value}. Chọn một trong: {choices}."
ERR_YEAR = "Năm thành tích phải từ {lo} đến {hi}."
ERR_TITLE = "Phải nhập trích yếu."
ERR_UNIT_CLOSED = "Đơn vị đã kết thúc hoạt động (giải thể hoặc sáp nhập), không thể lập đề nghị mới."
ERR_ONE_RECIPIENT = "Chọn một cá nhân (person_id) hoặc một tập thể (recipient_unit_id), không chọn cả hai."
ERR_STATUS = "Trạng thái không hợp lệ: {value}. Chọn một trong: {choices}."
ERR_PERSON_NOT_FOUND = "Không tìm thấy cá nhân số {pk} hoặc bạn không có quyền xem."
ERR_UNIT_NOT_FOUND = "Không tìm thấy đơn vị số {pk} hoặc bạn không có quyền xem."
ERR_ENTRY_NOT_FOUND = "Không tìm thấy dòng số {pk} trong đề nghị này."



def _person(user, pk):
    try:
        return person_get_for_user(user, pk)
    except Http404:
        raise Http404(ERR_PERSON_NOT_FOUND.format(pk=pk)) from None


UNIT_FILTERS = ("unit", "issuer")


def _filtered(request, queryset, **filters):
    """A scoped list narrowed by the filters given (None: not given); a unit filter must name a unit
    the user sees (404 otherwise, like every read of another unit's data)."""
    for field, value in filters.items():
        if value is not None:
            queryset = queryset.filter(**{field: _unit(request.auth, value) if field in UNIT_FILTERS else value})
    return queryset


def _unit(user, pk):
    try:
        return unit_get_for_user(user, pk)
    except Http404:
        raise Http404(ERR_UNIT_NOT_FOUND.format(pk=pk)) from None


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# ---------------------------------------------------------------- grants (award history)

@router.get("/grants", response=list[GrantOut], url_name="grant-list", summary="Lịch sử khen thưởng",
            description="Khen thưởng bạn được xem. Lọc: `person_id`; `unit_id` (khen thưởng của tập thể đó, kể cả "
                        "các đơn vị đã sáp nhập vào, và của người đang công tác ở đơn vị đó hoặc đơn vị trực thuộc); "
                        "`year` (năm thành tích); `award_code`.", openapi_extra={"responses": READ_ERRORS})
@paginate(Pagination, max_limit=MAX_LIMIT)
def grant_list(request, person_id: int | None = None, unit_id: int | None = None, year: int | None = None,
               award_code: str = ""):
    user = request.auth
    grants = grant_list_for(user)
    if person_id is not None:
        grants = grants.filter(person=_person(user, person_id))
    if unit_id is not None:
        unit = _unit(user, unit_id)
        grants = grants.filter(Q(recipient_unit_id__in=unit.lineage_ids())
                               | Q(person__current_unit__path__startswith=unit.path))
    if year is not None:
        grants = grants.filter(year=year)
    if award_code:
        grants = grants.filter(award_code=award_code)
    return grants.order_by("-year", "-id")


@router.get("/grants/{grant_id}", response=responses(GrantOut), url_name="grant-detail",
            summary="Chi tiết một khen thưởng")
def grant_detail(request, grant_id: int):
    return grant_get_for_user(request.auth, grant_id)


@router.get("/grants/{grant_id}/certificate.pdf", url_name="grant-certificate", summary="Giấy chứng nhận (PDF)",
            openapi_extra=file_response("application/pdf", "PDF"))
def grant_certificate(request, grant_id: int):
    grant = grant_get_for_user(request.auth, grant_id)
    return _download(documents.certificates_pdf([grant], request), f"giay-chung-nhan-{grant.pk}.pdf",
                     "application/pdf")


# ---------------------------------------------------------------- nominations: reads

@router.get("/nominations", response=list[NominationOut], url_name="nomination-list", summary="Danh sách đề nghị",
            description="Đề nghị của đơn vị bạn và đề nghị trình lên cấp bạn quyết định. Lọc: `status` "
                        "(draft, submitted, returned, approved, decided), `year`, `unit_id`.",
            openapi_extra={"responses": READ_ERRORS})
@paginate(Pagination, max_limit=MAX_LIMIT)
def nomination_list(request, status: str = "", year: int | None = None, unit_id: int | None = None):
    if status and status not in NominationStatus.values:
        raise ValidationError(ERR_STATUS.format(value=status, choices=", ".join(NominationStatus.values)))
    return _filtered(request, nomination_list_for(request.auth), status=status or None, year=year, unit=unit_id)


@router.get("/nominations/{nomination_id}", response=responses(NominationDetail), url_name="nomination-detail",
            summary="Chi tiết đề nghị", description="Kèm danh sách cá nhân, tập thể được đề nghị.")
def nomination_detail(request, nomination_id: int):
    return nomination_get_for_user(request.auth, nomination_id)


# ---------------------------------------------------------------- nominations: the flow

@router.post("/nominations", response=responses(NominationDetail, 201, write=True), url_name="nomination-create",
             summary="Tạo đề nghị khen thưởng",
             description="Cần quyền lập đề nghị ở đơn vị `unit_id`. Cấp quyết định là chính đơn vị đó.")
def nomination_create(request, payload: NominationIn):
    user = request.auth
    unit = _unit(user, payload.unit_id)
    if not unit.is_active:
        raise ValidationError(ERR_UNIT_CLOSED)
    code = payload.award_code.strip()
    if code not in codes.CODES:
        raise ValidationError(ERR_AWARD_CODE.format(code=code))
    if payload.award_type not in AwardType.values:
        raise ValidationError(ERR_AWARD_TYPE.format(value=payload.award_type, choices=", ".join(AwardType.values)))
    if not (YEAR_MIN <= payload.year <= YEAR_MAX):
        raise ValidationError(ERR_YEAR.format(lo=YEAR_MIN, hi=YEAR_MAX))
    if not payload.title.strip():
        raise ValidationError(ERR_TITLE)
    nomination = services.nomination_create(
        acting_user=user, unit=unit, award_code=code, year=payload.year, title=payload.title.strip(),
        reason_text=payload.reason_text.strip(), award_type=payload.award_type,
    )
    return Status(201, nomination)


@router.post("/nominations/{nomination_id}/entries", response=responses(EntryOut, 201, write=True),
             url_name="nomination-entry-add", summary="Thêm cá nhân hoặc tập thể vào đề nghị",
             description="Gửi đúng một trong `person_id`, `recipient_unit_id`; người, tập thể phải thuộc đơn vị đề "
                         "nghị hoặc đơn vị trực thuộc.")
def nomination_entry_add(request, nomination_id: int, payload: EntryIn):
    user = request.auth
    nomination = nomination_get_for_user(user, nomination_id)
    if (payload.person_id is None) == (payload.recipient_unit_id is None):
        raise ValidationError(ERR_ONE_RECIPIENT)
    person = recipient_unit = None
    if payload.person_id is not None:
        person = _person(user, payload.person_id)
    else:
        recipient_unit = _unit(user, payload.recipient_unit_id)
    # Scope, activity and recipient kind are checked by the door, for pages and API alike.
    entry = services.nomination_entry_add(nomination=nomination, acting_user=user, achievement=payload.achievement,
                                          person=person, recipient_unit=recipient_unit,
                                          override_reason=payload.override_reason)
    return Status(201, entry)


def _entry(nomination, entry_id):
    entry = nomination.entries.filter(pk=entry_id).first()
    if entry is None:
        raise Http404(ERR_ENTRY_NOT_FOUND.format(pk=entry_id))
    return entry


@router.post("/nominations/{nomination_id}/entries/{entry_id}/override", response=responses(EntryOut, write=True),
             url_name="nomination-entry-override", summary="Ghi lý do đề nghị ngoài kết quả xét điều kiện",
             description="Người, tập thể chưa đủ điều kiện chỉ được trình khi có lý do này.")
def nomination_entry_override(request, nomination_id: int, entry_id: int, payload: OverrideIn):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    entry = _entry(nomination, entry_id)
    return services.nomination_entry_override(entry=entry, acting_user=request.auth, reason=payload.reason)


@router.post("/nominations/{nomination_id}/entries/{entry_id}/judgement", response=responses(EntryOut, write=True),
             url_name="nomination-entry-judgement", summary="Ghi nhận kết quả xem xét tiêu chí “cần xem xét”",
             description="Đơn vị đề nghị (khi bình xét, trước khi trình) hoặc người phê duyệt của cấp xét (sau khi "
                         "trình). Phê duyệt bị từ chối khi còn trường hợp cần xem xét chưa có kết quả này hoặc "
                         "chưa được Hội đồng bỏ phiếu đề nghị.")
def nomination_entry_judgement(request, nomination_id: int, entry_id: int, payload: JudgementIn):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    entry = _entry(nomination, entry_id)
    return services.entry_judgement_record(entry=entry, acting_user=request.auth, note=payload.note)


@router.post("/nominations/{nomination_id}/entries/{entry_id}/return", response=responses(EntryOut, write=True),
             url_name="nomination-entry-return", summary="Trả lại một trường hợp để đơn vị sửa",
             description="Cấp nhận (người phê duyệt, hoặc cán bộ TĐKT cấp trên với danh sách đơn vị trực thuộc gửi "
                         "lên): đề nghị trở về đơn vị, trường hợp được đánh dấu cho đến khi sửa.")
def nomination_entry_return(request, nomination_id: int, entry_id: int, payload: ReturnIn):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    return levels.entry_return(entry=_entry(nomination, entry_id), acting_user=request.auth, reason=payload.reason)


@router.post("/nominations/{nomination_id}/entries/{entry_id}/fix", response=responses(EntryOut, write=True),
             url_name="nomination-entry-fix", summary="Sửa thành tích của một trường hợp (bỏ dấu trả lại)")
def nomination_entry_fix(request, nomination_id: int, entry_id: int, payload: EntryFixIn):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    return levels.nomination_entry_update(entry=_entry(nomination, entry_id), acting_user=request.auth,
                                          achievement=payload.achievement)


@router.get("/nominations/{nomination_id}/consolidatable", response=responses(list[NominationOut]),
            url_name="nomination-consolidatable", summary="Danh sách đơn vị trực thuộc gửi lên, tổng hợp được vào đây")
def nomination_consolidatable(request, nomination_id: int):
    return list(levels.consolidatable(nomination_get_for_user(request.auth, nomination_id)))


@router.post("/nominations/{nomination_id}/consolidate", response=responses(NominationDetail, write=True),
             url_name="nomination-consolidate", summary="Tổng hợp danh sách của đơn vị trực thuộc vào đề nghị này")
def nomination_consolidate(request, nomination_id: int, payload: ConsolidateIn):
    target = nomination_get_for_user(request.auth, nomination_id)
    sources = list(levels.consolidatable(target).filter(pk__in=payload.source_ids))
    if len(sources) != len(set(payload.source_ids)):
        raise ValidationError(levels.ERR_SOURCE.format(title="một đề nghị được chọn", unit=target.unit.name))
    return levels.nominations_consolidate(target=target, acting_user=request.auth, sources=sources)


@router.delete("/nominations/{nomination_id}/entries/{entry_id}", response=responses(None, 204, write=True),
               url_name="nomination-entry-remove", summary="Bỏ một dòng khỏi đề nghị")
def nomination_entry_remove(request, nomination_id: int, entry_id: int):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    entry = _entry(nomination, entry_id)
    services.nomination_entry_remove(entry=entry, acting_user=request.auth)
    return Status(204, None)


@router.post("/nominations/{nomination_id}/submit", response=responses(NominationDetail, write=True),
             url_name="nomination-submit", summary="Trình đề nghị")
def nomination_submit(request, nomination_id: int):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    return services.nomination_submit(nomination=nomination, acting_user=request.auth)


@router.post("/nominations/{nomination_id}/approve", response=responses(NominationDetail, write=True),
             url_name="nomination-approve", summary="Phê duyệt đề nghị",
             description="Người có thẩm quyền của cấp quyết định (Chủ tịch UBND). Phê duyệt là ký: cần xác thực "
                         "hai lớp (với token API gửi kèm otp_code); thiếu hoặc sai mã: 403.")
def nomination_approve(request, nomination_id: int, payload: SecondFactorIn | None = None):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    verified = second_factor_given(request, payload.otp_code if payload is not None else None)
    return services.nomination_approve(nomination=nomination, acting_user=request.auth, otp_verified=verified)


@router.post("/nominations/{nomination_id}/return", response=responses(NominationDetail, write=True),
             url_name="nomination-return", summary="Trả lại đề nghị (ghi rõ lý do)")
def nomination_return(request, nomination_id: int, payload: ReturnIn):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    return services.nomination_return(nomination=nomination, acting_user=request.auth, reason=payload.reason)


@router.post("/nominations/{nomination_id}/decision", response=responses(DecisionDetail, 201, write=True),
             url_name="decision-issue", summary="Ban hành quyết định",
             description="Cấp số quyết định (theo cơ quan ban hành và năm) và tạo các khen thưởng. "
                         "`issued_on`: ngày ban hành, dạng yyyy-mm-dd; bỏ trống là hôm nay. Cần xác thực hai lớp "
                         "(với token API gửi kèm otp_code); thiếu hoặc sai mã: 403.")
def decision_issue(request, nomination_id: int, payload: IssueIn | None = None):
    nomination = nomination_get_for_user(request.auth, nomination_id)
    issued_on = payload.issued_on if payload is not None else None
    verified = second_factor_given(request, payload.otp_code if payload is not None else None)
    decision = services.decision_issue(nomination=nomination, acting_user=request.auth, issued_on=issued_on,
                                       otp_verified=verified)
    return Status(201, decision)


# ---------------------------------------------------------------- decisions

@router.get("/decisions", response=list[DecisionOut], url_name="decision-list", summary="Danh sách quyết định",
            description="Lọc: `year` (năm ban hành), `issuer_id` (cơ quan ban hành).",
            openapi_extra={"responses": READ_ERRORS})
@paginate(Pagination, max_limit=MAX_LIMIT)
def decision_list(request, year: int | None = None, issuer_id: int | None = None):
    return _filtered(request, decision_list_for(request.auth), year=year, issuer=issuer_id)


@router.get("/decisions/{decision_id}", response=responses(DecisionDetail), url_name="decision-detail",
            summary="Chi tiết quyết định", description="Kèm danh sách khen thưởng và đường dẫn tải văn bản.")
def decision_detail(request, decision_id: int):
    return decision_get_for_user(request.auth, decision_id)


@router.get("/decisions/{decision_id}/docx", url_name="decision-docx", summary="Tải quyết định (.docx)",
            openapi_extra=file_response(DOCX, "DOCX"))
def decision_docx(request, decision_id: int):
    decision = decision_get_for_user(request.auth, decision_id)
    return _download(documents.decision_docx(decision), f"quyet-dinh-{decision.number:02d}-{decision.year}.docx", DOCX)


@router.get("/decisions/{decision_id}/pdf", url_name="decision-pdf", summary="Tải quyết định (PDF)",
            openapi_extra=file_response("application/pdf", "PDF"))
def decision_pdf(request, decision_id: int):
    decision = decision_get_for_user(request.auth, decision_id)
    return _download(documents.decision_pdf(decision), f"quyet-dinh-{decision.number:02d}-{decision.year}.pdf",
                     "application/pdf")


@router.get("/decisions/{decision_id}/certificates.pdf", url_name="decision-certificates",
            summary="Tải giấy chứng nhận của cả quyết định (PDF)",
            openapi_extra=file_response("application/pdf", "PDF"))
def decision_certificates(request, decision_id: int):
    decision = decision_get_for_user(request.auth, decision_id)
    pdf = documents.certificates_pdf(list(decision.grants.select_related("decision", "decision__issuer")), request)
    return _download(pdf, f"giay-chung-nhan-qd-{decision.number:02d}-{decision.year}.pdf", "application/pdf")
