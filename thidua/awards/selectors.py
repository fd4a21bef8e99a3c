"""Scoped reads: lists show only what the user's roles cover; gets 404 otherwise."""

from django.db.models import Q
from django.http import Http404

from thidua.accounts.access import reach, scope_q
from thidua.accounts.models import Capability

from .models import Decision, Grant, Nomination

NOT_FOUND = "Không tìm thấy hoặc bạn không có quyền xem."


def nomination_list_for(user):
    # The proposing unit's staff and the deciding level both see a nomination.
    return Nomination.objects.filter(scope_q(user, "unit") | scope_q(user, "decider_unit")).select_related(
        "unit", "decider_unit"
    ).distinct()


def nomination_get_for_user(user, pk) -> Nomination:
    obj = nomination_list_for(user).filter(pk=pk).first()
    if obj is None:
        raise Http404(NOT_FOUND)
    return obj


def decision_list_for(user):
    return Decision.objects.filter(
        scope_q(user, "issuer") | Q(nomination__in=nomination_list_for(user).values("pk"))
    ).select_related("issuer").distinct()


def decision_get_for_user(user, pk) -> Decision:
    obj = decision_list_for(user).filter(pk=pk).first()
    if obj is None:
        raise Http404(NOT_FOUND)
    return obj


def grant_list_for(user):
    own = Q(person__user=user) if user.is_authenticated else Q(pk__in=[])
    return Grant.objects.filter(
        scope_q(user, "decision__issuer")
        | scope_q(user, "person__current_unit")
        | scope_q(user, "recipient_unit")
        | own
    ).select_related("decision", "decision__issuer").distinct()


def grant_get_for_user(user, pk) -> Grant:
    obj = grant_list_for(user).filter(pk=pk).first()
    if obj is None:
        raise Http404(NOT_FOUND)
    return obj


def award_history_for_person(person):
    return Grant.objects.filter(person=person).select_related("decision", "decision__issuer").order_by("-year", "-id")


def award_history_for_unit(unit):
    """Collective awards of this unit and of every unit merged into it."""
    return Grant.objects.filter(recipient_unit_id__in=unit.lineage_ids()).select_related(
        "decision", "decision__issuer", "recipient_unit"
    ).order_by("-year", "-id")


def can_manage(user, nomination) -> bool:
    return reach(user, Capability.NOMINATION_MANAGE).covers(nomination.unit)
