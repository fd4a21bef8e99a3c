"""The steps the law requires cannot be skipped (issue 9, items 1–2): each door refuses, through the page
and the API, with a Vietnamese message naming the step and its legal basis, and nothing changes."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.api.conftest import assert_error, snapshot
from tests.conftest import OVERRIDE_REASON, at, council_met, otp_verified
from thidua.audit.models import AuditEntry
from thidua.awards import disclosure as disclosures
from thidua.awards import services
from thidua.awards.models import Disclosure, NominationStatus
from thidua.rulebook import procedure

DAY = dt.date(2026, 3, 2)  # after the 2025 reform: the commune chairman grants CSTĐ cơ sở (NĐ 129/2025 Đ59)
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def cstdcs_submitted(cast, org, people):
    with at(DAY):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="CSTDCS", year=2025,
                                       title="Đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2025")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                      override_reason=OVERRIDE_REASON)
        services.submission_letter_generate(nomination=n, acting_user=cast.clerk)
        for t in ("bao_cao", "bien_ban"):
            services.dossier_document_add(nomination=n, doc_type=t, acting_user=cast.clerk,
                                          file=SimpleUploadedFile(f"{t}.pdf", PDF))
        return services.nomination_submit(nomination=n, acting_user=cast.clerk)


def test_the_rulebook_requires_the_council_for_cstd_and_disclosure_for_orders():
    steps = {s.code: s for s in procedure.procedure_for("CSTDCS", DAY)}
    assert steps["council"].required and "80%" in steps["council"].citation
    assert not procedure.step("GIAY_KHEN", DAY, "council").required  # a province setting
    order = procedure.step("HCLD_3", DAY, "disclosure")
    assert order.required and order.when == "before_council" and order.days == 10
    codes = [s.code for s in procedure.procedure_for("HCLD_3", DAY)]
    assert codes.index("disclosure") < codes.index("council") < codes.index("approval") < codes.index("decision")


def test_it_refuses_approval_before_the_council_on_the_page(client, cast, cstdcs_submitted):
    otp_verified(client, cast.chairman)
    before = snapshot()
    with at(DAY):
        page = client.post(reverse("awards:nomination-approve", args=[cstdcs_submitted.pk]), follow=True).content
    text = page.decode()
    assert "Hội đồng Thi đua – Khen thưởng xét" in text and "bỏ phiếu kín" in text and "Nguyễn Thanh Văn" in text
    assert snapshot() == before


def test_it_refuses_approval_before_the_council_through_the_api(chairman_api, cast, cstdcs_submitted):
    before = snapshot()
    with at(DAY):
        response = chairman_api.post(f"/api/awards/nominations/{cstdcs_submitted.pk}/approve")
    assert_error(response, 400, "Hội đồng Thi đua – Khen thưởng xét")
    assert "NĐ 152/2025/NĐ-CP" in response.json()["detail"]
    assert snapshot() == before


def test_it_approves_once_the_council_has_proposed_everyone(cast, cstdcs_submitted):
    with at(DAY):
        council_met(cstdcs_submitted, cast.chairman, DAY)
        n = services.nomination_approve(otp_verified=True, nomination=cstdcs_submitted, acting_user=cast.chairman)
    assert n.status == NominationStatus.APPROVED
    entry = n.entries.get()
    assert entry.council_result == "passed" and "02/03/2026" in entry.council_basis
    assert AuditEntry.objects.filter(action="nomination.council_result", actor=cast.chairman).exists()
    assert n.documents.filter(doc_type="bien_ban_hd").exists()  # the minutes are kept as proof


def test_it_keeps_refusing_an_entry_the_council_did_not_propose(cast, cstdcs_submitted):
    entry = cstdcs_submitted.entries.get()
    with at(DAY):
        council_met(cstdcs_submitted, cast.chairman, DAY, not_passed=[entry])
        with pytest.raises(ValidationError, match="Nguyễn Thanh Văn"):
            services.nomination_approve(otp_verified=True, nomination=cstdcs_submitted, acting_user=cast.chairman)
    cstdcs_submitted.refresh_from_db()
    assert cstdcs_submitted.status == NominationStatus.SUBMITTED


@pytest.mark.parametrize("met_on, minutes, message", [
    (DAY + dt.timedelta(days=1), True, "đã qua"),
    (DAY, False, "biên bản họp"),
])
def test_it_records_paper_minutes_only_with_a_past_date_and_the_scan(cast, cstdcs_submitted, met_on, minutes, message):
    with at(DAY), pytest.raises(ValidationError, match=message):
        services.nomination_council_minutes_record(
            nomination=cstdcs_submitted, acting_user=cast.chairman, met_on=met_on,
            minutes=SimpleUploadedFile("bb.pdf", PDF) if minutes else None)
    assert not cstdcs_submitted.entries.exclude(council_result="").exists()
    assert not AuditEntry.objects.filter(action="nomination.council_result").exists()


def test_it_refuses_a_decision_before_a_required_disclosure_page_and_api(clerk_api, cast, settings,
                                                                       approved_nomination):
    # A province that discloses every list before the decision (RULEBOOK_OVERRIDES "disclosure_other").
    settings.RULEBOOK_OVERRIDES = '{"disclosure_other": "before_decision"}'
    api, client = clerk_api, clerk_api.client  # one login, second factor passed: the page and the API
    before = snapshot()
    with at(dt.date(2024, 1, 19)):
        page = client.post(reverse("awards:decision-issue", args=[approved_nomination.pk]),
                           {"issued_on": "19/01/2024"}, follow=True).content.decode()
        response = api.post(f"/api/awards/nominations/{approved_nomination.pk}/decision",
                                           {"issued_on": "2024-01-19"})
    assert "Công khai danh sách đề nghị" in page and "chưa được công khai" in page
    assert_error(response, 400, "Công khai danh sách đề nghị")
    assert snapshot() == before


def test_it_refuses_a_back_dated_disclosure_page_and_api(client, api_as, cast, cstdcs_submitted):
    client.force_login(cast.clerk)
    with at(DAY):
        page = client.post(reverse("council:disclosure-open", args=[cstdcs_submitted.pk]),
                           {"start": "20/02/2026"}, follow=True).content.decode()
        response = api_as(cast.clerk).post("/api/council/disclosures",
                                           {"nomination_id": cstdcs_submitted.pk, "start": "2026-02-20"})
    assert "20/02/2026" in page and "đã qua" in page
    assert_error(response, 400, "đã qua")
    assert not Disclosure.objects.exists()
    assert not AuditEntry.objects.filter(action="disclosure.opened").exists()
    with at(DAY):  # from today it is accepted
        assert disclosures.disclosure_open(nomination=cstdcs_submitted, acting_user=cast.clerk).start == DAY


def test_the_nomination_page_shows_the_path_and_the_next_step(client, cast, cstdcs_submitted):
    client.force_login(cast.clerk)
    with at(DAY):
        page = client.get(reverse("awards:nomination-detail", args=[cstdcs_submitted.pk]))
    rows = {r.step.code: r.state for r in page.context["procedure"]}
    assert rows == {"review": "done", "dossier": "done", "submit": "done", "disclosure": "optional",
                    "council": "next", "approval": "todo", "decision": "todo"}
    assert 'data-step="council"' in page.content.decode() and "Bước tiếp theo" in page.content.decode()
    with at(DAY):
        council_met(cstdcs_submitted, cast.chairman, DAY)
        page = client.get(reverse("awards:nomination-detail", args=[cstdcs_submitted.pk]))
    rows = {r.step.code: r.state for r in page.context["procedure"]}
    assert rows["council"] == "done" and rows["approval"] == "next"


def test_it_records_paper_minutes_through_the_page_and_the_api(client, api_as, cast, cstdcs_submitted):
    client.force_login(cast.chairman)
    with at(DAY):
        client.post(reverse("awards:council-minutes", args=[cstdcs_submitted.pk]),
                    {"met_on": "02/03/2026", "minutes": SimpleUploadedFile("bb.pdf", PDF)})
    assert cstdcs_submitted.entries.get().council_result == "passed"
    steps = api_as(cast.clerk).get(f"/api/procedure/nominations/{cstdcs_submitted.pk}/steps").json()
    assert [s["state"] for s in steps if s["code"] in ("council", "approval")] == ["done", "next"]


def test_it_refuses_minutes_dated_in_the_future_through_the_api(api_as, cast, cstdcs_submitted):
    before = snapshot()
    with at(DAY):
        # multipart, as a client uploads a file
        response = api_as(cast.chairman).client.post(
            f"/api/procedure/nominations/{cstdcs_submitted.pk}/council-minutes",
            {"met_on": "2026-03-03", "minutes": SimpleUploadedFile("bb.pdf", PDF)})
    assert_error(response, 400, "đã qua")
    assert snapshot() == before and not cstdcs_submitted.entries.exclude(council_result="").exists()
    with at(DAY):
        response = api_as(cast.chairman).client.post(
            f"/api/procedure/nominations/{cstdcs_submitted.pk}/council-minutes",
            {"met_on": "2026-03-02", "minutes": SimpleUploadedFile("bb.pdf", PDF)})
    assert response.status_code == 201 and {s["code"]: s["state"] for s in response.json()}["council"] == "done"


PAPER = "/api/council/disclosures/paper"


def test_a_list_posted_on_paper_is_recorded_with_its_date_place_and_proof(client, cast, cstdcs_submitted):
    client.force_login(cast.clerk)
    with at(DAY):
        r = client.post(reverse("council:disclosure-paper", args=[cstdcs_submitted.pk]),
                        {"posted_on": "24/02/2026", "place": "Bảng tin trụ sở UBND xã Bình An",
                         "proof": SimpleUploadedFile("niem-yet.pdf", PDF)}, follow=True)
    assert "Đã ghi nhận việc niêm yết công khai từ 24/02/2026" in r.content.decode()
    d = Disclosure.objects.get()
    assert d.on_paper and d.start == dt.date(2026, 2, 24) and d.proof.doc_type == "cong_khai"
    entry = AuditEntry.objects.get(action="disclosure.recorded_on_paper")
    assert entry.data["place"] == "Bảng tin trụ sở UBND xã Bình An" and entry.data["proof"] == "niem-yet.pdf"


@pytest.mark.parametrize("data, message", [
    ({"posted_on": "2026-03-03", "place": "Bảng tin"}, "đã qua hoặc hôm nay"),  # tomorrow
    ({"posted_on": "2024-12-01", "place": "Bảng tin"}, "trước năm thành tích"),
    ({"posted_on": "2026-02-24", "place": "  "}, "nơi niêm yết"),
])
def test_a_paper_disclosure_without_its_facts_is_refused_through_the_api(api_as, cast, cstdcs_submitted, data,
                                                                         message):
    before = snapshot()
    with at(DAY):
        response = api_as(cast.clerk).client.post(
            PAPER, {"nomination_id": cstdcs_submitted.pk, **data, "proof": SimpleUploadedFile("n.pdf", PDF)})
    assert_error(response, 400, message)
    assert snapshot() == before and not Disclosure.objects.exists()


def test_a_paper_disclosure_needs_a_real_scan_and_an_insider(api_as, cast, cstdcs_submitted):
    with at(DAY):
        fake = api_as(cast.clerk).client.post(
            PAPER, {"nomination_id": cstdcs_submitted.pk, "posted_on": "2026-02-24", "place": "Bảng tin",
                    "proof": SimpleUploadedFile("n.pdf", b"MZ\x90\x00 not a pdf")})
        outsider = api_as(cast.outsider).client.post(
            PAPER, {"nomination_id": cstdcs_submitted.pk, "posted_on": "2026-02-24", "place": "Bảng tin",
                    "proof": SimpleUploadedFile("n.pdf", PDF)})
        ok = api_as(cast.clerk).client.post(
            PAPER, {"nomination_id": cstdcs_submitted.pk, "posted_on": "2026-02-24", "place": "Bảng tin",
                    "proof": SimpleUploadedFile("n.pdf", PDF)})
    assert fake.status_code == 400 and outsider.status_code == 404 and not Disclosure.objects.filter(
        pk__lt=ok.json()["id"]).exists()
    assert ok.status_code == 201 and ok.json()["on_paper"] is True
