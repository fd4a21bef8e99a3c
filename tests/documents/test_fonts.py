import io
import unicodedata

from reportlab.pdfgen.canvas import Canvas

from thidua.documents.fonts import BOLD, FAMILY, FONT_DIR, register_fonts

from ._util import pdf_text

SAMPLE = "Nguyễn Thị Hồng Lĩnh, Đồng Liên, Quảng Ngãi, ỨỪỬỮỰ"


def test_it_ships_the_four_faces_and_the_licence():
    names = {p.name for p in FONT_DIR.iterdir()}
    assert {
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
        "LiberationSerif-BoldItalic.ttf",
        "LICENSE-OFL.txt",
    } <= names
    assert "SIL Open Font License" in (FONT_DIR / "LICENSE-OFL.txt").read_text()


def test_it_has_a_glyph_for_every_vietnamese_letter():
    from reportlab.pdfbase.pdfmetrics import getFont

    register_fonts()
    marks = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    letters = [unicodedata.normalize("NFC", b + m) for b in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for m in marks]
    letters += ["đ", "Đ"]
    for face in (FAMILY, BOLD):
        cmap = getFont(face).face.charToGlyph
        assert [ch for ch in letters if ord(ch) not in cmap] == []


def test_it_round_trips_vietnamese_text_through_a_pdf():
    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf)
    c.setFont(FAMILY, 14)
    c.drawString(50, 700, SAMPLE)
    c.save()
    assert SAMPLE in pdf_text(buf.getvalue())
