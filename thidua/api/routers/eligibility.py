"""Eligibility: candidate lists and a person's verdicts from the database (scoped like the pages), and
pure evaluation of supplied histories in the JSON format of `manage.py eligibility` (docs/eligibility.md).

Outside your reach → 404 (the accessor).
"""
import datetime as dt

from django.core.exceptions import ValidationError
from django.urls import reverse
from ninja import Body, Field, Query, Router, Schema, Status

from thidua.awards import eligibility as services
from thidua.awards import proposals, verdicts
from thidua.awards.selectors import nomination_get_for_user
from thidua.core.errors import ERR_DECISION_DATE
from thidua.eligibility import selectors
from thidua.eligibility.forms import ENCODED_CODES, YEAR_MAX, YEAR_MIN
from thidua.org.selectors import person_get_for_user, unit_get_for_user
from thidua.rulebook.cli import run as rulebook_run
from thidua.rulebook.errors import InputError, RulebookError

from ..schemas import ErrorOut
from .common import MAX_LIMIT, MAX_OFFSET, READ_ERRORS, responses

router = Router()
PAYLOAD = Body(...)  # the whole JSON body is the CLI payload

ERR_YEAR = "Năm xét phải từ {lo} đến {hi}."
ERR_CODE = "Mã danh hiệu / hình thức không hợp lệ hoặc chưa được mã hóa: {code}. Chọn một trong: {choices}."
ERR_STATUS = "Kết quả lọc không hợp lệ: {value}. Chọn một trong: {choices}."
ERR_KIND = "Đối tượng không hợp lệ: {value}. Chọn individual hoặc collective."
ERR_PAYLOAD = "Dữ liệu vào không hợp lệ."


class CriterionOut(Schema):
    rule_id: str
    met: bool | None
    text: str
    citation: str
    severity: str


class VerdictOut(Schema):
    code: str
    name: str
    year: int
    status: str
    status_vi: str
    ruleset: str
    criteria: list[CriterionOut]
    warnings: list[str]
    initiatives_used: list[str]
    granted: bool = False


class StoredVerdictOut(Schema):
    code: str
    status: str
    status_vi: str
    granted: bool = False


class CandidateOut(Schema):
    kind: str
    id: int
    name: str
    unit_name: str
    position: str
    verdicts: list[StoredVerdictOut]
    reasons_url: str = Field(description="Kết quả đầy đủ kèm từng tiêu chí và căn cứ của cá nhân, tập thể này.")


class CountOut(Schema):
    code: str
    status: str
    n: int


class CandidatesOut(Schema):
    unit_id: int
    unit_name: str
    year: int
    decision_date: dt.date
    ruleset: str
    state: str = Field(description="`fresh`: theo dữ liệu hiện tại; `stale`: đang tính lại, kết quả là của lần "
                                   "tính trước (`computed_at`); `computing`: đang tính lần đầu, chưa có kết quả.")
    computed_at: dt.datetime | None
    count: int = Field(description="Số cá nhân, tập thể phù hợp bộ lọc (mọi trang).")
    limit: int
    offset: int
    counts: list[CountOut] = Field(description="Số kết quả theo danh hiệu và trạng thái, toàn đơn vị.")
    items: list[CandidateOut]


class ForecastOut(Schema):
    code: str
    year: int
    condition: str
    assumes: list[list]


class PersonVerdictsOut(Schema):
    id: int
    name: str
    year: int
    decision_date: dt.date
    verdicts: list[VerdictOut]
    forecast: list[ForecastOut]


class UnitVerdictsOut(Schema):
    id: int
    name: str
    year: int
    decision_date: dt.date
    verdicts: list[VerdictOut]


class EvaluateErrorOut(Schema):
    detail: str
    # One message per problem in the subject; empty when the request was refused before it was read
    # (a NUL character, a body that is not JSON).
    errors: list[str] = []


