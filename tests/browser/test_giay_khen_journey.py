"""Seed 000 as users click it: the Bình An clerk proposes Giấy khen, the chairman approves,
the clerk issues the decision and downloads a certificate whose text keeps its diacritics."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from thidua.formatting import format_vnd
from thidua.rulebook import prize

from . import journey_steps as step

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_runs_the_giay_khen_cycle_from_login_to_a_downloaded_certificate(
    browser_page, login, cast, org, people
):
    page = browser_page
    login(page, "clerk")
    page.get_by_role("link", name="Khen thưởng", exact=True).click()
    page.get_by_role("button", name="Tạo đề nghị").click()
    page.get_by_label("Đơn vị đề nghị").select_option(label="Xã Bình An")
    page.get_by_label("Danh hiệu / hình thức khen thưởng").select_option("GIAY_KHEN")
    page.get_by_label("Năm thành tích").fill("2023")
    page.get_by_label("Trích yếu").fill("Đề nghị tặng Giấy khen năm 2023")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã tạo đề nghị").wait_for()

    page.get_by_label("Cá nhân").select_option(label="Nguyễn Thị Mỹ Duyên")
    page.get_by_label("Thành tích").fill("Tích cực trong phong trào thanh niên tình nguyện năm 2023")
    # No ratings in the test data: the rulebook cannot find them eligible, so the clerk gives a reason.
    page.get_by_label("Lý do đề nghị nếu chưa đủ điều kiện").fill("Hội nghị bình xét của xã đề nghị")
    page.get_by_role("button", name="Thêm vào đề nghị").click()
    page.get_by_text("Đã thêm vào đề nghị").wait_for()
    page.get_by_label("hoặc tập thể").select_option(label="Đoàn Thanh niên xã Bình An")
    page.get_by_label("Thành tích").fill("Hoàn thành xuất sắc nhiệm vụ năm 2023")
    page.get_by_label("Lý do đề nghị nếu chưa đủ điều kiện").fill("Hội nghị bình xét của xã đề nghị")
    page.get_by_role("button", name="Thêm vào đề nghị").click()
    page.get_by_text("Đã thêm vào đề nghị").wait_for()
    page.get_by_role("button", name="Trình phê duyệt").click()
    page.get_by_text("Đã trình đề nghị").wait_for()
    nomination_url = page.url

    login(page, "chairman")
    page.get_by_role("link", name="Đề nghị tặng Giấy khen năm 2023").first.click()
    step.signing_click(page, "chairman", "Phê duyệt")
    page.get_by_text("Đã phê duyệt đề nghị").wait_for()

    login(page, "clerk")
    page.goto(nomination_url)
    # The date field defaults to today; the prize follows the base salary in force today.
    step.decision_issue_click(page)
    page.get_by_text("Đã ban hành Quyết định số 01/QĐ-UBND").wait_for()
    today = timezone.localdate()
    for kind in ("individual", "collective"):
        assert format_vnd(prize("GIAY_KHEN", kind, today).amount) in page.content()

    with page.expect_download() as info:
        page.get_by_role("link", name="Giấy chứng nhận").first.click()
    pdf = PdfReader(io.BytesIO(open(info.value.path(), "rb").read()))
    text = pdf.pages[0].extract_text()
    assert "Nguyễn Thị Mỹ Duyên" in text or "Đoàn Thanh niên xã Bình An" in text
    assert "01/QĐ-UBND" in text and "Số sổ vàng" in text

    with page.expect_download() as info:
        page.get_by_role("button", name="Tải quyết định (.docx)").click()
    assert info.value.suggested_filename.endswith(".docx")


def test_it_shows_the_outsider_a_not_found_page_for_binh_an_decisions(browser_page, login, issued_decision):
    page = browser_page
    login(page, "outsider")
    response = page.goto(f"/khen-thuong/quyet-dinh/{issued_decision.pk}/")
    assert response.status == 404
