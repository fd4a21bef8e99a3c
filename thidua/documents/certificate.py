"""Certificates (Giấy khen, Bằng khen, title certificates): A4 landscape, one per page.

Layout after the NĐ 98/2023 models: emblem, national motto, the signer's authority in red
capitals, "TẶNG" / "TẶNG DANH HIỆU", the award name, the recipient, the achievement, place
and date with the signature on the right, and bottom-left the decision reference and the
golden-book number (số sổ vàng); an optional verification QR code sits bottom-right.

The state emblem (Quốc huy) is not shipped: its artwork is not available offline under a
clear licence. Unless the caller passes ``emblem_png``, a vector stand-in is drawn (a red
five-pointed star on a gold disc with a red rim). Most units print on pre-printed
certificate paper anyway; the generated page is for the portal, archives and plain paper.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable

import zxingcpp
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from thidua.formatting import format_date

from .fonts import BOLD, BOLD_ITALIC, FAMILY, ITALIC, register_fonts
from .text import normalize, strip_number_prefix, vn_date_line
from .types import CertificateDoc

QR_QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)

PAGE = landscape(A4)  # 841.89 × 595.28 pt
RED = HexColor("#C00000")
DARK_RED = HexColor("#8B0000")
GOLD = HexColor("#C9A227")
LIGHT_GOLD = HexColor("#F3D36B")
NAVY = HexColor("#0B2A6F")
INNER = 19 * mm  # the text area starts inside the decorative band


def render_certificate_pdf(cert: CertificateDoc) -> bytes:
    """One certificate, one A4 landscape page."""
    return render_certificates_pdf([cert])


def render_certificates_pdf(certs: Iterable[CertificateDoc], on_page=None) -> bytes:
    """Many certificates in one PDF (one page each), e.g. for a whole decision. The fonts are registered once and
    the frame and emblem, the same on every page, are drawn once as a form that each page places; the QR code is
    encoded by zxing-cpp. ``on_page(n)`` is told after each page (the background worker's progress)."""
    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=PAGE, invariant=1, pageCompression=1)
    c.setCreator("ThiĐua")
    count = 0
    frames: dict[bytes | None, str] = {}  # one form per emblem (nearly always one per batch)
    for cert in certs:
        cert = normalize(cert)
        if count == 0:
            c.setTitle(f"{cert.award_name.title()} - {cert.recipient_name}")
            c.setSubject(cert.achievement)
        frame = frames.get(cert.emblem_png)
        if frame is None:
            frame = frames[cert.emblem_png] = f"frame{len(frames)}"
            c.beginForm(frame)
            _frame(c, cert.emblem_png)
            c.endForm()
        c.doForm(frame)
        _draw(c, cert)
        c.showPage()
        count += 1
        if on_page is not None:
            on_page(count)
    if count == 0:
        raise ValueError("Không có giấy khen nào để in")
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- drawing


def _frame(c: Canvas, emblem_png: bytes | None) -> None:
    """What every certificate of a batch shares: the decorative border and the emblem."""
    w, h = PAGE
    _border(c)
    _emblem(c, w / 2, h - INNER - 13 * mm, 9.5 * mm, emblem_png)


