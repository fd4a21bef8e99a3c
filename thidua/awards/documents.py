"""Builds the renderers' plain records from awards models (thidua.documents never sees Django)."""

import datetime as dt
import functools
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.urls import reverse

from thidua.documents import (
    CertificateDoc,
    Column,
    DecisionDoc,
    DocHeader,
    Para,
    PkcsSigner,
    RecipientLine,
    SignatureBlock,
    TableSpec,
    render_certificates_pdf,
    render_decision_docx,
    render_decision_pdf,
    render_simple_docx,
    render_table_xlsx,
    sign_pdf,
)
from thidua.documents.text import decision_number, decision_number_text
from thidua.formatting import format_vnd
from thidua.rulebook import codes as rb_codes
from thidua.rulebook import words as rb_words
from thidua.rulebook.legal import decision_legal_bases

from .catalog import award_name, decision_wording, is_title, recovery_item
from .models import Decision, Grant, GrantStatus


def amount_words(amount: int) -> str:
    return rb_words.amount_in_words(amount)


def _governing_body(unit) -> str:
    parent = unit.parent
    if parent is None:
        return ""
    if parent.kind == "ubnd":
        return f"UBND {parent.name.upper()}"
    return parent.name.upper()


def _issuer_header(unit) -> str:
    # Real headers break after "ỦY BAN NHÂN DÂN" rather than wherever the line wraps.
    name = unit.official_name
    prefix = "ỦY BAN NHÂN DÂN "
    return prefix.strip() + "\n" + name[len(prefix):] if name.startswith(prefix) else name


def _signer_authority(decision: Decision) -> str:
    return f"{decision.signer_title.upper()} {decision.issuer.official_name}"


def _decision_doc(decision: Decision) -> DecisionDoc:
    grants = list(decision.grants.select_related("recipient_unit__parent"))
    name = award_name(decision.award_code)
    return DecisionDoc(
        governing_body=_governing_body(decision.issuer),
        issuer_name=_issuer_header(decision.issuer),
        issuer_short=decision.issuer.doc_symbol,
        number=decision.number,
        symbol=decision.symbol,
        place=decision.place,
        date=decision.issued_on,
        summary=decision.summary,
        signer_authority=_signer_authority(decision),
        legal_bases=decision.legal_bases,
        award_name=name,
        award_verb=decision_wording(decision.award_code)["verb"],
        reason=f"{decision.reason_text} năm {grants[0].year}" if grants and decision.reason_text else decision.reason_text,
        recipients=[
            RecipientLine(kind="collective" if g.recipient_kind == "collective" else "individual",
                          name=g.display_name, position=g.position_text, achievement=g.achievement,
                          amount=g.amount, amount_words=amount_words(g.amount),
                          group=g.recipient_unit.parent.name if g.recipient_unit and g.recipient_unit.parent else "")
            for g in grants
        ],
        total_amount=decision.total_amount,
        total_words=amount_words(decision.total_amount),
        signer_title=decision.signer_title.upper(),
        signer_name=decision.signer_name,
        signer_prefix=decision.signer_prefix,
        recipients_of_copy=["Như Điều 3;", "Lưu: VT."],
        authority_text=f"{decision.signer_title} {decision.issuer.official_name.capitalize()}",
    )


ERR_NO_PDF = "Quyết định hủy bỏ chỉ có bản .docx."
ERR_NO_CERTIFICATE = "Không có giấy chứng nhận còn hiệu lực để in (khen thưởng đã bị hủy bỏ)."


def decision_docx(decision: Decision) -> bytes:
    if decision.is_revocation:
        return revocation_docx(decision)
    return render_decision_docx(_decision_doc(decision))


def decision_pdf(decision: Decision) -> bytes:
    if decision.is_revocation:
        raise Http404(ERR_NO_PDF)
    return render_decision_pdf(_decision_doc(decision))


def verify_url(grant: Grant, request=None) -> str:
    path = reverse("portal:verify", args=[grant.verify_code])
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL.rstrip("/") + path


