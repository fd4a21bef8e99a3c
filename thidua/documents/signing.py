"""Optional digital signatures on generated PDFs.

``Signer`` is the seam: a deployment may sign with a PKCS#12 file (``PkcsSigner``, pyHanko),
a USB token via PKCS#11, or a remote signing service (e.g. a provider's "SmartCA" API) by
implementing one method. The renderers never sign by themselves; the caller (the
``decision_issue`` door) decides.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

BAD_PKCS12 = "Không đọc được tệp chứng thư số (sai mật khẩu hoặc tệp hỏng)"


@dataclass(frozen=True)
class SignatureMeta:
    field_name: str = "Signature1"
    reason: str | None = None  # "Ký ban hành Quyết định số 01/QĐ-UBND"
    location: str | None = None  # "Bình An"
    contact_info: str | None = None


@runtime_checkable
class Signer(Protocol):
    def sign(self, pdf_bytes: bytes, meta: SignatureMeta) -> bytes:
        """Return ``pdf_bytes`` with one more (incremental) signature."""
        ...


def sign_pdf(pdf_bytes: bytes, signer: Signer, meta: SignatureMeta | None = None, **kw) -> bytes:
    """Sign ``pdf_bytes`` with ``signer``; keyword arguments build a ``SignatureMeta``."""
    if meta is None:
        meta = SignatureMeta(**kw)
    elif kw:
        raise TypeError("Pass either meta or keyword arguments, not both")
    return signer.sign(pdf_bytes, meta)


class PkcsSigner:
    """Signs with a key and certificate chain from PKCS#12 (.p12/.pfx) bytes via pyHanko."""

    def __init__(self, pkcs12_bytes: bytes, passphrase: bytes | str | None = None):
        from pyhanko.sign import signers

        if isinstance(passphrase, str):
            passphrase = passphrase.encode()
        try:
            signer = signers.SimpleSigner.load_pkcs12_data(pkcs12_bytes, other_certs=[], passphrase=passphrase)
        except ValueError as exc:  # wrong passphrase or a damaged file
            raise ValueError(BAD_PKCS12) from exc
        if signer is None:  # older pyHanko versions log and return None instead of raising
            raise ValueError(BAD_PKCS12)
        self._signer = signer

    @property
    def subject(self) -> str:
        return self._signer.signing_cert.subject.human_friendly

    def sign(self, pdf_bytes: bytes, meta: SignatureMeta) -> bytes:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers

        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
        out = io.BytesIO()
        signers.sign_pdf(
            writer,
            signers.PdfSignatureMetadata(
                field_name=meta.field_name,
                reason=meta.reason,
                location=meta.location,
                contact_info=meta.contact_info,
                md_algorithm="sha256",
            ),
            signer=self._signer,
            output=out,
        )
        return out.getvalue()
