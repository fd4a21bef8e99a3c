"""The second factor: enrolment shows a server-drawn QR code (issuer ThiĐua) and gives backup codes;
verify marks the session."""

from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.audit.models import AuditEntry
from thidua.council import otp
from thidua.council.models import BackupCode

from .conftest import totp_code


def test_it_enrols_a_member_with_a_qr_code(client, cast):
    client.force_login(cast.council_member)
    body = client.get(reverse("council:otp-setup")).content.decode()
    assert "<svg" in body and "otpauth://" not in body  # the QR image, not the raw URI
    assert "http" not in body.split("<svg")[1].split("</svg>")[0].replace("http://www.w3.org", "")
    device = TOTPDevice.objects.get(user=cast.council_member, confirmed=False)
    assert "issuer=Thi%C4%90ua" in device.config_url and otp.secret_of(device) in body
    r = client.post(reverse("council:otp-setup"), {"token": "000000" if totp_code(device) != "000000" else "111111"})
    assert r.status_code == 200 and "Mã xác thực không đúng" in r.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down retries after a wrong code
    r = client.post(reverse("council:otp-setup"), {"token": totp_code(device)})
    assert r.status_code == 200 and r.context["codes"] and len(r.context["codes"]) == 10
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


def enrolled(client, user):
    device = TOTPDevice.objects.create(user=user, name="x", confirmed=True)
    client.force_login(user)
    return device


def test_a_backup_code_passes_the_second_factor_once(client, cast):
    enrolled(client, cast.council_member)
    codes = otp.backup_codes_issue(cast.council_member)
    assert all(c not in str(list(BackupCode.objects.values_list("code_hash", flat=True))) for c in codes)
    assert all(c.replace("-", "") not in h for c in codes for h in BackupCode.objects.values_list("code_hash", flat=True))
    r = client.post(reverse("council:otp-verify"), {"token": codes[0]})
    assert r.status_code == 302
    assert otp.backup_codes_left(cast.council_member) == 9
    assert AuditEntry.objects.filter(action="otp.backup_code_used").exists()
    other = Client()
    other.force_login(cast.council_member)
    r = other.post(reverse("council:otp-verify"), {"token": codes[0]})
    assert r.status_code == 200 and "Mã xác thực không đúng" in r.content.decode()


def test_new_backup_codes_replace_the_old_and_need_a_verified_session(client, cast):
    device = enrolled(client, cast.council_member)
    old = otp.backup_codes_issue(cast.council_member)
    r = client.post(reverse("council:otp-backup-codes"))
    assert r.status_code == 302 and otp.backup_codes_left(cast.council_member) == 10
    client.post(reverse("council:otp-verify"), {"token": totp_code(device)})
    r = client.post(reverse("council:otp-backup-codes"))
    assert r.status_code == 200 and len(r.context["codes"]) == 10
    assert not otp.code_valid(cast.council_member, old[1])
    assert otp.code_valid(cast.council_member, r.context["codes"][1])


def test_a_verified_session_is_not_asked_again(client, cast):
    device = enrolled(client, cast.council_member)
    client.post(reverse("council:otp-verify"), {"token": totp_code(device)})
    body = client.get(reverse("council:otp-verify")).content.decode()
    assert "không phải nhập mã lại" in body and 'name="token"' not in body
