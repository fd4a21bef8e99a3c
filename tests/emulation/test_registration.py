import datetime as dt
import io

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from thidua.audit.models import AuditEntry
from thidua.emulation import services
from thidua.emulation.models import Registration
from thidua.emulation.selectors import registrations_for
from thidua.notifications.models import Notification

from .conftest import day


def test_it_registers_in_bulk_and_the_level_above_approves(cast, org, people, movement):
    regs = services.registration_submit(acting_user=cast.clerk, movement=movement, year=2024, unit=org.binh_an,
                                        rows=[(None, "TTLDXS"), (people.van, "CSTDCS"), (people.duyen, "LDTT")])
    assert len(regs) == 3 and AuditEntry.objects.filter(action="registration.submitted").count() == 3
    # The level above is told (binh_an's parent is the district; the province officer's reach covers it).
    told = Notification.objects.get(kind="registration.submitted", user=cast.province_officer)
    assert "đăng ký 3 danh hiệu thi đua năm 2024" in told.text
    with pytest.raises(PermissionDenied):  # a unit never approves its own registration
        services.registration_approve(acting_user=cast.clerk, registration=regs[0])
    for r in regs:
        services.registration_approve(acting_user=cast.province_officer, registration=r)
    assert registrations_for(people.van, 2024) == {"CSTDCS"}
    assert registrations_for(org.binh_an, 2024) == {"TTLDXS"}
    assert registrations_for(people.van, 2023) == set()


def test_it_returns_with_a_reason(cast, org, people, movement):
    (reg,) = services.registration_submit(acting_user=cast.clerk, movement=movement, year=2024, unit=org.binh_an,
                                          rows=[(people.van, "LDTT")])
    with pytest.raises(ValidationError):
        services.registration_return(acting_user=cast.province_officer, registration=reg, reason=" ")
    services.registration_return(acting_user=cast.province_officer, registration=reg, reason="Thiếu xếp loại")
    told = Notification.objects.get(kind="registration.decided", user=cast.clerk)
    assert "bị trả lại: Thiếu xếp loại" in told.text
    reg.refresh_from_db()
    assert reg.status == "returned" and AuditEntry.objects.filter(action="registration.returned",
                                                                  reason="Thiếu xếp loại").exists()


def test_it_refuses_the_whole_batch_when_one_row_is_bad(cast, org, people, movement):
    with pytest.raises(ValidationError) as exc:
        services.registration_submit(acting_user=cast.clerk, movement=movement, year=2024, unit=org.binh_an,
                                     rows=[(people.van, "LDTT"), (people.luc, "LDTT"), (None, "LDTT")])
    assert "Đinh Văn Lực không thuộc đơn vị đăng ký." in exc.value.messages
    assert "Danh hiệu “LDTT” không phải danh hiệu thi đua tập thể." in exc.value.messages
    assert not Registration.objects.exists()


def test_it_refuses_another_units_registration(cast, org, people, movement):
    with pytest.raises(PermissionDenied):
        services.registration_submit(acting_user=cast.outsider, movement=movement, year=2024, unit=org.binh_an,
                                     rows=[(None, "TTLDTT")])


def test_it_refuses_registration_after_the_deadline(cast, org, movement):
    services.registration_window_set(acting_user=cast.province_officer, movement=movement, year=2024,
                                     deadline=dt.date(2024, 3, 31))
    with time_machine.travel(day(2024, 4, 1), tick=False), pytest.raises(ValidationError) as exc:
        services.registration_submit(acting_user=cast.clerk, movement=movement, year=2024, unit=org.binh_an,
                                     rows=[(None, "TTLDTT")])
    assert "Đã hết hạn đăng ký thi đua năm 2024" in exc.value.messages[0] and "31/03/2024" in exc.value.messages[0]
    with time_machine.travel(day(2024, 3, 31), tick=False):
        services.registration_submit(acting_user=cast.clerk, movement=movement, year=2024, unit=org.binh_an,
                                     rows=[(None, "TTLDTT")])


def _xlsx(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Danh hiệu"])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("dang-ky.xlsx", buf.getvalue())


def test_it_imports_the_excel_template_with_per_row_errors(client, cast, org, people, movement):
    client.force_login(cast.clerk)
    url = reverse("emulation:registration-upload", args=[movement.pk])
    bad = _xlsx([[1, "", "TTLDTT"], [2, "Nguyễn Thanh Văn", "LDTT"], [3, "Không Có Ai", "LDTT"], [4, "", "XYZ"]])
    response = client.post(url, {"unit": org.binh_an.pk, "year": 2024, "file": bad}, follow=True)
    text = response.content.decode()
    assert "Dòng 4: không tìm thấy cá nhân “Không Có Ai” trong Xã Bình An." in text
    assert "Dòng 5: không nhận ra danh hiệu “XYZ”." in text
    assert not Registration.objects.exists()
    good = _xlsx([[1, "", "Tập thể lao động tiên tiến"], [2, "nguyen thanh van", "LDTT"]])
    client.post(url, {"unit": org.binh_an.pk, "year": 2024, "file": good})
    assert Registration.objects.count() == 2
    template = client.get(reverse("emulation:registration-template", args=[movement.pk]) + "?nam=2024")
    assert template.status_code == 200 and template.content[:2] == b"PK"


def test_it_registers_from_the_bulk_page_and_hides_it_from_others(client, cast, org, people, movement, third):
    client.force_login(cast.clerk)
    url = reverse("emulation:registration-bulk", args=[movement.pk])
    assert client.get(url + "?nam=2024").status_code == 200
    client.post(url, {"unit": org.binh_an.pk, "year": 2024, "collective": "TTLDTT",
                      f"person_{people.van.pk}": "CSTDCS"})
    assert Registration.objects.count() == 2
    reg = Registration.objects.first()
    client.force_login(third.user)
    assert client.post(reverse("emulation:registration-approve", args=[reg.pk])).status_code == 404
    client.force_login(cast.clerk)
    client.post(reverse("emulation:registration-approve", args=[reg.pk]))
    reg.refresh_from_db()
    assert reg.status == "submitted"
    client.force_login(cast.province_officer)
    client.post(reverse("emulation:registration-approve", args=[reg.pk]))
    reg.refresh_from_db()
    assert reg.status == "approved"


def test_the_registration_list_pages_through_a_provinces_registrations(cast, org, people, movement, client,
                                                                       monkeypatch):
    from thidua.core import paging

    services.registration_submit(acting_user=cast.clerk, movement=movement, year=2024, unit=org.binh_an,
                                 rows=[(None, "TTLDXS"), (people.van, "CSTDCS"), (people.duyen, "LDTT")])
    monkeypatch.setattr(paging, "PAGE_ROWS", 2)
    client.force_login(cast.province_officer)
    client.get(reverse("emulation:registration-list"))  # warm the session and role caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one_page:
        first = client.get(reverse("emulation:registration-list")).content.decode()
    with CaptureQueriesContext(connection) as other_page:
        client.get(reverse("emulation:registration-list"), {"trang": 2})
    assert len(one_page) == len(other_page)  # no query per row: two rows cost what one costs
    assert "Trang 1/2 (3 dòng)" in first and first.count("Trả lại</button>") == 2
    second = client.get(reverse("emulation:registration-list"), {"trang": 2}).content.decode()
    # The row past the first page is reached (it was cut off at 500 rows before) and can still be decided.
    assert "Trang 2/2" in second and second.count("Trả lại</button>") == 1
    assert client.get(reverse("emulation:registration-list"), {"status": "approved"}).status_code == 200
