"""One upload check for every upload: type, size and content (core.uploads.check_upload)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from thidua.core.uploads import check_upload, size_text

PDF = b"%PDF-1.7\n..."


@pytest.mark.parametrize("name, content, message", [
    ("bao-cao.pdf", PDF, None),
    ("BAO-CAO.PDF", PDF, None),
    ("anh.png", b"\x89PNG\r\n\x1a\n....", None),
    ("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "Nội dung tệp “bao-cao.pdf” không phải tệp .pdf hợp lệ"),
    ("bien-ban.docx", b"%PDF-1.7", "Nội dung tệp “bien-ban.docx” không phải tệp .docx hợp lệ"),
    ("virus.exe", b"MZ\x90\x00", "Tệp “virus.exe” không đúng định dạng cho phép"),
    ("rong.pdf", b"", "Chưa chọn tệp hoặc tệp rỗng."),
])
def test_it_checks_type_and_content(name, content, message):
    upload = SimpleUploadedFile(name, content)
    if message is None:
        assert check_upload(upload) == name.rsplit(".", 1)[1].lower()
        assert upload.read(4) == content[:4]  # the check leaves the file at its start
    else:
        with pytest.raises(ValidationError) as exc:
            check_upload(upload)
        assert exc.value.messages[0].startswith(message)


@override_settings(UPLOAD_MAX_BYTES=1024 * 1024)
def test_it_refuses_a_file_over_the_limit_and_names_the_limit():
    with pytest.raises(ValidationError) as exc:
        check_upload(SimpleUploadedFile("lon.pdf", PDF + b"0" * (1024 * 1024)))
    assert exc.value.messages == ["Tệp “lon.pdf” vượt quá dung lượng cho phép (1 MB)."]


def test_it_narrows_the_types_for_an_import_and_explains_old_excel():
    with pytest.raises(ValidationError) as exc:
        check_upload(SimpleUploadedFile("x.pdf", PDF), only=("xlsx",))
    assert exc.value.messages == ["Tệp “x.pdf” không đúng định dạng cho phép (xlsx)."]
    with pytest.raises(ValidationError) as exc:
        check_upload(SimpleUploadedFile("x.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), only=("xlsx",))
    assert "Excel 97–2003" in exc.value.messages[0]


def test_it_writes_sizes_the_vietnamese_way():
    assert [size_text(n) for n in (10 * 1024 * 1024, int(2.5 * 1024 * 1024), 3000)] == ["10 MB", "2,5 MB", "2 KB"]
