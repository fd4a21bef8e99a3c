"""{% council_info nomination as info %}: the council and disclosure block of a nomination page."""

from django import template

from thidua.awards.disclosure import can_disclose, disclosure_blocking_reason, disclosure_days
from thidua.awards.models import NominationStatus

from ..board import nomination_outcomes

register = template.Library()


@register.simple_tag(takes_context=True)
def council_info(context, nomination):
    request = context.get("request")
    user = getattr(request, "user", None)
    disclosures = list(nomination.disclosures.all())
    may_open = (
        user is not None
        and nomination.status in (NominationStatus.SUBMITTED, NominationStatus.APPROVED)
        and can_disclose(user, nomination)
    )
    return {
        "outcomes": nomination_outcomes(nomination),
        "disclosures": disclosures,
        "blocking": disclosure_blocking_reason(nomination),
        "can_disclose": may_open,
        "days": disclosure_days(nomination.award_code),
    }
