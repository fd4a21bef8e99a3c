"""Plausible people for the demo communes, with ratings and initiatives that feed the rulebook."""

import datetime as dt

from thidua.formatting import full_name
from thidua.org import services
from thidua.org.models import Initiative, PersonRating

D = dt.date

# name, gender, birth year, unit code, position, ratings 2021..2025, initiative (year, scope, title) or None
BINH_AN = [
    ("Nguyễn Thanh Văn", "male", 1975, "BAN", "Phó Chủ tịch UBND xã", "HTT HTXS HTXS HTXS HTXS",
     (2023, "unit", "Số hóa hồ sơ một cửa xã Bình An")),
    ("Lê Thị Hoa", "female", 1988, "BAN-VP", "Công chức Văn hóa – Xã hội", "HTT HTT HTXS HTXS HTXS",
     (2024, "unit", "Bảng theo dõi thi đua điện tử cấp xã")),
    ("Trần Văn Bình", "male", 1980, "BAN-VP", "Công chức Tài chính – Kế toán", "HTT HTT HTT HTXS HTT", None),
    ("Phạm Thị Lan", "female", 1990, "BAN-VP", "Công chức Tư pháp – Hộ tịch", "HTXS HTXS HTXS HTXS HTXS",
     (2022, "province", "Quy trình liên thông khai sinh – bảo hiểm y tế")),
    ("Huỳnh Văn Dũng", "male", 1985, "BAN-CA", "Trưởng Công an xã", "HTT HTXS HTT HTXS HTXS", None),
    ("Đỗ Văn Hùng", "male", 1978, "BAN-QS", "Chỉ huy trưởng Quân sự xã", "HTT HTT HTXS HTT HTT", None),
    ("Nguyễn Thị Mỹ Duyên", "female", 1996, "BAN-DTN", "Bí thư Đoàn Thanh niên xã", "HTT HTT HTXS HTXS HTT",
     (2023, "unit", "Mô hình thanh niên tham gia xây dựng nông thôn mới")),
    ("Võ Thị Thu Trang", "female", 1987, "BAN-PN", "Chủ tịch Hội Liên hiệp Phụ nữ xã", "HTT HTT HTT HTT HTXS", None),
    ("Bùi Văn Tám", "male", 1965, "BAN-ND", "Chủ tịch Hội Nông dân xã", "HT HTT HTT HTT HTT", None),
    ("Trương Công Minh", "male", 1960, "BAN-CCB", "Chủ tịch Hội Cựu chiến binh xã", "HTT HTT HTT HTT HTT", None),
    ("Lê Văn Sơn", "male", 1983, "BAN-TH", "Hiệu trưởng Trường Tiểu học Bình An", "HTXS HTXS HTT HTXS HTXS",
     (2024, "unit", "Câu lạc bộ đọc sách thân thiện")),
    ("Nguyễn Thị Ngọc Ánh", "female", 1992, "BAN-TH", "Giáo viên", "HTT HTT HTT HTT HTT", None),
    ("Phan Văn Lợi", "male", 1982, "BAN-TYT", "Trưởng Trạm Y tế xã", "HTT HTT HTT HTT HT", None),
    ("Đặng Thị Hồng", "female", 1991, "BAN-TYT", "Y sĩ", "HTT HTXS HTT HTT HTT", None),
    ("Nguyễn Văn An", "male", 1970, "BAN-T1", "Trưởng thôn An Châu", "HTT HTT HTT HTT HTT", None),
    ("Trần Thị Bích", "female", 1975, "BAN-T2", "Trưởng thôn An Điềm", "HTT HTT HTT HTT HTT", None),
    ("Võ Văn Cường", "male", 1968, "BAN-T3", "Trưởng thôn Phước Hòa", "HT HT HTT HTT HTT", None),
    ("Nguyễn Văn Tùng", "male", 1986, "BAN-VP", "Công chức Địa chính – Xây dựng", "HTT HT HTT KHT HTT", None),
    ("Võ Thanh Tuấn", "male", 1972, "BAN", "Chủ tịch UBND xã", "HTXS HTXS HTXS HTXS HTXS", None),
]

OTHERS = [
    ("Đinh Văn Lực", "male", 1984, "BTO-02", "Công chức Văn phòng – Thống kê", "HTT HTT HTT HTT HTT", None),
    ("Phạm Văn Nhơn", "male", 1970, "BTO-02", "Chủ tịch UBND xã Ba Tiêu", "HTT HTXS HTT HTT HTT", None),
    ("Đinh Thị Hoa", "female", 1993, "BTO-02", "Công chức Tư pháp – Hộ tịch", "HTT HTT HTXS HTT HTT", None),
    ("Nguyễn Văn Quân", "male", 1989, "TPTN-01", "Công chức Văn phòng – Thống kê", "HTT HTT HTT HTXS HTT", None),
    ("Tạ Văn Phin", "male", 1971, "TPTN-01", "Chủ tịch UBND xã Đồng Liên", "HTXS HTXS HTXS HTXS HTXS", None),
    ("Hoàng Thị Mai", "female", 1990, "TPTN-02", "Công chức Văn phòng – Thống kê", "HTT HTT HTT HTT HTT", None),
    ("Phạm Thị Thu Hà", "female", 1974, "QNG-BTDKT", "Trưởng Ban Thi đua – Khen thưởng tỉnh",
     "HTXS HTXS HTXS HTXS HTXS", None),
]

HOUSEHOLDS = {
    "BAN-T1": [("Nguyễn Văn Ba", "Thôn An Châu, xã Bình An"), ("Lê Thị Tư", "Thôn An Châu, xã Bình An")],
    "BAN-T2": [("Phạm Văn Năm", "Thôn An Điềm, xã Bình An")],
    "BAN-T3": [("Huỳnh Thị Sáu", "Thôn Phước Hòa, xã Bình An")],
}


def load(ctx):
    for name, gender, born, unit_code, position, ratings, initiative in BINH_AN + OTHERS:
        person = services.person_create(
            acting_user=None, full_name=name, gender=gender, date_of_birth=D(born, 3, 15),
            unit=ctx.units[unit_code], position=position, start_date=D(2015, 1, 1),
        )
        for year, rating in zip(range(2021, 2026), ratings.split(), strict=True):
            PersonRating.objects.create(person=person, year=year, rating=rating, unit=ctx.units[unit_code])
        if initiative:
            year, scope, title = initiative
            Initiative.objects.create(person=person, title=title, year=year, scope=scope)
        ctx.people[name] = person
    for village, heads in HOUSEHOLDS.items():
        for head, address in heads:
            services.household_create(acting_user=None, head_name=head, unit=ctx.units[village], address=address)
    for user in ctx.users.values():
        person = ctx.people.get(full_name(user))
        if person and person.user_id is None:
            person.user = user
            person.save(update_fields=["user"])
