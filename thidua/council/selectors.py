"""Scoped reads of councils, sessions and disclosures, recusal, and the disclosure gate.

A council is seen by the users of its unit's subtree, by the levels above (their reach covers
it) and by its own members; everyone else gets 404.
"""

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from thidua.accounts.access import can, reach, scope_q
from thidua.accounts.models import Capability
from thidua.core.errors import NOT_FOUND, one_or_404
from thidua.org.models import Unit

from .models import Council, CouncilMember, Nominee, RoundStatus, Session


def _ancestor_ids(user) -> set[int]:
    """Units above (or equal to) the units the user works in: their councils are the user's too."""
    r = reach(user, Capability.VIEW)
    paths = list(r.prefixes)
    if r.exact_ids:
        paths += list(Unit.objects.filter(pk__in=r.exact_ids).values_list("path", flat=True))
    return {int(p) for path in paths for p in path.strip("/").split("/") if p}


def council_list_for(user):
    if not user.is_authenticated:
        return Council.objects.none()
    q = scope_q(user, "unit") | Q(unit_id__in=_ancestor_ids(user)) | Q(members__user=user)
    return Council.objects.filter(q).select_related("unit").distinct()


def council_get_for_user(user, pk) -> Council:
    return one_or_404(council_list_for(user), pk)


def session_list_for(user):
    return Session.objects.filter(council__in=council_list_for(user).values("pk")).select_related(
        "council", "council__unit"
    )


def session_get_for_user(user, pk) -> Session:
    return one_or_404(session_list_for(user), pk)


def nominee_get(session: Session, pk) -> Nominee:
    nominee = session.nominees.filter(pk=pk).select_related("entry", "entry__person", "entry__recipient_unit").first()
    if nominee is None:
        raise Http404(NOT_FOUND)
    return nominee


def members_on(council: Council, day):
    return council.members.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day)).select_related("user")


def membership(user, council: Council, day=None) -> CouncilMember | None:
    if not user.is_authenticated:
        return None
    day = day or timezone.localdate()
    return members_on(council, day).filter(user=user).first()


def can_manage_council(user, council: Council) -> bool:
    return can(user, Capability.COUNCIL_MANAGE, council.unit)


def can_run_session(user, session: Session) -> bool:
    """The clerk of the level, or the council's own chair / secretary, runs the meeting."""
    if can_manage_council(user, session.council):
        return True
    m = membership(user, session.council, session.date)
    return m is not None and m.role in ("chair", "secretary")


def open_round(session: Session):
    return session.rounds.filter(status=RoundStatus.OPEN).first()


# ---------------------------------------------------------------- recusal

RECUSE_OWN = "Là người được đề nghị"
RECUSE_MEMBER_OF = "Thuộc tập thể được đề nghị"
RECUSE_OWN_UNIT = "Người / tập thể được đề nghị thuộc đơn vị của thành viên"


def recusal_reason(member: CouncilMember, nominee: Nominee) -> str | None:
    """Why ``member`` may not vote on ``nominee`` (conflict of interest, domain §7), or None.

    "Own unit" is the unit of the member's Person record (current_unit). It is a conflict when
    the nominated collective is that unit or contains it, or when the nominee (a person's
    current unit or a collective) lies inside it. A member whose own unit is the council's
    level itself (or above it) — the chair of a commune sits in the commune's committee —
    is not recused for everything under that level, else no one could vote there; they are
    recused only when the level itself is the nominated collective.
    """
    entry = nominee.entry
    if entry is None:
        return None
    person = getattr(member.user, "person", None)
    if entry.person_id is not None and (
        entry.person.user_id == member.user_id or (person is not None and entry.person_id == person.pk)
    ):
        return RECUSE_OWN
    own = person.current_unit if person is not None else None
    if own is None:
        return None
    collective = entry.recipient_unit
    if collective is not None and own.path.startswith(collective.path):
        return RECUSE_MEMBER_OF
    nominee_unit = (
        collective
        or (entry.person.current_unit if entry.person_id else None)
        or (entry.household.unit if entry.household_id else None)
    )
    council_unit = nominee.session.council.unit
    if (
        nominee_unit is not None
        and nominee_unit.path.startswith(own.path)
        and not council_unit.path.startswith(own.path)
    ):
        return RECUSE_OWN_UNIT
    return None
