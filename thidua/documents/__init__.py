"""Document renderers (.docx, PDF, .xlsx) for ThiĐua. Plain Python: no Django imports.

Callers pass the dataclasses from ``thidua.documents.types`` and get ``bytes`` back.
"""

from .certificate import render_certificate_pdf, render_certificates_pdf
from .decision_pdf import render_decision_pdf
from .docx_render import render_decision_docx, render_simple_docx
from .signing import PkcsSigner, SignatureMeta, Signer, sign_pdf
from .text import (
    decision_number,
    decision_number_text,
    nfc,
    vn_date_line,
)
from .types import (
    CertificateDoc,
    DecisionDoc,
    DocHeader,
    Para,
    RecipientLine,
    SignatureBlock,
    TableSpec,
)
from .xlsx import Column, render_table_xlsx

__all__ = [
    "CertificateDoc",
    "Column",
    "DecisionDoc",
    "DocHeader",
    "Para",
    "PkcsSigner",
    "RecipientLine",
    "SignatureBlock",
    "SignatureMeta",
    "Signer",
    "TableSpec",
    "decision_number",
    "decision_number_text",
    "nfc",
    "render_certificate_pdf",
    "render_certificates_pdf",
    "render_decision_docx",
    "render_decision_pdf",
    "render_simple_docx",
    "render_table_xlsx",
    "sign_pdf",
    "vn_date_line",
]
