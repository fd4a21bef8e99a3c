"""Routing a nomination to the competent level by the rulebook's authority matrix (domain §5).

The design (the simplest lawful one): the proposing unit keeps the nomination; its
``decider_unit`` is the unit whose head the law makes competent for the award on the date,
found from the proposing unit's place in the tree. The competent level's clerk and chairman
see it in their lists (their reach covers ``decider_unit``) and act on it; the proposing unit
follows it. Levels without power are skipped (a commune's proposal for a provincial title goes
straight to the province, Luật TĐKT 2022 Điều 84 as amended by the two-level government).
Orders go to the President on the Prime Minister's proposal (``proposed_via``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from thidua.org.models import Kind, Level, Unit
from thidua.rulebook import codes as rb_codes
from thidua.rulebook.authority import competent_decider
from thidua.rulebook.errors import RulebookError

# The units standing for the central deciders; codes are data (settings), not literals in doors.
ERR_NO_DECIDER_UNIT = ("Không tìm thấy đơn vị của người có thẩm quyền ({decider}) trong hệ thống; "
                       "hãy tạo đơn vị đó trước khi lập đề nghị.")
ERR_DECIDER_MISMATCH = ("Cấp quyết định {given} không phải cấp có thẩm quyền tặng {award}: "
                        "theo quy định là {decider} ({unit}).")


@dataclass(frozen=True)
class Route:
    decider: str  # rulebook decider code
    decider_name: str
    unit: Unit
    citation: str
    proposed_via: str  # "" or the decider who proposes (the Prime Minister for orders)

    @property
    def proposed_via_name(self) -> str:
        return rb_codes.DECIDERS.get(self.proposed_via, "")


def _chain(unit: Unit) -> list[Unit]:
    """The unit and its ancestors, nearest first."""
    return [unit, *reversed(unit.ancestors())]


def recipient_level(unit: Unit) -> str:
    for u in _chain(unit):
        if u.level == Level.CENTRAL:
            return "ministry"
        if u.level == Level.COMMUNE:
            return "commune"
        if u.level == Level.DISTRICT:
            return "district"
        if u.level == Level.PROVINCE:
            return "province" if u.kind == Kind.PEOPLES_COMMITTEE else "department"
    return "commune"


def central_units() -> dict:
    return settings.AWARDS_CENTRAL_UNITS


def decider_unit_for(decider: str, unit: Unit) -> Unit | None:
    chain = _chain(unit)
    if decider in ("prime_minister", "president"):
        return Unit.objects.filter(code=central_units()[decider], valid_to__isnull=True).first()
    wanted = {
        "commune_chairman": lambda u: u.level == Level.COMMUNE,
        "district_chairman": lambda u: u.level == Level.DISTRICT,
        "province_chairman": lambda u: u.level == Level.PROVINCE and u.kind == Kind.PEOPLES_COMMITTEE,
        # The head of a department or another unit with legal personality (Luật Đ80 k1).
        "department_head": lambda u: u.level in (Level.PROVINCE, Level.CENTRAL) and u.kind != Kind.PEOPLES_COMMITTEE,
    }[decider]
    return next((u for u in chain if wanted(u)), None)


def route(*, award_code: str, unit: Unit, on_date: dt.date) -> Route:
    try:
        decider = competent_decider(award_code, recipient_level(unit), on_date)
    except RulebookError as exc:
        raise ValidationError(str(exc)) from None
    target = decider_unit_for(str(decider), unit)
    if target is None:
        raise ValidationError(ERR_NO_DECIDER_UNIT.format(decider=decider.name_vi))
    return Route(decider=str(decider), decider_name=decider.name_vi, unit=target, citation=decider.citation,
                 proposed_via=decider.proposed_by or "")
