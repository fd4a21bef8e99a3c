"""Emulation documents: the review report (.docx) built from results, and the registration Excel template."""

import io
from decimal import Decimal

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

from thidua.core.text import normalize_search
from thidua.documents import DocHeader, Para, SignatureBlock, TableSpec, render_simple_docx
from thidua.org.models import Person
from thidua.rulebook import codes

from . import selectors
from .models import ReviewKind

XLSX_HEADERS = ["STT", "Họ và tên (để trống nếu đăng ký danh hiệu tập thể)", "Danh hiệu đăng ký (mã hoặc tên)"]
ERR_XLSX = "Tệp không đọc được như một bảng tính Excel (.xlsx)."
ERR_ROW_PERSON = "Dòng {row}: không tìm thấy cá nhân “{name}” trong {unit}."
ERR_ROW_PERSON_MANY = "Dòng {row}: có nhiều người tên “{name}” trong {unit}, hãy đăng ký trên trang."
ERR_ROW_CODE = "Dòng {row}: không nhận ra danh hiệu “{code}”."
ERR_ROW_OTHER = "Dòng {row}: {message}"


def fmt_number(value) -> str:
    """1234567.5 → "1.234.567,5" (Vietnamese separators)."""
    if value is None:
        return "—"
    value = Decimal(value)
    integral = int(abs(value))
    frac = abs(value) - integral
    text = f"{integral:,}".replace(",", ".")
    if frac:
        text += "," + format(frac.normalize(), "f").split(".")[1]
    return ("-" if value < 0 else "") + text


def _governing_body(unit) -> str:
    parent = unit.parent
    return parent.official_name if parent and parent.kind == "ubnd" else ""


def review_docx(review) -> bytes:
    unit = review.unit
    movements = selectors.review_movements(review)
    periods = selectors.INTERIM_PERIODS if review.kind == ReviewKind.INTERIM else None
    att = selectors.attainment(movements, review.year, periods=periods)
    kind = review.get_kind_display()
    subject = f"phong trào “{review.movement.title}”" if review.movement_id else "công tác thi đua"
    body = [f"Thực hiện kế hoạch công tác thi đua, khen thưởng năm {review.year}, {unit.name} báo cáo "
            f"{kind.lower()} {subject} năm {review.year} như sau:"]
    body.append(Para("I. CÁC PHONG TRÀO THI ĐUA ĐÃ TRIỂN KHAI", bold=True, first_line_indent=False))
    for i, m in enumerate(movements, start=1):
        origin = f" (hưởng ứng phong trào do {m.parent.launched_by.name} phát động)" if m.parent_id else ""
        body.append(f"{i}. {m.title}{origin}.")
        if m.theme:
            body.append(f"Chủ đề: “{m.theme}”.")
    body.append(Para("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", bold=True, first_line_indent=False))
    rows = []
    for i, row in enumerate(att.rows, start=1):
        t = row.target
        state = "" if row.met is None else ("Vượt mức" if row.exceeded else "Hoàn thành" if row.met else "Chưa đạt")
        rows.append([i, t.name, t.measure, fmt_number(t.planned_value) if t.planned_value is not None else "",
                     fmt_number(row.actual), state])
    body.append(TableSpec(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Đánh giá"], rows,
                          widths_mm=[12, 68, 22, 24, 26, 23]))
    if att.total:
        body.append(f"Kết quả: {att.summary}.")
    lines = _breakdown_lines(movements, review.year, periods)
    if lines:
        body.append(Para("III. KẾT QUẢ THEO ĐƠN VỊ", bold=True, first_line_indent=False))
        body.extend(lines)
    header = DocHeader(governing_body=_governing_body(unit), issuer_name=unit.official_name,
                       number_text=f"Số: {review.number_text}" if review.number_text else "",
                       place=unit.place_name or unit.name, date=review.held_on)
    signature = SignatureBlock(title=(unit.head_title or "Chủ tịch").upper(), name=unit.head_name,
                               prefix="TM. ỦY BAN NHÂN DÂN" if unit.kind == "ubnd" else "")
    return render_simple_docx(["BÁO CÁO", f"{kind} {subject} năm {review.year}"], body, header=header,
                              signature=signature, recipients_of_copy=["Như trên;", "Lưu: VT."])


def _breakdown_lines(movements, year, periods) -> list[str]:
    out = []
    for m in movements:
        for t in m.targets.all():
            parts = [f"{u.name}: {fmt_number(v)}" for u, v in selectors.rollup_by_child(t, year, periods=periods)
                     if u.pk != m.launched_by_id]
            if parts:
                out.append(f"{t.name} ({t.measure}): " + "; ".join(parts) + ".")
    return out


def registration_template_xlsx(unit, year) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Đăng ký thi đua"
    ws.append(XLSX_HEADERS)
    ws.append([1, "", "TTLDTT"])
    people = Person.objects.filter(current_unit__path__startswith=unit.path).order_by("full_name")
    for i, p in enumerate(people, start=2):
        ws.append([i, p.full_name, "LDTT"])
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 34
    guide = wb.create_sheet("Mã danh hiệu")
    guide.append(["Mã", "Danh hiệu"])
    for code, award in codes.TITLES.items():
        guide.append([code, award.name_vi])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _code_for(text: str) -> str | None:
    text = (text or "").strip()
    if text.upper() in codes.CODES:
        return text.upper()
    needle = normalize_search(text)
    for code, award in codes.TITLES.items():
        if needle in (normalize_search(award.name_vi), normalize_search(award.short_vi)):
            return code
    return None


def parse_registration_xlsx(f, *, unit):
    """[(person|None, code)] from the template, or ValidationError listing every bad row (Vietnamese)."""
    try:
        wb = load_workbook(f, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a non-xlsx upload
        raise ValidationError(ERR_XLSX) from None
    ws = wb.worksheets[0]
    rows, errors = [], []
    for index, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        values = list(values or []) + [None, None, None]
        name, code_text = str(values[1] or "").strip(), str(values[2] or "").strip()
        if not name and not code_text:
            continue
        code = _code_for(code_text)
        if code is None:
            errors.append(ERR_ROW_CODE.format(row=index, code=code_text))
            continue
        person = None
        if name:
            matches = list(Person.objects.filter(current_unit__path__startswith=unit.path,
                                                 search_text=normalize_search(name))[:2])
            if not matches:
                errors.append(ERR_ROW_PERSON.format(row=index, name=name, unit=unit.name))
                continue
            if len(matches) > 1:
                errors.append(ERR_ROW_PERSON_MANY.format(row=index, name=name, unit=unit.name))
                continue
            person = matches[0]
        rows.append((index, person, code))
    wb.close()
    if errors:
        raise ValidationError(errors)
    return rows
