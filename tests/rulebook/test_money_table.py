"""Prize money to the đồng (domain §6; NĐ 152/2025 Điều 49, NĐ 98/2023, NĐ 91/2017 before 2024):
every coefficient row on both sides of each base-salary change, collectives and households,
the several-titles rule, and amounts in words."""
import datetime as dt

import pytest

from thidua.rulebook import PrizeItem, amount_in_words, payable, prize
from thidua.rulebook.cli import run
from thidua.rulebook.errors import RulebookError

D = dt.date
DATES = (D(2024, 6, 30), D(2024, 7, 1), D(2026, 6, 30), D(2026, 7, 1))
BASES = (1_800_000, 2_340_000, 2_340_000, 2_530_000)
# code: ((individual, collective) on each date of DATES); None = no such column/recipient.
TABLE = {
    "CSTD_TQ": ((8_100_000, None), (10_530_000, None), (10_530_000, None), (11_390_000, None)),
    "CSTD_TINH": ((5_400_000, None), (7_020_000, None), (7_020_000, None), (7_590_000, None)),
    "CSTDCS": ((1_800_000, None), (2_340_000, None), (2_340_000, None), (2_530_000, None)),
    "LDTT": ((540_000, None), (710_000, None), (710_000, None), (760_000, None)),
    "TTLDXS": ((None, 2_700_000), (None, 3_510_000), (None, 3_510_000), (None, 3_800_000)),
    "TTLDTT": ((None, 1_440_000), (None, 1_880_000), (None, 1_880_000), (None, 2_030_000)),
    "XA_TIEU_BIEU": ((None, 3_600_000), (None, 4_680_000), (None, 4_680_000), (None, 5_060_000)),
    "THON_VAN_HOA": ((None, 2_700_000), (None, 3_510_000), (None, 3_510_000), (None, 3_800_000)),
    "CO_CP": ((None, 21_600_000), (None, 28_080_000), (None, 28_080_000), (None, 30_360_000)),
    "CO_TINH": ((None, 14_400_000), (None, 18_720_000), (None, 18_720_000), (None, 20_240_000)),
    "BK_TTG": ((6_300_000, 12_600_000), (8_190_000, 16_380_000), (8_190_000, 16_380_000), (8_860_000, 17_710_000)),
    "BK_TINH": ((2_700_000, 5_400_000), (3_510_000, 7_020_000), (3_510_000, 7_020_000), (3_800_000, 7_590_000)),
    "GIAY_KHEN": ((540_000, 1_080_000), (710_000, 1_410_000), (710_000, 1_410_000), (760_000, 1_520_000)),
    "HCLD_1": ((16_200_000, 32_400_000), (21_060_000, 42_120_000), (21_060_000, 42_120_000), (22_770_000, 45_540_000)),
    "HCLD_2": ((13_500_000, 27_000_000), (17_550_000, 35_100_000), (17_550_000, 35_100_000), (18_980_000, 37_950_000)),
    "HCLD_3": ((8_100_000, 16_200_000), (10_530_000, 21_060_000), (10_530_000, 21_060_000), (11_390_000, 22_770_000)),
    "HCDL_1": ((27_000_000, 54_000_000), (35_100_000, 70_200_000), (35_100_000, 70_200_000), (37_950_000, 75_900_000)),
    "HCDL_2": ((22_500_000, 45_000_000), (29_250_000, 58_500_000), (29_250_000, 58_500_000), (31_630_000, 63_250_000)),
    "HCDL_3": ((18_900_000, 37_800_000), (24_570_000, 49_140_000), (24_570_000, 49_140_000), (26_570_000, 53_130_000)),
    "HCHCM": ((54_900_000, 109_800_000), (71_370_000, 142_740_000), (71_370_000, 142_740_000), (77_170_000, 154_330_000)),
    "HCSV": ((82_800_000, 165_600_000), (107_640_000, 215_280_000), (107_640_000, 215_280_000), (116_380_000, 232_760_000)),
}
ROWS = [(code, kind, DATES[i], BASES[i], amounts[i][k])
        for code, amounts in TABLE.items() for i in range(4) for k, kind in enumerate(("individual", "collective"))
        if amounts[i][k] is not None]


