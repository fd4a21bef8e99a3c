"""POST/DELETE /api/awards/nominations/{id}/entries → nomination_entry_add / nomination_entry_remove."""

import pytest

from tests.api.conftest import assert_error, snapshot
from thidua.audit.models import AuditEntry
from thidua.awards import services


@pytest.fixture
def draft(cast, org):
    return services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                      title="Đề nghị tặng Giấy khen năm 2023")


def url(nomination):
    return f"/api/awards/nominations/{nomination.pk}/entries"


def test_it_adds_a_person(clerk_api, cast, draft, people):
    response = clerk_api.post(url(draft), {"person_id": people.duyen.pk, "achievement": "Tích cực phong trào"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["display_name"] == "Nguyễn Thị Mỹ Duyên" and body["recipient_kind"] == "individual"
    assert body["position_text"] == "Bí thư Đoàn, Đoàn Thanh niên xã Bình An"
    entry = draft.entries.get()
    assert entry.person == people.duyen and entry.achievement == "Tích cực phong trào"
    audit = AuditEntry.objects.get(action="nomination.entry_added", target_id=str(draft.pk))
    assert audit.actor == cast.clerk and audit.data["recipient"] == "Nguyễn Thị Mỹ Duyên"


def test_it_adds_a_collective(clerk_api, draft, org):
    response = clerk_api.post(url(draft), {"recipient_unit_id": org.youth.pk, "achievement": "Xây dựng nông thôn mới"})
    assert response.status_code == 201, response.content
    assert draft.entries.get().recipient_unit == org.youth


def test_it_refuses_the_chairman_who_may_not_draft(chairman_api, draft, people):
    before = snapshot()
    assert_error(chairman_api.post(url(draft), {"person_id": people.van.pk, "achievement": "X"}), 403)
    assert snapshot() == before


def test_it_hides_the_nomination_from_the_outsider(outsider_api, draft, people):
    before = snapshot()
    assert_error(outsider_api.post(url(draft), {"person_id": people.luc.pk, "achievement": "X"}), 404)
    assert snapshot() == before


@pytest.mark.parametrize("payload, status, message", [
    ({"achievement": "X"}, 400, "Chọn một cá nhân (person_id) hoặc một tập thể"),
    ({"person_id": "P1", "achievement": "X"}, 422, "Dữ liệu gửi lên không hợp lệ."),
    ({"person_id": 999999, "achievement": "X"}, 404, "Không tìm thấy cá nhân số 999999"),
    ({"recipient_unit_id": 999999, "achievement": "X"}, 404, "Không tìm thấy đơn vị số 999999"),
    ({"person_id": "__luc__", "achievement": "X"}, 404, "Không tìm thấy cá nhân"),
    ({"person_id": "__van__", "achievement": "   "}, 400, "Phải nhập thành tích."),
    ({"person_id": "__van__", "recipient_unit_id": "__youth__", "achievement": "X"}, 400, "không chọn cả hai"),
])
def test_it_explains_bad_input_and_changes_nothing(clerk_api, draft, people, org, payload, status, message):
    ids = {"__luc__": people.luc.pk, "__van__": people.van.pk, "__youth__": org.youth.pk}
    payload = {k: ids.get(v, v) if isinstance(v, str) else v for k, v in payload.items()}
    before = snapshot()
    assert_error(clerk_api.post(url(draft), payload), status, message)
    assert snapshot() == before


def test_it_refuses_someone_outside_the_proposing_unit(api_as, cast, org, people):
    # The province officer sees both communes, but a Bình An nomination lists Bình An's people only.
    nomination = services.nomination_create(acting_user=cast.province_officer, unit=org.binh_an,
                                            award_code="GIAY_KHEN", year=2023, title="Đề nghị")
    before = snapshot()
    response = api_as(cast.province_officer).post(url(nomination), {"person_id": people.luc.pk, "achievement": "X"})
    assert_error(response, 400, services.ERR_RECIPIENT_SCOPE)
    assert snapshot() == before


def test_it_refuses_a_duplicate(clerk_api, draft, people):
    clerk_api.post(url(draft), {"person_id": people.van.pk, "achievement": "X"})
    before = snapshot()
    assert_error(clerk_api.post(url(draft), {"person_id": people.van.pk, "achievement": "Y"}), 400,
                 "Nguyễn Thanh Văn đã có trong đề nghị này.")
    assert snapshot() == before


def test_it_refuses_a_collective_for_an_individual_title(clerk_api, cast, org):
    nomination = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="LDTT", year=2023,
                                            title="Đề nghị công nhận Lao động tiên tiến")
    before = snapshot()
    response = clerk_api.post(url(nomination), {"recipient_unit_id": org.youth.pk, "achievement": "X"})
    assert_error(response, 400, "không dành cho tập thể")
    assert snapshot() == before


def test_it_refuses_to_add_to_a_submitted_nomination(clerk_api, approved_nomination, people):
    before = snapshot()
    response = clerk_api.post(url(approved_nomination), {"person_id": people.duyen.pk, "achievement": "X"})
    assert_error(response, 400, services.ERR_NOT_EDITABLE)
    assert snapshot() == before


def test_it_removes_an_entry(clerk_api, cast, draft, people):
    entry = services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.van,
                                          achievement="X")
    response = clerk_api.delete(f"{url(draft)}/{entry.pk}")
    assert response.status_code == 204, response.content
    assert not draft.entries.exists()
    audit = AuditEntry.objects.get(action="nomination.entry_removed")
    assert audit.actor == cast.clerk and audit.data == {"recipient": "Nguyễn Thanh Văn"}


