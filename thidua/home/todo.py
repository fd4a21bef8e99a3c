"""Việc cần làm: each user's next steps, by role, read from the state of the work (issue 9, item 5).

Nothing here is stored: a step done elsewhere drops off the list at once. Each item names the step,
where to do it and, where the plan or the law sets one, the date and the days left.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.access import reach
from thidua.accounts.models import Capability
from thidua.awards.models import Disclosure, DisclosureComment, NominationStatus
from thidua.awards.selectors import nomination_list_for, procedure_rows
from thidua.council.models import BallotRound, RoundStatus, VoterReceipt
from thidua.emulation.models import RegistrationStatus
from thidua.emulation.selectors import registration_list_for
from thidua.notifications.selectors import deadlines_for

SHOWN = 50  # per kind: the list is a signpost, the pages behind it have the rest
# Each review item reads its nomination's procedure (a few queries): this many, then one line for the rest.
REVIEW_SHOWN = 15


@dataclass(frozen=True)
class Todo:
    kind: str
    text: str
    url: str
    due: dt.date | None = None

    @property
    def days_left(self) -> int | None:
        return None if self.due is None else (self.due - timezone.localdate()).days


def _next_step(nomination) -> str:
    row = next((r for r in procedure_rows(nomination) if r.state in ("next", "running")), None)
    return row.step.name_vi if row else "Phê duyệt"


def todo_for(user) -> list[Todo]:
    items: list[Todo] = []
    nominations = nomination_list_for(user)
    approve, manage = reach(user, Capability.NOMINATION_APPROVE), reach(user, Capability.NOMINATION_MANAGE)
    issue = reach(user, Capability.DECISION_ISSUE)
    url = lambda n: reverse("awards:nomination-detail", args=[n.pk])  # noqa: E731

    waiting = [n for n in nominations.filter(status=NominationStatus.SUBMITTED).order_by("submitted_at")[:SHOWN * 4]
               if approve.covers(n.decider_unit) or (manage.covers(n.decider_unit) and n.decider_unit_id != n.unit_id)]
    for n in waiting[:REVIEW_SHOWN]:
        items.append(Todo("review", f"Xem xét “{n.title}” ({n.unit.name}): bước tiếp theo – {_next_step(n)}", url(n)))
    if len(waiting) > REVIEW_SHOWN:
        more = len(waiting) - REVIEW_SHOWN
        items.append(Todo("review", f"và {more}{'+' if len(waiting) == SHOWN * 4 else ''} đề nghị khác đang chờ "
                                    "xem xét", reverse("awards:nomination-list") + "?status=submitted"))
    for n in nominations.filter(status=NominationStatus.APPROVED).order_by("approved_at")[:SHOWN]:
        if issue.covers(n.decider_unit):
            items.append(Todo("issue", f"Ban hành quyết định cho “{n.title}”", url(n)))
    for n in nominations.filter(status=NominationStatus.RETURNED)[:SHOWN]:
        if manage.covers(n.unit):
            items.append(Todo("returned", f"Sửa “{n.title}” bị trả lại: {n.return_reason}", url(n)))

    # Ballots open for me: I am present and have not voted on every nominee of the round.
    for rnd in (BallotRound.objects.filter(status=RoundStatus.OPEN, session__present__user=user)
                .select_related("session__council").distinct()[:SHOWN]):
        todo = rnd.results.count() - VoterReceipt.objects.filter(round=rnd, member__user=user).count()
        if todo > 0:
            items.append(Todo("ballot", f"Bỏ phiếu kín vòng {rnd.number}, phiên họp số {rnd.session.number} – "
                                        f"{rnd.session.council.name}: còn {todo} trường hợp",
                              reverse("council:session-detail", args=[rnd.session_id])))

    # Disclosures I run: ending soon, and public comments still to answer.
    today = timezone.localdate()
    soon = today + dt.timedelta(days=settings.TODO_DISCLOSURE_WARN_DAYS)
    mine = Disclosure.objects.filter(nomination__in=nominations).select_related("nomination__decider_unit")
    for d in mine.filter(start__lte=today, end__gte=today, end__lte=soon)[:SHOWN]:
        if manage.covers(d.nomination.decider_unit):
            items.append(Todo("disclosure", f"Công khai “{d.nomination.title}” kết thúc ngày {d.end:%d/%m/%Y}",
                              reverse("council:disclosure-detail", args=[d.pk]), due=d.end))
    pending = (DisclosureComment.objects.filter(disclosure__in=mine, resolved_at__isnull=True)
               .values_list("disclosure_id", flat=True))
    for d in mine.filter(pk__in=pending)[:SHOWN]:
        if manage.covers(d.nomination.decider_unit):
            n = d.comments.filter(resolved_at__isnull=True).count()
            items.append(Todo("comments", f"Trả lời {n} ý kiến của nhân dân về “{d.nomination.title}”",
                              reverse("council:disclosure-detail", args=[d.pk])))

    # Registrations from the units below me, waiting for my approval.
    emulation = reach(user, Capability.EMULATION_MANAGE)
    waiting = [r for r in registration_list_for(user).filter(status=RegistrationStatus.SUBMITTED)
               .select_related("unit__parent")[:SHOWN * 4] if r.unit.parent and emulation.covers(r.unit.parent)]
    if waiting:
        items.append(Todo("registrations", f"Duyệt {len(waiting)} đăng ký thi đua của đơn vị trực thuộc",
                          reverse("emulation:home")))

    for d in deadlines_for(user, upcoming_only=True)[:SHOWN]:
        items.append(Todo("deadline", f"{d.title} ({d.unit.name})", reverse("notifications:deadlines"), due=d.due_on))
    return items
