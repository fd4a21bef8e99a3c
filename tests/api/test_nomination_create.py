"""POST /api/awards/nominations → nomination_create."""

import pytest

from tests.api.conftest import assert_error, snapshot
from thidua.audit.models import AuditEntry
from thidua.awards.models import Nomination

URL = "/api/awards/nominations"


@pytest.fixture
def payload(org):
    return {"unit_id": org.binh_an.pk, "award_code": "GIAY_KHEN", "year": 2024,
            "title": "Đề nghị tặng Giấy khen năm 2024",
            "reason_text": "đã có thành tích xuất sắc trong phong trào thi đua yêu nước"}


def test_it_creates_a_draft_nomination(clerk_api, cast, org, payload):
    response = clerk_api.post(URL, payload)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft" and body["entries"] == [] and body["award_name"] == "Giấy khen"
    nomination = Nomination.objects.get(pk=body["id"])
    assert nomination.unit == org.binh_an and nomination.decider_unit == org.binh_an
    assert nomination.year == 2024 and nomination.created_by == cast.clerk
    entry = AuditEntry.objects.get(action="nomination.created", target_id=str(nomination.pk))
    assert entry.actor == cast.clerk and entry.unit == org.binh_an


def test_it_refuses_the_chairman_who_may_not_draft(chairman_api, payload):
    before = snapshot()
    assert_error(chairman_api.post(URL, payload), 403, "không có quyền")
    assert snapshot() == before


def test_it_hides_another_communes_unit_from_the_outsider(outsider_api, org, payload):
    before = snapshot()
    assert_error(outsider_api.post(URL, payload), 404)
    assert snapshot() == before


@pytest.mark.parametrize("change, message", [
    ({"award_code": "KHONG_CO"}, "Mã danh hiệu / hình thức khen thưởng không hợp lệ: KHONG_CO."),
    ({"year": 1975}, "Năm thành tích phải từ 2000 đến 2100."),
    ({"year": 2101}, "Năm thành tích phải từ 2000 đến 2100."),
    ({"title": "   "}, "Phải nhập trích yếu."),
    ({"award_type": "vui"}, "Loại hình khen thưởng không hợp lệ: vui."),
    ({"unit_id": 999999}, "Không tìm thấy đơn vị số 999999"),
])
def test_it_explains_bad_input_in_vietnamese_and_changes_nothing(clerk_api, payload, change, message):
    before = snapshot()
    response = clerk_api.post(URL, {**payload, **change})
    assert_error(response, 404 if "unit_id" in change else 400, message)
    assert snapshot() == before


def test_it_refuses_a_unit_that_was_merged_away(clerk_api, cast, org, payload):
    import datetime as dt

    from thidua.org.models import Kind, Level
    from thidua.org.services import unit_create, units_merge

    women = unit_create(acting_user=None, code="BAN-HPN", name="Hội Phụ nữ xã Bình An", level=Level.GRASSROOTS,
                        kind=Kind.MASS_ORG, parent=org.binh_an)
    units_merge(sources=[org.youth, women], acting_user=cast.clerk, effective_date=dt.date(2025, 7, 1),
                name="Khối đoàn thể", code="BAN-KDT", level=Level.GRASSROOTS, kind=Kind.MASS_ORG, parent=org.binh_an)
    before = snapshot()
    assert_error(clerk_api.post(URL, {**payload, "unit_id": org.youth.pk}), 400, "kết thúc hoạt động")
    assert snapshot() == before


@pytest.mark.parametrize("change, field, message", [
    ({"year": "hai nghìn"}, "year", "Phải là số nguyên."),
    ({"title": None}, "title", "Phải là chuỗi ký tự."),
    ({"title": "x" * 301}, "title", "Quá dài: tối đa 300 ký tự."),
])
def test_it_answers_422_per_field_for_wrong_types(clerk_api, payload, change, field, message):
    before = snapshot()
    body = assert_error(clerk_api.post(URL, {**payload, **change}), 422, "Dữ liệu gửi lên không hợp lệ.")
    assert {"field": field, "message": message} in [{k: e[k] for k in ("field", "message")} for e in body["errors"]]
    assert snapshot() == before


def test_it_names_every_missing_field(clerk_api, payload):
    body = assert_error(clerk_api.post(URL, {}), 422)
    missing = {e["field"] for e in body["errors"] if e["message"] == "Thiếu trường bắt buộc."}
    assert missing == {"unit_id", "award_code", "year", "title"}


def test_it_answers_400_to_a_body_that_is_not_json(clerk_api):
    before = snapshot()
    assert_error(clerk_api.post(URL, raw="{unit_id: 1,"), 400, "JSON")
    assert snapshot() == before
