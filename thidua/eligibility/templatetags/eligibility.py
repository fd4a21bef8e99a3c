import functools
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from thidua.awards import eligibility as services
from thidua.rulebook.codes import name_vi

register = template.Library()
HORIZON = 5


@register.filter
def code_vi(code):
    """The Vietnamese name of an award code in the candidate list ("Chiến sĩ thi đua cấp bộ, ngành, tỉnh")."""
    return name_vi(code)


STATUS_TEXT = {"eligible": "Đủ điều kiện", "not_eligible": "Không đủ điều kiện"}
NEEDS_JUDGEMENT_TEXT = "Cần xem xét"


@register.simple_tag
def verdict_items(row, year):
    """The <li> of each code of a candidate row with its status: built in Python from fragments escaped once per
    code and status, since a page of rows of seven codes took most of the page's time as a template loop."""
    if not row.verdicts:
        return format_html('<li class="muted">{}</li>', "Không có danh hiệu, hình thức phù hợp bộ lọc.")
    granted = format_html(' <span class="muted small">(đã được tặng năm {})</span>', year)
    parts = []
    for c, s in row.verdicts:
        head, tail = _item(c, s)
        parts.append(head + (granted if c in row.granted else "") + tail)
    return mark_safe("".join(parts))  # every part was escaped by format_html


@functools.cache
def _item(code: str, status: str) -> tuple[str, str]:
    head = format_html('<li class="verdict" data-code="{}" data-status="{}">{} <span class="status status-{}">{}</span>',
                       code, status, name_vi(code), status, STATUS_TEXT.get(status, NEEDS_JUDGEMENT_TEXT))
    return str(head), "</li>"


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
