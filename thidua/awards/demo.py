"""Seed 000: Xã Bình An's chairman gives Giấy khen to 6 collectives and 10 individuals for 2023,
decided on 19/01/2024 at the year-end conference — done through the same doors a clerk uses."""

import datetime as dt

import time_machine

from . import services

COLLECTIVES_2023 = [
    ("BAN-DTN", "Hoàn thành xuất sắc nhiệm vụ năm 2023, tích cực tham gia xây dựng nông thôn mới"),
    ("BAN-PN", "Hoàn thành xuất sắc nhiệm vụ năm 2023, phong trào phụ nữ giúp nhau phát triển kinh tế"),
    ("BAN-CA", "Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn năm 2023"),
    ("BAN-QS", "Hoàn thành 100% chỉ tiêu giao quân năm 2023"),
    ("BAN-TH", "Hoàn thành xuất sắc nhiệm vụ năm học 2022 – 2023"),
    ("BAN-T1", "Thôn tiêu biểu trong phong trào “Bình An chung sức xây dựng nông thôn mới”"),
]
INDIVIDUALS_2023 = [
    ("Nguyễn Thanh Văn", "Hoàn thành xuất sắc nhiệm vụ năm 2023"),
    ("Lê Thị Hoa", "Hoàn thành xuất sắc nhiệm vụ năm 2023"),
    ("Phạm Thị Lan", "Có sáng kiến cải cách hành chính được áp dụng năm 2023"),
    ("Huỳnh Văn Dũng", "Hoàn thành xuất sắc nhiệm vụ bảo đảm an ninh trật tự năm 2023"),
    ("Đỗ Văn Hùng", "Hoàn thành xuất sắc công tác tuyển quân năm 2023"),
    ("Nguyễn Thị Mỹ Duyên", "Tích cực trong phong trào thanh niên tình nguyện năm 2023"),
    ("Lê Văn Sơn", "Hoàn thành xuất sắc nhiệm vụ năm học 2022 – 2023"),
    ("Võ Thị Thu Trang", "Tích cực vận động hội viên tham gia các phong trào thi đua năm 2023"),
    ("Đặng Thị Hồng", "Hoàn thành tốt công tác chăm sóc sức khỏe nhân dân năm 2023"),
    ("Nguyễn Văn An", "Tích cực vận động nhân dân hiến đất làm đường giao thông nông thôn năm 2023"),
]


def _at(day: dt.date, hour=9):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone(dt.timedelta(hours=7))),
                               tick=False)


def load(ctx):
    clerk, chairman = ctx.users["binhan.canbo"], ctx.users["binhan.chutich"]
    commune = ctx.units["BAN"]
    with _at(dt.date(2024, 1, 10)):
        nomination = services.nomination_create(
            acting_user=clerk, unit=commune, award_code="GIAY_KHEN", year=2023,
            title="Đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích năm 2023",
            reason_text="đã có thành tích xuất sắc trong phong trào thi đua yêu nước",
        )
        for code, achievement in COLLECTIVES_2023:
            services.nomination_entry_add(nomination=nomination, acting_user=clerk,
                                          recipient_unit=ctx.units[code], achievement=achievement)
        for name, achievement in INDIVIDUALS_2023:
            services.nomination_entry_add(nomination=nomination, acting_user=clerk,
                                          person=ctx.people[name], achievement=achievement)
        services.nomination_submit(nomination=nomination, acting_user=clerk)
    with _at(dt.date(2024, 1, 16)):
        services.nomination_approve(nomination=nomination, acting_user=chairman)
    with _at(dt.date(2024, 1, 19), hour=15):
        ctx.extra["decision_2023"] = services.decision_issue(
            nomination=nomination, acting_user=clerk, issued_on=dt.date(2024, 1, 19))
