"""A decision's certificates made in the background as the clerk clicks it (issue 10, item 2): the page queues
the file and shows that it is waiting; the worker makes it while the page polls; the download link appears;
the clerk downloads a PDF with one page per certificate and finds the notice in the inbox."""

import io

import pytest
from pypdf import PdfReader

from tests.conftest import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_clerk_gets_a_big_decisions_certificates_from_the_worker(browser_page, login, settings, tmp_path,
                                                                     issued_decision):
    settings.CERTIFICATES_INLINE_MAX = 1
    settings.MEDIA_ROOT = tmp_path
    page = browser_page
    login(page, "clerk")
    page.goto(f"/khen-thuong/quyet-dinh/{issued_decision.pk}/")
    page.get_by_role("button", name="In tất cả giấy chứng nhận (PDF, tạo trong nền)").click()
    page.get_by_text("Đang chờ máy chủ xử lý").wait_for()

    run_worker()  # the worker beside the web server
    link = page.get_by_role("button", name="Tải về giay-chung-nhan-qd-01-2024.pdf")
    link.wait_for()  # the page polled and swapped in the result
    with page.expect_download() as download:
        link.click()
    pdf = open(download.value.path(), "rb").read()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2

    page.get_by_role("link", name="Thông báo").click()
    page.get_by_role("link", name="Tệp “Giấy chứng nhận theo Quyết định số 01/QĐ-UBND (2 giấy)” đã sẵn sàng để tải về.").wait_for()
