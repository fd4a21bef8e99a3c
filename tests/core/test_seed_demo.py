"""`make run` loads the demo: the seeds' story must come out of it."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from thidua.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from thidua.awards.models import Decision
from thidua.org.models import Unit


@pytest.fixture
def demo(db):
    # Function-scoped on purpose: the data lives in the test's transaction and rolls back.
    call_command("seed_demo")


def test_it_tells_seed_000_binh_an_giay_khen_for_6_collectives_and_10_individuals(demo):
    decision = Decision.objects.get(issuer__code="BAN", issued_on=dt.date(2024, 1, 19), award_code="GIAY_KHEN")
    assert decision.number_text == "01/QĐ-UBND"
    kinds = list(decision.grants.values_list("recipient_kind", flat=True))
    assert kinds.count("collective") == 6 and kinds.count("individual") == 10
    assert decision.signer_name == "Võ Thanh Tuấn"


def test_it_holds_the_units_of_all_five_seeds(demo):
    names = set(Unit.objects.values_list("name", flat=True))
    for name in ["Xã Bình An", "Huyện Ba Tơ", "Huyện Cồn Cỏ", "Thị xã Hồng Lĩnh", "Xã Đồng Liên", "Xã Thuận Lộc"]:
        assert name in names
    thai_nguyen_communes = Unit.objects.filter(parent__code="TPTN", level="commune")
    assert thai_nguyen_communes.count() == 11


def test_it_shows_the_2025_merger_with_history(demo):
    merged = Unit.objects.get(code="QNG-BADINH")
    assert merged.valid_from == dt.date(2025, 7, 1)
    assert set(merged.merged_from.values_list("name", flat=True)) == {"Xã Ba Dinh", "Xã Ba Giang", "Xã Ba Tô"}


def test_it_lets_every_demo_login_in_with_the_readme_password(demo):
    User = get_user_model()
    for username, *_ in DEMO_USERS:
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD), username


def test_it_is_idempotent(demo, capsys):
    call_command("seed_demo")
    assert "bỏ qua" in capsys.readouterr().out
