"""The doors of notifications: handing a step to someone (called inside the door that does it), reading,
the user's e-mail choice, and the year's deadlines with their reminders."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.audit.services import audit_record
from thidua.core.errors import ERR_NO_PERMISSION

from . import inbox, tasks
from .models import Deadline, DeadlineKind, Notification, Preference

ERR_DEADLINE_PAST = "Hạn chót phải từ hôm nay trở đi."
ERR_DEADLINE_TITLE = "Phải nhập nội dung của thời hạn."
ERR_DEADLINE_YEAR = "Năm của kế hoạch không hợp lệ."
# Who plans the year's dates for a unit's subtree: its TĐKT staff.
PLANNERS = (Capability.NOMINATION_MANAGE, Capability.EMULATION_MANAGE)


def notify(users, *, text: str, kind: str, url: str = "", actor=None) -> list[Notification]:
    """Tell each user (but the one acting) in the app, and by e-mail from the worker. Not a door of its own:
    the door that hands work on calls it inside its transaction, so both happen or neither."""
    rows = inbox.write(users, text=text, kind=kind, url=url, actor=actor)
    if rows:
        tasks.send_emails.enqueue([n.pk for n in rows])
    return rows


@transaction.atomic
def notifications_read(*, acting_user, ids=None) -> int:
    """Mark the user's notifications read: the given ones, or all."""
    qs = Notification.objects.filter(user=acting_user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())


@transaction.atomic
def preference_set(*, acting_user, email: bool) -> Preference:
    pref, _ = Preference.objects.select_for_update().get_or_create(user=acting_user)
    old = pref.email
    pref.email = bool(email)
    pref.save(update_fields=["email"])
    audit_record(actor=acting_user, action="notifications.preference_set", target=acting_user,
                 data={"old": {"email": old}, "new": {"email": pref.email}})
    return pref


def _require_planner(user, unit):
    if not any(can(user, c, unit) for c in PLANNERS):
        raise PermissionDenied(ERR_NO_PERMISSION)


@transaction.atomic
def deadline_create(*, acting_user, unit, year: int, kind: str, title: str, due_on: dt.date) -> Deadline:
    """A date of the year's plan for ``unit`` and everything under it, with reminders scheduled before it."""
    _require_planner(acting_user, unit)
    title = (title or "").strip()
    if not title:
        raise ValidationError(ERR_DEADLINE_TITLE)
    if kind not in DeadlineKind.values:
        kind = DeadlineKind.OTHER
    if not 2000 <= int(year) <= 2100:
        raise ValidationError(ERR_DEADLINE_YEAR)
    if due_on < timezone.localdate():
        raise ValidationError(ERR_DEADLINE_PAST)
    deadline = Deadline.objects.create(unit=unit, year=year, kind=kind, title=title, due_on=due_on,
                                       created_by=acting_user)
    for days in settings.DEADLINE_REMINDER_DAYS:
        day = due_on - dt.timedelta(days=days)
        if day < timezone.localdate():
            continue
        at = timezone.make_aware(dt.datetime.combine(day, dt.time(7, 0)))
        tasks.deadline_remind.using(run_after=at).enqueue(deadline.pk, due_on.isoformat(), days)
    audit_record(actor=acting_user, action="deadline.created", target=deadline, unit=unit,
                 data={"title": title, "due_on": due_on.isoformat(), "kind": kind})
    return deadline


@transaction.atomic
def deadline_delete(*, acting_user, deadline: Deadline) -> None:
    """Its reminders find it gone and send nothing."""
    _require_planner(acting_user, deadline.unit)
    audit_record(actor=acting_user, action="deadline.deleted", target=deadline, unit=deadline.unit,
                 data={"title": deadline.title, "due_on": deadline.due_on.isoformat()})
    deadline.delete()
