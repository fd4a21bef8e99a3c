"""The one shape of a page that changes something (architecture.md, Habit 3):

    fetch through a scoped accessor (404 for "missing" and "not yours")
    → validate the posted form → call the door as the user
    → a Vietnamese message → redirect (or, for htmx, tell the page where to go).

A view is declared, not written::

    nomination_submit_view = door_view(
        services.nomination_submit,
        fetch=lambda request, pk: {"nomination": nomination_get_for_user(request.user, pk)},
        back=lambda nomination: reverse("awards:nomination-detail", args=[nomination.pk]),
        success="Đã trình đề nghị lên người có thẩm quyền.",
    )

A refused rule (ValidationError) is shown as the door's own message and nothing changes (the door is
atomic); PermissionDenied propagates as a 403; Http404 from the accessor as a 404.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from .errors import SecondFactorRequired
from .feedback import messages_from_error, messages_from_form

# Where a user enters the second factor (it sends those not yet enrolled to enrol), then comes back.
SECOND_FACTOR_PAGE = "council:otp-verify"


def door_view(
    door: Callable,
    *,
    fetch: Callable[..., dict],
    back: Callable[..., str],
    success: str | Callable | None = None,
    form: type | None = None,
    form_kwargs: Callable[..., dict] | None = None,
    args: Callable[..., dict] | None = None,
    then: Callable[..., str] | None = None,
    second_factor: bool = False,
):
    """Build a POST view for ``door``.

    fetch(request, **url_kwargs) -> {name: object}: what the door acts on, read through the scoped
        accessors; passed to the door (and to ``back``/``form_kwargs``) by name.
    form: a Form class bound to POST and FILES; an invalid form is reported field by field.
    form_kwargs(request, **fetched) -> extra keyword arguments of the form (choices scoped to the
        user and the object).
    args(request, data, **fetched) -> the door's other keyword arguments, from the form's
        cleaned_data (``data``, {} without a form) or the raw POST; may raise ValidationError.
        Default: the form's cleaned_data as it is. A name it shares with ``fetch`` replaces the fetched one.
    back(**fetched) -> the URL to return to, after a refusal too.
    then(result, **fetched) -> the URL after success, when it is not ``back`` (the new decision…).
    success: the message, or success(result, **fetched) -> message; None: no message.
    second_factor: the door takes ``otp_verified`` (signing, issuing); refused for want of it, the user is
        sent to enter the code and comes back to ``back``.
    """

    @login_required
    @require_POST
    def view(request, **url_kwargs):
        fetched = fetch(request, **url_kwargs)
        data = {}
        if form is not None:
            bound = form(request.POST, request.FILES, **(form_kwargs(request, **fetched) if form_kwargs else {}))
            if not bound.is_valid():
                messages_from_form(request, bound)
                return _go(request, back(**fetched))
            data = bound.cleaned_data
        try:
            extra = args(request, data, **fetched) if args else data
            if second_factor:
                extra = {**extra, "otp_verified": request.user.is_verified()}
            result = door(acting_user=request.user, **{**fetched, **extra})
        except SecondFactorRequired as exc:
            messages.warning(request, exc.args[0])
            return _go(request, f"{reverse(SECOND_FACTOR_PAGE)}?{urlencode({'next': back(**fetched)})}")
        except ValidationError as exc:
            messages_from_error(request, exc)
            return _go(request, back(**fetched))
        message = success(result, **fetched) if callable(success) else success
        if message:
            messages.success(request, message)
        return _go(request, then(result, **fetched) if then else back(**fetched))

    view.door = door  # for tests and readers: which door this page calls
    return view


def _go(request, url: str):
    # An htmx request follows a redirect inside its target; the page itself must move instead.
    if getattr(request, "htmx", False):
        return HttpResponse(status=204, headers={"HX-Redirect": url})
    return redirect(url)


def form_page(
    door: Callable,
    *,
    form: type,
    units: Callable,
    denied: str,
    heading: str,
    success: str | Callable,
    then: Callable[..., str],
    initial: Callable | None = None,
    args: Callable[..., dict] | None = None,
    template: str = "org/form.html",
):
    """A page that creates something: GET shows the form, POST validates it, calls the door and goes to
    the new row. ``units(request)`` are the units the user may create it under (none: 403 ``denied``);
    a refused rule is shown on the form itself, with what the user typed kept."""

    @login_required
    def view(request):
        allowed = units(request)
        if not allowed.exists():
            raise PermissionDenied(denied)
        bound = form(request.POST or None, units=allowed, initial=initial(request) if initial else None)
        if request.method == "POST" and bound.is_valid():
            try:
                result = door(acting_user=request.user, **(args(bound.cleaned_data) if args else bound.cleaned_data))
            except ValidationError as exc:
                bound.add_error(None, exc)
            else:
                messages.success(request, success(result) if callable(success) else success)
                return redirect(then(result))
        return render(request, template, {"form": bound, "heading": heading})

    view.door = door
    return view


def fetch_one(name: str, getter: Callable):
    """``fetch`` for a page at ``…/<int:pk>/…``: {name: getter(user, pk)}, a scoped accessor (404)."""
    return lambda request, pk: {name: getter(request.user, pk)}


def back_to(url_name: str, name: str):
    """``back`` to the page of the fetched ``name``."""
    return lambda **fetched: reverse(url_name, args=[fetched[name].pk])