def _check(year, decision_date, code="", status="", kind=""):
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        raise ValidationError(ERR_YEAR.format(lo=YEAR_MIN, hi=YEAR_MAX))
    if decision_date is not None and decision_date < services.FIRST_DECISION_DATE:
        raise ValidationError(ERR_DECISION_DATE)
    if code and code not in ENCODED_CODES:
        raise ValidationError(ERR_CODE.format(code=code, choices=", ".join(ENCODED_CODES)))
    if status and status not in services.STATUS_BADGES:
        raise ValidationError(ERR_STATUS.format(value=status, choices=", ".join(services.STATUS_BADGES)))
    if kind and kind not in ("individual", "collective"):
        raise ValidationError(ERR_KIND.format(value=kind))


def _verdict(v, granted=frozenset()) -> dict:
    d = v.to_dict()
    d["granted"] = v.code in granted
    return d


@router.get("/candidates", response=responses(CandidatesOut), url_name="eligibility-candidates",
            summary="Danh sách xét điều kiện khen thưởng của một đơn vị",
            description="Mọi cá nhân đang công tác và mọi tập thể trong đơn vị (kể cả trực thuộc) với kết quả xét "
                        "từng danh hiệu, hình thức: `eligible` (Đủ điều kiện), `not_eligible` (Không đủ điều kiện), "
                        "`needs_judgement` (Cần xem xét), đọc từ kết quả đã tính (tính lại sau mỗi thay đổi dữ liệu); "
                        "số lượng theo trạng thái trước, rồi từng trang (`limit`, `offset`). Lý do và căn cứ của một "
                        "đối tượng: `reasons_url`. `year` mặc định là năm đang xét; `decision_date` chọn bộ quy tắc; "
                        "lọc theo `code`, `status`, `kind`, `q` (không dấu).",
            openapi_extra={"responses": READ_ERRORS})
