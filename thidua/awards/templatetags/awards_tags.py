from django import template
from django.urls import reverse
from django.utils.html import format_html

from thidua.awards.selectors import nomination_list_for

register = template.Library()


@register.simple_tag(takes_context=True)
def nomination_status_link(context, nomination):
    """A nomination's status, linked only where the user may open it (another app's page, such as a
    cluster's proposals made for other members, names it without a link that would be a 404)."""
    label = nomination.get_status_display()
    user = context["request"].user
    if nomination_list_for(user).filter(pk=nomination.pk).exists():
        return format_html('<a href="{}">{}</a>', reverse("awards:nomination-detail", args=[nomination.pk]), label)
    return label
