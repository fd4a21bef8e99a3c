"""Who is told when a nomination moves on (issue 9, item 5): each door that hands work to someone else
calls one of these inside its transaction; notifications.notify writes the message and queues the e-mail."""

from django.urls import reverse

from thidua.accounts.access import users_with
from thidua.accounts.models import Capability
from thidua.notifications.services import notify


def _url(nomination) -> str:
    return reverse("awards:nomination-detail", args=[nomination.pk])


def _proposers(nomination):
    users = list(users_with(Capability.NOMINATION_MANAGE, nomination.unit))
    return users + ([nomination.created_by] if nomination.created_by_id else [])


def submitted(nomination, actor):
    notify(list(users_with(Capability.NOMINATION_APPROVE, nomination.decider_unit))
           + list(users_with(Capability.NOMINATION_MANAGE, nomination.decider_unit)),
           text=f"{nomination.unit.name} đã trình “{nomination.title}”: chờ xem xét, phê duyệt.",
           kind="nomination.submitted", url=_url(nomination), actor=actor)


def approved(nomination, actor):
    notify(_proposers(nomination), text=f"“{nomination.title}” đã được phê duyệt.",
           kind="nomination.approved", url=_url(nomination), actor=actor)
    notify(users_with(Capability.DECISION_ISSUE, nomination.decider_unit),
           text=f"“{nomination.title}” đã được phê duyệt: chờ ban hành quyết định.",
           kind="nomination.to_issue", url=_url(nomination), actor=actor)


def returned(nomination, actor):
    notify(_proposers(nomination),
           text=f"“{nomination.title}” bị trả lại để sửa. Lý do: {nomination.return_reason}",
           kind="nomination.returned", url=_url(nomination), actor=actor)


def consolidated(source, target, actor):
    notify(_proposers(source), text=f"“{source.title}” đã được {target.unit.name} tổng hợp vào “{target.title}”.",
           kind="nomination.consolidated", url=_url(source), actor=actor)


def decided(nomination, decision, actor):
    """The proposer, and every sub-unit whose list was consolidated into it, learn the outcome."""
    users = _proposers(nomination)
    for source in nomination.consolidated_from.select_related("unit"):
        users += _proposers(source)
    notify(users, text=f"Đã ban hành Quyết định số {decision.number_text} cho “{nomination.title}”.",
           kind="nomination.decided", url=reverse("awards:decision-detail", args=[decision.pk]), actor=actor)


def comment_received(disclosure):
    """A comment from the public waits for the deciding level's moderation and answer."""
    notify(users_with(Capability.COUNCIL_MANAGE, disclosure.nomination.decider_unit),
           text=f"Có ý kiến mới của nhân dân về danh sách công khai “{disclosure.nomination.title}”: chờ duyệt, trả lời.",
           kind="disclosure.comment", url=reverse("council:disclosure-detail", args=[disclosure.pk]))
