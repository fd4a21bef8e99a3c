"""Seed 000's cycle through the API alone, with tokens: draft → entries → submit → approve → decision."""

import datetime as dt

from tests.conftest import at, totp_now
from thidua.audit.models import AuditEntry
from thidua.awards.models import Decision


def test_it_runs_the_giay_khen_cycle_end_to_end(token_api, cast, org, people):
    clerk, chairman = token_api(cast.clerk), token_api(cast.chairman)
    with at(dt.date(2024, 1, 10)):
        nomination = clerk.post("/api/awards/nominations", {
            "unit_id": org.binh_an.pk, "award_code": "GIAY_KHEN", "year": 2023,
            "title": "Đề nghị tặng Giấy khen năm 2023"}).json()
        base = f"/api/awards/nominations/{nomination['id']}"
        for recipient, achievement in [({"person_id": people.van.pk}, "Hoàn thành xuất sắc nhiệm vụ"),
                                       ({"recipient_unit_id": org.youth.pk}, "Tích cực xây dựng nông thôn mới")]:
            entry = clerk.post(f"{base}/entries", {**recipient, "achievement": achievement})
            assert entry.status_code == 201, entry.content
            # The test data has no ratings: the clerk takes responsibility with a reason (Luật TĐKT 2022 Điều 5).
            reason = {"reason": "Được Hội nghị bình xét của xã đề nghị"}
            assert clerk.post(f"{base}/entries/{entry.json()['id']}/override", reason).status_code == 200
        submitted = clerk.post(f"{base}/submit")
        assert submitted.json()["status"] == "submitted", submitted.content
    with at(dt.date(2024, 1, 16)):
        # Signing and issuing send the code of the officer's authenticator app with the token.
        assert chairman.post(f"{base}/approve", {"otp_code": totp_now(cast.chairman)}).json()["status"] == "approved"
    with at(dt.date(2024, 1, 19)):
        decision = clerk.post(f"{base}/decision", {"issued_on": "2024-01-19", "otp_code": totp_now(cast.clerk)}).json()
    assert decision["number_text"] == "01/QĐ-UBND" and decision["total_amount"] == 1_620_000
    assert Decision.objects.get().grants.count() == 2
    history = chairman.get(f"/api/org/people/{people.van.pk}/grants").json()["items"]
    assert [(g["award_name"], g["year"], g["decision_number"]) for g in history] == [("Giấy khen", 2023, "01/QĐ-UBND")]
    assert clerk.get(decision["downloads"]["certificates"]).content.startswith(b"%PDF")
    actions = list(AuditEntry.objects.filter(target_type="awards.nomination").values_list("action", flat=True))
    assert sorted(actions) == sorted(["nomination.created", "nomination.entry_added", "nomination.entry_added",
                                      "nomination.entry_override", "nomination.entry_override",
                                      "nomination.submitted", "nomination.approved", "nomination.decided"])
