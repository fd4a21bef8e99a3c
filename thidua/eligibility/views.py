"""Candidate list of a unit and year: every person and sub-unit with their verdicts (issue 3, item 6)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from thidua.awards import eligibility as services
from thidua.core.routes import Routes
from thidua.documents import Column, render_table_xlsx
from thidua.documents.mime import XLSX
from thidua.org.selectors import unit_get_for_user
from thidua.rulebook.codes import short_vi

from . import selectors
from .forms import CandidateFilterForm

routes = Routes()

MARKS = {True: "✓", False: "✗", None: "?"}


@routes("don-vi/<int:pk>/", "candidates")
@login_required
def candidates(request, pk):
    unit = unit_get_for_user(request.user, pk)
    form = CandidateFilterForm(request.GET or None)
    data = {}
    if form.is_bound and not form.is_valid():
        for errors in form.errors.values():
            for msg in errors:
                messages.error(request, msg)
    elif form.is_bound:
        data = form.cleaned_data
    year = data.get("year") or services.current_review_year()
    result = selectors.candidates_for(
        request.user, unit, year, decision_date=data.get("decision_date"), code=data.get("code", ""),
        status=data.get("status", ""), kind=data.get("kind", ""), query=data.get("q", ""),
        screening=bool(data.get("screening")),
    )
    if request.GET.get("format") == "xlsx":
        return _xlsx(result)
    query = request.GET.copy()
    query.pop("format", None)
    query["year"] = year
    return render(request, "eligibility/candidates.html", {
        "unit": unit, "form": form, "result": result, "year": year, "nav_section": "awards",
        "badges": services.STATUS_BADGES, "marks": MARKS, "export_query": query.urlencode(),
        "counts": _counts(result),
    })


def _counts(result):
    counts = {s: 0 for s in services.STATUS_ORDER}
    for row in result.rows:
        for v in row.verdicts:
            counts[v.status] += 1
    return [(s, services.STATUS_BADGES[s], n) for s, n in counts.items()]


def _reasons(verdict, wanted) -> str:
    return "\n".join(c.text_vi for c in verdict.criteria if c.met in wanted and c.severity != "warning")


def _xlsx(result):
    columns = [Column("STT", "int", 6), Column("Đối tượng", width=10), Column("Họ và tên / Tên tập thể", width=30),
               Column("Đơn vị", width=28), Column("Chức vụ", width=24), Column("Danh hiệu / hình thức", width=24),
               Column("Kết quả", width=18), Column("Tiêu chí chưa đạt, cần xem xét", width=70),
               Column("Tiêu chí đã đạt", width=70)]
    rows = []
    n = 0
    for row in result.rows:
        for v in row.verdicts:
            n += 1
            rows.append([n, row.kind_vi, row.name, row.unit_name, row.position, short_vi(v.code),
                         services.STATUS_BADGES[v.status], _reasons(v, (False, None)), _reasons(v, (True,))])
    title = f"Danh sách xét điều kiện khen thưởng năm {result.year} – {result.unit.name}"
    subtitle = f"Ngày quyết định {result.decision_date:%d/%m/%Y} · bộ quy tắc {result.ruleset_id}"
    content = render_table_xlsx(title, columns, rows, sheet_name=f"Năm {result.year}", subtitle=subtitle)
    response = HttpResponse(content, content_type=XLSX)
    name = slugify(result.unit.code or "don-vi")
    response["Content-Disposition"] = f'attachment; filename="xet-dieu-kien-{name}-{result.year}.xlsx"'
    return response
