"""Grants, nominations and decisions through the API: scoped like the Khen thưởng pages."""

import io
import zipfile

from tests.api.conftest import assert_error


def test_it_lists_the_award_history_with_filters(clerk_api, people, org, decision):
    body = clerk_api.get("/api/awards/grants").json()
    assert body["count"] == 2
    assert {g["display_name"] for g in body["items"]} == {"Nguyễn Thanh Văn", "Đoàn Thanh niên xã Bình An"}
    by_person = clerk_api.get("/api/awards/grants", person_id=people.van.pk).json()["items"]
    assert [g["display_name"] for g in by_person] == ["Nguyễn Thanh Văn"]
    by_unit = clerk_api.get("/api/awards/grants", unit_id=org.youth.pk).json()["items"]
    assert [g["display_name"] for g in by_unit] == ["Đoàn Thanh niên xã Bình An"]
    assert clerk_api.get("/api/awards/grants", unit_id=org.binh_an.pk).json()["count"] == 1  # Văn works there
    assert clerk_api.get("/api/awards/grants", year=2023).json()["count"] == 2
    assert clerk_api.get("/api/awards/grants", year=2022).json()["count"] == 0
    assert clerk_api.get("/api/awards/grants", award_code="LDTT").json()["count"] == 0


def test_it_answers_404_when_filtering_by_someone_out_of_reach(clerk_api, people, org, decision):
    assert_error(clerk_api.get("/api/awards/grants", person_id=people.luc.pk), 404, "cá nhân")
    assert_error(clerk_api.get("/api/awards/grants", unit_id=org.other.pk), 404, "đơn vị")


def test_it_shows_one_grant_with_its_money_in_words(clerk_api, decision):
    grant = decision.grants.get(recipient_kind="collective")
    body = clerk_api.get(f"/api/awards/grants/{grant.pk}").json()
    assert body["amount"] == 1_080_000
    assert body["amount_words"] == "Một triệu không trăm tám mươi nghìn đồng"
    assert body["golden_book_number"] == grant.golden_book_number
    assert body["issuer_name"] == "Xã Bình An" and body["decision_number"] == "01/QĐ-UBND"
    assert body["certificate_url"] == f"/api/awards/grants/{grant.pk}/certificate.pdf"


def test_it_downloads_a_grant_certificate(clerk_api, decision):
    grant = decision.grants.first()
    response = clerk_api.get(f"/api/awards/grants/{grant.pk}/certificate.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_it_lists_nominations_with_filters(clerk_api, approved_nomination):
    body = clerk_api.get("/api/awards/nominations").json()
    assert [n["id"] for n in body["items"]] == [approved_nomination.pk]
    assert body["items"][0]["status"] == "approved" and body["items"][0]["status_label"] == "Đã phê duyệt"
    assert clerk_api.get("/api/awards/nominations", status="draft").json()["count"] == 0
    assert clerk_api.get("/api/awards/nominations", year=2023).json()["count"] == 1
    assert clerk_api.get("/api/awards/nominations", year=2024).json()["count"] == 0


def test_it_explains_an_unknown_status_filter(clerk_api, approved_nomination):
    assert_error(clerk_api.get("/api/awards/nominations", status="xong"), 400, "Trạng thái không hợp lệ")


def test_it_shows_a_nomination_with_its_entries(chairman_api, approved_nomination, people, org):
    body = chairman_api.get(f"/api/awards/nominations/{approved_nomination.pk}").json()
    assert body["title"] == "Đề nghị tặng Giấy khen năm 2023" and body["award_name"] == "Giấy khen"
    assert body["unit_name"] == "Xã Bình An" and body["decision_id"] is None
    entries = {e["display_name"]: e for e in body["entries"]}
    assert entries["Nguyễn Thanh Văn"]["person_id"] == people.van.pk
    assert entries["Đoàn Thanh niên xã Bình An"]["recipient_unit_id"] == org.youth.pk


def test_it_lists_and_shows_decisions_with_grants_and_download_links(chairman_api, decision):
    listed = chairman_api.get("/api/awards/decisions").json()
    assert [d["number_text"] for d in listed["items"]] == ["01/QĐ-UBND"]
    body = chairman_api.get(f"/api/awards/decisions/{decision.pk}").json()
    assert body["issued_on"] == "2024-01-19" and body["place"] == "Bình An"
    assert body["total_amount"] == 1_620_000
    assert body["total_amount_words"] == "Một triệu sáu trăm hai mươi nghìn đồng"
    assert len(body["grants"]) == 2 and body["legal_bases"]
    assert body["downloads"] == {
        "docx": f"/api/awards/decisions/{decision.pk}/docx",
        "pdf": f"/api/awards/decisions/{decision.pk}/pdf",
        "certificates": f"/api/awards/decisions/{decision.pk}/certificates.pdf",
    }
    assert chairman_api.get("/api/awards/decisions", year=2024).json()["count"] == 1
    assert chairman_api.get("/api/awards/decisions", year=2025).json()["count"] == 0


def test_it_downloads_the_decision_documents(clerk_api, decision):
    docx = clerk_api.get(f"/api/awards/decisions/{decision.pk}/docx")
    assert docx.status_code == 200 and 'filename="quyet-dinh-01-2024.docx"' in docx["Content-Disposition"]
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(docx.content)).namelist()
    for suffix in ["pdf", "certificates.pdf"]:
        response = clerk_api.get(f"/api/awards/decisions/{decision.pk}/{suffix}")
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), suffix


def test_it_answers_404_for_objects_that_do_not_exist(clerk_api, cast):
    for path in ["/api/awards/grants/999999", "/api/awards/nominations/999999", "/api/awards/decisions/999999",
                 "/api/awards/decisions/999999/docx", "/api/awards/grants/999999/certificate.pdf"]:
        assert_error(clerk_api.get(path), 404)


def test_it_lets_a_person_see_their_own_grant_from_anywhere(api_as, make_user, people, decision, org):
    from thidua.org.services import person_update

    user = make_user("van", full_name="Nguyễn Thanh Văn")
    person_update(person=people.van, acting_user=None, user=user)
    body = api_as(user).get("/api/awards/grants").json()
    assert [g["display_name"] for g in body["items"]] == ["Nguyễn Thanh Văn"]
