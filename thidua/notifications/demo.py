"""The demo's plan for the current year: the province's dates, so every home page shows days left and the
worker has reminders to send (run on today's date, after the story's dated steps)."""

import datetime as dt

from django.utils import timezone

from . import services
from .models import DeadlineKind


def load(ctx):
    today = timezone.localdate()
    officer, province = ctx.users["tinh.bantdkt"], ctx.units["QNG"]
    for days, kind, title in (
        (14, DeadlineKind.SUBMISSION, f"Nộp hồ sơ đề nghị khen thưởng tổng kết năm {today.year} về Ban Thi đua – "
                                      "Khen thưởng tỉnh"),
        (30, DeadlineKind.REPORT, f"Gửi báo cáo tổng kết công tác thi đua, khen thưởng năm {today.year}"),
        (75, DeadlineKind.REGISTRATION, f"Đăng ký danh hiệu thi đua năm {today.year + 1}"),
    ):
        due = today + dt.timedelta(days=days)
        services.deadline_create(acting_user=officer, unit=province, year=today.year if days < 60 else today.year + 1,
                                 kind=kind, title=title, due_on=due)
