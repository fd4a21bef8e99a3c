from urllib.parse import urlencode

from django import template
from django.urls import reverse

from thidua.awards import eligibility as services
from thidua.rulebook.codes import name_vi

register = template.Library()
HORIZON = 5


@register.filter
def code_vi(code):
    """The Vietnamese name of an award code in the candidate list ("Chiến sĩ thi đua cấp bộ, ngành, tỉnh")."""
    return name_vi(code)


@register.inclusion_tag("eligibility/_forecast.html")
def person_forecast(person, from_year=None):
    """The "Dự báo" section of a person page (the page has already checked the person is in reach)."""
    a = from_year or services.current_review_year()
    review_url = ""
    if person.current_unit_id:
        query = urlencode({"year": a - 1, "q": person.full_name})
        review_url = f"{reverse('eligibility:candidates', args=[person.current_unit_id])}?{query}"
    return {"person": person, "items": services.forecast_for_person(person, a, horizon=HORIZON),
            "from_year": a, "horizon": HORIZON, "review_url": review_url, "review_year": a - 1}
