"""Builds the renderers' plain records from awards models (thidua.documents never sees Django)."""

from django.conf import settings
from django.urls import reverse

from thidua.documents import (
    CertificateDoc,
    DecisionDoc,
    RecipientLine,
    render_certificates_pdf,
    render_decision_docx,
    render_decision_pdf,
)
from thidua.documents.text import decision_number
from thidua.rulebook import words as rb_words

from .catalog import award_name, is_title
from .models import Decision, Grant


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
    grants = list(decision.grants.all())
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
        award_verb="Tặng danh hiệu" if is_title(decision.award_code) else "Tặng",
        reason=f"{decision.reason_text} năm {grants[0].year}" if grants and decision.reason_text else decision.reason_text,
        recipients=[
            RecipientLine(kind="collective" if g.recipient_kind == "collective" else "individual",
                          name=g.display_name, position=g.position_text, achievement=g.achievement,
                          amount=g.amount, amount_words=amount_words(g.amount))
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


def decision_docx(decision: Decision) -> bytes:
    return render_decision_docx(_decision_doc(decision))


def decision_pdf(decision: Decision) -> bytes:
    return render_decision_pdf(_decision_doc(decision))


def verify_url(grant: Grant, request=None) -> str:
    path = reverse("portal:verify", args=[grant.verify_code])
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL.rstrip("/") + path


def certificates_pdf(grants: list[Grant], request=None) -> bytes:
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
    return render_certificates_pdf(docs)
