from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from thidua.emulation import selectors
from thidua.emulation.models import Movement, Result, Review, Target


def test_it_launches_adopts_and_reports_on_pages(client, cast, org, movement):
    client.force_login(cast.clerk)
    assert client.get(reverse("emulation:home")).status_code == 200
    page = client.get(reverse("emulation:movement-detail", args=[movement.pk]))
    assert "Một là" in page.content.decode()
    client.post(reverse("emulation:movement-adopt", args=[movement.pk]), {"unit": org.binh_an.pk})
    adopted = Movement.objects.get(parent=movement)
    client.post(reverse("emulation:target-add", args=[adopted.pk]), {"name": "Km đường", "measure": "km",
                                                                     "planned_value": "2", "higher_is_better": "1"})
    target = Target.objects.get(movement=adopted)
    bad = client.post(reverse("emulation:result-report", args=[adopted.pk]),
                      {"target": target.pk, "unit": org.binh_an.pk, "year": 2024, "period": "Y", "value": "x"},
                      HTTP_HX_REQUEST="true")
    assert "không phải là số" in bad.content.decode() and not Result.objects.exists()
    client.post(reverse("emulation:result-report", args=[adopted.pk]),
                {"target": target.pk, "unit": org.binh_an.pk, "year": 2024, "period": "Y", "value": "3"})
    assert Result.objects.get().value == 3


def test_it_refuses_pages_to_the_wrong_role_and_other_units(client, cast, org, movement):
    own = Movement.objects.create(launched_by=org.binh_an, title="Riêng Bình An", year=2024)
    client.force_login(cast.outsider)
    assert client.get(reverse("emulation:movement-detail", args=[own.pk])).status_code == 404
    for name in ["emulation:target-add", "emulation:review-create", "emulation:window-set", "emulation:movement-adopt"]:
        assert client.post(reverse(name, args=[own.pk]), {"name": "x", "unit": org.other.pk, "year": 2024,
                                                          "kind": "final", "held_on": "01/01/2024",
                                                          "deadline": "01/01/2024"}).status_code == 404
    client.force_login(cast.chairman)  # in reach, wrong role: forbidden, as everywhere else
    assert client.post(reverse("emulation:target-add", args=[own.pk]),
                       {"name": "x", "higher_is_better": "1"}).status_code == 403
    assert client.get(reverse("emulation:movement-create")).status_code == 404
    assert not Target.objects.filter(movement=own).exists() and not Review.objects.exists()


@pytest.mark.django_db
def test_it_rolls_up_seed_002_and_seed_004_from_the_demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo")
    bto = Review.objects.get(unit__code="BTO")
    totals = {r.target.name: r.actual for r in selectors.attainment(selectors.review_movements(bto), 2023).rows}
    assert totals["Ngày công nhân dân đóng góp"] > 6000
    assert totals["Diện tích đất nhân dân hiến"] == Decimal("2281")
    assert Decimal("1.35e9") < totals["Kinh phí nhân dân, doanh nghiệp đóng góp"] < Decimal("1.4e9")
    assert totals["Nhà ở xây dựng cho hộ nghèo, hộ có hoàn cảnh khó khăn"] == 23
    assert totals["Kinh phí xây dựng nhà ở"] == Decimal("1150000000")
    assert 6700 < totals["Suất quà tặng hộ nghèo"] <= 6800
    land = Target.objects.get(name="Diện tích đất nhân dân hiến")
    ba_tieu = land.results.get(unit__code="BTO-02")
    assert ba_tieu.value > 350
    assert Result.objects.get(target__name="Ngày công nhân dân đóng góp", unit__code="BTO-02").value == 431
    hlh = Review.objects.get(unit__code="HLH")
    summary = selectors.attainment(selectors.review_movements(hlh), 2023).summary
    assert summary == "17/21 chỉ tiêu hoàn thành, 8 vượt mức"
    import io
    import zipfile

    from thidua.emulation.documents import review_docx
    xml = zipfile.ZipFile(io.BytesIO(review_docx(hlh))).read("word/document.xml").decode()
    assert "17/21 chỉ tiêu hoàn thành, 8 vượt mức" in xml
    xml = zipfile.ZipFile(io.BytesIO(review_docx(bto))).read("word/document.xml").decode()
    assert "2.281" in xml and "6.050" in xml
