"""The shared cast (architecture.md, Habit 6): a Bình An clerk, the Bình An chairman,
a council member, a provincial officer and a clerk of another commune (the outsider)."""

import datetime as dt
import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "Mat-khau-thu-1"
# Entries the rulebook does not find eligible go forward only with a reason (issue 5, item 2).
OVERRIDE_REASON = "Hội đồng Thi đua – Khen thưởng đã xem xét, đánh giá thành tích"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test is a new database, as a new deployment is: no cached figures from the one before (SQLite
    reuses ids after a rollback, so a data version could repeat)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def make_user(django_user_model):
    from thidua.accounts.services import role_assign

    def make(username, unit=None, roles=(), full_name="Người Dùng Thử"):
        parts = full_name.split()
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, first_name=parts[-1], last_name=" ".join(parts[:-1])
        )
        for role in roles:
            role_assign(user=user, role_code=role, unit=unit)
        return user

    return make


@pytest.fixture
def org(db):
    """A province with a district and two communes, each with a few sub-units."""
    from thidua.org.models import Kind, Level
    from thidua.org.services import unit_create

    def u(code, name, level, kind, parent=None, **kw):
        return unit_create(acting_user=None, code=code, name=name, level=level, kind=kind, parent=parent, **kw)

    province = u("QNG", "Tỉnh Quảng Ngãi", Level.PROVINCE, Kind.PEOPLES_COMMITTEE, place_name="Quảng Ngãi")
    district = u("BSN", "Huyện Bình Sơn", Level.DISTRICT, Kind.PEOPLES_COMMITTEE, province, place_name="Bình Sơn")
    binh_an = u("BAN", "Xã Bình An", Level.COMMUNE, Kind.PEOPLES_COMMITTEE, district, place_name="Bình An",
                head_name="Võ Thanh Tuấn")
    youth = u("BAN-DTN", "Đoàn Thanh niên xã Bình An", Level.GRASSROOTS, Kind.MASS_ORG, binh_an)
    other = u("BTI", "Xã Ba Tiêu", Level.COMMUNE, Kind.PEOPLES_COMMITTEE, district, place_name="Ba Tiêu")
    other_youth = u("BTI-DTN", "Đoàn Thanh niên xã Ba Tiêu", Level.GRASSROOTS, Kind.MASS_ORG, other)
    return type("Org", (), dict(province=province, district=district, binh_an=binh_an, youth=youth,
                                other=other, other_youth=other_youth))


@pytest.fixture
def people(org):
    from thidua.org.services import person_create

    def p(name, unit, gender="male", position="Công chức"):
        return person_create(acting_user=None, full_name=name, gender=gender, date_of_birth=dt.date(1985, 5, 1),
                             unit=unit, position=position, start_date=dt.date(2015, 1, 1))

    return type("People", (), dict(
        van=p("Nguyễn Thanh Văn", org.binh_an, position="Phó Chủ tịch UBND xã"),
        duyen=p("Nguyễn Thị Mỹ Duyên", org.youth, gender="female", position="Bí thư Đoàn"),
        luc=p("Đinh Văn Lực", org.other),
    ))


@pytest.fixture
def cast(org, make_user):
    return type("Cast", (), dict(
        clerk=make_user("clerk", org.binh_an, ["clerk"], "Lê Thị Hoa"),
        chairman=make_user("chairman", org.binh_an, ["head"], "Võ Thanh Tuấn"),
        council_member=make_user("member", org.binh_an, ["council_member"], "Nguyễn Thanh Văn"),
        province_officer=make_user("province", org.province, ["province_officer"], "Phạm Thị Thu Hà"),
        outsider=make_user("outsider", org.other, ["clerk", "head"], "Đinh Văn Lực"),
    ))


def run_worker():
    """What `manage.py worker` does in production, for the tasks queued so far. The worker closes "old"
    connections between tasks; inside the test's transaction that would close the test's own (on
    PostgreSQL), so that one call is a no-op here."""
    from unittest import mock

    from django.core.management import call_command

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--interval", "0", verbosity=0)


def totp_now(user) -> str:
    """The code the user's authenticator app shows now (enrolling them first if they have no device)."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def otp_verified(client, user):
    """Log in and pass the second factor as a member, a signer or an administrator does (the verify page)."""
    from django.urls import reverse

    client.force_login(user)
    response = client.post(reverse("council:otp-verify"), {"token": totp_now(user)})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def at(day: dt.date, hour: int = 9):
    """Freeze the clock on a Vietnamese working day (UTC+7)."""
    import time_machine

    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone(dt.timedelta(hours=7))),
                               tick=False)


@pytest.fixture
def approved_nomination(cast, org, people):
    """Seed 000's proposal, approved on 16/01/2024 (decisions may be dated from then on)."""
    from thidua.awards import services

    with at(dt.date(2024, 1, 16)):
        return _approved(services, cast, org, people)


def _approved(services, cast, org, people):
    n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                   title="Đề nghị tặng Giấy khen năm 2023",
                                   reason_text="đã có thành tích xuất sắc trong phong trào thi đua yêu nước")
    services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van,
                                  achievement="Hoàn thành xuất sắc nhiệm vụ năm 2023",
                                  override_reason=OVERRIDE_REASON)
    services.nomination_entry_add(nomination=n, acting_user=cast.clerk, recipient_unit=org.youth,
                                  achievement="Tích cực xây dựng nông thôn mới", override_reason=OVERRIDE_REASON)
    services.nomination_submit(nomination=n, acting_user=cast.clerk)
    services.nomination_approve(otp_verified=True, nomination=n, acting_user=cast.chairman)
    n.refresh_from_db()
    return n


@pytest.fixture
def issued_decision(approved_nomination, cast):
    from thidua.awards import services

    with at(dt.date(2024, 1, 19), hour=15):
        return services.decision_issue(otp_verified=True, nomination=approved_nomination, acting_user=cast.clerk,
                                       issued_on=dt.date(2024, 1, 19))


def chromium_path():
    path = "/usr/bin/chromium"
    return path if os.path.exists(path) else shutil.which("chromium")


def is_postgres():
    from django.db import connection

    return connection.vendor == "postgresql"


@pytest.fixture
def require_postgres(db):
    """PostgreSQL-only tests: skipped with a reason on SQLite, failed when THIDUA_REQUIRE_POSTGRES=1 (CI)."""
    import os

    from django.db import connection

    if not is_postgres():
        if os.environ.get("THIDUA_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required here (THIDUA_REQUIRE_POSTGRES=1) but the database is {connection.vendor}")
        pytest.skip("Cần PostgreSQL (DATABASE_URL) cho kiểm thử này")


def pytest_collection_modifyitems(config, items):
    """Browser journeys run last: Playwright's sync API keeps an event loop alive for the
    session, which would break code under test that calls asyncio.run (pyHanko signing)."""
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath))


MINUTES_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def council_met(nomination, recorder, met_on: dt.date | None = None, not_passed=()):
    """The deciding level's council met on paper and proposed the list: recorded through the door."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from thidua.awards import services

    services.nomination_council_minutes_record(
        nomination=nomination, acting_user=recorder, met_on=met_on or dt.date.today(), not_passed=not_passed,
        minutes=SimpleUploadedFile("bien-ban-hop.pdf", MINUTES_PDF))
