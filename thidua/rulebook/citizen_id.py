"""The structure of a personal identification number (số định danh cá nhân, printed on the căn cước / CCCD card):
12 digits = 3 for the province where the birth was registered, 1 for the century of birth and the gender, 2 for the
last digits of the birth year, 6 random [S: domain.md §9b, one secondary source]. The structure was set by
Thông tư 07/2016/TT-BCA (Điều 7) and kept by the later texts under Luật Căn cước 2023 [M: the article numbers
not retrieved, so no citation is shown to users]. Pure: the imports and the person doors ask it; it answers in
Vietnamese which part is wrong.

The province codes are those of the 63 provinces before the 2025 mergers: numbers already issued keep them, and
the mergers did not renumber the people [M]. They are data: a newer circular is a change here, not in the checks.
"""

from __future__ import annotations

import re

PROVINCE_CODES = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
    "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
    "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
    "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
    "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
    "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh",
    "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
    "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}
# The 4th digit: the century of birth (from 1900) and the gender; even for men, odd for women.
FIRST_CENTURY = 1900
MALE, FEMALE = "male", "female"

E_DIGITS = "Số định danh '{value}' phải gồm đúng 12 chữ số"
E_PROVINCE = "Số định danh '{value}': 3 số đầu '{code}' không phải mã tỉnh, thành phố nào"
E_CENTURY = ("Số định danh '{value}': số thứ 4 '{digit}' chỉ người {gender} sinh năm {first}–{last}, không khớp "
             "{what}")
E_YEAR = "Số định danh '{value}': số thứ 5–6 '{digits}' không khớp năm sinh {year}"

_DIGITS = re.compile(r"^\d{12}$")
_GENDER_VI = {MALE: "nam", FEMALE: "nữ"}


def normalise(value: str) -> str:
    """Spaces and dots people type inside the number removed ("001 090 012 345")."""
    return re.sub(r"[\s.\-]", "", value or "")


def check(value: str, *, birth_year: int | None = None, gender: str | None = None) -> str | None:
    """None when ``value`` (normalised) can be a personal identification number of someone born in ``birth_year``
    of ``gender`` (either may be unknown); else the Vietnamese message naming the wrong part."""
    if not _DIGITS.match(value):
        return E_DIGITS.format(value=value)
    code = value[:3]
    if code not in PROVINCE_CODES:
        return E_PROVINCE.format(value=value, code=code)
    digit = int(value[3])
    century = FIRST_CENTURY + 100 * (digit // 2)
    coded_gender = MALE if digit % 2 == 0 else FEMALE
    if birth_year is not None and not century <= birth_year < century + 100:
        return E_CENTURY.format(value=value, digit=digit, gender=_GENDER_VI[coded_gender], first=century,
                                last=century + 99, what=f"năm sinh {birth_year}")
    if gender in (MALE, FEMALE) and gender != coded_gender:
        return E_CENTURY.format(value=value, digit=digit, gender=_GENDER_VI[coded_gender], first=century,
                                last=century + 99, what=f"giới tính {_GENDER_VI[gender]}")
    if birth_year is not None and value[4:6] != f"{birth_year % 100:02d}":
        return E_YEAR.format(value=value, digits=value[4:6], year=birth_year)
    return None
