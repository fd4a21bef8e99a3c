"""The second factor: enrolment shows the otpauth URI and a server-drawn QR code; verify marks the session."""

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.audit.models import AuditEntry

from .conftest import totp_code


def test_it_enrols_a_member_with_a_qr_code(client, cast):
    client.force_login(cast.council_member)
    body = client.get(reverse("council:otp-setup")).content.decode()
    assert "otpauth://totp/" in body and "<svg" in body
    assert "http" not in body.split("<svg")[1].split("</svg>")[0].replace("http://www.w3.org", "")
    device = TOTPDevice.objects.get(user=cast.council_member, confirmed=False)
    r = client.post(reverse("council:otp-setup"), {"token": "000000" if totp_code(device) != "000000" else "111111"})
    assert r.status_code == 200 and "Mã xác thực không đúng" in r.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down retries after a wrong code
    r = client.post(reverse("council:otp-setup"), {"token": totp_code(device)})
    assert r.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="otp.enrolled", actor=cast.council_member).exists()


def test_it_verifies_with_the_device_code(client, cast):
    device = TOTPDevice.objects.create(user=cast.council_member, name="x", confirmed=True)
    client.force_login(cast.council_member)
    r = client.post(reverse("council:otp-verify"), {"token": "12"})
    assert "Mã xác thực không đúng" in r.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    r = client.post(
        reverse("council:otp-verify") + "?next=/hoi-dong/", {"token": totp_code(device), "next": "/hoi-dong/"}
    )
    assert r.status_code == 302 and r["Location"] == "/hoi-dong/"
    body = client.get(reverse("council:otp-verify")).content.decode()
    assert "đã được xác thực hai lớp" in body


def test_it_refuses_an_outside_redirect(client, cast):
    device = TOTPDevice.objects.create(user=cast.council_member, name="x", confirmed=True)
    client.force_login(cast.council_member)
    r = client.post(reverse("council:otp-verify"), {"token": totp_code(device), "next": "https://evil.example/"})
    assert r["Location"] == reverse("council:council-list")


def test_it_sends_a_member_without_a_device_to_enrol(client, cast):
    client.force_login(cast.council_member)
    r = client.get(reverse("council:otp-verify"))
    assert r.status_code == 302 and reverse("council:otp-setup") in r["Location"]
