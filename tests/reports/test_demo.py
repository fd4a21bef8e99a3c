"""`make run`'s demo: Bình An's 2023 summary tells seed 000 from the decision of 19/01/2024."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from thidua.org.models import Unit
from thidua.reports import summary


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def test_it_tells_the_demo_binh_an_2023_summary_like_seed_000(demo):
    clerk = get_user_model().objects.get(username="binhan.canbo")
    s = summary.build_summary(clerk, Unit.objects.get(code="BAN"), 2023)
    text = "\n".join(b["text"] for b in summary.plain_blocks(s.blocks) if b["kind"] != "table")
    assert "Chủ tịch UBND xã đã tặng Giấy khen cho 06 tập thể và 10 cá nhân" in text
    assert s.header.number_text == "Số: 05/BC-UBND"  # the clerk's draft, saved through the door
    assert "Một là, tổ chức thực hiện có hiệu quả các phong trào thi đua yêu nước năm 2024" in text
