"""Reports API: the same numbers and the same scoping as the pages."""

import pytest
from django.test import Client


@pytest.fixture
def api(cast):
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def test_it_returns_the_statistics(api, cast, org, report_data):
    data = api(cast.clerk).get("/api/reports/stats", {"unit_id": org.binh_an.pk, "year": 2023}).json()
    assert data["totals"] == {"individual": 3, "collective": 2, "household": 1, "total": 6, "amount": 8_910_000}
    assert data["women"] == 2 and data["women_share"] == 66.7
    assert [r["award_code"] for r in data["by_award"]] == ["LDTT", "GIAY_KHEN", "BK_TINH"]
    assert data["by_issuer"][1]["sentence"] == ("Chủ tịch UBND xã đã tặng Giấy khen cho 01 tập thể, 02 cá nhân và "
                                                "01 hộ gia đình")
    assert data["decisions"] == 3
    assert {n["status"]: n["count"] for n in data["nominations"]}["submitted"] == 2


def test_it_returns_the_form_register_and_summary(api, cast, org, report_data):
    client = api(cast.clerk)
    params = {"unit_id": org.binh_an.pk, "year": 2023}
    table = client.get("/api/reports/award-table", params).json()
    assert table["rows"][-1] == ["", "Tổng cộng", "", 3, 2, 1, 8_910_000]
    register = client.get("/api/reports/register", params).json()
    assert register["count"] == 6 and register["items"][0]["golden_book_number"] == "01/2024"
    summary = client.get("/api/reports/summary", params).json()
    assert summary["title_lines"][0] == "BÁO CÁO"
    assert any("Chủ tịch UBND xã đã tặng Giấy khen" in b["text"] for b in summary["blocks"])


def test_it_answers_404_to_the_outsider_for_binh_an(api, cast, org, report_data):
    client = api(cast.outsider)
    for path in ["/api/reports/stats", "/api/reports/award-table", "/api/reports/register", "/api/reports/summary"]:
        response = client.get(path, {"unit_id": org.binh_an.pk, "year": 2023})
        assert response.status_code == 404, path
        assert response.json()["detail"].startswith("Không tìm thấy")


def test_it_shows_the_outsider_only_his_commune(api, cast, org, report_data):
    client = api(cast.outsider)
    stats = client.get("/api/reports/stats", {"year": 2023}).json()
    assert stats["unit_id"] == org.other.pk and stats["totals"]["total"] == 1
    names = [r["name"] for r in client.get("/api/reports/register", {"year": 2023}).json()["items"]]
    assert names == ["Đinh Văn Lực"]


def test_it_rejects_a_bad_year_with_a_vietnamese_message(api, cast, org):
    response = api(cast.clerk).get("/api/reports/stats", {"year": 1800})
    assert response.status_code == 422
    assert "Phải lớn hơn hoặc bằng 1945" in str(response.json())


def test_it_requires_authentication(client):
    assert client.get("/api/reports/stats").status_code == 401
