from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from thidua.accounts.access import can, reach, reach_key
from thidua.accounts.models import Capability
from thidua.audit.cache import cached
from thidua.audit.services import audit_rows
from thidua.awards.selectors import (
    award_history_for_person,
    award_history_for_unit,
    decision_list_for,
    nomination_list_for,
)
from thidua.core.routes import Routes
from thidua.org.selectors import person_get_for_user, person_list_for, unit_get_for_user, units_visible_to

from .todo import todo_for

routes = Routes()


@routes("", "home")
def home(request):
    """Staff see their work; anyone else the public portal (what the law makes public), with its login link."""
    if not request.user.is_authenticated:
        return redirect("portal:home")
    user = request.user
    counts = cached("home-counts", reach_key(user), lambda: {
        "unit_count": units_visible_to(user).count(),
        "nomination_count": nomination_list_for(user).count(),
        "decision_count": decision_list_for(user).count(),
    })
    context = {
        # From the state of the work, computed again after any audited change (every door writes one) or a new day.
        "todo": cached("todo", f"{user.pk}:{timezone.localdate()}", lambda: todo_for(user)),
        "assignments": user.role_assignments.select_related("role", "unit"),
        **counts,
        "recent_decisions": decision_list_for(user)[:5],
    }
    return render(request, "home/home.html", context)


@routes("cua-toi/", "me")
@login_required
def me(request):
    person = person_list_for(request.user).filter(user=request.user).first()
    grants = award_history_for_person(person) if person else []
    return render(request, "home/me.html", {"person": person, "grants": grants})


# A unit's and a person's file: the org records with the award history beside them.


@routes("to-chuc/don-vi/<int:pk>/", "unit-detail")
@login_required
def unit_detail(request, pk):
    unit = unit_get_for_user(request.user, pk)
    # Ancestors outside the user's reach are named but not linked (their page would be a 404).
    visible = reach(request.user)
    return render(request, "org/unit_detail.html", {
        "unit": unit, "can_edit": can(request.user, Capability.ORG_MANAGE, unit),
        "ancestors": [(a, visible.covers(a)) for a in unit.ancestors()],
        "children": unit.children.order_by("name"),
        "people": person_list_for(request.user).filter(current_unit=unit)[:200],
        "merged_from": unit.merged_from.all(),
        "households": unit.households.order_by("head_name")[:200],
        "grants": award_history_for_unit(unit),
        "audit_entries": audit_rows(unit),
    })


@routes("to-chuc/ca-nhan/<int:pk>/", "person-detail")
@login_required
def person_detail(request, pk):
    person = person_get_for_user(request.user, pk)
    return render(request, "org/person_detail.html", {
        "person": person, "can_edit": can(request.user, Capability.ORG_MANAGE, person.current_unit),
        "employments": person.employments.select_related("unit"),
        "ratings": person.ratings.all(),
        "initiatives": person.initiatives.all(),
        "disciplines": person.disciplines.all(),
        "grants": award_history_for_person(person),
        "audit_entries": audit_rows(person),
    })
