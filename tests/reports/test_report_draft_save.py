"""The one write of the reports: the clerk's draft of the annual summary (audited)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.audit.models import AuditEntry
from thidua.reports.models import ReportDraft
from thidua.reports.services import report_draft_save


def _url(unit, year=2023):
    return f"{reverse('reports:summary')}?don-vi={unit.pk}&nam={year}"


def test_it_creates_the_draft_and_audits_it(cast, org):
    draft = report_draft_save(unit=org.binh_an, year=2023, acting_user=cast.clerk, limitations="Còn hạn chế.")
    assert ReportDraft.objects.get(unit=org.binh_an, year=2023).limitations == "Còn hạn chế."
    entry = AuditEntry.objects.get(action="report_draft.saved", target_id=str(draft.pk))
    assert entry.actor == cast.clerk and entry.unit == org.binh_an
    assert entry.data["created"] is True and entry.data["new"]["limitations"] == "Còn hạn chế."


def test_it_updates_in_place_and_audits_old_and_new(cast, org):
    report_draft_save(unit=org.binh_an, year=2023, acting_user=cast.clerk, limitations="A")
    report_draft_save(unit=org.binh_an, year=2023, acting_user=cast.clerk, limitations="B",
                      report_date=dt.date(2024, 1, 15))
    assert ReportDraft.objects.count() == 1
    entry = AuditEntry.objects.filter(action="report_draft.saved").order_by("-id").first()
    assert entry.data["old"] == {"limitations": "A", "report_date": None}
    assert entry.data["new"] == {"limitations": "B", "report_date": "2024-01-15"}


def test_it_refuses_a_council_member(cast, org):
    with pytest.raises(PermissionDenied):
        report_draft_save(unit=org.binh_an, year=2023, acting_user=cast.council_member, limitations="x")
    assert not ReportDraft.objects.exists() and not AuditEntry.objects.filter(action="report_draft.saved").exists()


def test_it_refuses_another_communes_clerk(cast, org):
    with pytest.raises(PermissionDenied):
        report_draft_save(unit=org.binh_an, year=2023, acting_user=cast.outsider, limitations="x")
    assert not ReportDraft.objects.exists()


def test_it_refuses_a_bad_year(cast, org):
    with pytest.raises(ValidationError):
        report_draft_save(unit=org.binh_an, year=1800, acting_user=cast.clerk)
    assert not ReportDraft.objects.exists()


def test_it_saves_through_the_page(client_as, cast, org):
    response = client_as(cast.clerk).post(_url(org.binh_an), {
        "number_text": "15/BC-UBND", "report_date": "15/01/2024", "limitations": "Chưa sâu rộng.",
        "directions_note": ""})
    assert response.status_code == 302
    draft = ReportDraft.objects.get()
    assert (draft.number_text, draft.report_date, draft.limitations) == ("15/BC-UBND", dt.date(2024, 1, 15),
                                                                          "Chưa sâu rộng.")
    page = client_as(cast.clerk).get(_url(org.binh_an)).content.decode()
    assert "Đã lưu dự thảo báo cáo tổng kết." in page and "Lưu dự thảo báo cáo tổng kết" in page


def test_it_shows_a_vietnamese_error_for_a_bad_date_and_saves_nothing(client_as, cast, org):
    response = client_as(cast.clerk).post(_url(org.binh_an), {"report_date": "2024-13-45", "limitations": "x"})
    assert response.status_code == 200
    assert "Ngày phải theo dạng dd/mm/yyyy." in response.content.decode()
    assert not ReportDraft.objects.exists()


def test_it_answers_403_to_a_council_member_on_the_page(client_as, cast, org):
    response = client_as(cast.council_member).post(_url(org.binh_an), {"limitations": "x"})
    assert response.status_code == 403
    assert not ReportDraft.objects.exists()


def test_it_answers_404_to_another_communes_clerk_on_the_page(client_as, cast, org):
    response = client_as(cast.outsider).post(_url(org.binh_an), {"limitations": "x"})
    assert response.status_code == 404
    assert not ReportDraft.objects.exists()