def candidates(request, unit: int, year: int | None = None, decision_date: dt.date | None = None, code: str = "",
               status: str = "", kind: str = "", q: str = "", limit: int = Query(100, ge=1, le=MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    _check(year, decision_date, code, status, kind)
    obj = unit_get_for_user(request.auth, unit)
    year = year or services.current_review_year()
    view = selectors.stored_candidates(request.auth, obj, year, decision_date=decision_date)
    out = {"unit_id": obj.pk, "unit_name": obj.name, "year": year, "decision_date": view.decision_date,
           "ruleset": view.ruleset_id, "limit": limit, "offset": offset, "count": 0, "counts": [], "items": [],
           "state": "fresh" if view.fresh else ("stale" if view.run else "computing"),
           "computed_at": view.run.finished_at if view.run else None}
    if view.run is None:
        return out
    filters = {"code": code, "status": status, "kind": kind, "query": q}
    qs = verdicts.rows_for(request.auth, view, **filters)
    known = verdicts.count_of(request.auth, view, **filters)
    out["count"] = qs.count() if known is None else known
    dd = view.decision_date.isoformat()
    for r in verdicts.shown(view.run, qs[offset:offset + limit], code=code, status=status):
        name = "api:eligibility-person" if r.kind == "individual" else "api:eligibility-unit"
        out["items"].append({
            "kind": r.kind, "id": r.pk, "name": r.name, "unit_name": r.unit_name, "position": r.position,
            "verdicts": [{"code": c, "status": st, "status_vi": services.STATUS_BADGES[st], "granted": c in r.granted}
                         for c, st in r.verdicts],
            "reasons_url": f"{reverse(name, args=[r.pk])}?year={year}&decision_date={dd}"})
    out["counts"] = [{"code": c, "status": st, "n": n} for c, by in verdicts.counts_for(request.auth, view).items()
                     for st, n in by.items() if not code or c == code]
    return out


class ProposeIn(Schema):
    unit_id: int
    award_code: str
    year: int
    person_ids: list[int] = []
    unit_ids: list[int] = []
    nomination_id: int | None = Field(None, description="Bổ sung vào đề nghị đang soạn này; bỏ trống: đề nghị mới.")


class ProposedOut(Schema):
    nomination_id: int
    entries: int


@router.post("/candidates/propose", response=responses(ProposedOut, 201, write=True),
             url_name="eligibility-candidates-propose", summary="Lập (bổ sung) đề nghị từ danh sách xét điều kiện",
             description="Người, tập thể đủ điều kiện hoặc cần xem xét của danh sách xét; thành tích điền sẵn từ dữ "
                         "liệu. Chưa đủ điều kiện: 400 (thêm trên đề nghị kèm lý do). Tất cả hoặc không.")
def candidates_propose(request, payload: ProposeIn):
    unit = unit_get_for_user(request.auth, payload.unit_id)
    nomination = nomination_get_for_user(request.auth, payload.nomination_id) if payload.nomination_id else None
    made = proposals.candidates_propose(acting_user=request.auth, unit=unit, award_code=payload.award_code,
                                        year=payload.year, person_ids=payload.person_ids, unit_ids=payload.unit_ids,
                                        nomination=nomination)
    return Status(201, {"nomination_id": made.pk, "entries": made.entries.count()})


@router.get("/people/{person_id}", response=responses(PersonVerdictsOut), url_name="eligibility-person",
            summary="Kết quả xét điều kiện và dự báo của một cá nhân",
            description="Kết quả xét mọi danh hiệu, hình thức cá nhân (hoặc `code`) năm `year`, và dự báo từ năm sau.",
            openapi_extra={"responses": READ_ERRORS})
def person_verdicts(request, person_id: int, year: int | None = None, decision_date: dt.date | None = None,
                    code: str = ""):
    _check(year, decision_date, code)
    person = person_get_for_user(request.auth, person_id)
    year = year or services.current_review_year()
    dd = decision_date or services.default_decision_date(year)
    verdicts = services.verdicts_for_person(person, year, dd, [code] if code else None)
    items = services.forecast_for_person(person, year + 1)
    return {"id": person.pk, "name": person.full_name, "year": year, "decision_date": dd,
            "verdicts": [_verdict(v) for v in verdicts], "forecast": [i.to_dict() for i in items]}


@router.get("/units/{unit_id}", response=responses(UnitVerdictsOut), url_name="eligibility-unit",
            summary="Kết quả xét điều kiện của một tập thể",
            description="Kết quả xét mọi danh hiệu, hình thức tập thể (hoặc `code`) năm `year`, kèm từng tiêu chí và "
                        "căn cứ (thành viên là người công tác trong đơn vị và đơn vị trực thuộc trong năm).",
            openapi_extra={"responses": READ_ERRORS})
def unit_verdicts(request, unit_id: int, year: int | None = None, decision_date: dt.date | None = None,
                  code: str = ""):
    _check(year, decision_date, code)
    unit = unit_get_for_user(request.auth, unit_id)
    year = year or services.current_review_year()
    dd = decision_date or services.default_decision_date(year)
    found = services.verdicts_for_unit(unit, year, dd, [code] if code else None)
    return {"id": unit.pk, "name": unit.name, "year": year, "decision_date": dd,
            "verdicts": [_verdict(v) for v in found]}


@router.post("/evaluate", response={200: dict, 400: EvaluateErrorOut, 401: ErrorOut},
             url_name="eligibility-evaluate",
             summary="Xét điều kiện theo dữ liệu gửi lên (định dạng JSON của lệnh eligibility)",
             description="Đánh giá thuần túy các hồ sơ gửi lên (không đọc, không ghi cơ sở dữ liệu), cùng định dạng và "
                         "kết quả với `python manage.py eligibility --input FILE.json` (xem docs/eligibility.md). "
                         "Dữ liệu sai → 400 với `errors` liệt kê mọi lỗi.")
def evaluate(request, payload: dict = PAYLOAD):
    try:
        return rulebook_run(payload)
    except InputError as e:
        return Status(400, {"detail": ERR_PAYLOAD + " " + "; ".join(e.messages), "errors": e.messages})
    except RulebookError as e:  # e.g. a date no encoded rule set covers: the same shape, one error
        return Status(400, {"detail": ERR_PAYLOAD + " " + str(e), "errors": [str(e)]})
