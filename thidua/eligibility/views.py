"""Candidate list of a unit and year: every person and sub-unit with their verdicts (issue 3, item 6)."""
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.awards import eligibility as services
from thidua.awards import proposals
from thidua.awards.selectors import nomination_get_for_user
from thidua.core.feedback import run_door
from thidua.core.routes import Routes
from thidua.documents import Column, render_table_xlsx
from thidua.documents.mime import XLSX
from thidua.org.selectors import unit_get_for_user
from thidua.rulebook.codes import short_vi

from . import selectors
from .forms import CandidateFilterForm

routes = Routes()

MARKS = {True: "✓", False: "✗", None: "?"}


@routes("", "my-candidates")
@login_required
def my_candidates(request):
    """The menu's entry: the candidate list of the user's own (highest) unit."""
    assignment = (request.user.role_assignments.select_related("unit").order_by("unit__path").first())
    if assignment is None:
        messages.warning(request, "Tài khoản chưa được phân quyền ở đơn vị nào.")
        return redirect("home:home")
    return redirect("eligibility:candidates", assignment.unit_id)


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
    code = data.get("code", "")
    can_propose = bool(code) and can(request.user, Capability.NOMINATION_MANAGE, unit)
    into = _into(request, unit, code, year) if can_propose else None
    return render(request, "eligibility/candidates.html", {
        "unit": unit, "form": form, "result": result, "year": year, "nav_section": "awards",
        "badges": services.STATUS_BADGES, "marks": MARKS, "export_query": query.urlencode(),
        "counts": _counts(result), "code": code, "can_propose": can_propose, "into": into,
        "drafts": proposals.draft_nominations_for(unit, code, year) if can_propose else [],
        "proposed": {f"{k}:{pk}" for k, pk in proposals.already_proposed(into)},
    })


def _into(request, unit, code, year):
    """The draft the clerk is filling (?into=), whose people are not offered again."""
    raw = request.GET.get("into", "")
    if not raw.isdigit():
        return None
    return proposals.draft_nominations_for(unit, code, year).filter(pk=int(raw)).first()


@routes("don-vi/<int:pk>/lap-de-nghi/", "candidates-propose")
@login_required
@require_POST
def candidates_propose(request, pk):
    """Ticked rows → a new or existing draft nomination (awards.proposals.candidates_propose)."""
    unit = unit_get_for_user(request.user, pk)
    code = request.POST.get("code", "")
    year = int(request.POST["year"]) if request.POST.get("year", "").isdigit() else services.current_review_year()
    people_ids, unit_ids = _picks(request.POST.getlist("pick"))
    target = request.POST.get("into", "")
    nomination = nomination_get_for_user(request.user, int(target)) if target.isdigit() else None
    back = reverse("eligibility:candidates", args=[unit.pk])
    made = run_door(
        request, proposals.candidates_propose,
        f"Đã đưa {len(people_ids) + len(unit_ids)} cá nhân, tập thể vào đề nghị.",
        unit=unit, award_code=code, year=year, nomination=nomination,
        person_ids=people_ids, unit_ids=unit_ids,
    )
    if made and request.POST.get("then") == "stay":
        return redirect(back + "?" + urlencode({"year": year, "code": code, "into": made.pk}))
    if made:
        return redirect("awards:nomination-detail", made.pk)
    return redirect(back + "?" + urlencode({"year": year, "code": code, **({"into": target} if target else {})}))


def _picks(values):
    people, units = [], []
    for value in values:
        kind, _, raw = value.partition(":")
        if raw.isdigit():
            (people if kind == "individual" else units).append(int(raw))
    return people, units


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