@pytest.mark.parametrize("code,kind,on,base,amount", ROWS, ids=[f"{r[0]}-{r[1]}-{r[2]:%d%m%Y}" for r in ROWS])
def test_it_pays_every_coefficient_row_to_the_dong(code, kind, on, base, amount):
    p = prize(code, kind, on)
    assert (p.amount, p.base_salary) == (amount, base)
    assert p.words == amount_in_words(amount)


# Households: 1.5 × the individual coefficient, rounded once (Giấy khen 0,45; Bằng khen tỉnh 2,25; TTg 5,25).
HOUSEHOLD = [("GIAY_KHEN", D(2024, 6, 30), 810_000), ("GIAY_KHEN", D(2024, 7, 1), 1_060_000),
             ("GIAY_KHEN", D(2026, 7, 1), 1_140_000), ("BK_TINH", D(2026, 6, 30), 5_270_000),
             ("BK_TINH", D(2026, 7, 1), 5_700_000), ("BK_TTG", D(2024, 7, 1), 12_290_000)]


@pytest.mark.parametrize("code,on,amount", HOUSEHOLD, ids=[f"{c}-{d:%d%m%Y}" for c, d, _ in HOUSEHOLD])
def test_it_pays_households_one_and_a_half_times(code, on, amount):
    assert prize(code, "household", on).amount == amount


def test_it_doubles_the_individual_amount_where_the_table_has_no_collective_column():
    from thidua.rulebook import RulebookSettings

    st = RulebookSettings().with_overrides({"coefficients": {"BK_TINH": ["1.5", None]}})
    assert prize("BK_TINH", "collective", D(2026, 7, 1), st).amount == 7_590_000  # 3,0 × 2.530.000
    # NĐ 91/2017 (before 2024) has no collective column for Bằng khen: 2 × 1,0.
    assert prize("BK_TINH", "collective", D(2023, 12, 31)).amount == 3_600_000


def test_it_refuses_recipients_a_title_does_not_have():
    with pytest.raises(RulebookError, match="không áp dụng"):
        prize("TTLDTT", "individual", D(2025, 12, 1))
    with pytest.raises(RulebookError, match="không áp dụng"):
        prize("CSTDCS", "household", D(2025, 12, 1))


PRE_2024 = [
    ("LDTT", "individual", D(2023, 6, 30), 450_000, 1_490_000),  # 0,3 × 1.490.000 = 447.000
    ("LDTT", "individual", D(2023, 7, 1), 540_000, 1_800_000),
    ("CSTDCS", "individual", D(2019, 6, 30), 1_390_000, 1_390_000),
    ("BK_TINH", "individual", D(2023, 12, 31), 1_800_000, 1_800_000),  # NĐ 91: 1,0
    ("BK_TINH", "individual", D(2024, 1, 1), 2_700_000, 1_800_000),  # Luật 2022: 1,5
    ("BK_TTG", "individual", D(2023, 12, 31), 2_700_000, 1_800_000),  # NĐ 91: 1,5
    ("GIAY_KHEN", "household", D(2023, 12, 31), 810_000, 1_800_000),
    ("TTLDXS", "collective", D(2022, 1, 15), 2_240_000, 1_490_000),  # 1,5 × 1.490.000 = 2.235.000
]


@pytest.mark.parametrize("code,kind,on,amount,base", PRE_2024, ids=[f"{r[0]}-{r[2]:%d%m%Y}" for r in PRE_2024])
def test_it_pays_decisions_before_2024_with_the_nd91_table(code, kind, on, amount, base):
    p = prize(code, kind, on)
    assert (p.amount, p.base_salary) == (amount, base)
    assert p.citation.startswith("NĐ 91/2017/NĐ-CP") if on < D(2024, 1, 1) else "NĐ 98/2023" in p.citation


