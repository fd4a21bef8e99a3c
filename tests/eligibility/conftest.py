"""A Bình An history: ratings 2021–2025, CSTĐ cơ sở granted for 2023 and 2024, a revoked grant, initiatives
(one already used), a past discipline — enough for chains, reasons and forecasts."""
import datetime as dt

import pytest

from thidua.awards.models import Decision, Grant, GrantStatus
from thidua.org.models import Discipline, Initiative, PersonRating, UnitRating

RATINGS_VAN = {2021: "HTT", 2022: "HTXS", 2023: "HTXS", 2024: "HTXS", 2025: "HTXS"}
RATINGS_DUYEN = {2021: "HTT", 2022: "HTT", 2023: "HTT", 2024: "HTT", 2025: "KHT"}


def grant(person=None, unit=None, *, code, year, issuer, issued_on, status=GrantStatus.VALID, award_type="cong_trang"):
    decision = Decision.objects.create(
        issuer=issuer, number=Decision.objects.filter(issuer=issuer, year=issued_on.year).count() + 1,
        year=issued_on.year, symbol="QĐ-UBND", issued_on=issued_on, place="Bình An", summary="Về việc tặng",
        award_code=code, signer_name="Võ Thanh Tuấn", signer_title="Chủ tịch")
    return Grant.objects.create(
        decision=decision, recipient_kind="individual" if person else "collective", person=person, recipient_unit=unit,
        display_name=str(person or unit), award_code=code, award_type=award_type, year=year, amount=0,
        golden_book_number="01", status=status)


@pytest.fixture
def history(org, people):
    for year, rating in RATINGS_VAN.items():
        PersonRating.objects.create(person=people.van, year=year, rating=rating)
    for year, rating in RATINGS_DUYEN.items():
        PersonRating.objects.create(person=people.duyen, year=year, rating=rating)
    for year in (2024, 2025):
        UnitRating.objects.create(unit=org.binh_an, year=year, rating="HTXS")
        UnitRating.objects.create(unit=org.youth, year=year, rating="HTT")
    jan = dt.date
    grant(people.van, code="CSTDCS", year=2023, issuer=org.binh_an, issued_on=jan(2024, 1, 19))
    grant(people.van, code="CSTDCS", year=2024, issuer=org.binh_an, issued_on=jan(2025, 1, 17))
    grant(people.van, code="BK_TINH", year=2022, issuer=org.province, issued_on=jan(2023, 3, 1),
          status=GrantStatus.REVOKED)
    grant(people.duyen, code="GIAY_KHEN", year=2023, issuer=org.binh_an, issued_on=jan(2024, 1, 19),
          award_type="dot_xuat")
    grant(unit=org.youth, code="TTLDTT", year=2024, issuer=org.binh_an, issued_on=jan(2025, 1, 17))
    Initiative.objects.create(person=people.van, title="Số hóa hồ sơ một cửa", year=2025, scope="province")
    Initiative.objects.create(person=people.van, title="Sổ tay thi đua", year=2024, scope="unit", used_for="CSTDCS")
    Discipline.objects.create(person=people.duyen, level="ha_bac_luong", start_date=jan(2025, 3, 1),
                              end_date=jan(2026, 2, 28))
    return people
