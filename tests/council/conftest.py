"""A council of Xã Bình An (chair = the chairman, secretary = the clerk, then ủy viên) and
submitted nominations for it. Nominations are built directly: the council only needs
submitted rows, and the awards doors (eligibility, dossiers) are the awards tests' business."""

import datetime as dt
from types import SimpleNamespace

import pytest

from thidua.awards.models import Nomination, NominationEntry, NominationStatus
from thidua.council import services
from thidua.council.models import Choice

TERM_START = dt.date(2021, 6, 1)
MEETING = dt.date(2024, 1, 15)
AGREE, DISAGREE = Choice.AGREE, Choice.DISAGREE


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sealed_choices() -> list[str]:
    """What the count will read from the open round's seals (the test holds the seal key)."""
    from thidua.council.ballot_box import unseal
    from thidua.council.models import SealedBallot

    return sorted(unseal(s.round_id, s.nominee_id, s.nonce, s.tag) for s in SealedBallot.objects.all())


def totp_code(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def otp_login(client, user):
    """Log in and pass the second factor the way a member does (the verify page)."""
    from django.urls import reverse
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    response = client.post(reverse("council:otp-verify"), {"token": totp_code(device)})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


@pytest.fixture
def council_factory(org, cast, make_user):
    counter = {"n": 0}

    def make(size=3, unit=None):
        """size members: chair (cast.chairman), secretary (cast.clerk), cast.council_member, then extra users."""
        unit = unit or org.binh_an
        council = services.council_create(
            acting_user=cast.clerk, unit=unit, name=f"Hội đồng Thi đua – Khen thưởng {unit.name}", term_start=TERM_START
        )
        users = [cast.chairman, cast.clerk, cast.council_member][:size]
        while len(users) < size:
            counter["n"] += 1
            users.append(make_user(f"uv{counter['n']}", unit, ["council_member"], f"Ủy Viên Số {counter['n']}"))
        roles = ["chair", "secretary"] + ["member"] * size
        members = [
            services.member_add(council=council, user=u, role=r, start=TERM_START, acting_user=cast.clerk)
            for u, r in zip(users, roles, strict=False)
        ]
        return SimpleNamespace(council=council, members=members, users=users)

    return make


@pytest.fixture
def nomination_factory(org):
    def make(code="CSTDCS", people=(), units=(), unit=None, status=NominationStatus.SUBMITTED):
        unit = unit or org.binh_an
        n = Nomination.objects.create(
            unit=unit, decider_unit=unit, award_code=code, year=2023, title=f"Đề nghị {code} năm 2023", status=status
        )
        for p in people:
            NominationEntry.objects.create(
                nomination=n,
                recipient_kind="individual",
                person=p,
                display_name=p.full_name,
                achievement="Hoàn thành xuất sắc nhiệm vụ",
            )
        for u in units:
            NominationEntry.objects.create(
                nomination=n,
                recipient_kind="collective",
                recipient_unit=u,
                display_name=u.name,
                achievement="Hoàn thành xuất sắc nhiệm vụ",
            )
        return n

    return make


@pytest.fixture
def open_session(cast):
    def make(c, nominations, present=None, date=MEETING):
        session = services.session_create(
            council=c.council,
            date=date,
            place="Hội trường UBND xã",
            title="Xét khen thưởng năm 2023",
            acting_user=cast.clerk,
        )
        for n in nominations:
            services.agenda_add(session=session, nomination=n, acting_user=cast.clerk)
        present = c.members if present is None else present
        services.session_open(session=session, present_member_ids=[m.pk for m in present], acting_user=cast.clerk)
        session.refresh_from_db()
        return session

    return make


def vote(session, user, nominee, choice=AGREE):
    return services.ballot_cast(session=session, nominee=nominee, choice=choice, acting_user=user, otp_verified=True)


def vote_all(session, users, nominee, agree: int):
    """The first `agree` users vote agree, the rest disagree."""
    for i, u in enumerate(users):
        vote(session, u, nominee, AGREE if i < agree else DISAGREE)
