"""Decision wording per award, the payment sheet, certificates signed by the configured signer."""

import datetime as dt
import io

import pytest
from django.urls import reverse

from tests.conftest import OVERRIDE_REASON, at, council_met
from thidua.awards import documents, services


def test_it_words_a_title_decision_tang_danh_hieu(cast, org, people, make_user):
    from docx import Document

    district_clerk = make_user("bsn", org.district, ["clerk", "head"])
    with at(dt.date(2024, 1, 10)):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="CSTDCS", year=2023,
                                       title="Đề nghị")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                      override_reason=OVERRIDE_REASON)
        from django.core.files.uploadedfile import SimpleUploadedFile

        services.submission_letter_generate(nomination=n, acting_user=cast.clerk)
        for t in ("bao_cao", "bien_ban"):
            services.dossier_document_add(nomination=n, doc_type=t, acting_user=cast.clerk,
                                          file=SimpleUploadedFile(f"{t}.pdf", b"%PDF-1.4"))
        services.nomination_submit(nomination=n, acting_user=cast.clerk)
        council_met(n, district_clerk, dt.date(2024, 1, 10))
        services.nomination_approve(otp_verified=True, nomination=n, acting_user=district_clerk)
        decision = services.decision_issue(otp_verified=True, nomination=n, acting_user=district_clerk, issued_on=dt.date(2024, 1, 12))
    assert decision.issuer == org.district and decision.summary.startswith("Về việc tặng danh hiệu")
    text = "\n".join(p.text for p in Document(io.BytesIO(documents.decision_docx(decision))).paragraphs)
    assert "Tặng danh hiệu" in text


def test_it_builds_the_payment_sheet_with_words_signatures_and_total(issued_decision, cast, client):
    from openpyxl import load_workbook

    client.force_login(cast.clerk)
    response = client.get(reverse("awards:decision-payment-sheet", args=[issued_decision.pk]))
    assert response.status_code == 200
    rows = [[c for c in r] for r in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]
    header = next(r for r in rows if r and r[0] == "STT")
    assert list(header) == ["STT", "Họ và tên / tập thể", "Chức vụ, đơn vị", "Hình thức khen thưởng",
                            "Số tiền (đồng)", "Số tiền bằng chữ", "Ký nhận"]
    names = {r[1]: r for r in rows if r and r[1]}
    assert names["Nguyễn Thanh Văn"][4] == 540_000 and names["Nguyễn Thanh Văn"][5] == "Năm trăm bốn mươi nghìn đồng"
    assert names["Tổng cộng"][4] == 1_620_000
    client.force_login(cast.outsider)
    assert client.get(reverse("awards:decision-payment-sheet", args=[issued_decision.pk])).status_code == 404


def _self_signed(tmp_path, passphrase=b"mat-khau"):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Võ Thanh Tuấn")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    path = tmp_path / "signer.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"signer", key, cert, None,
                                                           serialization.BestAvailableEncryption(passphrase)))
    return path, cert.public_bytes(serialization.Encoding.DER)


def test_it_signs_the_downloaded_certificate_and_the_signature_validates(issued_decision, cast, client, settings,
                                                                          tmp_path, monkeypatch):
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    path, cert_der = _self_signed(tmp_path)
    settings.CERTIFICATE_SIGNER = f"pkcs12:{path}"
    monkeypatch.setenv("CERTIFICATE_SIGNER_PASSPHRASE", "mat-khau")
    client.force_login(cast.clerk)
    grant = issued_decision.grants.first()
    pdf = client.get(reverse("awards:grant-certificate", args=[grant.pk])).content
    [sig] = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[asn1_x509.Certificate.load(cert_der)]))
    assert status.intact and status.valid and status.trusted and status.bottom_line
    batch = client.get(reverse("awards:decision-certificates", args=[issued_decision.pk])).content
    assert len(PdfFileReader(io.BytesIO(batch)).embedded_signatures) == 1


def test_it_leaves_certificates_unsigned_by_default(issued_decision, cast, client):
    from pyhanko.pdf_utils.reader import PdfFileReader

    client.force_login(cast.clerk)
    pdf = client.get(reverse("awards:grant-certificate", args=[issued_decision.grants.first().pk])).content
    assert pdf.startswith(b"%PDF") and PdfFileReader(io.BytesIO(pdf)).embedded_signatures == []


def test_it_fails_loudly_on_a_malformed_signer_setting(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.CERTIFICATE_SIGNER = "token:/dev/usb"
    with pytest.raises(ImproperlyConfigured):
        documents.certificate_signer()


def test_it_puts_a_qr_code_to_the_verification_page_on_each_certificate(issued_decision, cast, client):
    from pypdf import PdfReader

    client.force_login(cast.clerk)
    pdf = PdfReader(io.BytesIO(client.get(reverse("awards:decision-certificates", args=[issued_decision.pk]))
                               .content))
    assert len(pdf.pages) == 2
    url = documents.verify_url(issued_decision.grants.first())
    assert "/cong-khai/xac-minh/" in url
