import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests.imports.conftest import XLSX, batch_of, commit, errors_of
from thidua.awards.models import Grant
from thidua.imports.kinds import SPECS
from thidua.org.models import Discipline, Initiative, Person, PersonRating

COUNTS = {"people": Person, "ratings": PersonRating, "discipline": Discipline, "initiatives": Initiative,
          "history": Grant}


def download(client, kind):
    response = client.get(reverse("imports:template", args=[SPECS[kind].slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert f'filename="mau-nhap-{SPECS[kind].slug}.xlsx"' in response["Content-Disposition"]
    return response.content


@pytest.mark.parametrize("kind", list(SPECS))
def test_it_serves_a_template_with_header_example_lists_and_instructions(clerk_client, people, kind):
    wb = load_workbook(io.BytesIO(download(clerk_client, kind)))
    spec = SPECS[kind]
    expected = ["Dữ liệu", "Hướng dẫn", "Đơn vị"] + (["Cá nhân"] if spec.reference_people else [])
    assert wb.sheetnames == expected
    ws = wb["Dữ liệu"]
    assert [c.value for c in ws[1]] == spec.labels
    assert ws["A2"].value == "Ví dụ"
    formulas = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert any("'Đơn vị'!$A$2" in f for f in formulas) == ("unit_code" in spec.keys)
    if kind == "ratings":
        assert '"Hoàn thành xuất sắc nhiệm vụ,Hoàn thành tốt nhiệm vụ,Hoàn thành nhiệm vụ,Không hoàn thành nhiệm vụ"' \
            in formulas
    guide = " ".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
    assert "dd/mm/yyyy" in guide and "Chỉ nhập các dòng hợp lệ" in guide
    units = [row[0].value for row in wb["Đơn vị"].iter_rows(min_row=2)]
    assert units == ["BAN", "BAN-DTN"]  # the clerk's reach only: never Ba Tiêu
    if spec.reference_people:
        names = {row[1].value for row in wb["Cá nhân"].iter_rows(min_row=2)}
        assert names == {"Nguyễn Thanh Văn", "Nguyễn Thị Mỹ Duyên"}


@pytest.mark.parametrize("kind", [k for k, spec in SPECS.items() if not spec.needs_target])
def test_it_takes_its_own_template_back(clerk_client, people, kind):
    content = download(clerk_client, kind)
    upload_url = reverse("imports:upload", args=[SPECS[kind].slug])
    unchanged = clerk_client.post(upload_url, {"file": SimpleUploadedFile("mau.xlsx", content)})
    assert unchanged.context["form"].errors["file"] == [
        "Tệp 'mau.xlsx' chưa có dòng dữ liệu nào (dòng ví dụ được bỏ qua)."]
    wb = load_workbook(io.BytesIO(content))
    ws = wb["Dữ liệu"]
    ws["A2"] = 1  # the example row, now a real one
    out = io.BytesIO()
    wb.save(out)
    before = COUNTS[kind].objects.count()
    batch = batch_of(clerk_client.post(upload_url, {"file": SimpleUploadedFile("mau.xlsx", out.getvalue())}))
    assert (errors_of(batch), batch.total) == ({}, 1)
    commit(clerk_client, batch)
    assert COUNTS[kind].objects.count() == before + 1
