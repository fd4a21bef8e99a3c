"""Work for the background worker (`manage.py db_worker`, django-tasks' database backend)."""

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from . import inbox
from .models import Deadline, Notification
from .selectors import deadline_audience, email_wanted

SUBJECT = "[ThiĐua] {text}"
BODY = "{text}\n\n{link}\n\n—\nThư tự động của hệ thống ThiĐua. Tắt nhận thư tại: {prefs}"


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path if path.startswith("/") else path


@task()
def send_emails(notification_ids: list[int]) -> int:
    """One message per notification, to users who have an address and have not turned e-mail off."""
    sent = 0
    prefs = _absolute(reverse("notifications:preferences"))
    for n in Notification.objects.select_related("user").filter(pk__in=notification_ids, emailed_at__isnull=True):
        if not email_wanted(n.user):
            continue
        send_mail(SUBJECT.format(text=n.text[:120]), BODY.format(text=n.text, link=_absolute(n.url), prefs=prefs),
                  None, [n.user.email])
        Notification.objects.filter(pk=n.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


@task()
def deadline_remind(deadline_id: int, due_on: str, days_before: int) -> int:
    """Scheduled when the deadline was set; a deadline since deleted or moved sends nothing."""
    deadline = Deadline.objects.select_related("unit").filter(pk=deadline_id).first()
    if deadline is None or deadline.due_on != dt.date.fromisoformat(due_on):
        return 0
    text = (f"Còn {days_before} ngày: {deadline.title} – hạn chót {deadline.due_on:%d/%m/%Y} "
            f"({deadline.unit.name}).")
    rows = inbox.write(deadline_audience(deadline), text=text, kind="deadline", url=reverse("notifications:deadlines"))
    send_emails.call([n.pk for n in rows])  # already on the worker
    return len(rows)
