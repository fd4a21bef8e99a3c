"""Second factor for voting members (TOTP, django-otp): enrolment and verification.

The QR code is drawn on the server as inline SVG (qrcode's pure-Python SVG writer): nothing is
loaded from a CDN and the secret never leaves this page.
"""

from io import BytesIO

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.audit.services import audit_record

DEVICE_NAME = "ThiĐua – Hội đồng TĐKT"
ERR_TOKEN = "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã 6 chữ số đang hiển thị trên ứng dụng."
ERR_NO_DEVICE = "Bạn chưa đăng ký xác thực hai lớp. Hãy đăng ký trước."


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_svg(text: str) -> str:
    img = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buf = BytesIO()
    img.save(buf)
    svg = buf.getvalue().decode()
    return svg[svg.index("<svg") :]  # drop the XML declaration: the SVG is inlined in the page


def _clean(token: str) -> str:
    return "".join(ch for ch in (token or "") if ch.isdigit())


@transaction.atomic
def enrol_confirm(request, token: str) -> bool:
    device = pending_device(request.user)
    if not device.verify_token(_clean(token)):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    otp_login(request, device)
    audit_record(actor=request.user, action="otp.enrolled", target=device, data={"device": device.name})
    return True


def verify(request, token: str) -> bool:
    device = confirmed_device(request.user)
    if device is None or not device.verify_token(_clean(token)):
        return False
    otp_login(request, device)
    return True


def is_verified(request) -> bool:
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())
