from django.db.models import Q
from django.http import Http404

from thidua.accounts.access import can, reach
from thidua.accounts.models import Capability
from thidua.core.errors import one_or_404
from thidua.core.text import normalize_search

from .models import Person, Unit


def in_reach(user, unit_field: str, capability: str = Capability.VIEW) -> Q:
    """Q for a model whose ForeignKey ``unit_field`` points to a unit the user reaches, as ``IN (sub-select)``:
    for scopes OR-ed together. ``scope_q`` joins the unit instead, and PostgreSQL then tests an OR of joins as a
    join filter against every unit for each row (the decision list: 60,000 rows tested to show 100, 7.3 ms → 0.9 ms
    on the province data)."""
    if reach(user, capability).everything:
        return Q(pk__isnull=False)
    return Q(**{f"{unit_field}__in": units_visible_to(user, capability).values("pk")})


def person_list_for(user, query: str = ""):
    own = Q(user=user) if user.is_authenticated else Q(pk__in=[])
    qs = Person.objects.filter(in_reach(user, "current_unit") | own).select_related("current_unit")
    needle = normalize_search(query)
    if needle:
        qs = qs.filter(search_text__contains=needle)
    return qs


def person_get_for_user(user, pk) -> Person:
    return one_or_404(person_list_for(user), pk)


def units_visible_to(user, capability: str = Capability.VIEW):
    return Unit.objects.filter(reach(user, capability).q())


def unit_get_for_user(user, pk, capability: str = Capability.VIEW) -> Unit:
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None or not can(user, capability, unit):
        raise Http404("Không tìm thấy đơn vị.")
    return unit
