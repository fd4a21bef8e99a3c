import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from tests.imports.conftest import XLSX, errors_of, make_file, valid_rows_of, xlsx_bytes
from thidua.imports.kinds import SPECS
from thidua.imports.models import ImportBatch

URL = "imports:upload"


def post(client, kind, upload, **extra):
    return client.post(reverse(URL, args=[SPECS[kind].slug]), {"file": upload, **extra})


def errors(response):
    assert response.status_code == 400
    return response.context["form"].errors["file"]


@pytest.mark.parametrize("name,content,message", [
    ("xep-loai.csv", b"a,b\n", "Tệp “xep-loai.csv” không đúng định dạng cho phép (xlsx)."),
    ("xep-loai.xls", b"\xd0\xcf\x11\xe0", "Tệp “xep-loai.xls” là Excel 97–2003 (.xls); hãy mở bằng Excel và lưu lại "
                                          "dạng .xlsx."),
    ("xep-loai", b"PK", "Tệp “xep-loai” không đúng định dạng cho phép (xlsx)."),
    ("hong.xlsx", b"day khong phai excel", "Nội dung tệp “hong.xlsx” không phải tệp .xlsx hợp lệ (có thể đã bị đổi "
                                           "đuôi hoặc bị hỏng)."),
    ("hong2.xlsx", b"PK\x03\x04 broken zip", "Không đọc được tệp 'hong2.xlsx': tệp hỏng hoặc không phải Excel "
                                             ".xlsx."),
    ("rong.xlsx", b"", "Tệp tải lên rỗng."),
])
def test_it_refuses_files_that_are_not_xlsx(clerk_client, name, content, message):
    response = post(clerk_client, "ratings", SimpleUploadedFile(name, content))
    assert errors(response) == [message]
    assert not ImportBatch.objects.exists()


@override_settings(UPLOAD_MAX_BYTES=2 * 1024 * 1024)
def test_it_refuses_a_file_over_the_size_limit(clerk_client):
    big = SimpleUploadedFile("lon.xlsx", b"PK" + b"0" * (2 * 1024 * 1024), content_type=XLSX)
    assert errors(post(clerk_client, "ratings", big)) == ["Tệp “lon.xlsx” vượt quá dung lượng cho phép (2 MB)."]
    assert not ImportBatch.objects.exists()


def test_it_refuses_a_file_with_the_wrong_headers(clerk_client):
    people_file = make_file("people", [{"full_name": "Lê Văn Bình"}], name="ca-nhan.xlsx")
    assert errors(post(clerk_client, "ratings", people_file)) == [
        "Tệp 'ca-nhan.xlsx' không đúng mẫu nhập xếp loại hằng năm: thiếu cột 'Năm', 'Xếp loại' hoặc 'Điểm'. "
        "Hãy dùng tệp mẫu và giữ nguyên dòng tiêu đề."]
    no_person = SimpleUploadedFile("x.xlsx", xlsx_bytes([["2025", "HT"]], ["Năm", "Xếp loại"]))
    assert errors(post(clerk_client, "ratings", no_person)) == [
        "Tệp 'x.xlsx' không đúng mẫu nhập xếp loại hằng năm: thiếu cột 'Mã cá nhân' (hoặc 'Số định danh (CCCD)', "
        "hoặc 'Họ và tên', 'Ngày sinh' và 'Mã đơn vị' hoặc 'Tên đơn vị'). Hãy dùng tệp mẫu và giữ nguyên dòng tiêu "
        "đề."]
    assert not ImportBatch.objects.exists()


def test_it_takes_a_hand_made_file_with_only_the_needed_columns_in_any_order(clerk_client, people):
    own = SimpleUploadedFile("tu-lam.xlsx", xlsx_bytes([["HTXS", 2025, people.van.pk]],
                                                       ["xep loai", "NĂM", "Mã cá nhân"]))
    response = post(clerk_client, "ratings", own)
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert (errors_of(batch), valid_rows_of(batch)[0]["rating"], valid_rows_of(batch)[0]["row"]) == ({}, "HTXS", 2)


def test_it_refuses_a_workbook_with_no_rows(clerk_client):
    empty = SimpleUploadedFile("trong.xlsx", xlsx_bytes([], []), content_type=XLSX)
    assert errors(post(clerk_client, "ratings", empty)) == ["Tệp 'trong.xlsx' không có dòng tiêu đề."]
    header_only = make_file("ratings", [], name="chi-tieu-de.xlsx")
    assert errors(post(clerk_client, "ratings", header_only)) == [
        "Tệp 'chi-tieu-de.xlsx' chưa có dòng dữ liệu nào (dòng ví dụ được bỏ qua)."]


@override_settings(IMPORT_MAX_ROWS=3)
def test_it_refuses_more_rows_than_the_limit_before_reading_them(clerk_client, monkeypatch):
    from thidua.imports import services

    def no_cell_read(value):
        raise AssertionError("a data cell was read")

    monkeypatch.setattr(services, "cell_text", no_cell_read)
    rows = [{"person_id": "1", "year": "2025", "rating": "HT"}] * 4
    assert errors(post(clerk_client, "ratings", make_file("ratings", rows, name="nhieu.xlsx"))) == [
        "Tệp 'nhieu.xlsx' có 4 dòng, vượt giới hạn 3 dòng mỗi lần nhập; hãy chia thành nhiều tệp."]
    assert not ImportBatch.objects.exists()


def without_dimension(upload):
    """The same workbook without the <dimension> a writer may leave out: its size is known only by reading."""
    import io
    import re
    import zipfile

    src, out = zipfile.ZipFile(io.BytesIO(upload.read())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            dst.writestr(item, data)
    return SimpleUploadedFile(upload.name, out.getvalue(), content_type=XLSX)


@override_settings(IMPORT_MAX_ROWS=3)
def test_a_sheet_that_does_not_declare_its_size_is_measured_before_its_rows_are_read(clerk_client, monkeypatch):
    from thidua.imports import services

    def no_cell_read(value):
        raise AssertionError("a data cell was read")

    monkeypatch.setattr(services, "cell_text", no_cell_read)
    rows = [{"person_id": "1", "year": str(2020 + i), "rating": "HT"} for i in range(4)]
    upload = without_dimension(make_file("ratings", rows, name="nhieu.xlsx"))
    assert services.declared_rows(upload, "Dữ liệu") is None
    upload.seek(0)
    assert errors(post(clerk_client, "ratings", upload)) == [
        "Tệp 'nhieu.xlsx' có 4 dòng, vượt giới hạn 3 dòng mỗi lần nhập; hãy chia thành nhiều tệp."]
    assert not ImportBatch.objects.exists()


def test_rows_past_the_limit_stop_the_reading_of_a_sheet_that_declared_fewer(settings):
    from django.core.exceptions import ValidationError

    from thidua.imports.services import Sheet

    rows = [{"person_id": "1", "year": str(2020 + i), "rating": "HT"} for i in range(4)]
    sheet = Sheet(make_file("ratings", rows, name="nhieu.xlsx"), "nhieu.xlsx", SPECS["ratings"])
    assert sheet.declared == 4
    settings.IMPORT_MAX_ROWS = 2  # as if the sheet had declared 4 rows and held more
    read = []
    with pytest.raises(ValidationError) as exc:
        for number, _ in sheet.rows():
            read.append(number)
    assert read == [2, 3] and exc.value.messages == [
        "Tệp 'nhieu.xlsx' có hơn 2 dòng, vượt giới hạn 2 dòng mỗi lần nhập; hãy chia thành nhiều tệp."]
