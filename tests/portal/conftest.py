import datetime as dt

import pytest

from tests.conftest import at
from thidua.awards import disclosure as disclosures


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def disclosed(cast, org, people):
    """A submitted CSTĐCS nomination of Bình An disclosed from Monday 08/01/2024 to Friday 12/01/2024."""
    from thidua.awards.models import Nomination, NominationEntry

    n = Nomination.objects.create(
        unit=org.binh_an,
        decider_unit=org.binh_an,
        award_code="CSTDCS",
        year=2023,
        title="Đề nghị công nhận Chiến sĩ thi đua cơ sở năm 2023",
        status="submitted",
    )
    NominationEntry.objects.create(
        nomination=n,
        recipient_kind="individual",
        person=people.van,
        display_name=people.van.full_name,
        position_text="Phó Chủ tịch UBND xã",
        achievement="Hai năm liền Lao động tiên tiến, có sáng kiến",
    )
    with at(dt.date(2024, 1, 8)):
        return disclosures.disclosure_open(nomination=n, acting_user=cast.clerk)


def on(day=dt.date(2024, 1, 9), hour=9):
    return at(day, hour)
