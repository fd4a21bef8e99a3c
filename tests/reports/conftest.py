"""A small, hand-counted data set for the reports.

Bình An, achievement year 2023 (valid grants):
  - Decision 01/QĐ-UBND of Bình An (19/01/2024), Giấy khen: Đoàn Thanh niên (collective, 1.080.000),
    Nguyễn Thanh Văn (man, 540.000), Nguyễn Thị Mỹ Duyên (woman, 540.000), household Lê Văn Tư (810.000);
    plus Trần Thị Bé (woman, 540.000) whose grant was REVOKED (never counted).
  - Decision 10/QĐ-UBND of Bình An (20/12/2023), Lao động tiên tiến: Nguyễn Thị Mỹ Duyên (540.000).
  - Decision 05/QĐ-UBND of Quảng Ngãi (15/02/2024), Bằng khen tỉnh: Đoàn Thanh niên (5.400.000).
  - One Bình An grant of 2022 (other year) and one Ba Tiêu grant of 2023 (other unit).
Totals: 6 grants = 3 individual (2 women: 66,7%) + 2 collective + 1 household; 8.910.000 đ.
"""

import datetime as dt

import pytest

from tests.conftest import PASSWORD  # noqa: F401  (re-exported for the test modules)

EXPECTED_TOTAL_AMOUNT = 8_910_000


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _decision(issuer, number, issued_on, award_code, summary):
    from thidua.awards.models import Decision

    return Decision.objects.create(
        issuer=issuer, number=number, year=issued_on.year, symbol="QĐ-UBND", issued_on=issued_on,
        place=issuer.place_name or issuer.name, summary=summary, award_code=award_code,
        signer_name=issuer.head_name or "Người Ký", signer_title="Chủ tịch",
    )


def _grant(decision, *, kind, amount, golden, year=2023, person=None, unit=None, household=None, status="valid"):
    from thidua.awards.models import Grant

    name = person.full_name if person else unit.name if unit else f"Hộ {household.head_name}"
    return Grant.objects.create(
        decision=decision, recipient_kind=kind, person=person, recipient_unit=unit, household=household,
        display_name=name, position_text="", achievement="Hoàn thành xuất sắc nhiệm vụ", award_code=decision.award_code,
        year=year, amount=amount, golden_book_number=golden, status=status,
    )


@pytest.fixture
def report_data(org, people, cast):
    from thidua.awards.models import Nomination
    from thidua.org.models import Household
    from thidua.org.services import person_create

    be = person_create(acting_user=None, full_name="Trần Thị Bé", gender="female", date_of_birth=dt.date(1990, 1, 1),
                       unit=org.binh_an, position="Công chức", start_date=dt.date(2015, 1, 1))
    household = Household.objects.create(head_name="Lê Văn Tư", unit=org.binh_an)

    gk = _decision(org.binh_an, 1, dt.date(2024, 1, 19), "GIAY_KHEN", "Về việc tặng Giấy khen")
    _grant(gk, kind="collective", unit=org.youth, amount=1_080_000, golden="02/2024")
    _grant(gk, kind="individual", person=people.van, amount=540_000, golden="01/2024")
    _grant(gk, kind="individual", person=people.duyen, amount=540_000, golden="03/2024")
    _grant(gk, kind="household", household=household, amount=810_000, golden="04/2024")
    _grant(gk, kind="individual", person=be, amount=540_000, golden="05/2024", status="revoked")

    ldtt = _decision(org.binh_an, 10, dt.date(2023, 12, 20), "LDTT", "Về việc công nhận danh hiệu Lao động tiên tiến")
    _grant(ldtt, kind="individual", person=people.duyen, amount=540_000, golden="07/2023")

    bk = _decision(org.province, 5, dt.date(2024, 2, 15), "BK_TINH", "Về việc tặng Bằng khen")
    _grant(bk, kind="collective", unit=org.youth, amount=5_400_000, golden="01/2024")

    old = _decision(org.binh_an, 2, dt.date(2023, 1, 20), "GIAY_KHEN", "Về việc tặng Giấy khen")
    _grant(old, kind="individual", person=people.van, amount=447_000, golden="01/2023", year=2022)

    other = _decision(org.other, 1, dt.date(2024, 1, 22), "GIAY_KHEN", "Về việc tặng Giấy khen")
    _grant(other, kind="individual", person=people.luc, amount=540_000, golden="01/2024")

    for title in ("Đề nghị tặng Giấy khen bổ sung", "Đề nghị tặng Giấy khen đợt 2"):
        Nomination.objects.create(unit=org.binh_an, decider_unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                  title=title, status="submitted")
    Nomination.objects.create(unit=org.other, decider_unit=org.other, award_code="GIAY_KHEN", year=2023,
                              title="Đề nghị của Ba Tiêu", status="draft")
    return type("ReportData", (), dict(giay_khen=gk, ldtt=ldtt, bang_khen=bk, other=other, household=household,
                                       be=be))


@pytest.fixture
def seed_000(org, cast):
    """Seed 000 as data: the decision of 19/01/2024 giving Giấy khen to 6 collectives and 10 individuals (2023)."""
    from thidua.org.models import Kind, Level
    from thidua.org.services import person_create, unit_create

    decision = _decision(org.binh_an, 1, dt.date(2024, 1, 19), "GIAY_KHEN", "Về việc tặng Giấy khen")
    golden = iter(range(1, 17))
    for i in range(6):
        unit = unit_create(acting_user=None, code=f"BAN-S{i}", name=f"Tập thể số {i + 1} xã Bình An",
                           level=Level.GRASSROOTS, kind=Kind.OTHER, parent=org.binh_an)
        _grant(decision, kind="collective", unit=unit, amount=1_080_000, golden=f"{next(golden):02d}/2024")
    for i in range(10):
        person = person_create(acting_user=None, full_name=f"Nguyễn Văn Số {i + 1}",
                               gender="female" if i % 2 else "male", date_of_birth=dt.date(1980, 1, 1),
                               unit=org.binh_an, position="Công chức", start_date=dt.date(2010, 1, 1))
        _grant(decision, kind="individual", person=person, amount=540_000, golden=f"{next(golden):02d}/2024")
    return decision


@pytest.fixture
def client_as(client):
    def make(user):
        client.force_login(user)
        return client

    return make
