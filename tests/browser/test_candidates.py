"""A Bình An clerk opens the candidate list from the unit page, filters it, reads the reasons of a verdict
with their citations and downloads the list as Excel."""

import io

import openpyxl
import pytest

from tests.eligibility.conftest import history  # noqa: F401  (the shared history fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_filters_the_candidate_list_and_exports_it(browser_page, login, cast, org, history):  # noqa: F811
    page = browser_page
    login(page, "clerk")
    page.goto(f"/to-chuc/don-vi/{org.binh_an.pk}/")
    page.get_by_role("button", name="Xét điều kiện khen thưởng").click()
    page.get_by_role("heading", name="Danh sách xét điều kiện khen thưởng").wait_for()

    page.get_by_label("Năm xét").fill("2025")
    page.get_by_label("Ngày quyết định").fill("2026-01-15")
    page.get_by_label("Danh hiệu / hình thức").select_option("CSTD_TINH")
    page.get_by_label("Tên cá nhân, tập thể").fill("nguyen thanh van")
    page.get_by_role("button", name="Lọc").click()

    rows = page.locator("tr.candidate")
    rows.first.wait_for()
    assert rows.count() == 1
    assert "Đủ điều kiện" in page.locator("li.verdict").first.inner_text()  # conduct criteria do not hold it
    counts = page.locator("#verdict-counts")
    assert "CSTĐ cấp tỉnh" in counts.inner_text()

    # The reasons of one row, each with its citation, on their own page; back to the filtered list.
    page.get_by_role("link", name="Xem lý do, căn cứ").click()
    reason = page.get_by_text("Đạt CSTĐ cơ sở 3 năm liên tục: 2023, 2024, 2025")
    reason.wait_for()
    assert "Luật TĐKT 2022, Điều 22" in reason.inner_text()
    page.go_back()
    page.locator("tr.candidate").first.wait_for()

    with page.expect_download() as info:
        page.get_by_role("button", name="Xuất Excel").click()
    ws = openpyxl.load_workbook(io.BytesIO(open(info.value.path(), "rb").read())).active
    names = [r[2] for r in ws.iter_rows(values_only=True) if r and len(r) > 2]
    assert "Nguyễn Thanh Văn" in names and "Nguyễn Thị Mỹ Duyên" not in names