def certificates_pdf(grants: list[Grant], request=None, progress=None) -> bytes:
    """One PDF, a page per valid grant; ``progress(done, total)`` after each page (the worker's files)."""
    # A revoked award's certificate is recovered, never printed again (Luật TĐKT 2022 Điều 93).
    grants = [g for g in grants if g.status == GrantStatus.VALID]
    if not grants:
        raise Http404(ERR_NO_CERTIFICATE)
    docs = []
    for g in grants:
        d = g.decision
        docs.append(CertificateDoc(
            award_name=award_name(g.award_code).upper(),
            award_verb="TẶNG DANH HIỆU" if is_title(g.award_code) else "TẶNG",
            signer_authority_caps=_signer_authority(d).upper(),
            recipient_name=g.display_name,
            recipient_line=g.position_text,
            achievement=(g.achievement[:1].upper() + g.achievement[1:]) if g.achievement else "",
            place=d.place,
            date=d.issued_on,
            signer_title=(f"{d.signer_prefix}\n" if d.signer_prefix else "") + d.signer_title.upper(),
            signer_name=d.signer_name,
            decision_number_text=decision_number(d.number, d.symbol),
            decision_date=d.issued_on,
            golden_book_number=g.golden_book_number,
            verify_url=verify_url(g, request),
        ))
    pdf = render_certificates_pdf(docs, on_page=(lambda n: progress(n, len(docs))) if progress else None)
    signer = certificate_signer()
    if signer is not None:
        d = grants[0].decision
        pdf = sign_pdf(pdf, signer, reason=f"Ký giấy chứng nhận theo Quyết định số {d.number_text}",
                       location=d.place)
    return pdf


# ---------------------------------------------------------------------------- signing

ERR_SIGNER_SETTING = "CERTIFICATE_SIGNER must look like 'pkcs12:/path/to/file.p12', got {value!r}"


@functools.cache
def _pkcs_signer(path: str, passphrase: str) -> PkcsSigner:
    return PkcsSigner(Path(path).read_bytes(), passphrase or None)


def certificate_signer():
    """The pluggable signer from settings.CERTIFICATE_SIGNER (None: certificates are not signed).
    "pkcs12:/path.p12" with the passphrase in the environment variable named by
    settings.CERTIFICATE_SIGNER_PASSPHRASE_ENV (default CERTIFICATE_SIGNER_PASSPHRASE)."""
    value = settings.CERTIFICATE_SIGNER
    if not value:
        return None
    kind, _, path = str(value).partition(":")
    if kind != "pkcs12" or not path:
        raise ImproperlyConfigured(ERR_SIGNER_SETTING.format(value=value))
    env = settings.CERTIFICATE_SIGNER_PASSPHRASE_ENV
    return _pkcs_signer(path, os.environ.get(env, ""))


# ---------------------------------------------------------------------------- submission letter (Tờ trình)

def issuer_phrase(unit) -> str:
    """"Ủy ban nhân dân xã Bình An" (proper names keep their capitals, unlike str.capitalize)."""
    if unit.kind == "ubnd":
        return f"Ủy ban nhân dân {unit.name[:1].lower()}{unit.name[1:]}"
    return unit.name


def _authority_name(nomination) -> str:
    """"Chủ tịch Ủy ban nhân dân huyện Ba Tơ" / "Chủ tịch nước" — whom the Tờ trình addresses."""
    unit = nomination.decider_unit
    if nomination.proposed_via == "prime_minister":
        return "Thủ tướng Chính phủ"
    if unit.kind == "ubnd":
        return f"{unit.head_title or 'Chủ tịch'} {issuer_phrase(unit)}"
    return unit.head_title if unit.level == "central" and unit.head_title else f"{unit.head_title} {unit.name}"


def submission_letter_docx(nomination, *, number: int | None, on: dt.date) -> bytes:
    unit = nomination.unit
    entries = list(nomination.entries.all())
    name = award_name(nomination.award_code)
    collectives = sum(1 for e in entries if e.recipient_kind == "collective")
    individuals = len(entries) - collectives
    counts = " và ".join(p for p in [f"{collectives:02d} tập thể" if collectives else "",
                                     f"{individuals:02d} cá nhân" if individuals else ""] if p)
    verb = decision_wording(nomination.award_code)["verb"].lower()
    symbol = f"TTr-{unit.doc_symbol or 'UBND'}"
    header = DocHeader(
        governing_body=_governing_body(unit), issuer_name=_issuer_header(unit),
        number_text=decision_number_text(number, symbol) if number else f"Số:      /{symbol}",
        place=unit.place_name or unit.name, date=on,
    )
    addressee = _authority_name(nomination)
    bases = [b for b in decision_legal_bases(issuer=unit, on=on)[:-1]]
    paragraphs = [
        Para(f"Kính gửi: {addressee}.", align="center", first_line_indent=False),
        *bases,
        f"Căn cứ kết quả bình xét thi đua, khen thưởng năm {nomination.year} của {unit.name};",
        f"{unit.name} kính trình {addressee} xem xét, {verb} “{name}” cho {counts} "
        f"{nomination.reason_text or 'đã có thành tích xuất sắc'} năm {nomination.year} "
        f"({rb_codes.AWARD_KINDS.get(nomination.award_type, '').lower()}), cụ thể như sau:",
        TableSpec(columns=["STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Thành tích"],
                  rows=[[i, e.display_name, e.position_text, e.achievement] for i, e in enumerate(entries, 1)],
                  widths_mm=[12, 50, 50, 58]),
        "Hồ sơ kèm theo: báo cáo thành tích, biên bản bình xét và các tài liệu có liên quan.",
        f"Kính trình {addressee} xem xét, quyết định./.",
    ]
    if nomination.proposed_via:
        paragraphs.insert(-1, f"Đề nghị được trình qua {rb_codes.DECIDERS[nomination.proposed_via]} "
                              f"({nomination.decider_citation}).")
    return render_simple_docx(
        ["TỜ TRÌNH", f"Về việc đề nghị {verb} {name}"], paragraphs, header=header,
        signature=SignatureBlock(title=(unit.head_title or "Thủ trưởng đơn vị").upper(), name=unit.head_name),
        recipients_of_copy=["Như trên;", "Lưu: VT."],
    )


