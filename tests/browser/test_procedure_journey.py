"""The procedure as users click it: a nomination with its dossier → submit → approval → decision →
certificate → its public verification page says "còn hiệu lực" → revocation → "đã bị hủy bỏ"."""

import pytest

from tests.browser import journey_steps as step
from thidua.awards.models import Decision, DossierDocument, GrantStatus

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_runs_the_procedure_from_dossier_to_a_revoked_certificate(browser_page, login, cast, org, people):
    page = browser_page
    login(page, "clerk")
    nomination_path = step.nomination_create(page, unit="Xã Bình An", award_code="GIAY_KHEN", year=2023,
                                             title="Đề nghị tặng Giấy khen đột xuất")
    assert "Thẩm quyền quyết định" in page.content()

    step.entry_add_person(page, name="Nguyễn Thị Mỹ Duyên", achievement="Dũng cảm cứu người bị đuối nước")
    # Submitting without a reason for an entry the rulebook does not find eligible is refused.
    page.get_by_role("button", name="Trình phê duyệt").click()
    page.get_by_text("Chưa thể trình").wait_for()
    step.entry_give_reason(page, name="Nguyễn Thị Mỹ Duyên", reason="Khen thưởng đột xuất theo đề nghị của Đoàn xã")

    # A renamed file is refused with a Vietnamese message; a real PDF goes into the dossier.
    step.dossier_upload(page, doc_type="bao_cao", name="bao-cao.pdf", content=b"MZ not a pdf",
                        expect="không phải tệp .pdf hợp lệ")
    assert not DossierDocument.objects.exists()
    step.dossier_upload(page, doc_type="bao_cao", name="bao-cao.pdf")
    page.get_by_role("button", name="Tạo tờ trình (.docx)").click()
    page.get_by_text("Đã tạo Tờ trình số 01").wait_for()
    step.nomination_submit(page)

    step.nomination_approve(page, login, nomination_path)

    login(page, "clerk")
    page.goto(nomination_path)
    step.decision_issue_click(page)
    page.get_by_text("Đã ban hành Quyết định số 01/QĐ-UBND").wait_for()
    decision_url = page.url

    text = step.certificate_text(page)
    assert "Nguyễn Thị Mỹ Duyên" in text and "01/QĐ-UBND" in text
    verify_url = step.verification_url(page)
    step.verify_anonymously(page, verify_url, "Khen thưởng còn hiệu lực")

    page.goto(decision_url)
    page.get_by_text("Hủy bỏ khen thưởng (Luật TĐKT 2022 Điều 93)").click()
    page.get_by_label("Căn cứ hủy bỏ").select_option("false_claim")
    page.get_by_label("Nội dung kết luận").fill("Kết luận xác minh: thành tích không đúng sự thật")
    page.get_by_role("button", name="Ban hành quyết định hủy bỏ").click()
    page.get_by_text("Đã ban hành Quyết định hủy bỏ số 02/QĐ-UBND").wait_for()
    assert "Tiền thưởng và hiện vật phải thu hồi" in page.content()

    step.verify_anonymously(page, verify_url, "Khen thưởng đã bị hủy bỏ theo Quyết định số 02/QĐ-UBND")
    assert Decision.objects.get(number=1).grants.get().status == GrantStatus.REVOKED

    page.context.clear_cookies()
    response = page.goto("/cong-khai/xac-minh/ma-gia-mao/")
    assert response.status == 404 and "Mã xác minh không hợp lệ" in page.content()
