"""A decision's certificates: ThiĐua's batch PDF against LibreOffice converting the same certificates (issue 11, item 4).

    .venv/bin/python bench/certificates.py [--count 1000] [--lo-docs 100] [--runs 2]     (also part of `make bench`)

- ThiĐua: ``documents.certificate.render_certificates_pdf`` makes COUNT certificates (distinct recipients,
  achievements of the seeds' length, a distinct verification link and QR code each) into one PDF, in process.
- LibreOffice (the office's way: a mail merge saved as one .docx per recipient, then converted to PDF): the same
  texts and QR codes as .docx files written with python-docx, converted by one ``soffice --headless --convert-to
  pdf`` call. LibreOffice takes about the same time for each document, so LO_DOCS of them are converted and the
  time per document is multiplied by COUNT (said so in the output); skipped when ``soffice`` is missing.
Prints the ratio first, then the absolute figures. The documents layer reads no database, so no data set is needed.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 40


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()


def certificates(count: int):
    from thidua.documents.samples import sample_certificate

    base = sample_certificate()
    given = ["An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Trang"]
    return [dataclasses.replace(
        base, recipient_name=f"Nguyễn Văn {given[i % len(given)]} {i}", golden_book_number=f"{i + 1:03d}/2026",
        recipient_line=f"Giáo viên Trường Tiểu học số {i % 40 + 1}, Ủy ban nhân dân xã Bình An",
        verify_url=f"https://thidua.example.gov.vn/cong-khai/xac-minh/{i:08d}Kq3v9xT2/",
        date=dt.date(2026, 1, 15)) for i in range(count)]


def ours(certs) -> tuple[float, int]:
    from thidua.documents.certificate import render_certificates_pdf

    start = time.perf_counter()
    pdf = render_certificates_pdf(certs)
    return time.perf_counter() - start, len(pdf)


def certificate_docx(cert, path: Path) -> None:
    """The same certificate as a clerk's mail-merge page: the same lines, sizes and QR code, in one .docx."""
    import zxingcpp
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt
    from PIL import Image

    from thidua.formatting import format_date

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for line, size, bold, italic in (
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 14, True, False), ("Độc lập - Tự do - Hạnh phúc", 14, True, False),
        (cert.signer_authority_caps.upper(), 19, True, False), (cert.award_verb.upper(), 16, True, False),
        (cert.award_name.upper(), 46, True, False), (cert.recipient_name, 30, True, True),
        (cert.recipient_line, 16, False, False), (cert.achievement, 16, False, True),
        (f"{cert.place}, ngày {cert.date:%d} tháng {cert.date:%m} năm {cert.date:%Y}", 15, False, True),
        (cert.signer_title.upper(), 15, True, False), (cert.signer_name, 16, True, False),
        (f"Quyết định số {cert.decision_number_text} ngày {format_date(cert.decision_date)}", 13, False, False),
        (f"Số sổ vàng: {cert.golden_book_number}", 13, False, False),
    ):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.font.name, run.font.size, run.bold, run.italic = "Times New Roman", Pt(size), bold, italic
    qr = zxingcpp.create_barcode(cert.verify_url, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(scale=4)
    png = io.BytesIO()
    Image.frombytes("L", (qr.shape[1], qr.shape[0]), bytes(memoryview(qr))).save(png, "PNG")
    png.seek(0)
    doc.add_picture(png, width=Mm(24))
    doc.save(path)


def libreoffice(certs, docs: int) -> dict | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = []
        for i, cert in enumerate(certs[:docs]):
            paths.append(folder / f"giay-khen-{i:04d}.docx")
            certificate_docx(cert, paths[-1])
        profile = folder / "profile"
        # A first call creates LibreOffice's user profile: not counted.
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder / "warm"), str(paths[0])], check=True, capture_output=True)
        start = time.perf_counter()
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder / "pdf"), *map(str, paths)], check=True, capture_output=True)
        seconds = time.perf_counter() - start
        made = len(list((folder / "pdf").glob("*.pdf")))
    assert made == docs, f"LibreOffice made {made} of {docs} PDFs"
    return {"docs": docs, "seconds": seconds, "per_doc": seconds / docs}


def main() -> None:
    ap = argparse.ArgumentParser(description="Giấy khen hàng loạt so với LibreOffice chuyển cùng các giấy khen.")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--lo-docs", type=int, default=100)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    setup()
    certs = certificates(args.count)
    for run in range(1, args.runs + 1):
        seconds, size = ours(certs)
        lo = libreoffice(certs, min(args.lo_docs, args.count))
        print(f"Lượt {run}:")
        if lo:
            lo_total = lo["per_doc"] * args.count
            ratio = lo_total / seconds
            print(f"  nhanh hơn LibreOffice: {ratio:.0f}× (mục tiêu ≥ {GOAL}×): "
                  f"{'ĐẠT' if ratio >= GOAL else 'CHƯA ĐẠT'}")
            print(f"  LibreOffice: {lo['docs']} tệp .docx trong {lo['seconds']:.1f} s = {lo['per_doc'] * 1000:.0f} ms/tệp "
                  f"→ {args.count} giấy khen ≈ {lo_total:.0f} s (ngoại suy)")
        else:
            print("  (không có soffice: bỏ qua phép so với LibreOffice)")
        print(f"  ThiĐua: {args.count} giấy khen trong một PDF: {seconds:.2f} s = {args.count / seconds:.0f} trang/giây, "
              f"{size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
