"""Units and people through the API: scoped like the Tổ chức pages."""

import datetime as dt

from tests.api.conftest import assert_error
from thidua.org.models import Kind, Level, PersonRating
from thidua.org.services import unit_create, units_merge


def names(response):
    assert response.status_code == 200, response.content
    return [row.get("name") or row.get("full_name") for row in response.json()["items"]]


def test_it_lists_only_the_units_in_reach(clerk_api):
    assert names(clerk_api.get("/api/org/units")) == ["Xã Bình An", "Đoàn Thanh niên xã Bình An"]


def test_it_lets_the_province_see_its_whole_tree(api_as, cast):
    assert len(names(api_as(cast.province_officer).get("/api/org/units"))) == 6


def test_it_searches_units_without_diacritics(api_as, cast):
    api = api_as(cast.province_officer)
    assert names(api.get("/api/org/units", q="doan thanh NIEN xa ba tieu")) == ["Đoàn Thanh niên xã Ba Tiêu"]
    assert names(api.get("/api/org/units", q="Bình   An")) == ["Xã Bình An", "Đoàn Thanh niên xã Bình An"]


def test_it_paginates_with_limit_and_offset(api_as, cast):
    api = api_as(cast.province_officer)
    body = api.get("/api/org/units", limit=2, offset=1).json()
    assert body["count"] == 6 and len(body["items"]) == 2
    assert body["items"][0]["name"] == "Huyện Bình Sơn"


def test_it_shows_a_unit_with_its_children(clerk_api, org):
    body = clerk_api.get(f"/api/org/units/{org.binh_an.pk}").json()
    assert body["name"] == "Xã Bình An" and body["level"] == "commune" and body["level_label"] == "Cấp xã"
    assert body["head_name"] == "Võ Thanh Tuấn" and body["is_active"] is True
    assert [c["name"] for c in body["children"]] == ["Đoàn Thanh niên xã Bình An"]


def test_it_lists_only_the_children_in_reach(api_as, make_user, org):
    from thidua.accounts.services import role_assign

    user = make_user("chi-xa", roles=())
    role_assign(user=user, role_code="clerk", unit=org.binh_an, include_descendants=False)
    body = api_as(user).get(f"/api/org/units/{org.binh_an.pk}").json()
    assert body["children"] == []


def test_it_shows_the_award_history_of_a_unit_including_merged_units(clerk_api, cast, org, decision):
    women = unit_create(acting_user=None, code="BAN-HPN", name="Hội Phụ nữ xã Bình An", level=Level.GRASSROOTS,
                        kind=Kind.MASS_ORG, parent=org.binh_an)
    merged = units_merge(sources=[org.youth, women], acting_user=cast.clerk, effective_date=dt.date(2025, 7, 1),
                         name="Khối đoàn thể xã Bình An", code="BAN-KDT", level=Level.GRASSROOTS,
                         kind=Kind.MASS_ORG, parent=org.binh_an)
    body = clerk_api.get(f"/api/org/units/{merged.pk}/grants").json()
    assert body["count"] == 1
    grant = body["items"][0]
    assert grant["display_name"] == "Đoàn Thanh niên xã Bình An" and grant["recipient_unit_id"] == org.youth.pk
    assert grant["decision_number"] == decision.number_text
    detail = clerk_api.get(f"/api/org/units/{merged.pk}").json()
    assert {u["name"] for u in detail["merged_from"]} == {"Đoàn Thanh niên xã Bình An", "Hội Phụ nữ xã Bình An"}
    closed = clerk_api.get("/api/org/units", include_closed="true").json()["count"]
    assert closed == clerk_api.get("/api/org/units").json()["count"] + 2


def test_it_lists_people_in_reach_and_searches_without_diacritics(clerk_api, people):
    assert names(clerk_api.get("/api/org/people")) == ["Nguyễn Thanh Văn", "Nguyễn Thị Mỹ Duyên"]
    assert names(clerk_api.get("/api/org/people", q="nguyen thi my duyen")) == ["Nguyễn Thị Mỹ Duyên"]
    assert names(clerk_api.get("/api/org/people", q="dinh van luc")) == []


def test_it_filters_people_by_unit_subtree(clerk_api, people, org):
    assert names(clerk_api.get("/api/org/people", unit_id=org.youth.pk)) == ["Nguyễn Thị Mỹ Duyên"]
    assert_error(clerk_api.get("/api/org/people", unit_id=org.other.pk), 404)


def test_it_shows_a_person_with_employments_and_ratings(clerk_api, people, org):
    PersonRating.objects.create(person=people.duyen, year=2023, rating="HTXS", unit=org.youth)
    body = clerk_api.get(f"/api/org/people/{people.duyen.pk}").json()
    assert body["full_name"] == "Nguyễn Thị Mỹ Duyên" and body["gender_label"] == "Nữ"
    assert body["date_of_birth"] == "1985-05-01"
    assert body["current_unit_name"] == "Đoàn Thanh niên xã Bình An" and body["current_position"] == "Bí thư Đoàn"
    assert body["employments"] == [{"unit_id": org.youth.pk, "unit_name": "Đoàn Thanh niên xã Bình An",
                                    "position": "Bí thư Đoàn", "start_date": "2015-01-01", "end_date": None}]
    assert body["ratings"] == [{"year": 2023, "rating": "HTXS", "rating_label": "Hoàn thành xuất sắc nhiệm vụ"}]


def test_it_shows_the_award_history_of_a_person(chairman_api, people, decision):
    body = chairman_api.get(f"/api/org/people/{people.van.pk}/grants").json()
    assert body["count"] == 1
    grant = body["items"][0]
    assert grant["award_code"] == "GIAY_KHEN" and grant["award_name"] == "Giấy khen"
    assert grant["amount"] == 540_000 and grant["amount_words"].startswith("Năm trăm bốn mươi nghìn")
    assert grant["year"] == 2023 and grant["decision_issued_on"] == decision.issued_on.isoformat()


def test_it_hides_binh_an_units_and_people_from_the_outsider(outsider_api, people, org, decision):
    assert "Xã Bình An" not in names(outsider_api.get("/api/org/units", q="binh an"))
    assert names(outsider_api.get("/api/org/people")) == ["Đinh Văn Lực"]
    for path in [f"/api/org/units/{org.binh_an.pk}", f"/api/org/units/{org.youth.pk}",
                 f"/api/org/units/{org.binh_an.pk}/grants", f"/api/org/units/{org.youth.pk}/grants",
                 f"/api/org/people/{people.van.pk}", f"/api/org/people/{people.van.pk}/grants"]:
        assert_error(outsider_api.get(path), 404)


def test_it_answers_404_for_a_unit_or_person_that_does_not_exist(clerk_api, people):
    assert_error(clerk_api.get("/api/org/units/999999"), 404)
    assert_error(clerk_api.get("/api/org/people/999999"), 404)
