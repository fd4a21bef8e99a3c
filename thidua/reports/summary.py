"""The annual summary (báo cáo tổng kết công tác thi đua, khen thưởng năm N và phương hướng năm N+1),
written in Vietnamese from the data, the way the seed articles tell it: the movements carried out, the
counted results, the awards given ("Chủ tịch UBND xã đã tặng Giấy khen cho 06 tập thể và 10 cá nhân"),
the targets attained ("hoàn thành 17/21 chỉ tiêu, trong đó có 8 chỉ tiêu hoàn thành vượt mức") and the
next year's direction with its numbered contents ("Một là, …").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from thidua.documents import DocHeader, Para, SignatureBlock, TableSpec
from thidua.emulation.models import OrdinalStyle
from thidua.formatting import format_vnd
from thidua.org.models import Kind, Level
from thidua.rulebook import codes

from . import selectors
from .models import ReportDraft

LIMITATIONS_PLACEHOLDER = "(Cán bộ thi đua bổ sung những tồn tại, hạn chế và nguyên nhân trước khi trình ký.)"
BLANK_NUMBER = "\u00a0" * 8
LEVEL_WORDS = {Level.PROVINCE: "tỉnh", Level.DISTRICT: "huyện", Level.COMMUNE: "xã"}


def two(n: int) -> str:
    """Counts in the seeds' style: 06, 10, 31."""
    return f"{n:02d}"


def fmt_number(value) -> str:
    """1721.4 → "1.721,4" (Vietnamese separators)."""
    if value is None:
        return "—"
    value = Decimal(value).normalize()
    sign = "-" if value < 0 else ""
    value = abs(value)
    integral = int(value)
    frac = value - integral
    text = f"{integral:,}".replace(",", ".")
    if frac:
        text += "," + format(frac, "f").split(".")[1]
    return sign + text


