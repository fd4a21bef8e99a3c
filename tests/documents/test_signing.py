import datetime as dt
import io

import pytest

from thidua.documents import PkcsSigner, SignatureMeta, Signer, render_certificate_pdf, sign_pdf


def _self_signed_pkcs12(passphrase: bytes) -> tuple[bytes, bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ủy ban nhân dân xã Bình An"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Trần Văn Đức"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"signer", key, cert, None, serialization.BestAvailableEncryption(passphrase)
    )
    return p12, cert.public_bytes(serialization.Encoding.DER)


@pytest.fixture(scope="module")
def pkcs12():
    return _self_signed_pkcs12(b"mat-khau")


def test_it_signs_a_pdf_and_the_signature_validates(certificate, pkcs12):
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    p12, cert_der = pkcs12
    signer = PkcsSigner(p12, "mat-khau")
    assert isinstance(signer, Signer)
    signed = sign_pdf(render_certificate_pdf(certificate), signer, reason="Ký ban hành giấy khen", location="Bình An")

    reader = PdfFileReader(io.BytesIO(signed))
    [sig] = reader.embedded_signatures
    trust = ValidationContext(trust_roots=[asn1_x509.Certificate.load(cert_der)])
    status = validate_pdf_signature(sig, trust)
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    assert "Trần Văn Đức" in signer.subject


def test_it_reports_a_wrong_passphrase(pkcs12):
    with pytest.raises(ValueError):
        PkcsSigner(pkcs12[0], "sai")


def test_it_accepts_any_signer_implementing_the_protocol(certificate):
    class Stamp:
        def sign(self, pdf_bytes: bytes, meta: SignatureMeta) -> bytes:
            return pdf_bytes + f"%{meta.reason}".encode()

    out = sign_pdf(b"%PDF-1.4", Stamp(), reason="demo")
    assert out == b"%PDF-1.4%demo"