# ---------------------------------------------------------------------------- revocation decision

def revocation_docx(decision: Decision) -> bytes:
    original = decision.revokes
    grants = list(decision.revoked_grants.order_by("id"))
    header = DocHeader(governing_body=_governing_body(decision.issuer), issuer_name=_issuer_header(decision.issuer),
                       number_text=decision_number_text(decision.number, decision.symbol), place=decision.place,
                       date=decision.issued_on)
    ground = decision.get_revocation_ground_display()
    authority = f"{original.signer_title} {issuer_phrase(decision.issuer)}"
    paragraphs = [
        *decision.legal_bases,
        Para("QUYẾT ĐỊNH:", bold=True, align="center", first_line_indent=False),
        f"Điều 1. Hủy bỏ {award_name(original.award_code)} đã tặng tại Quyết định số {original.number_text} "
        f"ngày {original.issued_on:%d/%m/%Y} của {authority} đối với {len(grants):02d} tập thể, cá nhân "
        f"có tên trong danh sách kèm theo. Lý do: {ground.lower()} — {decision.revocation_reason}",
        f"Điều 2. Thu hồi tiền thưởng và hiện vật khen thưởng đã nhận, tổng số tiền: "
        f"{format_vnd(decision.total_amount, unit='đồng')} ({amount_words(decision.total_amount)}). "
        "Tập thể, cá nhân có tên tại Điều 1 nộp lại trong thời hạn 30 ngày kể từ ngày nhận Quyết định này.",
        "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Văn phòng, bộ phận thi đua, khen thưởng, bộ phận tài chính "
        "và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        Para("DANH SÁCH TẬP THỂ, CÁ NHÂN BỊ HỦY BỎ KHEN THƯỞNG, THU HỒI HIỆN VẬT VÀ TIỀN THƯỞNG", bold=True,
             align="center", first_line_indent=False),
        TableSpec(columns=["STT", "Tên tập thể, cá nhân", "Số sổ vàng", "Hiện vật thu hồi", "Tiền thu hồi (đồng)"],
                  rows=[[i, g.display_name, g.golden_book_number, recovery_item(g.award_code), g.amount]
                        for i, g in enumerate(grants, 1)] + [["", "Tổng cộng", "", "", decision.total_amount]],
                  widths_mm=[12, 55, 25, 45, 33], money_columns=[4]),
    ]
    return render_simple_docx(
        ["QUYẾT ĐỊNH", decision.summary], paragraphs, header=header,
        signature=SignatureBlock(title=decision.signer_title.upper(), name=decision.signer_name,
                                 prefix=decision.signer_prefix),
        recipients_of_copy=["Như Điều 3;", "Lưu: VT."],
    )


def recovery_rows(decision: Decision) -> list[dict]:
    return [{"grant": g, "item": recovery_item(g.award_code)} for g in decision.revoked_grants.order_by("id")]


# ---------------------------------------------------------------------------- payment sheet


def payment_sheet_xlsx(decision: Decision) -> bytes:
    """The prize-money payment sheet (danh sách chi tiền thưởng) for the cashier, with a signature column."""
    grants = list(decision.grants.order_by("id"))
    rows = [[i, g.display_name, g.position_text, award_name(g.award_code), g.amount, amount_words(g.amount), ""]
            for i, g in enumerate(grants, 1)]
    rows.append(["", "Tổng cộng", "", "", decision.total_amount, amount_words(decision.total_amount), ""])
    return render_table_xlsx(
        f"DANH SÁCH CHI TIỀN THƯỞNG KÈM THEO QUYẾT ĐỊNH SỐ {decision.number_text}",
        [Column("STT", "int", 6), Column("Họ và tên / tập thể", width=32), Column("Chức vụ, đơn vị", width=36),
         Column("Hình thức khen thưởng", width=24), Column("Số tiền (đồng)", "money", 16),
         Column("Số tiền bằng chữ", width=44), Column("Ký nhận", width=18)],
        rows,
        sheet_name="Chi tiền thưởng",
        subtitle=f"Ngày {decision.issued_on:%d/%m/%Y} của {issuer_phrase(decision.issuer)}",
    )
