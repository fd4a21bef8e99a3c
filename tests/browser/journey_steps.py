"""Steps the browser journeys share, each written once as a user clicks it (Vietnamese labels).

A step starts on the page its user would be on and ends once the page has confirmed it (the
flash message), so a journey reads as the procedure: nomination → dossier → disclosure →
council ballot → decision → certificate → public verification.
"""

import io
from urllib.parse import urljoin, urlsplit

from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pypdf import PdfReader

AGREE = "Đồng ý"


def path_of(page) -> str:
    return urlsplit(page.url).path


# ---------------------------------------------------------------- nomination and dossier


def nomination_create(page, *, unit: str, award_code: str, year: int, title: str) -> str:
    """The clerk fills the form; returns the nomination page's path."""
    page.goto("/khen-thuong/de-nghi/them/")
    page.get_by_label("Đơn vị đề nghị").select_option(label=unit)
    page.get_by_label("Danh hiệu / hình thức khen thưởng").select_option(award_code)
    page.get_by_label("Năm thành tích").fill(str(year))
    page.get_by_label("Trích yếu").fill(title)
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã tạo đề nghị").wait_for()
    return path_of(page)


def entry_add_person(page, *, name: str, achievement: str) -> None:
    page.get_by_label("Cá nhân").select_option(label=name)
    page.get_by_label("Thành tích").fill(achievement)
    page.get_by_role("button", name="Thêm vào đề nghị").click()
    page.get_by_text("Đã thêm vào đề nghị").wait_for()


def entry_give_reason(page, *, name: str, reason: str) -> None:
    """The override the rulebook asks for when it does not find the entry eligible (issue 5, item 2)."""
    page.get_by_label(f"Lý do đề nghị cho {name}").fill(reason)
    page.get_by_role("button", name="Ghi lý do").click()
    page.get_by_text("Đã ghi lý do đề nghị").wait_for()


def dossier_upload(page, *, doc_type: str, name: str, content: bytes = b"%PDF-1.4\n%%EOF\n",
                   expect: str = "Đã nộp tài liệu") -> None:
    page.get_by_label("Loại tài liệu").select_option(doc_type)
    page.get_by_label("Tệp").set_input_files({"name": name, "mimeType": "application/pdf", "buffer": content})
    page.get_by_role("button", name="Nộp tài liệu").click()
    page.get_by_text(expect).wait_for()


def nomination_submit(page) -> None:
    page.get_by_role("button", name="Trình phê duyệt").click()
    page.get_by_text("Đã trình đề nghị").wait_for()


def nomination_approve(page, login, nomination_path: str, username: str = "chairman") -> None:
    login(page, username)
    page.goto(nomination_path)
    signing_click(page, username, "Phê duyệt")
    page.get_by_text("Đã phê duyệt đề nghị").wait_for()


def decision_issue_click(page, username: str = "clerk") -> None:
    """Click "Ban hành quyết định" on the nomination page; the caller waits for the outcome."""
    signing_click(page, username, "Ban hành quyết định")


def signing_click(page, username: str, button: str) -> None:
    """Click a signing or issuing button. The first such act of a login asks for the second factor: the
    officer is sent to enter it (enrolling the first time), comes back to the same page and clicks again."""
    back = page.url
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    if "/xac-thuc/" in page.url:
        page.get_by_text("cần xác thực hai lớp").wait_for()
        second_factor_enter(page, get_user_model().objects.get(username=username))
        page.wait_for_url(back)
        page.get_by_role("button", name=button).click()


# ---------------------------------------------------------------- council session and secret ballot


def session_schedule(page, *, council_name: str, day: str, place: str) -> str:
    """The secretary schedules a session (day as dd/mm/yyyy); returns the session page's path."""
    page.goto("/hoi-dong/")
    page.get_by_role("link", name=council_name).click()
    page.get_by_text("Lên lịch phiên họp").click()
    page.get_by_label("Ngày họp").fill(day)
    page.get_by_label("Địa điểm").fill(place)
    page.get_by_role("button", name="Lên lịch").click()
    page.get_by_text("Đã lên lịch phiên họp.").wait_for()
    return path_of(page)


def agenda_add(page, option: str) -> None:
    page.get_by_label("Đề nghị đưa vào chương trình").select_option(label=option)
    page.get_by_role("button", name="Đưa vào chương trình").click()
    page.get_by_text("Đã đưa đề nghị vào chương trình họp.").wait_for()


def session_open_with_round(page, present: list[str] | None = None) -> None:
    """Khai mạc with ``present`` members checked (labels "Name – Role"; None keeps the default:
    everyone), then open the first secret round."""
    if present is not None:
        boxes = page.locator('input[name="present"]')
        for i in range(boxes.count()):
            boxes.nth(i).uncheck()
        for label in present:
            page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Khai mạc phiên họp").click()
    page.get_by_text("Đã khai mạc phiên họp.").wait_for()
    page.get_by_role("button", name="Mở vòng bỏ phiếu 1").click()
    page.get_by_text("Đã mở vòng bỏ phiếu kín.").wait_for()


