"""How thin views turn a door's answer into Vietnamese flash messages (shared by every app)."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def messages_from_error(request, exc) -> None:
    for msg in getattr(exc, "messages", None) or [str(exc)]:
        messages.error(request, msg)


def messages_from_form(request, form) -> None:
    # After the redirect the form is gone, so a generic message ("Trường này là bắt buộc.") is
    # prefixed with its field's label; the forms' own messages already name what is wrong.
    for name, errors in form.errors.as_data().items():
        field = form.fields.get(name)
        for error in errors:
            for msg in error.messages:
                generic = field is not None and _is_default_message(field, error.code)
                messages.error(request, f"{field.label}: {msg}" if generic and field.label else msg)


def _is_default_message(field, code) -> bool:
    defaults = {}
    for klass in reversed(type(field).__mro__):
        defaults.update(getattr(klass, "default_error_messages", {}))
    return code in defaults and str(field.error_messages.get(code)) == str(defaults[code])


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
