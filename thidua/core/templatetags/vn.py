from django import template
from django.utils import timezone

from thidua.formatting import format_date, format_money, format_vnd

register = template.Library()


@register.filter
def vnd(value):
    return format_vnd(value)


@register.filter
def vnnumber(value):
    """12345 → "12.345" (counts on pages); 0 stays "0"."""
    return format_money(value) or "0"


@register.filter
def vndate(value):
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return format_date(value)


@register.filter
def fullname(user):
    from thidua.formatting import full_name

    return full_name(user)
