"""Reports API: the statistics, the statistical form, the golden-book register and the annual summary as
JSON, with the same scoping as the pages (a unit outside the caller's reach is a 404)."""

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from thidua.reports import selectors, summary

from .common import MAX_LIMIT, READ_ERRORS, Pagination, responses

router = Router()

SCOPE_HELP = ("Tham số: `unit_id` (mặc định: đơn vị cao nhất trong phạm vi của bạn) và `year` (năm thành tích; "
              "mặc định: năm gần nhất có khen thưởng). Không kể các khen thưởng đã bị hủy bỏ.")


class ScopeIn(Schema):
    unit_id: int | None = None
    year: int | None = Query(None, ge=selectors.MIN_YEAR, le=selectors.MAX_YEAR)


class CountsOut(Schema):
    individual: int
    collective: int
    household: int
    total: int
    amount: int


class AwardRowOut(Schema):
    award_code: str
    name: str
    category: str
    category_label: str
    counts: CountsOut


class IssuerRowOut(Schema):
    issuer_id: int
    issuer_name: str
    award_code: str
    sentence: str
    counts: CountsOut


class SubunitRowOut(Schema):
    unit_id: int | None
    label: str
    counts: CountsOut


class StatusCountOut(Schema):
    status: str
    label: str
    count: int


class AttainmentOut(Schema):
    total: int
    met: int
    exceeded: int


class StatsOut(Schema):
    unit_id: int
    unit_name: str
    year: int
    totals: CountsOut
    women: int
    women_share: float | None
    by_award: list[AwardRowOut]
    by_issuer: list[IssuerRowOut]
    by_subunit: list[SubunitRowOut]
    nominations: list[StatusCountOut]
    decisions: int
    attainment: AttainmentOut


class TableOut(Schema):
    unit_id: int
    year: int
    title: str
    columns: list[str]
    rows: list[list[str | int | None]]


class RegisterRowOut(Schema):
    grant_id: int
    golden_book_number: str
    name: str
    recipient_kind: str
    position: str
    award_code: str
    award_name: str
    decision_id: int
    decision_number: str
    issued_on: str
    issuer_name: str
    amount: int


class BlockOut(Schema):
    kind: str  # "heading", "text", "note", "table"
    text: str = ""
    columns: list[str] = []
    rows: list[list[str | int | None]] = []


class SummaryOut(Schema):
    unit_id: int
    year: int
    number_text: str
    place: str
    date: str
    title_lines: list[str]
    blocks: list[BlockOut]


def _scope(request, scope: ScopeIn):
    unit = selectors.report_unit_for(request.auth, scope.unit_id)
    return unit, scope.year or selectors.default_year(request.auth, unit)


def _counts(c: selectors.Counts) -> dict:
    return {"individual": c.individual, "collective": c.collective, "household": c.household, "total": c.total,
            "amount": c.amount}


@router.get("/stats", response=responses(StatsOut), url_name="report-stats", summary="Số liệu thống kê",
            description="Khen thưởng theo danh hiệu/hình thức, theo cơ quan ban hành, theo đơn vị trực thuộc; tỷ lệ "
                        "nữ trong số cá nhân; tiền thưởng; đề nghị theo trạng thái; quyết định; chỉ tiêu thi đua. "
                        + SCOPE_HELP)
def report_stats(request, scope: Query[ScopeIn]):
    user = request.auth
    unit, year = _scope(request, scope)
    stats = selectors.grant_stats(user, unit, year)
    att = selectors.attainment(user, unit, year)
    return {
        "unit_id": unit.pk, "unit_name": unit.name, "year": year, "totals": _counts(stats.totals),
        "women": stats.women, "women_share": stats.women_share,
        "by_award": [{"award_code": r.code, "name": r.name, "category": r.category,
                      "category_label": r.category_label, "counts": _counts(r.counts)} for r in stats.by_award],
        "by_issuer": [{"issuer_id": r.issuer.pk, "issuer_name": r.issuer.name, "award_code": r.code,
                       "sentence": summary.award_sentence(r, unit), "counts": _counts(r.counts)}
                      for r in stats.by_issuer],
        "by_subunit": [{"unit_id": r.unit_id, "label": r.label, "counts": _counts(r.counts)}
                       for r in stats.by_subunit],
        "nominations": [{"status": s, "label": label, "count": n}
                        for s, label, n in selectors.nomination_counts(user, unit, year)],
        "decisions": len(stats.decision_ids),
        "attainment": {"total": att.total, "met": att.met, "exceeded": att.exceeded},
    }


@router.get("/award-table", response=responses(TableOut), url_name="report-award-table",
            summary="Biểu mẫu: Thống kê kết quả khen thưởng năm N",
            description="Dòng: danh hiệu/hình thức; cột: cá nhân, tập thể, hộ gia đình, tổng số tiền thưởng (đồng); "
                        "dòng cuối là tổng cộng. " + SCOPE_HELP)
def report_award_table(request, scope: Query[ScopeIn]):
    unit, year = _scope(request, scope)
    stats = selectors.grant_stats(request.auth, unit, year)
    return {"unit_id": unit.pk, "year": year, "title": f"Thống kê kết quả khen thưởng năm {year}",
            "columns": summary.AWARD_TABLE_COLUMNS, "rows": summary.award_table_rows(stats)}


@router.get("/register", response=list[RegisterRowOut], url_name="report-register",
            summary="Danh sách khen thưởng (sổ vàng)",
            description="Xếp theo cơ quan ban hành và số sổ vàng. " + SCOPE_HELP,
            openapi_extra={"responses": READ_ERRORS})
@paginate(Pagination, max_limit=MAX_LIMIT)
def report_register(request, scope: Query[ScopeIn]):
    unit, year = _scope(request, scope)
    return [{"grant_id": g.pk, "golden_book_number": g.golden_book_number, "name": g.display_name,
             "recipient_kind": g.recipient_kind, "position": g.position_text, "award_code": g.award_code,
             "award_name": g.award_name, "decision_id": g.decision_id, "decision_number": g.decision.number_text,
             "issued_on": g.decision.issued_on.isoformat(), "issuer_name": g.decision.issuer.name,
             "amount": g.amount} for g in selectors.register_rows(request.auth, unit, year)]


@router.get("/summary", response=responses(SummaryOut), url_name="report-summary",
            summary="Báo cáo tổng kết năm N và phương hướng năm N+1",
            description="Nội dung báo cáo tổng kết soạn từ số liệu (kèm phần cán bộ thi đua đã soạn). " + SCOPE_HELP)
def report_summary(request, scope: Query[ScopeIn]):
    unit, year = _scope(request, scope)
    s = summary.build_summary(request.auth, unit, year)
    blocks = summary.plain_blocks(s.blocks)
    return {"unit_id": unit.pk, "year": year, "number_text": s.header.number_text, "place": s.header.place,
            "date": s.header.date.isoformat(), "title_lines": s.title_lines, "blocks": blocks}
