"""A nominee list sent up as Excel becomes the entries of one draft nomination (issue 12, item 2): the layout lower
units send is read without mapping; collectives are found under their named parent, people by name and unit;
namesakes are row errors listing the candidates; a submitted nomination or an outsider's is refused."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.imports.conftest import XLSX, batch_of, commit, errors_of, xlsx_bytes
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.org.services import person_create, unit_create

COMMON = ["STT", "Tên gọi (Ông/Bà/Chức danh)", "Tên tập thể/cá nhân/hộ gia đình", "Chức vụ", "Đơn vị công tác",
          "Phân loại khen thưởng", "Danh hiệu thi đua/Hình thức khen thưởng", "Phân loại đối tượng",
          "Lĩnh vực hoạt động"]


def _nomination(cast, org, reason="Đã có thành tích xuất sắc trong phong trào thi đua năm 2025"):
    return services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2025,
                                      title="Đề nghị tặng Giấy khen năm 2025", reason_text=reason)


def _post(client, nomination, rows, headers=COMMON):
    url = reverse("imports:upload", args=["danh-sach-de-nghi"]) + f"?vao={nomination.pk}"
    return client.post(url, {"file": SimpleUploadedFile("ds.xlsx", xlsx_bytes(rows, headers), content_type=XLSX)})


def test_the_common_layout_fills_one_nomination(clerk_client, cast, org, people):
    import datetime as dt

    # Two villages with a "Chi hội Phụ nữ" each: the same name, told apart by the parent named in the row.
    villages = [unit_create(acting_user=None, code=f"BAN-T{i}", name=f"Thôn {i}", level="grassroots", kind="village",
                            parent=org.binh_an) for i in (1, 2)]
    for v in villages:
        unit_create(acting_user=None, code=f"{v.code}-PN", name="Chi hội Phụ nữ", level="grassroots",
                    kind="mass_org", parent=v)
    person_create(acting_user=None, full_name="Nguyễn Thanh Văn", gender="male", date_of_birth=dt.date(1990, 1, 2),
                  unit=org.youth, start_date=dt.date(2020, 1, 1))  # a namesake in the youth union
    nomination = _nomination(cast, org)
    rows = [
        [1, "Bà", "Nguyễn Thị Mỹ Duyên", "Bí thư Đoàn", "Đoàn Thanh niên xã Bình An", "Khen thưởng cá nhân",
         "Giấy khen", "Trực tiếp", "Đoàn thể"],
        [2, "", "Chi hội Phụ nữ", "", "Thôn 1", "Khen thưởng tập thể", "Giấy khen", "", ""],
        [3, "", "Chi hội Phụ nữ", "", "Thôn 2", "Khen thưởng tập thể", "", "", ""],
        [4, "Ông", "Nguyễn Thanh Văn", "", "", "Khen thưởng cá nhân", "Giấy khen", "", ""],
        [5, "", "Chi hội Phụ nữ", "", "", "Khen thưởng tập thể", "", "", ""],
        [6, "Ông", "Đinh Văn Lực", "", "Xã Ba Tiêu", "Khen thưởng cá nhân", "", "", ""],
        [7, "", "Thôn 1", "", "Xã Bình An", "Khen thưởng tập thể", "Bằng khen cấp bộ, ngành, tỉnh", "", ""],
        [8, "", "Hộ ông Trần Văn Tư", "", "Thôn 1", "Khen thưởng hộ gia đình", "", "", ""],
        [9, "Bà", "Nguyễn Thị Mỹ Duyên", "", "", "Khen thưởng cá nhân", "", "", ""],
    ]
    batch = batch_of(_post(clerk_client, nomination, rows))
    errors = errors_of(batch)
    assert list(errors) == ["5", "6", "7", "8", "9", "10"]
    assert errors["5"][0].startswith("Dòng 5: Có 2 người tên 'Nguyễn Thanh Văn': Nguyễn Thanh Văn (sinh 01/05/1985, "
                                     "Xã Bình An, mã ")
    assert errors["6"][0].startswith("Dòng 6: Có 2 tập thể tên 'Chi hội Phụ nữ': Chi hội Phụ nữ thuộc Thôn 1")
    assert errors["7"] == ["Dòng 7: Không tìm thấy cá nhân 'Đinh Văn Lực' ở Xã Ba Tiêu trong Xã Bình An"]
    assert errors["8"] == ["Dòng 8: Dòng đề nghị Bằng khen cấp bộ, ngành, tỉnh, nhưng đề nghị này là Giấy khen: mỗi "
                           "đề nghị một danh hiệu, hình thức"]
    assert errors["9"] == ["Dòng 9: Hộ gia đình: chưa nhập được từ tệp; hãy thêm hộ này trên trang đề nghị"]
    assert errors["10"] == ["Dòng 10: Trùng với dòng 2 trong tệp (cùng cá nhân hoặc tập thể)"]
    commit(clerk_client, batch)
    assert nomination.entries.count() == 0  # all or nothing
    response = commit(clerk_client, batch, only_valid=True)
    assert reverse("awards:nomination-detail", args=[nomination.pk]) in response.content.decode()
    got = {(e.display_name, e.recipient_kind, e.recipient_unit.parent.name if e.recipient_unit else "")
           for e in nomination.entries.select_related("recipient_unit__parent")}
    assert got == {("Nguyễn Thị Mỹ Duyên", "individual", ""), ("Chi hội Phụ nữ", "collective", "Thôn 1"),
                   ("Chi hội Phụ nữ", "collective", "Thôn 2")}
    assert {e.achievement for e in nomination.entries.all()} == {nomination.reason_text}
    assert AuditEntry.objects.filter(action="nomination.entry_added", actor=cast.clerk).count() == 3
    again = batch_of(_post(clerk_client, nomination, rows[:1]))
    assert errors_of(again) == {"2": ["Dòng 2: 'Nguyễn Thị Mỹ Duyên' đã có trong đề nghị này"]}


def test_without_an_achievement_the_rows_ask_for_one(clerk_client, cast, org, people):
    nomination = _nomination(cast, org, reason="")
    rows = [[1, "Bà", "Nguyễn Thị Mỹ Duyên", "", "Đoàn Thanh niên xã Bình An", "Khen thưởng cá nhân", "", "", "",
             ""], [2, "Ông", "Nguyễn Thanh Văn", "", "Xã Bình An", "Khen thưởng cá nhân", "", "", "", "Tích cực"]]
    batch = batch_of(_post(clerk_client, nomination, rows, headers=[*COMMON, "Thành tích"]))
    assert errors_of(batch) == {"2": ["Dòng 2: Thiếu thành tích: ghi cột “Thành tích”, hoặc ghi thành tích chung của "
                                      "đề nghị trước khi nhập"]}
    commit(clerk_client, batch, only_valid=True)
    assert nomination.entries.get().achievement == "Tích cực"


def test_a_submitted_or_foreign_nomination_takes_no_list(clerk_client, outsider_client, cast, org, people,
                                                         approved_nomination):
    submitted = approved_nomination
    rows = [[1, "Bà", "Nguyễn Thị Mỹ Duyên", "", "", "Khen thưởng cá nhân", "", "", ""]]
    before = submitted.entries.count()
    refused = _post(clerk_client, submitted, rows)
    assert refused.status_code == 400 and "đã trình hoặc đã được duyệt" in refused.content.decode()
    nomination = _nomination(cast, org)
    assert _post(outsider_client, nomination, rows).status_code == 404
    url = reverse("imports:upload", args=["danh-sach-de-nghi"])
    assert clerk_client.get(url).status_code == 404  # no nomination named: nothing to fill
    assert submitted.entries.count() == before and nomination.entries.count() == 0
    page = clerk_client.get(reverse("awards:nomination-detail", args=[nomination.pk])).content.decode()
    assert f"{url}?vao={nomination.pk}" in page


def test_the_template_comes_back_into_a_nomination(clerk_client, cast, org, people):
    import io

    from openpyxl import load_workbook

    nomination = _nomination(cast, org)
    wb = load_workbook(io.BytesIO(clerk_client.get(reverse("imports:template", args=["danh-sach-de-nghi"])).content))
    ws = wb["Dữ liệu"]
    ws["A2"] = 1  # the example row (a person of the clerk's reach), now a real one
    out = io.BytesIO()
    wb.save(out)
    url = reverse("imports:upload", args=["danh-sach-de-nghi"]) + f"?vao={nomination.pk}"
    batch = batch_of(clerk_client.post(url, {"file": SimpleUploadedFile("mau.xlsx", out.getvalue())}))
    assert (errors_of(batch), batch.total, batch.target_id) == ({}, 1, nomination.pk)
    commit(clerk_client, batch)
    assert nomination.entries.count() == 1


def test_four_hundred_collectives_under_forty_parents_become_one_nomination(clerk_client, cast, org, people):
    parents = [unit_create(acting_user=None, code=f"BAN-T{i:02d}", name=f"Thôn {i}", level="grassroots",
                           kind="village", parent=org.binh_an) for i in range(1, 41)]
    names = ("Chi hội Phụ nữ", "Chi đoàn", "Chi hội Nông dân", "Chi hội Cựu chiến binh", "Ban công tác Mặt trận",
             "Tổ hòa giải", "Tổ an ninh", "Câu lạc bộ dưỡng sinh", "Đội văn nghệ", "Tổ tự quản môi trường")
    for p in parents:
        for j, name in enumerate(names):
            unit_create(acting_user=None, code=f"{p.code}-{j}", name=name, level="grassroots", kind="mass_org",
                        parent=p)
    nomination = _nomination(cast, org)
    rows = [[n, "", name, "", p.name, "Khen thưởng tập thể", "Giấy khen", "Tập thể", ""]
            for n, (p, name) in enumerate(((p, name) for p in parents for name in names), 1)]
    batch = batch_of(_post(clerk_client, nomination, rows))
    assert (batch.total, batch.error_count) == (400, 0)
    commit(clerk_client, batch)
    entries = nomination.entries.select_related("recipient_unit__parent")
    assert entries.count() == 400
    assert {e.recipient_unit.parent.name for e in entries} == {p.name for p in parents}
