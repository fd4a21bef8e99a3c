"""The clerk imports yearly ratings from Excel: downloads the template, fills it with one bad
row, sees the Vietnamese error in the preview, imports only the valid rows and finds the rating
on the person's page. A second journey watches the progress bar of a file checked in chunks."""

import io

import pytest
from django.test import override_settings
from openpyxl import load_workbook

from tests.conftest import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def filled_template(page, tmp_path, rows):
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải tệp mẫu xếp loại hằng năm (.xlsx)").click()
    wb = load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))
    ws = wb["Dữ liệu"]
    headers = [c.value for c in ws[1]]
    for r, row in enumerate(rows, start=3):
        for label, value in row.items():
            ws.cell(row=r, column=headers.index(label) + 1, value=value)
    path = tmp_path / "xep-loai-2025.xlsx"
    wb.save(path)
    return path


def test_it_imports_the_valid_ratings_and_shows_them_on_the_persons_page(browser_page, login, cast, people, tmp_path):
    page = browser_page
    login(page, "clerk")
    page.goto("/to-chuc/")
    page.get_by_role("button", name="Nhập từ Excel").click()
    page.get_by_role("button", name="Tải lên", exact=True).nth(1).click()  # the cards: Cá nhân, Xếp loại, ...
    page.get_by_role("heading", name="Nhập xếp loại hằng năm từ Excel").wait_for()
    path = filled_template(page, tmp_path, [
        {"STT": 1, "Mã cá nhân": people.van.pk, "Năm": 2025, "Xếp loại": "Hoàn thành xuất sắc nhiệm vụ"},
        {"STT": 2, "Mã cá nhân": people.duyen.pk, "Năm": 2025, "Xếp loại": "Giỏi"},
    ])
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()

    page.get_by_text("1 lỗi").first.wait_for()
    assert page.locator("#import-errors").get_by_text("Dòng 4: Xếp loại 'Giỏi' không hợp lệ").is_visible()
    page.get_by_label("Chỉ nhập các dòng hợp lệ").check()
    page.get_by_role("button", name="Ghi 1 dòng hợp lệ vào hệ thống").click()
    page.get_by_text("Đã nhập 1 dòng xếp loại hằng năm từ tệp xep-loai-2025.xlsx (bỏ qua 1 dòng lỗi).").wait_for()

    page.goto(f"/to-chuc/ca-nhan/{people.van.pk}/")
    ratings = page.locator("section", has=page.get_by_role("heading", name="Xếp loại hằng năm"))
    assert ratings.get_by_role("row", name="2025 Hoàn thành xuất sắc nhiệm vụ").is_visible()
    page.goto(f"/to-chuc/ca-nhan/{people.duyen.pk}/")
    assert page.locator("section", has=page.get_by_role("heading", name="Xếp loại hằng năm")).get_by_text(
        "Chưa có.").is_visible()


def test_it_shows_a_progress_bar_while_a_large_file_is_checked(browser_page, login, cast, people, tmp_path):
    page = browser_page
    login(page, "clerk")
    page.goto("/nhap-lieu/xep-loai/tai-len/")
    path = filled_template(page, tmp_path, [
        {"STT": i, "Mã cá nhân": people.van.pk, "Năm": 2015 + i, "Xếp loại": "HTT"} for i in range(6)
    ])
    with override_settings(IMPORT_BACKGROUND_ROWS=2, IMPORT_CHUNK_ROWS=2):
        page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(path))
        page.get_by_role("button", name="Tải lên và kiểm tra").click()
        page.get_by_role("progressbar", name="Tiến độ kiểm tra").wait_for()
        # The worker beside the web server reads and checks the file; the page polls its progress, then
        # reloads into the preview.
        run_worker()
        page.get_by_role("button", name="Ghi 6 dòng hợp lệ vào hệ thống").wait_for(timeout=20_000)
    assert page.locator("#import-rows .status-valid").count() == 6
