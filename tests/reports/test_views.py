"""The report pages: scoped to the user's reach, Vietnamese, with chart data for the dashboard."""

import json
import re

from django.urls import reverse

PAGES = ["reports:home", "reports:award-table", "reports:register", "reports:summary"]


def _get(client, name, unit=None, year=2023):
    params = {"nam": year} if year is not None else {}
    if unit is not None:
        params["don-vi"] = unit.pk
    return client.get(reverse(name), params)


def test_it_shows_the_dashboard_with_counts_and_chart_data(client_as, cast, org, report_data):
    response = _get(client_as(cast.clerk), "reports:home", org.binh_an)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="chart-awards"' in body and "js/reports.js" in body and "vendor/chartjs/chart.umd.js" in body
    data = json.loads(re.search(r'<script id="report-chart-data" type="application/json">(.*?)</script>', body,
                                re.S).group(1))
    assert data["awards"]["labels"] == ["Lao động tiên tiến", "Giấy khen", "Bằng khen cấp bộ, ngành, tỉnh"]
    assert data["awards"]["individual"] == [1, 2, 0] and data["gender"]["counts"] == [2, 1]
    assert "8.910.000 đ" in body and "66,7%" in body
    assert "<script>" not in body  # CSP: no inline script


def test_it_defaults_to_the_users_unit_and_latest_year(client_as, cast, org, report_data):
    body = client_as(cast.clerk).get(reverse("reports:home")).content.decode()
    assert "Báo cáo – Xã Bình An, năm 2023" in body


def test_it_renders_every_report_page_for_the_clerk(client_as, cast, org, report_data):
    client = client_as(cast.clerk)
    for name in PAGES:
        response = _get(client, name, org.binh_an)
        assert response.status_code == 200, name
    assert "Nguyễn Thị Mỹ Duyên" in _get(client, "reports:register", org.binh_an).content.decode()
    assert "Tổng cộng" in _get(client, "reports:award-table", org.binh_an).content.decode()


def test_it_answers_404_to_the_outsider_for_binh_an(client_as, cast, org, report_data):
    client = client_as(cast.outsider)
    for name in PAGES:
        assert _get(client, name, org.binh_an).status_code == 404, name
    for fmt in ("xlsx", "docx", "pdf"):
        url = reverse("reports:summary-download", args=[fmt])
        assert client.get(url, {"don-vi": org.binh_an.pk, "nam": 2023}).status_code == 404


def test_it_shows_the_outsider_nothing_of_binh_an_on_his_own_reports(client_as, cast, org, report_data):
    client = client_as(cast.outsider)
    for name in PAGES:
        body = _get(client, name).content.decode()
        assert "Nguyễn Thanh Văn" not in body and "Nguyễn Thị Mỹ Duyên" not in body, name
        assert "Xã Bình An" not in body, name
    assert "Đinh Văn Lực" in _get(client, "reports:register").content.decode()


def test_it_answers_404_for_a_unit_id_that_is_not_a_number(client_as, cast, org):
    assert client_as(cast.clerk).get(reverse("reports:home"), {"don-vi": "abc"}).status_code == 404


def test_it_explains_a_bad_year_in_vietnamese(client_as, cast, org, report_data):
    body = client_as(cast.clerk).get(reverse("reports:home"), {"nam": "hai nghìn"}).content.decode()
    assert "Năm không hợp lệ" in body and "năm 2023" in body


def test_it_answers_404_for_an_unknown_download_format(client_as, cast, org):
    assert client_as(cast.clerk).get(reverse("reports:register-download", args=["exe"])).status_code == 404


def test_it_sends_anonymous_users_to_login(client):
    response = client.get(reverse("reports:home"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_it_lets_a_council_member_read_but_not_edit_the_summary(client_as, cast, org, report_data):
    body = _get(client_as(cast.council_member), "reports:summary", org.binh_an).content.decode()
    assert "Chủ tịch UBND xã đã tặng Giấy khen" in body and "Lưu dự thảo" not in body
