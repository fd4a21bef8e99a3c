"""Playwright in Debian's Chromium against pytest-django's live server.

Never `playwright install`: the browser is /usr/bin/chromium. Without it the journeys
are skipped with a reason, except where THIDUA_REQUIRE_BROWSER=1 (CI), where that fails.
"""

import os

import pytest

from tests.conftest import PASSWORD, chromium_path

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    path = chromium_path()
    if not path:
        if os.environ.get("THIDUA_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium (/usr/bin/chromium) is required here but missing")
        pytest.skip("Chromium không có trên máy này (/usr/bin/chromium): bỏ qua kiểm thử trình duyệt")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, accept_downloads=True, locale="vi-VN")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login():
    def do_login(page, username, password=PASSWORD):
        page.context.clear_cookies()
        page.goto("/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(lambda url: "dang-nhap" not in url)

    return do_login
