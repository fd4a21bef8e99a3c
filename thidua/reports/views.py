"""Reports: dashboard, statistical forms, golden-book register and the annual summary.

Every page takes the unit (?don-vi=) and year (?nam=) from the query string; a unit outside the
user's reach is a 404, like any object that is not theirs."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from thidua.audit.cache import cached
from thidua.audit.services import audit_rows
from thidua.core.routes import Routes

from . import documents, jobs, selectors, services, summary
from .forms import ReportDraftForm

routes = Routes()

ERR_YEAR = "Năm không hợp lệ: nhập một năm từ 1945 đến 2100. Đang hiển thị năm {year}."
ERR_FORMAT = "Định dạng tải về không hợp lệ."


def _scope(request, *, quiet=False):
    unit = selectors.report_unit_for(request.user, request.GET.get("don-vi"))
    raw = request.GET.get("nam", "")
    year = selectors.parse_year(raw) if raw else None
    if year is None:
        year = selectors.default_year(request.user, unit)
        if raw and not quiet:
            messages.error(request, ERR_YEAR.format(year=year))
    return unit, year


def _context(request, unit, year, **extra):
    query = urlencode({"don-vi": unit.pk, "nam": year})
    extra.setdefault("files_in_background", unit.subtree().count() > settings.REPORT_INLINE_UNITS)
    extra.setdefault("file_formats", [("xlsx", "Excel (.xlsx)"), ("docx", "Word (.docx)"), ("pdf", "PDF")])
    stats = extra.get("stats")
    if stats is not None and stats.women_share is not None:
        extra["women_share_text"] = summary.fmt_percent(stats.women_share)
    return {"unit": unit, "year": year, "units": selectors.report_units(request.user), "query": query,
            **extra}


def _download(file: documents.File) -> HttpResponse:
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response


def _file_view(build):
    """The download of a report page: the same unit and year as the page, in .docx, .pdf or .xlsx."""

    @login_required
    def view(request, fmt):
        unit, year = _scope(request, quiet=True)
        return _download(build(request.user, unit, year, _fmt(fmt)))

    return view


def _fmt(fmt: str) -> str:
    if fmt not in documents.FORMATS:
        raise Http404(ERR_FORMAT)
    return fmt


def _chart_data(stats, nominations, att) -> dict:
    return {
        "awards": {
            "labels": [r.name for r in stats.by_award],
            "individual": [r.counts.individual for r in stats.by_award],
            "collective": [r.counts.collective for r in stats.by_award],
            "household": [r.counts.household for r in stats.by_award],
        },
        "subunits": {"labels": [r.label for r in stats.by_subunit],
                     "counts": [r.counts.total for r in stats.by_subunit]},
        "gender": {"labels": ["Nữ", "Nam"], "counts": [stats.women, stats.men]},
        "nominations": {"labels": [label for _, label, _ in nominations], "counts": [n for _, _, n in nominations]},
        "attainment": {"labels": ["Vượt mức", "Hoàn thành", "Chưa đạt"],
                       "counts": [att.exceeded, att.met - att.exceeded, att.total - att.met]},
    }


@routes("", "home")
@login_required
def home(request):
    unit, year = _scope(request)
    user = request.user
    # Per user (a report also counts the user's own awards), unit and year, until the next change.
    stats, nominations, att = cached("report-home", f"u{user.pk}:{unit.pk}:{year}", lambda: (
        selectors.grant_stats(user, unit, year), selectors.nomination_counts(user, unit, year),
        selectors.attainment(user, unit, year)))
    return render(request, "reports/home.html", _context(
        request, unit, year, stats=stats, nominations=nominations, attainment=att,
        decisions=selectors.report_decisions(request.user, unit, year),
        chart_data=_chart_data(stats, nominations, att),
    ))


@routes("thong-ke/", "award-table")
@login_required
def award_table(request):
    unit, year = _scope(request)
    stats = selectors.grant_stats(request.user, unit, year)
    return render(request, "reports/award_table.html", _context(
        request, unit, year, stats=stats, columns=summary.AWARD_TABLE_COLUMNS, rows=summary.award_table_rows(stats)))


award_table_download = routes.add("thong-ke/tai-ve.<str:fmt>", "award-table-download", _file_view(documents.award_table_file))


@routes("so-vang/", "register")
@login_required
def register(request):
    unit, year = _scope(request)
    grants = selectors.register_rows(request.user, unit, year)
    return render(request, "reports/register.html", _context(request, unit, year, grants=grants,
                                                               total=sum(g.amount for g in grants)))


register_download = routes.add("so-vang/tai-ve.<str:fmt>", "register-download", _file_view(documents.register_file))


@routes("tong-ket/", "summary")
@login_required
def summary_view(request):
    unit, year = _scope(request)
    can_edit = services.can_edit_draft(request.user, unit)
    draft = summary.draft_for(unit, year)
    initial = {f: getattr(draft, f) for f in services.FIELDS} if draft else {}
    form = ReportDraftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_draft_save(unit=unit, year=year, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for msg in exc.messages:
                messages.error(request, msg)
        else:
            messages.success(request, "Đã lưu dự thảo báo cáo tổng kết.")
            return redirect(f"{reverse('reports:summary')}?{urlencode({'don-vi': unit.pk, 'nam': year})}")
    s = summary.build_summary(request.user, unit, year)
    return render(request, "reports/summary.html", _context(
        request, unit, year, summary=s, blocks=summary.plain_blocks(s.blocks), form=form, can_edit=can_edit,
        audit_entries=audit_rows(draft) if draft else [],
    ))


def _report_job_args(request, data, unit):
    report, fmt = request.POST.get("report", ""), request.POST.get("fmt", "")
    if report not in jobs.REPORTS or fmt not in documents.FORMATS:
        raise Http404(ERR_FORMAT)
    year = selectors.parse_year(request.POST.get("nam", "")) or selectors.default_year(request.user, unit)
    page = reverse(f"reports:{report}")
    return {"report": report, "fmt": fmt, "year": year,
            "back_url": f"{page}?{urlencode({'don-vi': unit.pk, 'nam': year})}"}


report_job = routes.door(
    "tep/", "file-job", jobs.report_job_start,
    fetch=lambda request: {"unit": selectors.report_unit_for(request.user, request.POST.get("don-vi"))},
    back=lambda unit: reverse("reports:home"), args=_report_job_args,
    then=lambda job, **_: reverse("notifications:file-job", args=[job.pk]),
    success="Đã gửi yêu cầu: máy chủ đang tạo tệp báo cáo.")

summary_download = routes.add("tong-ket/tai-ve.<str:fmt>", "summary-download", _file_view(documents.summary_file))
