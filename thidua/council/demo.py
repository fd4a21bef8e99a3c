"""Seed 000: Xã Bình An's Hội đồng Thi đua – Khen thưởng (chaired by Võ Thanh Tuấn) reviews the
2023 Giấy khen list in a secret ballot on 15/01/2024, between the submission (10/01) and the
chairman's approval (16/01) — through the same doors a secretary and the members use.

Demo logins added here (password as in thidua.accounts.demo): binhan.phunu (Võ Thị Thu Trang)
and binhan.ccb (Trương Công Minh), ủy viên of the council.
"""

import datetime as dt

import time_machine
from django.contrib.auth import get_user_model

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.accounts.services import role_assign

from . import services
from .models import Choice
from .selectors import recusal_reason

TERM_START = dt.date(2021, 6, 1)  # the commune's 2021–2026 term
MEETING = dt.date(2024, 1, 15)
NEW_MEMBERS = [
    ("binhan.phunu", "Võ Thị Thu Trang", "Chủ tịch Hội LHPN xã, ủy viên Hội đồng TĐKT xã"),
    ("binhan.ccb", "Trương Công Minh", "Chủ tịch Hội CCB xã, ủy viên Hội đồng TĐKT xã"),
]
# One member disagrees about one nominee: a real ballot is rarely unanimous, and the minutes show it.
DISSENT = ("binhan.ccb", "Nguyễn Văn An")


def _at(day: dt.date, hour=9):
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone(dt.timedelta(hours=7))), tick=False
    )


def _member_user(ctx, username, full_name):
    User = get_user_model()
    parts = full_name.split()
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": parts[-1], "last_name": " ".join(parts[:-1])}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    role_assign(user=user, role_code="council_member", unit=ctx.units["BAN"])
    person = ctx.people.get(full_name)
    if person is not None and person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    ctx.users[username] = user
    return user


def load(ctx):
    """The council's session on the submitted 2023 list, between awards.demo's submit (load) and
    approve (decide_2023) steps: the seed_demo order."""
    nomination = ctx.extra["nomination_2023"]
    clerk = ctx.users["binhan.canbo"]
    commune = ctx.units["BAN"]
    with _at(dt.date(2021, 6, 1)):
        council = services.council_create(
            acting_user=clerk,
            unit=commune,
            name="Hội đồng Thi đua – Khen thưởng xã Bình An",
            term_start=TERM_START,
            basis="Quyết định thành lập Hội đồng Thi đua – Khen thưởng xã nhiệm kỳ 2021 – 2026",
        )
        roster = [
            (ctx.users["binhan.chutich"], "chair"),
            (clerk, "secretary"),
            (ctx.users["binhan.hoidong"], "vice_chair"),
        ]
        roster += [(_member_user(ctx, u, name), "member") for u, name, _ in NEW_MEMBERS]
        members = [
            services.member_add(council=council, user=user, role=role, start=TERM_START, acting_user=clerk)
            for user, role in roster
        ]
    with _at(dt.date(2024, 1, 11)):
        session = services.session_create(
            council=council,
            date=MEETING,
            place="Hội trường UBND xã Bình An",
            title="Xét đề nghị tặng Giấy khen cho tập thể, cá nhân năm 2023",
            acting_user=clerk,
        )
        services.agenda_add(session=session, nomination=nomination, acting_user=clerk)
    with _at(MEETING, hour=8):
        services.session_open(session=session, present_member_ids=[m.pk for m in members], acting_user=clerk)
        services.round_open(session=session, acting_user=clerk)
    with _at(MEETING, hour=9):
        nominees = list(
            session.nominees.select_related("entry__person", "entry__recipient_unit", "session__council__unit")
        )
        for member in members:
            for nominee in nominees:
                if recusal_reason(member, nominee):
                    continue  # shown on the page; the member does not vote
                dissent = (member.user.username, nominee.display_name) == DISSENT
                # The demo members "verified" their second factor on the meeting-room tablets.
                services.ballot_cast(
                    session=session,
                    nominee=nominee,
                    acting_user=member.user,
                    otp_verified=True,
                    choice=Choice.DISAGREE if dissent else Choice.AGREE,
                )
    with _at(MEETING, hour=10):
        services.round_close(session=session, acting_user=clerk)
        services.session_close(session=session, acting_user=clerk)
    ctx.extra["council_binh_an"] = council
    ctx.extra["council_session_2023"] = session
    return session
