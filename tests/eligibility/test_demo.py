"""The demo tells the story: Xã Bình An's 2025 candidate list has chains with reasons and citations,
and a person page forecasts the next step."""
import datetime as dt

import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from thidua.org.models import Person, Unit


def test_it_shows_meaningful_verdicts_and_forecasts_for_binh_an(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo")
    ban = Unit.objects.get(code="BAN")
    client.force_login(get_user_model().objects.get(username="binhan.canbo"))
    html = client.get(reverse("eligibility:candidates", args=[ban.pk]), {"year": 2025}).content.decode()
    assert "Trường Tiểu học Bình An" in html and "(đã được tặng năm 2025)" in html
    html = client.get(reverse("eligibility:candidates", args=[ban.pk]), {"year": 2025, "q": "pham thi lan"}).content.decode()
    assert "Phạm Thị Lan" in html
    from tests.eligibility.test_views import reasons_page

    html = reasons_page(client, html, "individual", Person.objects.get(full_name="Phạm Thị Lan").pk)
    assert ("Đạt CSTĐ cơ sở 3 năm liên tục: 2023, 2024, 2025 (năm 2025: đủ điều kiện trong cùng đợt xét)"
            " — Luật TĐKT 2022, Điều 22") in html
    hoa = Person.objects.get(full_name="Lê Thị Hoa")
    with time_machine.travel(dt.datetime(2026, 11, 21, 9), tick=False):
        html = client.get(reverse("home:person-detail", args=[hoa.pk])).content.decode()
    assert "Đủ điều kiện xét CSTĐ cấp tỉnh năm 2026 nếu đạt CSTĐ cơ sở năm 2026" in html
