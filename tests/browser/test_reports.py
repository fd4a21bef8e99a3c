"""The Bình An clerk opens the reports, sees the charts drawn and downloads the Word annual summary."""

import pytest

from tests.documents._util import docx_text
from tests.reports.conftest import seed_000  # noqa: F401  (the seed-000 decision as data)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.usefixtures("seed_000")
def test_it_draws_the_charts_and_downloads_the_word_summary(browser_page, login, cast, org):

    page = browser_page
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    login(page, "clerk")
    page.get_by_role("link", name="Báo cáo", exact=True).click()
    page.get_by_role("heading", name="Báo cáo – Xã Bình An, năm 2023").wait_for()
    canvas = page.locator("canvas#chart-awards")
    canvas.wait_for(state="visible")
    # Chart.js ran from the static file (the CSP forbids inline scripts) and drew on the canvas.
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-awards') !== undefined")
    assert page.evaluate("Chart.getChart('chart-awards').data.datasets[1].data[0]") == 6  # 6 collectives
    assert errors == []

    page.get_by_role("link", name="Báo cáo tổng kết năm").click()
    page.get_by_text("Chủ tịch UBND xã đã tặng Giấy khen cho 06 tập thể và 10 cá nhân").first.wait_for()
    with page.expect_download() as info:
        page.get_by_role("button", name="Word (.docx)").click()
    download = info.value
    assert download.suggested_filename == "bao-cao-tong-ket-ban-2023.docx"
    text = docx_text(open(download.path(), "rb").read())
    assert "Chủ tịch UBND xã đã tặng Giấy khen cho 06 tập thể và 10 cá nhân" in text
    assert "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024" in text