def test_it_refuses_removal_by_the_chairman(chairman_api, cast, draft, people):
    entry = services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.van,
                                          achievement="X")
    before = snapshot()
    assert_error(chairman_api.delete(f"{url(draft)}/{entry.pk}"), 403)
    assert snapshot() == before


def test_it_hides_removal_from_the_outsider(outsider_api, approved_nomination):
    entry = approved_nomination.entries.first()
    before = snapshot()
    assert_error(outsider_api.delete(f"{url(approved_nomination)}/{entry.pk}"), 404)
    assert snapshot() == before


def test_it_answers_404_for_an_entry_of_another_nomination(clerk_api, cast, draft, approved_nomination):
    other_entry = approved_nomination.entries.first()
    before = snapshot()
    assert_error(clerk_api.delete(f"{url(draft)}/{other_entry.pk}"), 404, f"Không tìm thấy dòng số {other_entry.pk}")
    assert snapshot() == before


def test_it_refuses_removal_from_an_approved_nomination(clerk_api, approved_nomination):
    entry = approved_nomination.entries.first()
    before = snapshot()
    assert_error(clerk_api.delete(f"{url(approved_nomination)}/{entry.pk}"), 400, services.ERR_NOT_EDITABLE)
    assert snapshot() == before


# ---------------------------------------------------------------- override (reasoned exception)

def test_it_records_the_reason_to_nominate_beyond_the_rulebook(clerk_api, cast, draft, people):
    entry = services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.van,
                                          achievement="X")
    response = clerk_api.post(f"{url(draft)}/{entry.pk}/override", {"reason": "Thành tích đột xuất cứu người"})
    assert response.status_code == 200, response.content
    assert response.json()["override_reason"] == "Thành tích đột xuất cứu người"
    entry.refresh_from_db()
    assert entry.override_reason == "Thành tích đột xuất cứu người" and entry.override_by == cast.clerk
    audit = AuditEntry.objects.get(action="nomination.entry_override")
    assert audit.actor == cast.clerk and audit.reason == "Thành tích đột xuất cứu người"


def test_it_refuses_an_override_by_the_chairman(chairman_api, cast, draft, people):
    entry = services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.van,
                                          achievement="X")
    before = snapshot()
    assert_error(chairman_api.post(f"{url(draft)}/{entry.pk}/override", {"reason": "X"}), 403)
    assert snapshot() == before


def test_it_hides_an_override_from_the_outsider(outsider_api, cast, draft, people):
    entry = services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.van,
                                          achievement="X")
    before = snapshot()
    assert_error(outsider_api.post(f"{url(draft)}/{entry.pk}/override", {"reason": "X"}), 404)
    assert snapshot() == before


def test_it_asks_for_the_override_reason(clerk_api, cast, draft, people):
    entry = services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.van,
                                          achievement="X")
    before = snapshot()
    assert_error(clerk_api.post(f"{url(draft)}/{entry.pk}/override", {"reason": "   "}), 400,
                 services.ERR_OVERRIDE_REASON)
    assert_error(clerk_api.post(f"{url(draft)}/{entry.pk}/override", {}), 422)
    assert_error(clerk_api.post(f"{url(draft)}/999999/override", {"reason": "X"}), 404)
    assert snapshot() == before


def test_it_takes_the_override_reason_with_the_entry(clerk_api, draft, people):
    response = clerk_api.post(url(draft), {"person_id": people.van.pk, "achievement": "X",
                                           "override_reason": "Thành tích đột xuất"})
    assert response.status_code == 201, response.content
    assert draft.entries.get().override_reason == "Thành tích đột xuất"
