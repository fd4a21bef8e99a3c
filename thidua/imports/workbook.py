"""The downloadable .xlsx templates: a data sheet (header, one example row, drop-down lists),
an instructions sheet, and reference sheets of the units (and people) in the user's reach."""

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.accounts.access import scope_q
from thidua.accounts.models import Capability
from thidua.formatting import format_date
from thidua.org.models import Person
from thidua.org.selectors import units_visible_to

from .kinds import COMMON_HELP, EXAMPLE_MARK, STT, KindSpec

DATA_ROWS = 5000  # drop-down lists cover this many rows
REFERENCE_LIMIT = 5000  # reference sheets list at most this many units / people

HEADER_FILL = PatternFill("solid", fgColor="FFE0B2")
BOLD = Font(bold=True)
EXAMPLE_FONT = Font(italic=True, color="808080")


def build_template(spec: KindSpec, user) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    units = list(units_visible_to(user, Capability.ORG_MANAGE).filter(valid_to__isnull=True)
                 .order_by("path")[:REFERENCE_LIMIT])
    people = []
    if spec.reference_people:
        people = list(Person.objects.filter(scope_q(user, "current_unit", Capability.ORG_MANAGE))
                      .select_related("current_unit").order_by("current_unit__path", "full_name")[:REFERENCE_LIMIT])

    example = dict(spec.example)
    example[STT] = EXAMPLE_MARK
    sample_person = people[0] if people else None
    sample_unit = sample_person.current_unit if sample_person else (units[0] if units else None)
    if (spec.person_keyed or "person_id" in spec.keys) and sample_person:
        example.update({spec.name_key: sample_person.full_name}, person_id=str(sample_person.pk),
                       date_of_birth=format_date(sample_person.date_of_birth)
                       if sample_person.date_of_birth else "")
    if sample_unit:
        example.update(unit_code=sample_unit.code, unit_name=sample_unit.name)
        example.update(dict.fromkeys(spec.example_unit_keys, sample_unit.code))

    for col, column in enumerate(spec.columns, 1):
        letter = get_column_letter(col)
        cell = ws.cell(row=1, column=col, value=column.label)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if column.help:
            cell.comment = Comment(column.help, "ThiĐua")
        ws.column_dimensions[letter].width = column.width
        ex = ws.cell(row=2, column=col, value=example.get(column.key, ""))
        ex.font = EXAMPLE_FONT
        if column.text:
            # Text, so Excel keeps "01/07/2025" as typed instead of re-reading it by the PC's locale.
            ws.column_dimensions[letter].number_format = "@"
            ex.number_format = "@"
        if column.choices:
            dv = DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="Giá trị không hợp lệ",
                                error="Hãy chọn trong danh sách: " + ", ".join(column.choices))
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{DATA_ROWS + 1}")
        if column.key == "unit_code" and units:
            dv = DataValidation(type="list", formula1=f"'Đơn vị'!$A$2:$A${len(units) + 1}", allow_blank=True,
                                showErrorMessage=True, errorStyle="warning", errorTitle="Mã đơn vị",
                                error="Mã này không có trong trang “Đơn vị” (đơn vị thuộc phạm vi của bạn).")
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{DATA_ROWS + 1}")
    ws.freeze_panes = "A2"

    guide = wb.create_sheet("Hướng dẫn")
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 100
    guide.append([f"Mẫu nhập {spec.label.lower()} – ThiĐua"])
    guide["A1"].font = Font(bold=True, size=14)
    guide.append([])
    for line in (*spec.instructions, *COMMON_HELP):
        guide.append(["•", line])
    guide.append([])
    guide.append(["Cột", "Cách ghi"])
    for c in guide[guide.max_row]:
        c.font = BOLD
    for column in spec.columns:
        guide.append([column.label, column.help])
    for row in guide.iter_rows(min_row=3):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")

    ref = wb.create_sheet("Đơn vị")
    ref.append(["Mã đơn vị", "Tên đơn vị", "Cấp"])
    for unit in units:
        ref.append([unit.code, unit.name, unit.get_level_display()])
    _header(ref, (16, 40, 24))
    if spec.reference_people:
        ref = wb.create_sheet("Cá nhân")
        ref.append(["Mã cá nhân", "Họ và tên", "Ngày sinh", "Mã đơn vị", "Tên đơn vị", "Chức vụ"])
        for p in people:
            ref.append([p.pk, p.full_name, format_date(p.date_of_birth) if p.date_of_birth else "",
                        p.current_unit.code if p.current_unit else "", p.current_unit.name if p.current_unit else "",
                        p.current_position])
        _header(ref, (12, 28, 12, 14, 36, 28))

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _header(ws, widths) -> None:
    for col, width in enumerate(widths, 1):
        ws.cell(row=1, column=col).font = BOLD
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"
