from django.db.models import Q
from django.utils import timezone

from thidua.accounts.access import reach
from thidua.accounts.models import Capability, RoleAssignment

from .models import Deadline, DeadlineKind, Notification, Preference

AUDIENCE = {
    DeadlineKind.REGISTRATION: (Capability.EMULATION_MANAGE,),
    DeadlineKind.REVIEW: (Capability.EMULATION_MANAGE,),
    DeadlineKind.SUBMISSION: (Capability.NOMINATION_MANAGE,),
}


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notifications_for(user):
    return Notification.objects.filter(user=user)


def deadlines_for(user, *, upcoming_only: bool = False):
    """The deadlines that bind the user's units: set on one of them or on a level above."""
    r = reach(user)
    if r.empty:
        return Deadline.objects.none()
    if r.everything:
        qs = Deadline.objects.all()
    else:
        paths = {ra.unit.path for ra in user.role_assignments.select_related("unit")}
        prefixes = {"/" + "/".join(p.strip("/").split("/")[:i]) + "/" for p in paths
                    for i in range(1, p.strip("/").count("/") + 2)}
        qs = Deadline.objects.filter(Q(unit__path__in=prefixes) | r.q("unit__path", "unit_id"))
    if upcoming_only:
        qs = qs.filter(due_on__gte=timezone.localdate())
    return qs.select_related("unit").distinct().order_by("due_on", "id")


def deadline_audience(deadline: Deadline):
    """The TĐKT staff of the deadline's unit and of every unit under it."""
    from django.contrib.auth import get_user_model

    wanted = AUDIENCE.get(deadline.kind, (Capability.NOMINATION_MANAGE, Capability.EMULATION_MANAGE))
    ids = {ra.user_id for ra in RoleAssignment.objects.select_related("role").filter(
        unit__path__startswith=deadline.unit.path, user__is_active=True) if set(wanted) & set(ra.role.capabilities)}
    return get_user_model().objects.filter(pk__in=ids)


def email_wanted(user) -> bool:
    pref = Preference.objects.filter(user=user).first()
    return bool(user.email) and (pref is None or pref.email)


def deadline_get_for_user(user, pk: int) -> Deadline:
    """A deadline binding the user's units, or 404 (an outsider's is none of theirs)."""
    from thidua.core.errors import one_or_404

    return one_or_404(deadlines_for(user), pk)
