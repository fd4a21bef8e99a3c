import datetime as dt
from decimal import Decimal

import pytest

from thidua.rulebook import PrizeItem, amount_in_words, base_salary, format_vnd, payable, prize
from thidua.rulebook.errors import RulebookError

WORDS = [
    (0, "Không đồng"), (1, "Một đồng"), (10, "Mười đồng"), (11, "Mười một đồng"), (14, "Mười bốn đồng"),
    (15, "Mười lăm đồng"), (20, "Hai mươi đồng"), (21, "Hai mươi mốt đồng"), (24, "Hai mươi tư đồng"),
    (25, "Hai mươi lăm đồng"), (55, "Năm mươi lăm đồng"), (100, "Một trăm đồng"), (101, "Một trăm linh một đồng"),
    (105, "Một trăm linh năm đồng"), (110, "Một trăm mười đồng"), (115, "Một trăm mười lăm đồng"),
    (121, "Một trăm hai mươi mốt đồng"), (1_000, "Một nghìn đồng"), (1_005, "Một nghìn không trăm linh năm đồng"),
    (10_000, "Mười nghìn đồng"), (15_000, "Mười lăm nghìn đồng"), (21_000, "Hai mươi mốt nghìn đồng"),
    (540_000, "Năm trăm bốn mươi nghìn đồng"), (760_000, "Bảy trăm sáu mươi nghìn đồng"),
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"), (1_000_005, "Một triệu không trăm linh năm đồng"),
    (1_410_000, "Một triệu bốn trăm mười nghìn đồng"), (2_530_000, "Hai triệu năm trăm ba mươi nghìn đồng"),
    (1_000_000_000, "Một tỷ đồng"), (1_000_000_000_000, "Một nghìn tỷ đồng"),
    (1_234_567_891, "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng"),
]


@pytest.mark.parametrize("n,words", WORDS, ids=[str(n) for n, _ in WORDS])
def test_it_reads_amounts_in_vietnamese(n, words):
    assert amount_in_words(n) == words


def test_it_formats_vnd():
    assert format_vnd(1_410_000) == "1.410.000 đ"
    assert format_vnd(0) == "0 đ"


PRIZES = [
    ("LDTT-2026-NĐ161", "LDTT", "individual", dt.date(2026, 12, 15), 760_000, 2_530_000),
    ("GK-individual-2024", "GIAY_KHEN", "individual", dt.date(2024, 1, 19), 540_000, 1_800_000),
    ("GK-collective-2024", "GIAY_KHEN", "collective", dt.date(2024, 1, 19), 1_080_000, 1_800_000),
    ("GK-household-1.5x", "GIAY_KHEN", "household", dt.date(2024, 8, 1), 1_060_000, 2_340_000),
    ("CSTDTQ-4.5", "CSTD_TQ", "individual", dt.date(2025, 12, 1), 10_530_000, 2_340_000),
    ("CO_CP-12", "CO_CP", "collective", dt.date(2025, 12, 1), 28_080_000, 2_340_000),
    ("HCLD3-collective-9", "HCLD_3", "collective", dt.date(2025, 12, 1), 21_060_000, 2_340_000),
    ("base-changes-on-01-07-2024", "LDTT", "individual", dt.date(2024, 6, 30), 540_000, 1_800_000),
]


@pytest.mark.parametrize("code,kind,on,amount,base", [p[1:] for p in PRIZES], ids=[p[0] for p in PRIZES])
def test_it_computes_prize_money(code, kind, on, amount, base):
    p = prize(code, kind, on)
    assert (p.amount, p.base_salary) == (amount, base)
    assert p.words.endswith("đồng")


def test_it_uses_decimal_coefficients():
    assert prize("LDTT", "individual", dt.date(2026, 12, 15)).coefficient == Decimal("0.3")


def test_it_knows_the_2019_base_salary():
    assert base_salary(dt.date(2020, 1, 1)) == 1_490_000


def test_it_refuses_prizes_before_the_nd91_table():
    with pytest.raises(RulebookError, match="01/10/2017"):
        prize("LDTT", "individual", dt.date(2017, 1, 1))


def test_it_refuses_a_collective_prize_for_an_individual_title():
    with pytest.raises(RulebookError, match="không áp dụng"):
        prize("LDTT", "collective", dt.date(2025, 12, 1))


def test_it_pays_only_the_highest_title_of_a_period_but_each_period_and_forms():
    d = dt.date(2025, 12, 1)
    rows = payable([PrizeItem("LDTT", "individual", d, 2025), PrizeItem("CSTDCS", "individual", d, 2025),
                    PrizeItem("CSTD_TINH", "individual", d, 2025), PrizeItem("BK_TINH", "individual", d, 2025)])
    assert [r.paid for r in rows] == [False, True, True, True]
    assert "chỉ nhận mức thưởng cao nhất" in rows[0].reason_vi
