import io
import re

import openpyxl
import pytest
from django.urls import reverse

URL = "eligibility:candidates"


def page(client, user, unit, **params):
    client.force_login(user)
    return client.get(reverse(URL, args=[unit.pk]), params)


def reasons_page(client, html, kind, pk):
    url = re.search(rf'href="(/[^"]*ly-do/{kind}/{pk}/[^"]*)"', html).group(1).replace("&amp;", "&")
    return client.get(url).content.decode()


def test_it_shows_every_person_and_sub_unit_with_verdicts_reasons_and_citations(client, cast, org, history):
    r = page(client, cast.clerk, org.binh_an, year=2025, decision_date="2026-01-15")
    html = r.content.decode()
    assert r.status_code == 200
    for name in ("Nguyễn Thanh Văn", "Nguyễn Thị Mỹ Duyên", "Xã Bình An", "Đoàn Thanh niên xã Bình An"):
        assert name in html
    assert "Đinh Văn Lực" not in html  # another commune
    assert "Chiến sĩ thi đua cấp bộ, ngành, tỉnh" in html
    assert "Cần xem xét" in html and "Không đủ điều kiện" in html and "Đủ điều kiện" in html
    assert "bộ quy tắc <code>2025-07</code>" in html
    assert 'id="verdict-counts"' in html  # counts first
    # Each row's cited reasons on demand.
    van = reasons_page(client, html, "individual", history.van.pk)
    assert ("Đạt CSTĐ cơ sở 3 năm liên tục: 2023, 2024, 2025 (năm 2025: đủ điều kiện trong cùng đợt xét)"
            " — Luật TĐKT 2022, Điều 22") in van
    assert "Được xem xét tại cuộc họp bình xét: " in van  # conduct criteria listed, not holding
    assert "Ngày quyết định 15/01/2026" in van and "<code>2025-07</code>" in van
    duyen = reasons_page(client, html, "individual", history.duyen.pk)
    assert "Đang trong thời gian thi hành kỷ luật hạ bậc lương" in duyen  # NĐ 152 Đ4
    youth = reasons_page(client, html, "collective", org.youth.pk)
    assert "Tập thể lao động tiên tiến" in youth and "Luật TĐKT 2022" in youth


def test_it_filters_by_status_code_and_name_without_diacritics(client, cast, org, history):
    html = page(client, cast.clerk, org.binh_an, year=2025, q="nguyen thanh van", code="CSTD_TINH").content.decode()
    assert "Nguyễn Thanh Văn" in html and "Nguyễn Thị Mỹ Duyên" not in html
    assert 'data-code="CSTD_TINH"' in html and 'data-code="LDTT"' not in html
    html = page(client, cast.clerk, org.binh_an, year=2025, status="eligible", code="CSTD_TINH").content.decode()
    assert "Nguyễn Thanh Văn" in html and 'data-status="eligible"' in html
    html = page(client, cast.clerk, org.binh_an, year=2025, status="needs_judgement", code="CSTD_TINH").content.decode()
    assert "Nguyễn Thanh Văn" not in html
    # Giấy khen's achievement (Luật Đ75) is for the council; screening assumes it.
    html = page(client, cast.clerk, org.binh_an, year=2025, status="eligible", code="GIAY_KHEN").content.decode()
    assert "Nguyễn Thanh Văn" not in html
    html = page(client, cast.clerk, org.binh_an, year=2025, status="eligible", code="GIAY_KHEN", screening="on").content.decode()
    assert "Nguyễn Thanh Văn" in html and 'data-status="eligible"' in html


def test_it_shows_a_vietnamese_error_for_bad_filters(client, cast, org, history):
    r = page(client, cast.clerk, org.binh_an, year="abc", decision_date="2020-01-01", code="XYZ")
    html = r.content.decode()
    assert r.status_code == 200
    assert "Năm xét phải là một số." in html and "Ngày quyết định phải từ 01/01/2024" in html
    assert "Danh hiệu / hình thức không hợp lệ." in html


def test_it_exports_the_list_to_excel(client, cast, org, history):
    r = page(client, cast.clerk, org.binh_an, year=2025, code="CSTD_TINH", format="xlsx")
    assert r.status_code == 200 and r["Content-Disposition"].endswith('.xlsx"')
    ws = openpyxl.load_workbook(io.BytesIO(r.content)).active
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    assert "Danh sách xét điều kiện khen thưởng năm 2025" in rows[0][0]
    data = [r for r in rows if r and r[2] == "Nguyễn Thanh Văn"]
    assert data and data[0][5] == "CSTĐ cấp tỉnh" and data[0][6] == "Đủ điều kiện"
    assert "Luật TĐKT 2022, Điều 22" in (data[0][7] or "") + (data[0][8] or "")


def test_it_hides_a_unit_from_an_outsider(client, cast, org, history):
    assert page(client, cast.outsider, org.binh_an, year=2025).status_code == 404
    assert page(client, cast.outsider, org.binh_an, year=2025, format="xlsx").status_code == 404
    for kind, pk in (("individual", history.van.pk), ("collective", org.binh_an.pk)):
        assert client.get(reverse("eligibility:reasons", args=[kind, pk]), {"year": 2025}).status_code == 404
    assert client.post(reverse("eligibility:candidates-file", args=[org.binh_an.pk])).status_code == 404


def test_it_asks_an_anonymous_visitor_to_log_in(client, org):
    r = client.get(reverse(URL, args=[org.binh_an.pk]))
    assert r.status_code == 302 and "dang-nhap" in r["Location"]


def test_it_links_the_list_from_the_unit_page(client, cast, org):
    client.force_login(cast.clerk)
    html = client.get(reverse("home:unit-detail", args=[org.binh_an.pk])).content.decode()
    assert reverse(URL, args=[org.binh_an.pk]) in html


@pytest.mark.parametrize("today", ["2026-11-21"])
def test_it_forecasts_on_the_person_page(client, cast, org, history, today):
    import time_machine

    with time_machine.travel(today, tick=False):
        client.force_login(cast.clerk)
        html = client.get(reverse("home:person-detail", args=[history.van.pk])).content.decode()
    assert "Dự báo" in html
    assert "Đủ điều kiện xét Bằng khen cấp tỉnh năm" in html
