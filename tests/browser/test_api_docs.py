"""Swagger UI at /api/docs runs in Chromium under our CSP, from local files only, and its
"Try it out" calls the API with the browser's session."""

from urllib.parse import urlparse


def test_it_runs_the_api_docs_under_the_csp_and_calls_the_api(browser_page, login, cast, live_server):
    page = browser_page
    login(page, "clerk")
    problems, hosts = [], set()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: hosts.add(urlparse(r.url).netloc))
    page.goto("/api/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "ThiĐua API" in page.inner_text(".swagger-ui .info .title")
    assert page.locator(".opblock").count() > 20

    page.locator("#operations-Tổ_chức-thidua_api_routers_org_unit_list .opblock-summary").click()
    block = page.locator("#operations-Tổ_chức-thidua_api_routers_org_unit_list")
    block.get_by_role("button", name="Try it out").click()
    block.get_by_role("button", name="Execute").click()
    live = block.locator(".live-responses-table tbody")
    live.locator(".response-col_status").first.wait_for()
    assert live.locator(".response-col_status").first.inner_text().strip() == "200"
    assert "Xã Bình An" in live.locator(".response-col_description").first.inner_text()

    assert problems == []
    assert hosts == {urlparse(live_server.url).netloc}