def _draw(c: Canvas, cert: CertificateDoc) -> None:
    w, h = PAGE
    cx = w / 2

    max_w = w - 2 * INNER - 30 * mm
    y = h - INNER - 28 * mm
    c.setFillColor("black")
    _centered(c, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", BOLD, 14, cx, y, max_w)
    y -= 17
    motto = "Độc lập - Tự do - Hạnh phúc"
    _centered(c, motto, BOLD, 14, cx, y, max_w)
    half = stringWidth(motto, BOLD, 14) / 2
    c.setLineWidth(0.7)
    c.line(cx - half, y - 5, cx + half, y - 5)

    y -= 35
    c.setFillColor(RED)
    _centered(c, cert.signer_authority_caps.upper(), BOLD, 19, cx, y, max_w)
    y -= 25
    c.setFillColor("black")
    _centered(c, cert.award_verb.upper(), BOLD, 16, cx, y, max_w)
    y -= 44
    c.setFillColor(RED)
    _centered(c, cert.award_name.upper(), BOLD, 46, cx, y, max_w)

    y -= 43
    c.setFillColor(NAVY)
    _centered(c, cert.recipient_name, BOLD_ITALIC, 30, cx, y, max_w)
    c.setFillColor("black")
    if cert.recipient_line:
        y -= 25
        _centered(c, cert.recipient_line, FAMILY, 16, cx, y, max_w)
    y -= 24
    # At most two lines fit above the signature column; long texts get a smaller size.
    size = 16
    lines = simpleSplit(cert.achievement, ITALIC, size, max_w - 20 * mm)
    while len(lines) > 2 and size > 12:
        size -= 1
        lines = simpleSplit(cert.achievement, ITALIC, size, max_w - 20 * mm)
    for line in lines[:3]:
        _centered(c, line, ITALIC, size, cx, y, max_w)
        y -= size * 1.2

    # Signature column (right half), anchored to the bottom so long achievements never collide.
    sx = w * 0.66
    sy = INNER + 51 * mm
    c.setFillColor("black")
    _centered(c, vn_date_line(cert.place, cert.date), ITALIC, 15, sx, sy, w / 2 - INNER - 30 * mm)
    ty = sy - 20
    for line in cert.signer_title.upper().split("\n"):
        _centered(c, line, BOLD, 15, sx, ty, w / 2 - INNER)
        ty -= 18
    _centered(c, cert.signer_name, BOLD, 16, sx, INNER + 12 * mm, w / 2 - INNER)

    # Bottom left: the decision reference and the golden-book number.
    x0 = INNER + 10 * mm
    c.setFont(FAMILY, 13)
    c.drawString(
        x0,
        INNER + 16 * mm,
        f"Quyết định số {strip_number_prefix(cert.decision_number_text)} ngày {format_date(cert.decision_date)}",
    )
    c.drawString(x0, INNER + 9 * mm, f"Số sổ vàng: {cert.golden_book_number}")

    if cert.verify_url:
        size = 24 * mm
        _qr(c, cert.verify_url, w - INNER - 5 * mm - size, INNER + 6 * mm, size)
        c.setFont(ITALIC, 8)
        c.drawCentredString(w - INNER - 5 * mm - size / 2, INNER + 3 * mm, "Quét mã để xác minh")


def _centered(c: Canvas, text: str, font: str, size: float, x: float, y: float, max_w: float) -> None:
    """Centred text, shrunk (down to 60 %) rather than overflowing ``max_w``."""
    width = stringWidth(text, font, size)
    if width > max_w:
        size = max(size * max_w / width, size * 0.6)
    c.setFont(font, size)
    c.drawCentredString(x, y, text)


def _border(c: Canvas) -> None:
    w, h = PAGE
    c.saveState()
    # Outer red frame, a gold band of diamonds between two gold rules, an inner red rule.
    c.setStrokeColor(RED)
    c.setLineWidth(3)
    c.rect(8 * mm, 8 * mm, w - 16 * mm, h - 16 * mm)
    c.setStrokeColor(GOLD)
    c.setLineWidth(1)
    for inset in (10.5 * mm, 16.5 * mm):
        c.rect(inset, inset, w - 2 * inset, h - 2 * inset)
    mid = 13.5 * mm
    step = 8 * mm
    c.setFillColor(LIGHT_GOLD)
    c.setStrokeColor(GOLD)
    c.setLineWidth(0.5)
    for x0, y0, x1, y1 in (
        (mid, mid, w - mid, mid),
        (mid, h - mid, w - mid, h - mid),
        (mid, mid, mid, h - mid),
        (w - mid, mid, w - mid, h - mid),
    ):
        length = math.hypot(x1 - x0, y1 - y0)
        n = int(length // step)
        for i in range(1, n):
            t = i / n
            _diamond(c, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, 2.2 * mm)
    for x, y in ((mid, mid), (w - mid, mid), (mid, h - mid), (w - mid, h - mid)):
        c.setFillColor(RED)
        _diamond(c, x, y, 4.2 * mm)
        c.setFillColor(LIGHT_GOLD)
        c.circle(x, y, 1.6 * mm, stroke=0, fill=1)
    c.setStrokeColor(RED)
    c.setLineWidth(1)
    c.rect(INNER, INNER, w - 2 * INNER, h - 2 * INNER)
    c.restoreState()


def _diamond(c: Canvas, x: float, y: float, r: float) -> None:
    path = c.beginPath()
    path.moveTo(x, y + r)
    path.lineTo(x + r, y)
    path.lineTo(x, y - r)
    path.lineTo(x - r, y)
    path.close()
    c.drawPath(path, stroke=1, fill=1)


def _emblem(c: Canvas, x: float, y: float, r: float, png: bytes | None) -> None:
    if png:
        c.drawImage(ImageReader(io.BytesIO(png)), x - r, y - r, 2 * r, 2 * r, mask="auto", preserveAspectRatio=True)
        return
    c.saveState()
    c.setFillColor(GOLD)
    c.setStrokeColor(RED)
    c.setLineWidth(1.5)
    c.circle(x, y, r, stroke=1, fill=1)
    c.setStrokeColor(white)
    c.setLineWidth(0.6)
    c.circle(x, y, r * 0.86, stroke=1, fill=0)
    c.setFillColor(RED)
    path = c.beginPath()
    outer, inner = r * 0.72, r * 0.72 * 0.382  # regular star: inner/outer = 0.382
    for i in range(10):
        rad = outer if i % 2 == 0 else inner
        a = math.pi / 2 + i * math.pi / 5
        px, py = x + rad * math.cos(a), y + rad * math.sin(a)
        path.moveTo(px, py) if i == 0 else path.lineTo(px, py)
    path.close()
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


def _qr(c: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The verification QR code (level M, with its quiet zone of QR_QUIET_ZONE modules), encoded by zxing-cpp
    (C++: a twentieth of the pure-Python encoder's time) and filled as one path, a rectangle per run of dark
    modules in a row, written in module units under one scaling (whole numbers: a third of the time of drawing
    each rectangle through reportlab's path object)."""
    symbol = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(
        scale=1, add_quiet_zones=False)
    side = symbol.shape[0]
    pixels = bytes(memoryview(symbol))  # one byte per module, row by row; 0 is dark
    cell = size / (side + 2 * QR_QUIET_ZONE)
    ops = []
    for r in range(side):
        row = pixels[r * side:(r + 1) * side]
        bottom = side - 1 - r
        col = 0
        while col < side:
            if row[col]:
                col += 1
                continue
            start = col
            while col < side and not row[col]:
                col += 1
            ops.append(f"{start} {bottom} {col - start} 1 re")
    c.saveState()
    c.transform(cell, 0, 0, cell, x + QR_QUIET_ZONE * cell, y + QR_QUIET_ZONE * cell)
    c.addLiteral("\n".join(ops) + "\nf")
    c.restoreState()
