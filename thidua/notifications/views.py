"""Thông báo (the user's inbox), the e-mail choice, and the year's deadlines."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from thidua.accounts.access import reach
from thidua.core.door_views import fetch_one
from thidua.core.routes import Routes
from thidua.org.selectors import units_visible_to

from . import files, selectors, services
from .forms import DeadlineForm, PreferenceForm
from .models import Preference

routes = Routes()


def _planner_units(user):
    """Units where the user may set deadlines (TĐKT staff), for the form's choices."""
    reaches = [reach(user, c) for c in services.PLANNERS]
    return [u for u in units_visible_to(user).order_by("path")[:500] if any(r.covers(u) for r in reaches)]


@routes("", "inbox")
@login_required
def inbox(request):
    page = Paginator(selectors.notifications_for(request.user), 30).get_page(request.GET.get("page"))
    pref = Preference.objects.filter(user=request.user).first()
    return render(request, "notifications/inbox.html", {
        "page": page, "unread": selectors.unread_count(request.user),
        "pref_form": PreferenceForm(initial={"email": pref.email if pref else True}),
    })


def _to_inbox(**_):
    return reverse("notifications:inbox")


def _to_deadlines(**_):
    return reverse("notifications:deadlines")


def _nothing(request, **_):
    return {}


routes.door("da-doc/", "read", services.notifications_read, fetch=_nothing, back=_to_inbox,
            args=lambda request, data, **_: {"ids": [int(i) for i in request.POST.getlist("id") if i.isdigit()] or None},
            success="Đã đánh dấu đã đọc.")
routes.door("tuy-chon/", "preferences", services.preference_set, fetch=_nothing, back=_to_inbox, form=PreferenceForm,
            success=lambda pref, **_: "Sẽ gửi thông báo qua thư điện tử." if pref.email
            else "Đã tắt nhận thông báo qua thư điện tử.")


@routes("thoi-han/", "deadlines")
@login_required
def deadlines(request):
    units = _planner_units(request.user)
    today = timezone.localdate()
    rows = [(d, (d.due_on - today).days) for d in selectors.deadlines_for(request.user)]
    return render(request, "notifications/deadlines.html", {
        "rows": rows, "form": DeadlineForm(units=units, initial={"year": today.year}) if units else None,
        "planner_ids": {u.pk for u in units},
    })


routes.door("thoi-han/them/", "deadline-create", services.deadline_create, fetch=_nothing, back=_to_deadlines,
            form=DeadlineForm, form_kwargs=lambda request, **_: {"units": _planner_units(request.user)},
            success=lambda d, **_: f"Đã đặt thời hạn “{d.title}” ({d.due_on:%d/%m/%Y}); sẽ nhắc trước hạn.")


routes.door("thoi-han/<int:pk>/bo/", "deadline-delete", services.deadline_delete,
            fetch=fetch_one("deadline", selectors.deadline_get_for_user),
            back=_to_deadlines, success="Đã bỏ thời hạn.")


# ---------------------------------------------------------------- files made by the worker


@routes("tep/<int:pk>/", "file-job")
@login_required
def file_job(request, pk):
    return render(request, "notifications/file_job.html", {"job": files.file_job_get_for_user(request.user, pk)})


@routes("tep/<int:pk>/tien-do/", "file-job-progress")
@login_required
def file_job_progress(request, pk):
    """The progress fragment the page polls every two seconds while the worker builds the file."""
    return render(request, "notifications/_file_job.html", {"job": files.file_job_get_for_user(request.user, pk)})


@routes("tep/<int:pk>/tai-ve/", "file-job-download")
@login_required
@require_safe
def file_job_download(request, pk):
    return files.file_job_response(files.file_job_get_for_user(request.user, pk))
