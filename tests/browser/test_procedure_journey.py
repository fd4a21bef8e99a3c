"""The procedure as users click it: a nomination with its dossier → submit → approval → decision →
certificate → its public verification page says "còn hiệu lực" → revocation → "đã bị hủy bỏ"."""

import io

import pytest
from pypdf import PdfReader

from thidua.awards.models import Decision, DossierDocument, GrantStatus

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_runs_the_procedure_from_dossier_to_a_revoked_certificate(browser_page, login, cast, org, people):
    page = browser_page
    login(page, "clerk")
    page.goto("/khen-thuong/de-nghi/them/")
    page.get_by_label("Đơn vị đề nghị").select_option(label="Xã Bình An")
    page.get_by_label("Danh hiệu / hình thức khen thưởng").select_option("GIAY_KHEN")
    page.get_by_label("Năm thành tích").fill("2023")
    page.get_by_label("Trích yếu").fill("Đề nghị tặng Giấy khen đột xuất")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã tạo đề nghị").wait_for()
    assert "Thẩm quyền quyết định" in page.content()

    page.get_by_label("Cá nhân").select_option(label="Nguyễn Thị Mỹ Duyên")
    page.get_by_label("Thành tích").fill("Dũng cảm cứu người bị đuối nước")
    page.get_by_role("button", name="Thêm vào đề nghị").click()
    page.get_by_text("Đã thêm vào đề nghị").wait_for()
    # Submitting without a reason for an entry the rulebook does not find eligible is refused.
    page.get_by_role("button", name="Trình phê duyệt").click()
    page.get_by_text("Chưa thể trình").wait_for()
    page.get_by_label("Lý do đề nghị cho Nguyễn Thị Mỹ Duyên").fill("Khen thưởng đột xuất theo đề nghị của Đoàn xã")
    page.get_by_role("button", name="Ghi lý do").click()
    page.get_by_text("Đã ghi lý do đề nghị").wait_for()

    # A renamed file is refused with a Vietnamese message; a real PDF goes into the dossier.
    page.get_by_label("Loại tài liệu").select_option("bao_cao")
    page.get_by_label("Tệp").set_input_files({"name": "bao-cao.pdf", "mimeType": "application/pdf",
                                             "buffer": b"MZ not a pdf"})
    page.get_by_role("button", name="Nộp tài liệu").click()
    page.get_by_text("không phải tệp .pdf hợp lệ").wait_for()
    assert not DossierDocument.objects.exists()
    page.get_by_label("Loại tài liệu").select_option("bao_cao")
    page.get_by_label("Tệp").set_input_files({"name": "bao-cao.pdf", "mimeType": "application/pdf",
                                             "buffer": b"%PDF-1.4\n%%EOF\n"})
    page.get_by_role("button", name="Nộp tài liệu").click()
    page.get_by_text("Đã nộp tài liệu").wait_for()
    page.get_by_role("button", name="Tạo tờ trình (.docx)").click()
    page.get_by_text("Đã tạo Tờ trình số 01").wait_for()
    page.get_by_role("button", name="Trình phê duyệt").click()
    page.get_by_text("Đã trình đề nghị").wait_for()
    nomination_url = page.url

    login(page, "chairman")
    page.goto(nomination_url)
    page.get_by_role("button", name="Phê duyệt").click()
    page.get_by_text("Đã phê duyệt đề nghị").wait_for()

    login(page, "clerk")
    page.goto(nomination_url)
    page.get_by_role("button", name="Ban hành quyết định").click()
    page.get_by_text("Đã ban hành Quyết định số 01/QĐ-UBND").wait_for()
    decision_url = page.url

    with page.expect_download() as info:
        page.get_by_role("link", name="Giấy chứng nhận").first.click()
    text = PdfReader(io.BytesIO(open(info.value.path(), "rb").read())).pages[0].extract_text()
    assert "Nguyễn Thị Mỹ Duyên" in text and "01/QĐ-UBND" in text

    verify_href = page.get_by_role("link", name="Xác minh").first.get_attribute("href")
    page.goto(verify_href)
    page.get_by_text("Khen thưởng còn hiệu lực").wait_for()

    page.goto(decision_url)
    page.get_by_text("Hủy bỏ khen thưởng (Luật TĐKT 2022 Điều 93)").click()
    page.get_by_label("Căn cứ hủy bỏ").select_option("false_claim")
    page.get_by_label("Nội dung kết luận").fill("Kết luận xác minh: thành tích không đúng sự thật")
    page.get_by_role("button", name="Ban hành quyết định hủy bỏ").click()
    page.get_by_text("Đã ban hành Quyết định hủy bỏ số 02/QĐ-UBND").wait_for()
    assert "Tiền thưởng và hiện vật phải thu hồi" in page.content()

    page.context.clear_cookies()
    page.goto(verify_href)
    page.get_by_text("Khen thưởng đã bị hủy bỏ theo Quyết định số 02/QĐ-UBND").wait_for()
    assert Decision.objects.get(number=1).grants.get().status == GrantStatus.REVOKED

    response = page.goto("/cong-khai/xac-minh/ma-gia-mao/")
    assert response.status == 404 and "Mã xác minh không hợp lệ" in page.content()
