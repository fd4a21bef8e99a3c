import datetime as dt
import unicodedata

import pytest

from thidua.documents import decision_number, decision_number_text, vn_date_line
from thidua.documents.text import normalize, strip_number_prefix
from thidua.documents.types import RecipientLine
from thidua.formatting import format_money


def test_it_writes_the_date_line_with_zero_padded_january():
    assert vn_date_line("Bình An", dt.date(2024, 1, 19)) == "Bình An, ngày 19 tháng 01 năm 2024"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (dt.date(2024, 2, 5), "ngày 05 tháng 02 năm 2024"),  # day < 10 and February: both padded
        (dt.date(2024, 3, 15), "ngày 15 tháng 3 năm 2024"),  # March..September are not padded
        (dt.date(2024, 9, 9), "ngày 09 tháng 9 năm 2024"),
        (dt.date(2024, 10, 1), "ngày 01 tháng 10 năm 2024"),
        (dt.date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
        (dt.date(2025, 1, 1), "ngày 01 tháng 01 năm 2025"),
    ],
)
def test_it_pads_only_days_below_10_and_months_1_and_2(d, expected):
    # NĐ 30/2020 Phụ lục I: "Đối với những số chỉ ngày nhỏ hơn 10 và tháng 1, 2 thì phải ghi
    # thêm số 0 ở trước".
    assert vn_date_line("", d) == expected


def test_it_formats_the_decision_number_with_a_leading_zero():
    assert decision_number_text(1, "QĐ-UBND") == "Số: 01/QĐ-UBND"
    assert decision_number_text(9, "QĐ-UBND") == "Số: 09/QĐ-UBND"
    assert decision_number_text(125, "QĐ-UBND") == "Số: 125/QĐ-UBND"
    assert decision_number(10, "TTr-UBND") == "10/TTr-UBND"


def test_it_rejects_a_zero_decision_number():
    with pytest.raises(ValueError):
        decision_number(0, "QĐ-UBND")


def test_it_normalises_the_symbol_to_nfc():
    nfd = unicodedata.normalize("NFD", "QĐ-UBND")
    assert decision_number_text(1, nfd) == "Số: 01/QĐ-UBND"


def test_it_groups_money_with_dots():
    assert format_money(1_410_000) == "1.410.000"
    assert format_money(760_000) == "760.000"
    assert format_money(0) == "0"


def test_it_normalises_nested_dataclasses_to_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Lĩnh")
    line = normalize(RecipientLine("individual", nfd))
    assert line.name == unicodedata.normalize("NFC", nfd)
    assert normalize([line])[0].name == line.name


def test_it_accepts_a_number_with_or_without_the_so_prefix():
    assert strip_number_prefix("Số: 01/QĐ-UBND") == "01/QĐ-UBND"
    assert strip_number_prefix("01/QĐ-UBND") == "01/QĐ-UBND"
