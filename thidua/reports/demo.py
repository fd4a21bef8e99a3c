"""Seed 000: the Bình An clerk's draft of the 2023 annual summary (report of 15/01/2024, read at the
conference of 19/01/2024) — through the audited door, like a clerk on the page."""

import datetime as dt

import time_machine

from .services import report_draft_save

LIMITATIONS_2023 = (
    "Một số phong trào thi đua chưa thật sự sâu rộng, nội dung còn chung chung; việc sơ kết, nhân rộng điển hình "
    "tiên tiến chưa kịp thời.\n"
    "Công tác khen thưởng người lao động trực tiếp còn ít; hồ sơ đề nghị khen thưởng của một số đơn vị còn chậm."
)


def load(ctx):
    with time_machine.travel(dt.datetime(2024, 1, 15, 9, tzinfo=dt.timezone(dt.timedelta(hours=7))), tick=False):
        report_draft_save(unit=ctx.units["BAN"], year=2023, acting_user=ctx.users["binhan.canbo"],
                          number_text="05/BC-UBND", report_date=dt.date(2024, 1, 15), limitations=LIMITATIONS_2023)
