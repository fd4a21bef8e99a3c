"""The award decision as PDF (public portal, printing), same layout as the .docx."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from thidua.formatting import format_money

from . import decision_text as dt_
from .docx_common import TEXT_W_MM
from .fonts import FAMILY, register_fonts, text_width_pt
from .pdf_common import hr, nd30_header, p, signature_block, style
from .text import decision_number_text, escape_xml, normalize
from .types import DecisionDoc


def _page_number(canvas, doc) -> None:
    # NĐ 30 Phụ lục I, mục I.5: page number centred in the top margin, from page 2.
    canvas.saveState()
    canvas.setFont(FAMILY, 13)
    canvas.drawCentredString(30 * mm + TEXT_W_MM * mm / 2, A4[1] - 12 * mm, str(doc.page))
    canvas.restoreState()


def render_decision_pdf(decision: DecisionDoc) -> bytes:
    register_fonts()
    d = normalize(decision)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=30 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=f"{decision_number_text(d.number, d.symbol)} {d.summary}",
        author=d.issuer_name.replace("\n", " "),
        subject=d.summary,
        invariant=1,
    )
    body = style(14, indent_mm=10, after=6)
    story = [nd30_header(d.header), Spacer(1, 14)]
    story += [
        p("QUYẾT ĐỊNH", style(14, bold=True, align="center")),
        p(d.summary, style(14, bold=True, align="center")),
        hr(min(text_width_pt(d.summary, 14, bold=True) * 0.4, 200), after=10),
        p(d.signer_authority.upper(), style(14, bold=True, align="center", after=10)),
    ]
    italic_body = style(14, italic=True, indent_mm=10, after=6)
    story += [p(b, italic_body) for b in d.legal_bases]
    if d.proposal:
        story.append(p(d.proposal, italic_body))
    story.append(p("QUYẾT ĐỊNH:", style(14, bold=True, align="center", before=4, after=10)))
    for art in dt_.articles(d):
        story.append(Paragraph(f"<b>{escape_xml(art.label)}</b> {escape_xml(art.text)}", body))
    story.append(KeepTogether([signature_block(d.signature, d.recipients_of_copy)]))
    if d.recipients:
        story += [PageBreak(), *_annex(d)]
    doc.build(story, onLaterPages=_page_number)
    return buf.getvalue()


def _annex(d: DecisionDoc) -> list:
    out = [
        p(dt_.annex_title(d), style(14, bold=True, align="center")),
        p(dt_.annex_caption(d), style(14, italic=True, align="center")),
        hr(120, after=10),
    ]
    cell = style(12, align="left", leading=14)
    cell_b = style(12, bold=True, align="left", leading=14)
    center = style(12, align="center", leading=14)
    right = style(12, align="right", leading=14)
    head = [p(c, style(12, bold=True, align="center", leading=14)) for c in dt_.ANNEX_COLUMNS]
    rows, spans = [head], []
    for label, lines in dt_.annex_sections(d):
        spans.append(len(rows))
        rows.append([p(label, cell_b), "", "", "", ""])
        for i, r in enumerate(lines, 1):
            stt, name, pos, ach, amt = dt_.annex_row(i, r)
            rows.append([p(stt, center), p(name, cell_b), p(pos, cell), p(ach, cell), p(amt, right)])
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    cmds += [("SPAN", (0, r), (-1, r)) for r in spans]
    if d.total_amount:
        total_row = len(rows)
        rows.append(
            [
                p("Tổng cộng", style(12, bold=True, align="center")),
                "",
                "",
                "",
                p(format_money(d.total_amount), style(12, bold=True, align="right")),
            ]
        )
        cmds.append(("SPAN", (0, total_row), (3, total_row)))
    t = Table(rows, colWidths=[w * mm for w in dt_.ANNEX_WIDTHS_MM], repeatRows=1)
    t.setStyle(TableStyle(cmds))
    out.append(t)
    if d.total_amount:
        out.append(
            p(f"(Bằng chữ: {d.total_words.strip().rstrip('.')})", style(13, italic=True, align="left", before=6))
        )
    return out