def fmt_percent(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + "%"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def level_word(unit) -> str:
    """"Xã Bình An" → "xã", "Thị xã Hồng Lĩnh" → "thị xã" (the word the seeds use after "UBND")."""
    place = (unit.place_name or "").strip()
    if place and unit.name.endswith(place) and unit.name != place:
        return unit.name[: -len(place)].strip().lower()
    return LEVEL_WORDS.get(unit.level, "")


def short_authority(unit) -> str:
    """"UBND xã" for the reporting unit itself, as in "Chủ tịch UBND xã đã tặng…"."""
    if unit.kind == Kind.PEOPLES_COMMITTEE:
        return f"UBND {level_word(unit)}".strip()
    return unit.name


def full_authority(issuer) -> str:
    """"UBND tỉnh Quảng Ngãi" for another issuer."""
    if issuer.kind == Kind.PEOPLES_COMMITTEE:
        return f"UBND {_lower_first(issuer.name)}"
    return issuer.name


def counts_phrase(counts: selectors.Counts) -> str:
    """"06 tập thể và 10 cá nhân" (collectives first, as the seeds write it)."""
    parts = [f"{two(n)} {label}" for n, label in ((counts.collective, "tập thể"), (counts.individual, "cá nhân"),
                                                  (counts.household, "hộ gia đình")) if n]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " và " + parts[-1]
    return parts[0] if parts else ""


def head_of(unit, *, own=None) -> str:
    """The head who grants: "Chủ tịch UBND xã" (the reporting unit), "Chủ tịch UBND tỉnh Quảng Ngãi",
    "Thủ tướng Chính phủ", "Chủ tịch nước"."""
    title = (unit.head_title or "Chủ tịch").strip()
    if unit.kind == Kind.PEOPLES_COMMITTEE:
        authority = short_authority(unit) if own is not None and unit.pk == own.pk else full_authority(unit)
        return f"{title} {authority}"
    return unit.name if unit.name.lower().startswith(title.lower()) else f"{title} {unit.name}"


def award_sentence(row: selectors.IssuerRow, unit) -> str:
    """"Chủ tịch UBND xã đã tặng Giấy khen cho 06 tập thể và 10 cá nhân"; the award is the head's even when a
    deputy signs "KT. CHỦ TỊCH" on the head's behalf."""
    name = codes.name_vi(row.code)
    what = f"danh hiệu “{name}”" if row.code in codes.TITLES else name
    return f"{head_of(row.issuer, own=unit)} đã tặng {what} cho {counts_phrase(row.counts)}"


@dataclass
class Summary:
    unit: object
    year: int
    draft: ReportDraft | None
    title_lines: list
    header: DocHeader
    signature: SignatureBlock
    blocks: list = field(default_factory=list)
    stats: selectors.GrantStats | None = None
    annexes: list = field(default_factory=list)  # [(sheet name, title, columns, rows)]

    @property
    def recipients_of_copy(self) -> list[str]:
        return ["Như trên;", "Lưu: VT."]


def heading(text: str) -> Para:
    return Para(text, bold=True, align="left", first_line_indent=False)


def _governing_body(unit) -> str:
    parent = unit.parent
    if parent is None:
        return ""
    return f"UBND {parent.name.upper()}" if parent.kind == Kind.PEOPLES_COMMITTEE else parent.name.upper()


def _issuer_header(unit) -> str:
    name = unit.official_name
    prefix = "ỦY BAN NHÂN DÂN "
    return prefix.strip() + "\n" + name[len(prefix):] if name.startswith(prefix) else name


def document_header(unit, draft: ReportDraft | None, on: dt.date | None = None) -> DocHeader:
    """NĐ 30 header; the number stays blank ("Số:     /BC-UBND", non-breaking spaces so the PDF keeps the gap)
    until the clerk takes one."""
    symbol = f"BC-{unit.doc_symbol or 'UBND'}"
    number = (draft.number_text if draft else "").strip()
    if number and "/" not in number:
        number = f"{number}/{symbol}"
    return DocHeader(governing_body=_governing_body(unit), issuer_name=_issuer_header(unit),
                     number_text=f"Số: {number}" if number else f"Số:{BLANK_NUMBER}/{symbol}",
                     place=unit.place_name or unit.name,
                     date=(draft.report_date if draft and draft.report_date else None) or on or timezone.localdate())


def document_signature(unit) -> SignatureBlock:
    return SignatureBlock(title=(unit.head_title or "Chủ tịch").upper(), name=unit.head_name,
                          prefix="TM. ỦY BAN NHÂN DÂN" if unit.kind == Kind.PEOPLES_COMMITTEE else "")


def draft_for(unit, year) -> ReportDraft | None:
    return ReportDraft.objects.filter(unit=unit, year=year).first()


# ---- sections ---------------------------------------------------------------------------------------

def _launcher(m, unit) -> str:
    root = m.root()
    launcher = root.launched_by
    if launcher.pk == unit.pk:
        return short_authority(unit)
    if launcher.kind != Kind.PEOPLES_COMMITTEE:
        return head_of(launcher)  # "Thủ tướng Chính phủ"
    return full_authority(launcher)


def movements_section(user, unit, year) -> list:
    movements = selectors.movements_in_force(user, unit, year)
    out = [heading("1. Các phong trào thi đua đã triển khai")]
    if not movements:
        out.append(f"Năm {year}, {full_authority(unit)} chưa ghi nhận phong trào thi đua nào trên hệ thống.")
        return out
    groups: dict[str, list] = {}
    for m in movements:
        groups.setdefault(_launcher(m, unit), []).append(m)
    out.append(f"Năm {year}, {full_authority(unit)} đã triển khai thực hiện "
               f"{two(len(movements))} phong trào thi đua:")
    for launcher, items in groups.items():
        titles = "; ".join(f"“{m.title}”" for m in items)
        out.append(f"- {two(len(items))} phong trào do {launcher} phát động: {titles}.")
    return out


def _target_line(row) -> str:
    t = row.target
    measure = "" if not t.measure else t.measure if t.measure == "%" else f" {t.measure}"
    text = f"{t.name}: {fmt_number(row.actual)}{measure}"
    if t.planned_value is not None and row.actual is not None:
        state = "vượt kế hoạch" if row.exceeded else "đạt kế hoạch" if row.met else "chưa đạt kế hoạch"
        text += f" (kế hoạch {fmt_number(t.planned_value)}{measure}, {state})"
    return text


def results_section(user, unit, year) -> tuple[list, object]:
    att = selectors.attainment(user, unit, year)
    out = [heading("2. Kết quả nổi bật")]
    if att.total:
        out.append(f"Trong năm {year}, {full_authority(unit)} đã hoàn thành {att.met}/{att.total} chỉ tiêu, "
                   f"trong đó có {att.exceeded} chỉ tiêu hoàn thành vượt mức.")
    reported = [r for r in att.rows if r.actual is not None]
    if reported:
        out.append("Từ các phong trào thi đua, kết quả đạt được như sau:")
        out.extend(f"- {_target_line(r)};" for r in reported[:-1])
        out.append(f"- {_target_line(reported[-1])}.")
    if not att.total and not reported:
        out.append("Chưa có kết quả chỉ tiêu thi đua nào được báo cáo trên hệ thống cho năm này.")
    return out, att


def awards_section(user, unit, year, stats) -> list:
    out = [heading("3. Công tác khen thưởng")]
    nominations = {s: n for s, _, n in selectors.nomination_counts(user, unit, year)}
    received = sum(nominations.values())
    decisions = len(stats.decision_ids)
    if received:
        out.append(f"Trong năm, đã tiếp nhận, xử lý {two(received)} đề nghị khen thưởng; "
                   f"{two(decisions)} quyết định khen thưởng đã được ban hành.")
    if not stats.by_issuer:
        out.append(f"Chưa có khen thưởng nào cho thành tích năm {year} được ghi nhận trên hệ thống.")
        return out
    sentences = [award_sentence(r, unit) for r in stats.by_issuer]
    out.append("; ".join(sentences) + f" có nhiều thành tích trong phong trào thi đua yêu nước năm {year}.")
    t = stats.totals
    out.append(f"Tổng cộng {two(t.total)} lượt khen thưởng ({counts_phrase(t)}), tổng số tiền thưởng "
               f"{format_vnd(t.amount, unit='đồng')}.")
    if stats.women_share is not None:
        out.append(f"Trong số {two(t.individual)} cá nhân được khen thưởng có {two(stats.women)} nữ, chiếm "
                   f"{fmt_percent(stats.women_share)}.")
    return out


def limitations_section(draft, att) -> list:
    out = [heading("II. TỒN TẠI, HẠN CHẾ")]
    text = (draft.limitations if draft else "").strip()
    if text:
        out.extend(line.strip() for line in text.splitlines() if line.strip())
        return out
    missed = [r for r in att.rows if r.met is False]
    if missed:
        names = "; ".join(r.target.name for r in missed)
        out.append(f"Còn {two(len(missed))} chỉ tiêu chưa đạt kế hoạch: {names}.")
    out.append(LIMITATIONS_PLACEHOLDER)
    return out


def _content_line(c, style) -> str:
    text = c.text.strip()
    sep = ": " if style == OrdinalStyle.THU_NHAT else ", "
    return f"{c.label}{sep}{_lower_first(text) if sep == ', ' else text}"


def directions_section(user, unit, year, draft) -> list:
    nxt = year + 1
    out = [heading(f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {nxt}")]
    movements = selectors.own_movements(user, unit, nxt)
    launches = [m for m in movements if m.contents.exists()]
    others = [m for m in movements if m not in launches]
    for m in launches:
        theme = f" với chủ đề “{m.theme}”" if m.theme else ""
        out.append(f"{full_authority(unit)} phát động {m.title}{theme}, tập trung vào "
                   "những nội dung trọng tâm sau:")
        out.extend(_content_line(c, m.ordinal_style) for c in m.contents.all())
    if others:
        out.append("Tiếp tục thực hiện có hiệu quả các phong trào thi đua trọng tâm: "
                   + "; ".join(f"“{m.title}”" for m in others) + ".")
    if not movements:
        out.append(f"Tiếp tục thực hiện có hiệu quả các phong trào thi đua yêu nước, phấn đấu hoàn thành thắng lợi "
                   f"các chỉ tiêu, nhiệm vụ năm {nxt}; nâng cao chất lượng công tác khen thưởng, bảo đảm chính xác, "
                   "kịp thời, công khai, minh bạch.")
    note = (draft.directions_note if draft else "").strip()
    out.extend(line.strip() for line in note.splitlines() if line.strip())
    return out


# ---- annex tables -----------------------------------------------------------------------------------

AWARD_TABLE_COLUMNS = ["STT", "Danh hiệu / hình thức", "Loại", "Cá nhân", "Tập thể", "Hộ gia đình",
                       "Tổng số tiền thưởng (đồng)"]
REGISTER_COLUMNS = ["Số sổ vàng", "Tên cá nhân / tập thể", "Đối tượng", "Chức vụ, đơn vị", "Danh hiệu / hình thức",
                    "Quyết định", "Cơ quan ban hành", "Tiền thưởng (đồng)"]
TARGET_COLUMNS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Đánh giá"]


def award_table_rows(stats) -> list[list]:
    rows = [[i, r.name, r.category_label, r.counts.individual, r.counts.collective, r.counts.household,
             r.counts.amount] for i, r in enumerate(stats.by_award, start=1)]
    t = stats.totals
    rows.append(["", "Tổng cộng", "", t.individual, t.collective, t.household, t.amount])
    return rows


def register_table_rows(grants) -> list[list]:
    from thidua.formatting import format_date

    return [[g.golden_book_number, g.display_name, g.get_recipient_kind_display(), g.position_text,
             codes.name_vi(g.award_code), f"{g.decision.number_text} ngày {format_date(g.decision.issued_on)}",
             g.decision.issuer.name, g.amount] for g in grants]


def target_table_rows(att) -> list[list]:
    rows = []
    for i, r in enumerate(att.rows, start=1):
        t = r.target
        state = "" if r.met is None else ("Vượt mức" if r.exceeded else "Hoàn thành" if r.met else "Chưa đạt")
        rows.append([i, t.name, t.measure, fmt_number(t.planned_value) if t.planned_value is not None else "",
                     fmt_number(r.actual), state])
    return rows


def plain_blocks(blocks) -> list[dict]:
    """The report's blocks as plain dicts (for the page preview and the API)."""
    out = []
    for b in blocks:
        if isinstance(b, TableSpec):
            out.append({"kind": "table", "columns": list(b.columns), "rows": [list(r) for r in b.rows],
                        "money": list(b.money_columns)})
        elif isinstance(b, Para):
            out.append({"kind": "heading" if b.bold else "note", "text": b.text})
        else:
            out.append({"kind": "text", "text": str(b)})
    return out


# ---- the whole report --------------------------------------------------------------------------------

def build_summary(user, unit, year) -> Summary:
    draft = draft_for(unit, year)
    stats = selectors.grant_stats(user, unit, year)
    results, att = results_section(user, unit, year)
    nxt = year + 1
    summary = Summary(
        unit=unit, year=year, draft=draft, stats=stats,
        title_lines=["BÁO CÁO", f"Tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, "
                                f"nhiệm vụ năm {nxt}"],
        header=document_header(unit, draft), signature=document_signature(unit),
    )
    blocks = [f"Thực hiện Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành, "
              f"{full_authority(unit)} báo cáo tổng kết công tác thi đua, khen thưởng "
              f"năm {year} và phương hướng, nhiệm vụ năm {nxt} như sau:",
              heading(f"I. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}")]
    blocks += movements_section(user, unit, year)
    blocks += results
    blocks += awards_section(user, unit, year, stats)
    if stats.by_award:
        blocks.append(Para(f"Kết quả khen thưởng năm {year} theo danh hiệu, hình thức:", italic=True))
        blocks.append(TableSpec(AWARD_TABLE_COLUMNS, award_table_rows(stats), widths_mm=[10, 50, 27, 17, 17, 17, 27],
                                money_columns=[6]))
    blocks += limitations_section(draft, att)
    blocks += directions_section(user, unit, year, draft)
    summary.blocks = blocks
    summary.annexes = [
        ("Khen thưởng", f"Kết quả khen thưởng năm {year} – {unit.name}", AWARD_TABLE_COLUMNS,
         award_table_rows(stats)),
        ("Chỉ tiêu", f"Kết quả thực hiện chỉ tiêu thi đua năm {year} – {unit.name}", TARGET_COLUMNS,
         target_table_rows(att)),
        ("Sổ vàng", f"Danh sách khen thưởng năm {year} – {unit.name}", REGISTER_COLUMNS,
         register_table_rows(selectors.register_rows(user, unit, year))),
    ]
    return summary