def totp_code(device) -> str:
    """The code the member's phone shows now, computed from the device key."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def second_factor_pass(page, user) -> None:
    """From the ballot's "Xác thực ngay": enrol (QR code drawn on the server) or verify a TOTP code."""
    page.get_by_role("link", name="Xác thực ngay").click()
    second_factor_enter(page, user)


def second_factor_enter(page, user) -> None:
    """On the enrolment page, enrol with the QR code and keep the backup codes; on the verification page,
    type the code the phone shows."""
    if "dang-ky" in page.url:
        assert page.locator("figure.qr svg").count() == 1
        assert "otpauth://" not in page.content()  # a QR image, not the raw URI
        page.get_by_label("Mã xác thực (6 chữ số)").fill(totp_code(TOTPDevice.objects.get(user=user, confirmed=False)))
        page.get_by_role("button", name="Xác nhận đăng ký").click()
        assert page.get_by_test_id("backup-codes").locator("li").count() == 10
        page.get_by_role("button", name="Tôi đã lưu các mã, tiếp tục").click()
    else:
        page.get_by_label("Mã xác thực (6 chữ số)").fill(totp_code(TOTPDevice.objects.get(user=user, confirmed=True)))
        page.get_by_role("button", name="Xác thực").click()


def ballot_cast(page, login, user, session_path: str, names: list[str], choice: str = AGREE) -> None:
    """A member signs in, passes the second factor and casts one secret vote per nominee."""
    login(page, user.username)
    page.goto(session_path)
    second_factor_pass(page, user)
    page.wait_for_url(f"**{session_path}")
    for name in names:
        page.get_by_label(f"{choice} – {name}", exact=True).check()
    page.get_by_role("button", name="Gửi phiếu").click()
    page.get_by_text(f"Đã ghi nhận {len(names)} phiếu bầu kín của bạn.").wait_for()


def round_close(page, number: int = 1) -> None:
    page.get_by_role("button", name=f"Kết thúc vòng {number} và kiểm phiếu").click()
    page.get_by_text("Đã kiểm phiếu và công bố kết quả vòng bỏ phiếu.").wait_for()


def nominee_row(page, name: str):
    return page.locator(f'tr[data-nominee="{name}"]')


# ---------------------------------------------------------------- public disclosure


def disclosure_open(page, nomination_path: str, start: str = "") -> str:
    """The clerk publishes the list from the nomination page; returns the staff disclosure path."""
    page.goto(nomination_path)
    if start:
        page.get_by_label("Công khai từ ngày").fill(start)
    page.get_by_role("button", name="Công khai danh sách").click()
    page.get_by_text("Đã công khai danh sách đề nghị trên Cổng công khai.").wait_for()
    return path_of(page)


def public_comment(page, *, title: str, text: str, must_see: str = "") -> None:
    """Anyone, without an account, comments on a list under disclosure."""
    page.context.clear_cookies()
    page.goto("/cong-khai/danh-sach/")
    page.get_by_role("link", name=title).click()
    if must_see:
        assert must_see in page.content()
    page.get_by_label("Nội dung ý kiến").fill(text)
    page.get_by_role("button", name="Gửi ý kiến").click()
    page.get_by_text("Cảm ơn bạn đã góp ý.").wait_for()


def comment_approve(page, disclosure_path: str) -> None:
    page.goto(disclosure_path)
    page.get_by_role("button", name="Duyệt hiển thị").click()
    page.get_by_text("Đã duyệt hiển thị ý kiến.").wait_for()


def comment_resolve(page, disclosure_path: str, response: str) -> None:
    page.goto(disclosure_path)
    page.get_by_placeholder("Nội dung trả lời, xử lý").fill(response)
    page.get_by_role("button", name="Xử lý, trả lời").click()
    page.get_by_text("Đã xử lý, trả lời ý kiến.").wait_for()


# ---------------------------------------------------------------- certificate and verification


def certificate_text(page) -> str:
    """Download the first grant's certificate from the decision page; the text of its page."""
    with page.expect_download() as info:
        page.get_by_role("link", name="Giấy chứng nhận").first.click()
    with open(info.value.path(), "rb") as f:
        return PdfReader(io.BytesIO(f.read())).pages[0].extract_text()


def verification_url(page) -> str:
    """The absolute address of the first grant's public verification page (the QR target)."""
    return urljoin(page.url, page.get_by_role("link", name="Xác minh").first.get_attribute("href"))


def verify_anonymously(page, url: str, expect: str) -> None:
    """Open ``url`` as a stranger would after scanning the QR code: a fresh context, no cookies."""
    context = page.context.browser.new_context(locale="vi-VN")
    try:
        stranger = context.new_page()
        stranger.goto(url)
        stranger.get_by_text(expect).wait_for(timeout=15_000)
        assert stranger.get_by_role("link", name="Đăng nhập").count() == 1  # nobody is signed in
    finally:
        context.close()
