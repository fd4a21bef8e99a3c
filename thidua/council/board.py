"""What a session page (and the API) may show: who votes on what, who is recused, how far the
open round has come — and counts only for closed rounds (results stay hidden while voting)."""

from dataclasses import dataclass, field

from thidua.awards.models import NominationStatus
from thidua.awards.selectors import nomination_list_for

from .documents import pct
from .models import Outcome, RoundStatus
from .selectors import members_on, membership, open_round, recusal_reason


@dataclass
class NomineeRow:
    nominee: object
    in_open_round: bool = False
    voted_count: int = 0
    eligible_count: int = 0
    my_recusal: str | None = None
    i_voted: bool = False
    recused: list = field(default_factory=list)  # (member name, reason)
    results: list = field(default_factory=list)  # closed RoundResult rows, with .pct
    written: list = field(default_factory=list)


def session_board(session, user) -> dict:
    members = list(members_on(session.council, session.date).select_related("user__person__current_unit"))
    present_ids = set(session.present.values_list("pk", flat=True))
    me = membership(user, session.council, session.date)
    rnd = open_round(session)
    in_round = set(rnd.results.values_list("nominee_id", flat=True)) if rnd else set()
    my_votes = set()
    if rnd and me:
        my_votes = set(rnd.receipts.filter(member=me).values_list("nominee_id", flat=True))
    rows = []
    nominees = session.nominees.select_related(
        "entry",
        "entry__person",
        "entry__person__current_unit",
        "entry__recipient_unit",
        "entry__household",
        "agenda_item",
        "session__council__unit",
    )
    for n in nominees:
        row = NomineeRow(nominee=n, in_open_round=n.pk in in_round)
        recused_ids = set()
        for m in members:
            reason = recusal_reason(m, n)
            if reason:
                recused_ids.add(m.pk)
                row.recused.append((m.name, reason))
                if me and m.pk == me.pk:
                    row.my_recusal = reason
        if row.in_open_round:
            row.voted_count = rnd.receipts.filter(nominee=n).count()
            row.eligible_count = len(present_ids - recused_ids)
            row.i_voted = n.pk in my_votes
        for r in n.results.filter(round__status=RoundStatus.CLOSED).select_related("round").order_by("round__number"):
            r.pct = pct(r.total_agree, r.total_members)
            row.results.append(r)
        row.written = list(n.written_opinions.select_related("member__user"))
        rows.append(row)
    return {
        "members": members,
        "present_ids": present_ids,
        "absent": [m for m in members if m.pk not in present_ids],
        "me": me,
        "i_am_present": bool(me and me.pk in present_ids),
        "open_round": rnd,
        "closed_rounds": list(session.rounds.filter(status=RoundStatus.CLOSED).order_by("number")),
        "rows": rows,
        "head_pending": [r.nominee for r in rows if r.nominee.outcome == Outcome.HEAD_PENDING],
        "failed": [r.nominee for r in rows if r.nominee.outcome == Outcome.FAILED],
        "opinion_targets": [r.nominee for r in rows if r.nominee.outcome in (Outcome.PENDING, Outcome.FAILED)],
    }


def agenda_candidates(session, user):
    """Submitted nominations the user sees that this council may review, not yet on the agenda."""
    unit = session.council.unit
    from django.db.models import Q

    return (
        nomination_list_for(user)
        .filter(status=NominationStatus.SUBMITTED)
        .filter(Q(decider_unit=unit) | Q(unit__path__startswith=unit.path))
        .exclude(pk__in=session.agenda.values("nomination_id"))
    )


def nomination_outcomes(nomination):
    """Council results of a nomination's entries, for the nomination page (closed rounds only)."""
    from .models import Nominee

    out = []
    for n in (
        Nominee.objects.filter(agenda_item__nomination=nomination)
        .select_related("session", "session__council")
        .order_by("session__date", "id")
    ):
        last = (
            n.results.filter(round__status=RoundStatus.CLOSED)
            .select_related("round")
            .order_by("-round__number")
            .first()
        )
        if last is not None:
            last.pct = pct(last.total_agree, last.total_members)
        out.append({"nominee": n, "last": last})
    return out
