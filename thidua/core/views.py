from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from thidua.accounts.access import reach, units_visible_to
from thidua.accounts.models import Capability
from thidua.awards.models import NominationStatus
from thidua.awards.selectors import award_history_for_person, decision_list_for, nomination_list_for
from thidua.org.selectors import person_list_for


@login_required
def home(request):
    nominations = nomination_list_for(request.user)
    approve_reach = reach(request.user, Capability.NOMINATION_APPROVE)
    waiting = [n for n in nominations.filter(status=NominationStatus.SUBMITTED) if approve_reach.covers(n.decider_unit)]
    context = {
        "assignments": request.user.role_assignments.select_related("role", "unit"),
        "unit_count": units_visible_to(request.user).count(),
        "nomination_count": nominations.count(),
        "decision_count": decision_list_for(request.user).count(),
        "waiting_approval": waiting,
        "recent_decisions": decision_list_for(request.user)[:5],
    }
    return render(request, "core/home.html", context)


@login_required
def me(request):
    person = person_list_for(request.user).filter(user=request.user).first()
    grants = award_history_for_person(person) if person else []
    return render(request, "core/me.html", {"person": person, "grants": grants})
