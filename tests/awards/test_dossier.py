"""The dossier: a checklist per award kind (configurable per province), checked uploads, the generated Tờ trình."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import OVERRIDE_REASON, at
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.awards.models import DossierDocument, DossierRequirement
from thidua.awards.selectors import dossier_checklist, dossier_missing


def _required(nomination):
    return {i.doc_type for i in dossier_checklist(nomination) if i.required}


def test_it_requires_the_title_dossier_of_domain_7(cstdcs_draft):
    assert _required(cstdcs_draft) == {"to_trinh", "bao_cao", "bien_ban"}


def test_it_requires_nothing_for_giay_khen_by_default(approved_nomination):
    assert _required(approved_nomination) == set()


def test_it_lets_a_province_configure_its_checklist(cstdcs_draft, approved_nomination, org):
    DossierRequirement.objects.create(province=org.province, award_code="GIAY_KHEN", doc_type="bao_cao",
                                      required=True)
    DossierRequirement.objects.create(province=org.province, award_code="*title", doc_type="bien_ban",
                                      required=False)
    assert _required(approved_nomination) == {"bao_cao"}
    assert _required(cstdcs_draft) == {"to_trinh", "bao_cao"}


def test_it_blocks_submission_while_a_required_document_is_missing(cstdcs_draft, cast):
    services.nomination_entry_override(entry=cstdcs_draft.entries.get(), acting_user=cast.clerk,
                                       reason=OVERRIDE_REASON)
    with at(dt.date(2024, 1, 10)), pytest.raises(ValidationError) as exc:
        services.nomination_submit(nomination=cstdcs_draft, acting_user=cast.clerk)
    assert "Hồ sơ còn thiếu" in exc.value.messages[0] and "Báo cáo thành tích" in exc.value.messages[0]
    cstdcs_draft.refresh_from_db()
    assert cstdcs_draft.status == "draft"


def test_it_submits_a_complete_dossier(cstdcs_draft, cast, pdf_file):
    services.nomination_entry_override(entry=cstdcs_draft.entries.get(), acting_user=cast.clerk,
                                       reason=OVERRIDE_REASON)
    with at(dt.date(2024, 1, 10)):
        services.submission_letter_generate(nomination=cstdcs_draft, acting_user=cast.clerk)
        services.dossier_document_add(nomination=cstdcs_draft, doc_type="bao_cao", file=pdf_file(),
                                      acting_user=cast.clerk)
        services.dossier_document_add(nomination=cstdcs_draft, doc_type="bien_ban",
                                      file=pdf_file("bien-ban.png", b"\x89PNG\r\n\x1a\nxxxx"), acting_user=cast.clerk)
        assert dossier_missing(cstdcs_draft) == []
        services.nomination_submit(nomination=cstdcs_draft, acting_user=cast.clerk)
    assert AuditEntry.objects.get(action="nomination.submitted").data["documents"]


def test_it_stores_an_upload_and_audits_it(cstdcs_draft, cast, pdf_file):
    doc = services.dossier_document_add(nomination=cstdcs_draft, doc_type="bao_cao", file=pdf_file(),
                                        acting_user=cast.clerk)
    assert doc.file.read().startswith(b"%PDF") and doc.original_name == "bao-cao.pdf"
    audit = AuditEntry.objects.get(action="dossier.document_added")
    assert audit.actor == cast.clerk and audit.data["file"] == "bao-cao.pdf"


@pytest.mark.parametrize("name, content, message", [
    ("virus.exe", b"MZ\x90\x00", "không đúng định dạng"),
    ("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "không phải tệp .pdf hợp lệ"),
    ("anh.png", b"%PDF-1.4", "không phải tệp .png hợp lệ"),
    ("bao-cao.docx", b"%PDF-1.4", "không phải tệp .docx hợp lệ"),
])
def test_it_refuses_a_wrong_type_and_stores_nothing(cstdcs_draft, cast, name, content, message):
    with pytest.raises(ValidationError, match=message):
        services.dossier_document_add(nomination=cstdcs_draft, doc_type="bao_cao",
                                      file=SimpleUploadedFile(name, content), acting_user=cast.clerk)
    assert not DossierDocument.objects.exists()
    assert not AuditEntry.objects.filter(action="dossier.document_added").exists()


def test_it_refuses_a_file_too_big_and_stores_nothing(cstdcs_draft, cast, settings, pdf_file):
    settings.UPLOAD_MAX_BYTES = 20
    with pytest.raises(ValidationError, match="vượt quá dung lượng"):
        services.dossier_document_add(nomination=cstdcs_draft, doc_type="bao_cao", file=pdf_file(),
                                      acting_user=cast.clerk)
    assert not DossierDocument.objects.exists()


def test_it_shows_upload_errors_on_the_page_and_stores_nothing(cstdcs_draft, cast, client):
    client.force_login(cast.clerk)
    url = reverse("awards:dossier-upload", args=[cstdcs_draft.pk])
    response = client.post(url, {"doc_type": "bao_cao", "file": SimpleUploadedFile("x.exe", b"MZ")}, follow=True)
    assert "không đúng định dạng" in response.content.decode()
    assert not DossierDocument.objects.exists()


def test_it_refuses_uploads_from_the_wrong_role_and_hides_them_from_outsiders(cstdcs_draft, cast, client, pdf_file):
    with pytest.raises(PermissionDenied):
        services.dossier_document_add(nomination=cstdcs_draft, doc_type="bao_cao", file=pdf_file(),
                                      acting_user=cast.chairman)
    client.force_login(cast.outsider)
    url = reverse("awards:dossier-upload", args=[cstdcs_draft.pk])
    assert client.post(url, {"doc_type": "bao_cao", "file": pdf_file()}).status_code == 404
    assert not DossierDocument.objects.exists()


def test_it_generates_the_submission_letter_as_docx(cstdcs_draft, cast):
    from docx import Document

    with at(dt.date(2024, 1, 10)):
        doc = services.submission_letter_generate(nomination=cstdcs_draft, acting_user=cast.clerk)
        again = services.submission_letter_generate(nomination=cstdcs_draft, acting_user=cast.clerk)
    assert again.number == doc.number == 1 and DossierDocument.objects.count() == 1
    document = Document(io.BytesIO(again.file.read()))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "TỜ TRÌNH" in text and "Số: 01/TTr-UBND" in text
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân huyện Bình Sơn" in text
    assert any("Nguyễn Thanh Văn" in c for c in cells)
    assert AuditEntry.objects.filter(action="dossier.letter_generated").count() == 2


def test_it_uploads_through_the_api_with_the_same_checks(cstdcs_draft, cast, client, pdf_file):
    client.force_login(cast.clerk)
    url = f"/api/procedure/nominations/{cstdcs_draft.pk}/dossier"
    bad = client.post(url, {"doc_type": "bao_cao", "file": SimpleUploadedFile("x.pdf", b"nope")})
    assert bad.status_code == 400 and "không phải tệp .pdf" in bad.json()["detail"]
    ok = client.post(url, {"doc_type": "bao_cao", "file": pdf_file()})
    assert ok.status_code == 201, ok.content
    items = {i["doc_type"]: i for i in client.get(url).json()}
    assert items["bao_cao"]["present"] and not items["bien_ban"]["present"] and items["bien_ban"]["required"]
    client.force_login(cast.outsider)
    assert client.post(url, {"doc_type": "bao_cao", "file": pdf_file()}).status_code == 404
    client.force_login(cast.chairman)
    assert client.post(url, {"doc_type": "bao_cao", "file": pdf_file()}).status_code == 403
    assert DossierDocument.objects.count() == 1
