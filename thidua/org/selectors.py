from django.db.models import Q
from django.http import Http404

from thidua.accounts.access import scope_q
from thidua.core.text import normalize_search

from .models import Person

NOT_FOUND = "Không tìm thấy hoặc bạn không có quyền xem."


def person_list_for(user, query: str = ""):
    own = Q(user=user) if user.is_authenticated else Q(pk__in=[])
    qs = Person.objects.filter(scope_q(user, "current_unit") | own).select_related("current_unit")
    needle = normalize_search(query)
    if needle:
        qs = qs.filter(search_text__contains=needle)
    return qs


def person_get_for_user(user, pk) -> Person:
    person = person_list_for(user).filter(pk=pk).first()
    if person is None:
        raise Http404(NOT_FOUND)
    return person
