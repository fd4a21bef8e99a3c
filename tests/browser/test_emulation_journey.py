"""Province launches a movement; a commune adopts and registers; the cluster signs its pledge;
units score; the ranking shows the leader and the proposed Cờ thi đua nomination."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def setup(cast, org, people, make_user):
    from thidua.emulation import services

    district = make_user("district", org.district, ["clerk"], "Phạm Văn Huyện")
    cluster = services.cluster_create(acting_user=district, organiser=org.district, name="Cụm các xã", year=2024,
                                      members=[org.binh_an, org.other], leader=org.binh_an, deputy=org.other)
    services.pledge_save(acting_user=cast.clerk, cluster=cluster, title="Giao ước thi đua năm 2024",
                         common_targets=["100% cán bộ hoàn thành tốt nhiệm vụ"])
    c = services.criterion_add(acting_user=cast.clerk, cluster=cluster, code="1", name="Chỉ đạo phong trào",
                               max_points="10")
    for unit, user, pts in [(org.other, cast.outsider, "7")]:
        card = services.scorecard_self_score(acting_user=user, cluster=cluster, unit=unit, points={c: pts})
        services.scorecard_submit(acting_user=user, scorecard=card)
        services.scorecard_review_complete(acting_user=cast.clerk, scorecard=card)
    return type("S", (), dict(cluster=cluster, district=district))


def test_it_runs_the_emulation_journey(live_server, browser_page, login, setup, org):
    page = browser_page
    login(page, "province")
    page.goto("/thi-dua/phong-trao/them/")
    page.get_by_label("Đơn vị phát động").select_option(label="Tỉnh Quảng Ngãi")
    page.get_by_label("Tên phong trào").fill("Thi đua chào mừng năm 2024")
    page.locator("textarea[name=contents]").fill("Thi đua sản xuất\nThi đua cải cách hành chính")
    page.get_by_role("button", name="Phát động", exact=True).click()
    expect(page.get_by_text("Hai là")).to_be_visible()
    movement_url = page.url

    login(page, "clerk")
    page.goto(movement_url)
    page.get_by_text("Hưởng ứng phong trào", exact=True).click()
    page.get_by_label("Đơn vị hưởng ứng").select_option(label="Xã Bình An")
    page.get_by_role("button", name="Hưởng ứng", exact=True).click()
    expect(page.get_by_text("Đã hưởng ứng phong trào")).to_be_visible()
    page.get_by_text("Đăng ký thi đua theo phong trào này").click()
    page.locator("select[name=collective]").select_option("TTLDTT")
    page.get_by_role("button", name="Gửi đăng ký", exact=True).click()
    expect(page.get_by_text("Đã gửi đăng ký thi đua")).to_be_visible()

    login(page, "chairman")
    page.goto(f"/thi-dua/cum/{setup.cluster.pk}/")
    page.get_by_role("button", name="Ký giao ước", exact=True).click()
    expect(page.get_by_text("Đã ký: Võ Thanh Tuấn")).to_be_visible()

    login(page, "clerk")
    page.goto(f"/thi-dua/cum/{setup.cluster.pk}/cham-diem/{org.binh_an.pk}/")
    page.get_by_label("Điểm 1").fill("9")
    page.get_by_role("button", name="Lưu và gửi thẩm định", exact=True).click()
    expect(page.get_by_text("Đã gửi bảng điểm để thẩm định")).to_be_visible()

    login(page, "outsider")  # the deputy reviews the leader's card
    page.goto(f"/thi-dua/cum/{setup.cluster.pk}/")
    page.get_by_role("row", name=re.compile("Xã Bình An")).get_by_role("link").click()
    page.get_by_role("button", name="Hoàn thành thẩm định", exact=True).click()
    expect(page.get_by_text("Đã hoàn thành thẩm định")).to_be_visible()

    login(page, "district")
    page.goto(f"/thi-dua/cum/{setup.cluster.pk}/")
    page.get_by_role("button", name="Đề nghị khen thưởng theo xếp hạng", exact=True).click()
    expect(page.locator("#ranking tbody tr").first).to_contain_text("Xã Bình An")
    expect(page.locator("#proposals")).to_contain_text("Cờ thi đua cấp bộ, ngành, tỉnh")
