"""A three-member council votes in secret, then the public comments on the disclosed list.

The secretary (the Bình An clerk) schedules a session with a submitted nomination, opens it and
the first round; each member signs in, passes the second factor (TOTP, the code computed here
from the device key, as the phone would) and votes; the secretary counts: "Đạt", with the
percentage of the total membership. The clerk then discloses the list; an anonymous visitor
comments; the clerk approves and answers the comment."""

import datetime as dt

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.awards.models import Nomination, NominationEntry
from thidua.council import services
from thidua.council.models import DisclosureComment, Outcome, Session

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Đề nghị tặng Giấy khen năm 2023 (Hội đồng)"


def code_for(device) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


@pytest.fixture
def council(cast, org, people):
    c = services.council_create(
        acting_user=cast.clerk,
        unit=org.binh_an,
        name="Hội đồng Thi đua – Khen thưởng xã Bình An",
        term_start=dt.date(2021, 6, 1),
    )
    for user, role in [(cast.chairman, "chair"), (cast.clerk, "secretary"), (cast.council_member, "member")]:
        services.member_add(council=c, user=user, role=role, start=dt.date(2021, 6, 1), acting_user=cast.clerk)
    n = Nomination.objects.create(
        unit=org.binh_an, decider_unit=org.binh_an, award_code="GIAY_KHEN", year=2023, title=TITLE, status="submitted"
    )
    NominationEntry.objects.create(
        nomination=n,
        recipient_kind="individual",
        person=people.duyen,
        display_name=people.duyen.full_name,
        position_text="Bí thư Đoàn",
        achievement="Tích cực trong phong trào thanh niên tình nguyện năm 2023",
    )
    NominationEntry.objects.create(
        nomination=n,
        recipient_kind="collective",
        recipient_unit=org.youth,
        display_name=org.youth.name,
        achievement="Hoàn thành xuất sắc nhiệm vụ năm 2023",
    )
    # Two members enrolled earlier; the third enrols during the journey.
    for user in (cast.chairman, cast.clerk):
        TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)
    return c, n


def _vote(page, login, user, session_url, names):
    login(page, user.username)
    page.goto(session_url)
    page.get_by_role("link", name="Xác thực ngay").click()
    if "dang-ky" in page.url:  # no device yet: enrol (QR code drawn on the server)
        assert page.locator("figure.qr svg").count() == 1
        assert page.get_by_test_id("otp-uri").inner_text().startswith("otpauth://totp/")
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        page.get_by_label("Mã xác thực (6 chữ số)").fill(code_for(device))
        page.get_by_role("button", name="Xác nhận đăng ký").click()
    else:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        page.get_by_label("Mã xác thực (6 chữ số)").fill(code_for(device))
        page.get_by_role("button", name="Xác thực").click()
    page.wait_for_url(f"**{session_url}")
    for name in names:
        page.get_by_label(f"Đồng ý – {name}", exact=True).check()
    page.get_by_role("button", name="Gửi phiếu").click()
    page.get_by_text(f"Đã ghi nhận {len(names)} phiếu bầu kín của bạn.").wait_for()


def test_it_runs_a_secret_ballot_and_a_public_disclosure(browser_page, login, cast, council, org, people):
    page = browser_page
    c, nomination = council
    names = [people.duyen.full_name, org.youth.name]

    login(page, "clerk")
    page.goto("/hoi-dong/")
    page.get_by_role("link", name=c.name).click()
    page.get_by_text("Lên lịch phiên họp").click()
    page.get_by_label("Ngày họp").fill(timezone.localdate().strftime("%d/%m/%Y"))
    page.get_by_label("Địa điểm").fill("Hội trường UBND xã Bình An")
    page.get_by_role("button", name="Lên lịch").click()
    page.get_by_text("Đã lên lịch phiên họp.").wait_for()
    session_path = page.url.replace(page.url.split("/hoi-dong/")[0], "")
    page.get_by_label("Đề nghị đưa vào chương trình").select_option(label=f"{TITLE} – Xã Bình An")
    page.get_by_role("button", name="Đưa vào chương trình").click()
    page.get_by_text("Đã đưa đề nghị vào chương trình họp.").wait_for()
    page.get_by_role("button", name="Khai mạc phiên họp").click()
    page.get_by_text("Đã khai mạc phiên họp.").wait_for()
    page.get_by_role("button", name="Mở vòng bỏ phiếu 1").click()
    page.get_by_text("Đã mở vòng bỏ phiếu kín.").wait_for()

    for user in (cast.chairman, cast.council_member, cast.clerk):
        _vote(page, login, user, session_path, names)

    # Results stay hidden until the count: only the number of ballots shows.
    assert "Đã bỏ phiếu: 3/3" in page.content()
    assert "Vòng 1:" not in page.content()
    page.get_by_role("button", name="Kết thúc vòng 1 và kiểm phiếu").click()
    page.get_by_text("Đã kiểm phiếu và công bố kết quả vòng bỏ phiếu.").wait_for()
    row = page.locator(f'tr[data-nominee="{people.duyen.full_name}"]')
    assert "Đạt" in row.inner_text()
    assert "3/3 đồng ý (100% tổng số thành viên" in row.inner_text()
    session = Session.objects.get()
    assert set(session.nominees.values_list("outcome", flat=True)) == {Outcome.PASSED}

    # Disclosure: the clerk publishes the list from the nomination page.
    page.goto(f"/khen-thuong/de-nghi/{nomination.pk}/")
    assert "Đạt" in page.locator("#hoi-dong").inner_text()
    page.get_by_role("button", name="Công khai danh sách").click()
    page.get_by_text("Đã công khai danh sách đề nghị trên Cổng công khai.").wait_for()
    disclosure_url = page.url

    # The public, without an account.
    page.context.clear_cookies()
    page.goto("/cong-khai/danh-sach/")
    page.get_by_role("link", name=TITLE).click()
    assert people.duyen.full_name in page.content()
    page.get_by_label("Nội dung ý kiến").fill("Chị Duyên rất nhiệt tình với thanh niên trong xóm.")
    page.get_by_role("button", name="Gửi ý kiến").click()
    page.get_by_text("Cảm ơn bạn đã góp ý.").wait_for()
    assert DisclosureComment.objects.get().status == "pending"

    # The clerk approves and answers.
    login(page, "clerk")
    page.goto(disclosure_url)
    page.get_by_role("button", name="Duyệt hiển thị").click()
    page.get_by_text("Đã duyệt hiển thị ý kiến.").wait_for()
    page.get_by_placeholder("Nội dung trả lời, xử lý").fill("Cảm ơn ý kiến đóng góp của nhân dân.")
    page.get_by_role("button", name="Xử lý, trả lời").click()
    page.get_by_text("Đã xử lý, trả lời ý kiến.").wait_for()
    comment = DisclosureComment.objects.get()
    assert comment.resolved and comment.status == "approved"