def test_it_refuses_what_is_not_encoded_before_2024_in_vietnamese():
    with pytest.raises(RulebookError, match="trước ngày Nghị định 91/2017/NĐ-CP có hiệu lực"):
        prize("LDTT", "individual", D(2017, 9, 30))
    with pytest.raises(RulebookError, match="Chưa có hệ số tiền thưởng cho Xã, phường, đặc khu tiêu biểu theo NĐ 91/2017"):
        prize("XA_TIEU_BIEU", "collective", D(2023, 1, 10))


def test_it_answers_prizes_before_2024_through_the_json_contract():
    out = run({"decision_date": "2023-01-19", "prizes": [{"code": "LDTT"}]})
    assert out["prizes"][0]["amount"] == 450_000 and out["ruleset"] is None
    with pytest.raises(Exception, match="01/01/2024"):
        run({"decision_date": "2023-01-19", "people": [{"id": "x"}]})


def _paid(*items):
    return [r.paid for r in payable([PrizeItem(*i) for i in items])]


def test_it_pays_the_highest_title_of_one_period_only():
    d = D(2025, 12, 15)
    assert _paid(("LDTT", "individual", d, 2025), ("CSTDCS", "individual", d, 2025)) == [False, True]
    assert _paid(("TTLDTT", "collective", d, 2025), ("TTLDXS", "collective", d, 2025)) == [False, True]
    assert _paid(("TTLDXS", "collective", d, 2025), ("CO_TINH", "collective", d, 2025)) == [False, True]


def test_it_pays_titles_of_different_periods_and_forms_each():
    d = D(2025, 12, 15)
    # CSTĐ tỉnh rewards 2023–2025, CSTĐ cơ sở 2025: different periods, both paid.
    assert _paid(("CSTDCS", "individual", d, 2025), ("CSTD_TINH", "individual", d, 2025)) == [True, True]
    assert _paid(("LDTT", "individual", d, 2024), ("LDTT", "individual", d, 2025)) == [True, True]
    # A title and a form at the same time are both paid.
    assert _paid(("CSTDCS", "individual", d, 2025), ("BK_TINH", "individual", d, 2025), ("GIAY_KHEN", "individual", d, 2025)) == [True, True, True]


WORDS = [
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
    (1_010_000, "Một triệu không trăm mười nghìn đồng"),
    (2_015_000, "Hai triệu không trăm mười lăm nghìn đồng"),
    (21_000, "Hai mươi mốt nghìn đồng"),
    (105_000_000, "Một trăm linh năm triệu đồng"),
    (1_000_000_005, "Một tỷ không trăm linh năm đồng"),
    (4_500_000, "Bốn triệu năm trăm nghìn đồng"),
    (3_795_000, "Ba triệu bảy trăm chín mươi lăm nghìn đồng"),
    (710_000, "Bảy trăm mười nghìn đồng"),
    (1_880_000, "Một triệu tám trăm tám mươi nghìn đồng"),
    (2_030_000, "Hai triệu không trăm ba mươi nghìn đồng"),
    (10_530_000, "Mười triệu năm trăm ba mươi nghìn đồng"),
    (11_390_000, "Mười một triệu ba trăm chín mươi nghìn đồng"),
    (22_770_000, "Hai mươi hai triệu bảy trăm bảy mươi nghìn đồng"),
    (31_630_000, "Ba mươi mốt triệu sáu trăm ba mươi nghìn đồng"),
    (75_900_000, "Bảy mươi lăm triệu chín trăm nghìn đồng"),
    (107_640_000, "Một trăm linh bảy triệu sáu trăm bốn mươi nghìn đồng"),
    (154_330_000, "Một trăm năm mươi tư triệu ba trăm ba mươi nghìn đồng"),
    (215_280_000, "Hai trăm mười lăm triệu hai trăm tám mươi nghìn đồng"),
    (1_000_005_000, "Một tỷ không trăm linh năm nghìn đồng"),
    (2_001_000_000, "Hai tỷ không trăm linh một triệu đồng"),
]


@pytest.mark.parametrize("n,words", WORDS, ids=[str(n) for n, _ in WORDS])
def test_it_reads_tricky_amounts(n, words):
    assert amount_in_words(n) == words
