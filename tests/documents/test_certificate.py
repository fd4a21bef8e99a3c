import dataclasses
import io

import pytest
from pypdf import PdfReader

from thidua.documents import render_certificate_pdf, render_certificates_pdf
from thidua.documents.samples import sample_certificate

from ._util import pdf_text


def test_it_renders_one_landscape_a4_page(certificate):
    reader = PdfReader(io.BytesIO(render_certificate_pdf(certificate)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_it_writes_extractable_text_with_diacritics(certificate):
    text = pdf_text(render_certificate_pdf(certificate))
    for expected in (
        "Võ Thanh Tuấn",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH AN",
        "TẶNG",
        "GIẤY KHEN",
        "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2023",
        "Bình An, ngày 19 tháng 01 năm 2024",
        "Trần Văn Đức",
        "Quyết định số 01/QĐ-UBND ngày 19/01/2024",
        "Số sổ vàng: 01/2024",
    ):
        assert expected in text, expected


def test_it_tolerates_a_decision_number_given_with_the_so_prefix(certificate):
    cert = dataclasses.replace(certificate, decision_number_text="Số: 01/QĐ-UBND")
    assert "Quyết định số 01/QĐ-UBND ngày 19/01/2024" in pdf_text(render_certificate_pdf(cert))


def test_it_batches_one_page_per_recipient():
    names = ["Võ Thanh Tuấn", "Nguyễn Thị Hồng Lĩnh", "Phạm Ngọc Ẩn", "Đặng Thị Ửng"]
    certs = [sample_certificate(name, f"{i:02d}/2024") for i, name in enumerate(names, 1)]
    reader = PdfReader(io.BytesIO(render_certificates_pdf(certs)))
    assert len(reader.pages) == len(names)
    for page, name, i in zip(reader.pages, names, range(1, 5), strict=False):
        text = page.extract_text()
        assert name in text and f"Số sổ vàng: {i:02d}/2024" in text


def test_it_refuses_an_empty_batch():
    with pytest.raises(ValueError):
        render_certificates_pdf([])


def test_it_draws_a_qr_code_only_when_a_verify_url_is_given(certificate):
    with_qr = render_certificate_pdf(certificate)
    without = render_certificate_pdf(dataclasses.replace(certificate, verify_url=None))
    assert "Quét mã để xác minh" in pdf_text(with_qr)
    assert "Quét mã để xác minh" not in pdf_text(without)
    assert len(with_qr) > len(without)


def test_it_renders_a_title_certificate_and_shrinks_long_names(certificate):
    cert = dataclasses.replace(
        certificate,
        award_verb="TẶNG DANH HIỆU",
        award_name="CHIẾN SĨ THI ĐUA CƠ SỞ",
        recipient_name="Trường Trung học cơ sở Nguyễn Thị Minh Khai và Đoàn thanh niên xã Bình An",
        achievement="Đã hoàn thành xuất sắc nhiệm vụ năm 2023 " * 6,
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    )
    text = pdf_text(render_certificate_pdf(cert))
    assert "TẶNG DANH HIỆU" in text and "CHIẾN SĨ THI ĐUA CƠ SỞ" in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text


def test_it_embeds_a_supplied_emblem_image(certificate):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (64, 64), (200, 0, 0, 255)).save(buf, "PNG")
    pdf = render_certificate_pdf(dataclasses.replace(certificate, emblem_png=buf.getvalue()))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(page.images) >= 1


def test_it_is_deterministic(certificate):
    assert render_certificate_pdf(certificate) == render_certificate_pdf(certificate)


def test_the_qr_code_scans_back_to_the_verification_link(certificate, tmp_path):
    """Drawn as one path of module runs, the code still scans: rasterised by poppler, read by ZXing."""
    import os
    import shutil
    import subprocess

    import zxingcpp
    from PIL import Image

    if not shutil.which("pdftoppm"):
        if os.environ.get("THIDUA_REQUIRE_BROWSER") == "1":  # CI installs poppler-utils with Chromium
            pytest.fail("pdftoppm (poppler-utils) is required here but missing")
        pytest.skip("Không có pdftoppm (poppler-utils): bỏ qua kiểm thử quét mã QR")
    url = "https://thidua.quangngai.gov.vn/xac-minh/000123-abcdefabcdef"
    (tmp_path / "c.pdf").write_bytes(render_certificates_pdf([dataclasses.replace(certificate, verify_url=url)]))
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", tmp_path / "c.pdf", tmp_path / "c"], check=True)
    assert [b.text for b in zxingcpp.read_barcodes(Image.open(tmp_path / "c.png"))] == [url]
