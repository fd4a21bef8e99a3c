"""How thin views turn a door's answer into Vietnamese flash messages (shared by every app)."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def messages_from_error(request, exc) -> None:
    for msg in getattr(exc, "messages", None) or [str(exc)]:
        messages.error(request, msg)


def messages_from_form(request, form) -> None:
    for errors in form.errors.values():
        for msg in errors:
            messages.error(request, msg)


def run_door(request, door, success: str, **kwargs):
    """Call a door as the current user. A refused rule becomes an error message and None;
    PermissionDenied propagates (403). Returns the door's result, or True if it returned None."""
    try:
        result = door(acting_user=request.user, **kwargs)
    except ValidationError as exc:
        messages_from_error(request, exc)
        return None
    messages.success(request, success)
    return result if result is not None else True
