import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from thidua.formatting import format_date, format_money, format_vnd, full_name


def test_it_groups_money_with_dots_and_names_the_unit():
    assert format_money(1_410_000) == "1.410.000" and format_money(Decimal("760000")) == "760.000"
    assert format_vnd(1_410_000) == "1.410.000 đ" and format_vnd(-5000) == "-5.000 đ"
    assert format_vnd(1_410_000, unit="đồng") == "1.410.000 đồng"
    assert format_money(None) == format_vnd(None) == ""
    with pytest.raises(TypeError):
        format_money(True)


def test_it_writes_dates_day_first_with_leading_zeros():
    assert format_date(dt.date(2024, 1, 9)) == "09/01/2024"
    assert format_date(dt.datetime(2024, 1, 19, 15, 5)) == "19/01/2024 15:05"
    assert format_date(None) == ""


def test_it_puts_the_family_name_first():
    assert full_name(SimpleNamespace(first_name="Tuấn", last_name="Võ Thanh", username="u")) == "Võ Thanh Tuấn"
    assert full_name(SimpleNamespace(first_name="", last_name="", username="binhan.canbo")) == "binhan.canbo"
