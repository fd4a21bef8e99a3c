"""Across levels as users click it (issue 9, item 4 and 5): the Youth Union's clerk ticks two people on the
candidate list and sends the list up; the commune's clerk, told by the to-do list, returns one entry; the
Youth Union fixes it and sends again; the commune consolidates it into its own list, the chairman approves,
the clerk issues the decision, and the Youth Union, told by a notification, sees the outcome."""

import datetime as dt

import pytest

from thidua.org.models import PersonRating
from thidua.org.services import person_create

from . import journey_steps as step
from .journey_steps import path_of

pytestmark = pytest.mark.django_db(transaction=True)
YEAR = 2023
REVIEW = "Chi đoàn đã bình xét: hoàn thành tốt nhiệm vụ"


@pytest.fixture
def youth(make_user, org, people):
    tam = person_create(acting_user=None, full_name="Phạm Văn Tâm", gender="male", date_of_birth=dt.date(1995, 3, 1),
                        unit=org.youth, position="Phó Bí thư Đoàn", start_date=dt.date(2018, 1, 1))
    for p in (people.duyen, tam):
        PersonRating.objects.create(person=p, year=YEAR, rating="HTT")
    return make_user("doan", org.youth, ["clerk"], "Trần Thị Đoàn")


def todo_item(page, kind: str):
    page.goto("/")
    return page.locator(f'#todo li[data-kind="{kind}"]')


def test_a_youth_union_list_reaches_the_commune_is_fixed_consolidated_and_decided(
        browser_page, login, cast, org, youth):
    page = browser_page

    # The Youth Union's clerk: from the candidate list to a nomination in one step, review answers recorded.
    login(page, "doan")
    page.get_by_role("link", name="Khen thưởng", exact=True).click()
    page.get_by_role("link", name="Xét điều kiện").click()
    page.get_by_label("Năm xét").fill(str(YEAR))
    page.get_by_label("Danh hiệu / hình thức").select_option("GIAY_KHEN")
    page.get_by_role("button", name="Lọc").click()
    page.get_by_label("Chọn Nguyễn Thị Mỹ Duyên").check()
    page.get_by_label("Chọn Phạm Văn Tâm").check()
    page.get_by_role("button", name="Lập đề nghị với người đã chọn").click()
    page.get_by_text("Đã đưa 2 cá nhân, tập thể vào đề nghị.").wait_for()
    youth_list = path_of(page)
    for name in ("Nguyễn Thị Mỹ Duyên", "Phạm Văn Tâm"):
        page.get_by_label(f"Kết quả xem xét cho {name}").fill(REVIEW)
        page.get_by_role("button", name="Ghi nhận xem xét").first.click()
        page.get_by_text(f"Đã ghi nhận kết quả xem xét cho {name}").wait_for()
    page.get_by_role("button", name="Trình phê duyệt").click()
    page.get_by_text("Đã trình đề nghị").wait_for()

    # The commune's clerk: the list is on the to-do list; one entry goes back with a reason.
    login(page, "clerk")
    assert page.get_by_test_id("unread-badge").inner_text() == "1"
    item = todo_item(page, "review")
    assert "Đoàn Thanh niên xã Bình An" in item.inner_text()
    item.get_by_role("link").click()
    page.get_by_label("Lý do trả lại Phạm Văn Tâm").fill("Ghi rõ thành tích trong Chiến dịch tình nguyện hè")
    page.get_by_role("button", name="Trả lại để sửa").nth(1).click()
    page.get_by_text("Đã trả lại Phạm Văn Tâm để đơn vị sửa.").wait_for()

    # The Youth Union: told, fixes the entry and sends the list again.
    login(page, "doan")
    item = todo_item(page, "returned")
    assert "Chiến dịch tình nguyện hè" in item.inner_text()
    item.get_by_role("link").click()
    assert page.get_by_test_id("entry-returned").count() == 1
    page.get_by_label("Thành tích đã sửa của Phạm Văn Tâm").fill(
        "Hoàn thành tốt nhiệm vụ; dẫn đầu Chiến dịch Thanh niên tình nguyện hè 2023")
    page.get_by_role("button", name="Lưu thành tích đã sửa").click()
    page.get_by_text("Đã sửa thành tích của Phạm Văn Tâm.").wait_for()
    page.get_by_role("button", name="Trình phê duyệt").click()
    page.get_by_text("Đã trình đề nghị").wait_for()

    # The commune's clerk: its own Giấy khen list takes the Youth Union's in.
    login(page, "clerk")
    page.goto("/khen-thuong/de-nghi/them/")
    page.get_by_label("Đơn vị đề nghị").select_option(label="Xã Bình An")
    page.get_by_label("Danh hiệu / hình thức khen thưởng").select_option("GIAY_KHEN")
    page.get_by_label("Năm thành tích").fill(str(YEAR))
    page.get_by_label("Trích yếu").fill("Đề nghị tặng Giấy khen năm 2023 (tổng hợp)")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã tạo đề nghị").wait_for()
    commune_list = path_of(page)
    page.get_by_label("Tổng hợp Đề nghị tặng Giấy khen năm 2023").check()
    page.get_by_role("button", name="Tổng hợp vào đề nghị này").click()
    page.get_by_text("Đã tổng hợp danh sách của đơn vị trực thuộc").wait_for()
    assert page.locator("#procedure").count() == 1 and "Phạm Văn Tâm" in page.content()
    page.get_by_role("button", name="Trình phê duyệt").click()
    page.get_by_text("Đã trình đề nghị").wait_for()

    # The chairman: approves from the to-do list; the clerk issues the decision.
    login(page, "chairman")
    todo_item(page, "review").filter(has_text="(tổng hợp)").get_by_role("link").click()
    step.signing_click(page, "chairman", "Phê duyệt")
    page.get_by_text("Đã phê duyệt đề nghị").wait_for()
    login(page, "clerk")
    todo_item(page, "issue").get_by_role("link").click()
    assert path_of(page) == commune_list
    step.decision_issue_click(page)
    page.get_by_text("Đã ban hành Quyết định số").wait_for()

    # The Youth Union: the notification leads to the decision; its own list shows where it went.
    login(page, "doan")
    page.get_by_role("link", name="Thông báo").click()
    assert page.get_by_text("Đã ban hành Quyết định số").count() >= 1
    page.goto(youth_list)
    banner = page.locator("#consolidated-into").inner_text()
    assert "đã được tổng hợp vào" in banner and "Quyết định số" in banner
