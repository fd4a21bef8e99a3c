"""Second factor for voting members (TOTP, django-otp): enrolment and verification.

The QR code is drawn on the server as inline SVG (qrcode's pure-Python SVG writer): nothing is
loaded from a CDN and the secret is shown only while enrolling. Confirming gives ten one-time
backup codes, shown once and stored only as keyed hashes. A verified browser session keeps the
second factor until logout; an API call sends the code with it (code_valid).
"""

import hashlib
import hmac
import secrets
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.audit.services import audit_record

from .models import BackupCode

DEVICE_NAME = "Hội đồng TĐKT"  # the issuer, "ThiĐua", comes from settings.OTP_TOTP_ISSUER
BACKUP_CODES = 10
BACKUP_DIGITS = 10  # a TOTP code has 6: the length tells which one was typed
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


def secret_of(device: TOTPDevice) -> str:
    """The base32 secret for typing into an app by hand (shown only while enrolling)."""
    return device.config_url.split("secret=")[1].split("&")[0] if "secret=" in device.config_url else ""


def _hash(user_id: int, code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"otp-backup/{user_id}/{code}".encode(), hashlib.sha256).hexdigest()


def backup_codes_issue(user) -> list[str]:
    """Ten new one-time codes, replacing any earlier ones; returned once, stored only hashed."""
    codes = ["".join(secrets.choice("0123456789") for _ in range(BACKUP_DIGITS)) for _ in range(BACKUP_CODES)]
    BackupCode.objects.filter(user=user).delete()
    BackupCode.objects.bulk_create([BackupCode(user=user, code_hash=_hash(user.pk, c)) for c in codes])
    audit_record(actor=user, action="otp.backup_codes_issued", target=user, data={"count": len(codes)})
    return [f"{c[:5]}-{c[5:]}" for c in codes]


def backup_codes_left(user) -> int:
    return BackupCode.objects.filter(user=user, used_at__isnull=True).count()


def _use_backup_code(user, code: str) -> bool:
    used = BackupCode.objects.filter(user=user, code_hash=_hash(user.pk, code), used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if used:
        audit_record(actor=user, action="otp.backup_code_used", target=user, data={"left": backup_codes_left(user)})
    return bool(used)


@transaction.atomic
def enrol_confirm(request, token: str) -> list[str] | None:
    """Confirm the pending device with a code from the app; the backup codes, or None if the code is wrong."""
    device = pending_device(request.user)
    if not device.verify_token(_clean(token)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    otp_login(request, device)
    audit_record(actor=request.user, action="otp.enrolled", target=device, data={"device": device.name})
    return backup_codes_issue(request.user)


def code_valid(user, token: str) -> bool:
    """A code from the app (django-otp throttles failures and refuses a code already used) or an
    unused backup code."""
    device = confirmed_device(user)
    code = _clean(token)
    if device is None or not code:
        return False
    if len(code) == BACKUP_DIGITS:
        return _use_backup_code(user, code)
    return bool(device.verify_token(code))


def verify(request, token: str) -> bool:
    """The second factor for the rest of the browser session (django-otp remembers the device)."""
    if not code_valid(request.user, token):
        return False
    otp_login(request, confirmed_device(request.user))
    return True


def is_verified(request) -> bool:
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())
