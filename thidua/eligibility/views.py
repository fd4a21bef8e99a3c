"""Candidate list of a unit and year: every person and sub-unit with their verdicts (issue 3, item 6)."""
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.awards import eligibility as services
from thidua.awards import proposals, verdicts
from thidua.awards.selectors import nomination_get_for_user
from thidua.core.feedback import run_door
from thidua.core.paging import page_of
from thidua.core.routes import Routes
from thidua.org.selectors import person_get_for_user, unit_get_for_user
from thidua.rulebook import select_ruleset
from thidua.rulebook.codes import short_vi

from . import jobs, selectors
from .forms import CandidateFilterForm

routes = Routes()

@routes("", "my-candidates")
@login_required
def my_candidates(request):
    """The menu's entry: the candidate list of the user's own (highest) unit."""
    assignment = (request.user.role_assignments.select_related("unit").order_by("unit__path").first())
    if assignment is None:
        messages.warning(request, "Tài khoản chưa được phân quyền ở đơn vị nào.")
        return redirect("home:home")
    return redirect("eligibility:candidates", assignment.unit_id)


FILTERS = ("code", "status", "kind", "q")
PAGE_ROWS = 50


def _filters(request):
    """The list's filters from the query string; bad ones become messages and are left out."""
    form = CandidateFilterForm(request.GET or None)
    data = {}
    if form.is_bound and not form.is_valid():
        for errors in form.errors.values():
            for msg in errors:
                messages.error(request, msg)
    elif form.is_bound:
        data = form.cleaned_data
    year = data.get("year") or services.current_review_year()
    dd = data.get("decision_date") or services.default_decision_date(year)
    return form, data, year, dd


@routes("don-vi/<int:pk>/", "candidates")
@login_required
def candidates(request, pk):
    """Counts first, then a page of people and collectives with their statuses, read from the stored verdicts;
    each row's cited reasons on their own page."""
    unit = unit_get_for_user(request.user, pk)
    form, data, year, dd = _filters(request)
    code, status, screening = data.get("code", ""), data.get("status", ""), bool(data.get("screening"))
    if request.GET.get("format") == "xlsx":
        if not selectors.exported_at_once(unit):
            messages.info(request, "Danh sách lớn: bấm «Xuất Excel» để máy chủ tạo tệp và báo khi xong.")
            return redirect(reverse("eligibility:candidates", args=[unit.pk]) + "?" + _query(request, "format"))
        result = selectors.candidates_for(request.user, unit, year, decision_date=dd, code=code, status=status,
                                          kind=data.get("kind", ""), query=data.get("q", ""), screening=screening)
        return _xlsx_response(result)
    view = selectors.stored_candidates(request.user, unit, year, decision_date=dd, screening=screening)
    page = rows = counts = None
    if view.run is not None:
        filters = {"code": code, "status": status, "kind": data.get("kind", ""), "query": data.get("q", "")}
        page = page_of(request, verdicts.rows_for(request.user, view, **filters), PAGE_ROWS,
                       count=verdicts.count_of(request.user, view, **filters))
        rows = verdicts.shown(view.run, page.object_list, code=code, status=status)
        counts = _count_table(verdicts.counts_for(request.user, view), code, _query(request, "code", "status", "trang"))
    can_propose = bool(code) and view.run is not None and can(request.user, Capability.NOMINATION_MANAGE, unit)
    into = _into(request, unit, code, year) if can_propose else None
    return render(request, "eligibility/candidates.html", {
        "unit": unit, "form": form, "view": view, "year": year, "decision_date": dd, "nav_section": "awards",
        "page": page, "rows": rows, "counts": counts, "code": code, "can_propose": can_propose, "into": into,
        "status_headers": [services.STATUS_BADGES[s] for s in services.STATUS_ORDER], "export_query": _query(request, "format"),
        "reasons_query": urlencode({"year": year, "decision_date": dd.isoformat(), **({"code": code} if code else {}),
                                    **({"screening": "on"} if screening else {})}),
        "export_at_once": selectors.exported_at_once(unit, view), "first": page.start_index() if page else 0,
        "drafts": proposals.draft_nominations_for(unit, code, year) if can_propose else [],
        "proposed": {f"{k}:{pk}" for k, pk in proposals.already_proposed(into)},
    })


def _query(request, *drop) -> str:
    query = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    return query.urlencode()


def _count_table(counts: dict, code: str, query: str) -> list:
    """[(code, name, [(status, n, link to that list)])] for the codes shown (the chosen one, else all); ``query``:
    the page's other filters, kept by each link."""
    keep = f"{query}&" if query else ""
    return [(c, short_vi(c), [(s, by_status[s], f"?{keep}{urlencode({'code': c, 'status': s})}")
                              for s in services.STATUS_ORDER])
            for c, by_status in counts.items() if not code or c == code]


@routes("ly-do/<str:kind>/<int:pk>/", "reasons")
@login_required
def reasons(request, kind, pk):
    """One person's or collective's full verdicts for the year, each criterion with its citation (on demand)."""
    if kind == "individual":
        subject = person_get_for_user(request.user, pk)
    elif kind == "collective":
        subject = unit_get_for_user(request.user, pk)
    else:
        raise Http404("Không tìm thấy.")
    form, data, year, dd = _filters(request)
    code = data.get("code", "")
    st = selectors.rulebook_settings_for(bool(data.get("screening")))
    codes = [code] if code else None
    if kind == "individual":
        found = services.verdicts_for_person(subject, year, dd, codes, settings=st)
        titles = services.initiative_titles_for_person(subject)
    else:
        found = services.verdicts_for_unit(subject, year, dd, codes, settings=st)
        titles = {}
    return render(request, "eligibility/reasons.html", {
        "subject": subject, "kind": kind, "year": year, "decision_date": dd, "verdicts": found,
        "ruleset_id": select_ruleset(dd).id, "initiative_titles": titles, "nav_section": "awards",
        "name": subject.full_name if kind == "individual" else subject.name,
    })


@routes("don-vi/<int:pk>/tep-excel/", "candidates-file")
@login_required
@require_POST
def candidates_file(request, pk):
    """The whole list with its reasons as Excel, made by the worker (a province's list)."""
    unit = unit_get_for_user(request.user, pk)
    form, data, year, dd = _filters(request)
    job = jobs.candidates_job_start(
        unit=unit, year=year, decision_date=dd, acting_user=request.user,
        filters={k: data.get(k) or "" for k in FILTERS} | {"screening": bool(data.get("screening"))},
        back_url=reverse("eligibility:candidates", args=[unit.pk]) + "?" + _query(request, "format"))
    messages.success(request, "Đã gửi yêu cầu: máy chủ đang tạo tệp Excel danh sách xét điều kiện.")
    return redirect("notifications:file-job", job.pk)


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


def _xlsx_response(result):
    name, content_type, content = jobs.xlsx_file(result)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
