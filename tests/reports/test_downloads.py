"""Every report downloads in Excel, Word and PDF, and the files open with Vietnamese intact."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.documents._util import docx_text, pdf_text

NAMES = ["reports:award-table-download", "reports:register-download", "reports:summary-download"]


def _download(client, name, fmt, unit, year=2023):
    response = client.get(reverse(name, args=[fmt]), {"don-vi": unit.pk, "nam": year})
    assert response.status_code == 200, (name, fmt)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].rstrip('"').endswith(f".{fmt}")
    return response.content


def test_it_exports_the_statistics_form_to_excel_with_numbers(client_as, cast, org, report_data):
    wb = load_workbook(io.BytesIO(_download(client_as(cast.clerk), NAMES[0], "xlsx", org.binh_an)))
    rows = [tuple(r) for r in wb.active.iter_rows(values_only=True)]
    assert rows[0][0] == "Thống kê kết quả khen thưởng năm 2023"
    by_name = {r[1]: r for r in rows if r and len(r) > 1}
    assert by_name["Giấy khen"][3:7] == (2, 1, 1, 2_970_000)
    assert by_name["Tổng cộng"][3:7] == (3, 2, 1, 8_910_000)


def test_it_exports_the_register_in_golden_book_order(client_as, cast, org, report_data):
    wb = load_workbook(io.BytesIO(_download(client_as(cast.clerk), NAMES[1], "xlsx", org.binh_an)))
    numbers = [r[0] for r in wb.active.iter_rows(min_row=5, values_only=True) if r[0]]
    assert numbers == ["01/2024", "07/2023", "01/2024", "02/2024", "03/2024", "04/2024"]


@pytest.mark.parametrize("name", NAMES)
def test_it_writes_word_documents_with_the_nd30_header(client_as, cast, org, report_data, name):
    text = docx_text(_download(client_as(cast.clerk), name, "docx", org.binh_an))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "/BC-UBND" in text
    assert "ỦY BAN NHÂN DÂN" in text and "Bình An, ngày" in text


@pytest.mark.parametrize("name", NAMES)
def test_it_writes_pdfs_whose_text_keeps_the_diacritics(client_as, cast, org, report_data, name):
    text = pdf_text(_download(client_as(cast.clerk), name, "pdf", org.binh_an))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Giấy khen" in text or "Nguyễn Thị Mỹ Duyên" in text


def test_it_writes_the_summary_sentence_into_word_and_pdf(client_as, cast, org, seed_000):
    client = client_as(cast.clerk)
    sentence = "Chủ tịch UBND xã đã tặng Giấy khen cho 06 tập thể và 10 cá nhân"
    assert sentence in docx_text(_download(client, NAMES[2], "docx", org.binh_an))
    assert sentence in " ".join(pdf_text(_download(client, NAMES[2], "pdf", org.binh_an)).split())
    assert "BÁO CÁO" in docx_text(_download(client, NAMES[2], "docx", org.binh_an))


def test_it_exports_the_summary_annexes_as_sheets(client_as, cast, org, report_data):
    wb = load_workbook(io.BytesIO(_download(client_as(cast.clerk), NAMES[2], "xlsx", org.binh_an)))
    assert wb.sheetnames == ["Khen thưởng", "Chỉ tiêu", "Sổ vàng"]
    assert wb["Khen thưởng"]["A1"].value == "Kết quả khen thưởng năm 2023 – Xã Bình An"
    assert wb["Khen thưởng"]["A1"].font.bold
    assert sum(1 for r in wb["Sổ vàng"].iter_rows(min_row=5, values_only=True) if r[0]) == 6
