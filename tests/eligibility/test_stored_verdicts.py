"""Verdicts computed once, read many times (issue 11, item 1): the candidate list reads stored verdicts, which
the doors' changes make out of date for the units they concern; a small subtree is computed again at once, a
large one on the worker (the province root included), with counts first and pages of rows."""

import datetime as dt
import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import run_worker
from thidua.awards import bulk
from thidua.awards.models import EligibilityRun, RunStatus, StoredVerdict, VerdictCount
from thidua.notifications.models import FileJob
from thidua.org.services import person_create, ratings_set

URL = "eligibility:candidates"
Q = {"year": 2025, "decision_date": "2026-01-15"}


def page(user, unit, **params):
    c = Client()
    c.force_login(user)
    return c.get(reverse(URL, args=[unit.pk]), {**Q, **params}).content.decode()


def api(user, unit, **params):
    c = Client()
    c.force_login(user)
    return c.get("/api/eligibility/candidates", {"unit": unit.pk, **Q, **params}).json()


def newcomer(org, name="Trần Văn Mới"):
    return person_create(acting_user=None, full_name=name, gender="male", date_of_birth=dt.date(1990, 1, 1),
                         unit=org.binh_an, position="Công chức", start_date=dt.date(2020, 1, 1))


def test_the_first_view_stores_the_verdicts_and_the_next_reads_them(cast, org, history):
    page(cast.clerk, org.binh_an)
    [run] = EligibilityRun.objects.filter(status=RunStatus.DONE)
    assert run.unit == org.binh_an and run.ruleset_id == "2025-07" and run.decision_date == dt.date(2026, 1, 15)
    stored = {(v.kind, v.subject_id) for v in StoredVerdict.objects.filter(run=run)}
    assert ("individual", history.van.pk) in stored and ("collective", org.youth.pk) in stored
    page(cast.clerk, org.binh_an, code="CSTD_TINH")
    page(cast.clerk, org.youth)  # a sub-unit reads its part of the same run
    assert list(EligibilityRun.objects.values_list("pk", flat=True)) == [run.pk]


def test_a_change_through_a_door_is_seen_at_the_next_view_and_only_where_it_concerns(cast, org, history):
    page(cast.clerk, org.binh_an)
    first = EligibilityRun.objects.get()
    ratings_set(items=[{"person": history.luc, "year": 2025, "rating": "HTXS"}], acting_user=cast.outsider)
    page(cast.clerk, org.binh_an)  # another commune's rating: Bình An's verdicts stay
    assert list(EligibilityRun.objects.values_list("pk", flat=True)) == [first.pk]
    newcomer(org)
    html = page(cast.clerk, org.binh_an, q="tran van moi")
    assert "Trần Văn Mới" in html
    [second] = EligibilityRun.objects.all()  # computed again; the replaced run is gone
    assert second.pk != first.pk and second.data_version > first.data_version


def test_the_counts_come_first_and_match_the_rows(cast, org, history):
    data = api(cast.clerk, org.binh_an, limit=200)
    by_code: dict = {}
    for item in data["items"]:
        for v in item["verdicts"]:
            by_code[(v["code"], v["status"])] = by_code.get((v["code"], v["status"]), 0) + 1
    assert {(c["code"], c["status"]): c["n"] for c in data["counts"] if c["n"]} == by_code
    html = page(cast.clerk, org.binh_an)
    assert html.index('id="verdict-counts"') < html.index('class="striped candidates"')
    assert 'href="?year=2025&amp;decision_date=2026-01-15&amp;code=CSTD_TINH&amp;status=eligible"' in html


def test_the_list_is_paged(cast, org, history, monkeypatch):
    from thidua.eligibility import views

    monkeypatch.setattr(views, "PAGE_ROWS", 2)
    one, two = page(cast.clerk, org.binh_an), page(cast.clerk, org.binh_an, trang=2)
    assert one.count('class="candidate"') == 2 and two.count('class="candidate"') == 2
    assert "Trang 1/" in one and "Trang 2/" in two
    assert "<td>3</td>" in two  # numbering goes on across pages


@pytest.fixture
def large(settings):
    """Every subtree counts as large: computed on the worker."""
    settings.VERDICTS_INLINE_PEOPLE = 0
    settings.VERDICTS_REFRESH_DELAY_SECONDS = 0


def test_a_province_officer_opens_the_province_roots_list_computed_on_the_worker(cast, org, history, large):
    html = page(cast.province_officer, org.province)
    assert 'id="verdicts-pending"' in html and 'class="candidate"' not in html
    assert api(cast.province_officer, org.province)["state"] == "computing"
    assert EligibilityRun.objects.filter(status=RunStatus.RUNNING).count() == 1  # one run, not one per view
    run_worker()
    html = page(cast.province_officer, org.province, code="CSTD_TINH", status="eligible")
    assert "Nguyễn Thanh Văn" in html and 'id="verdicts-pending"' not in html
    run = EligibilityRun.objects.get(status=RunStatus.DONE)
    expected = {f"{c}|{s}": n for (c, s), n in bulk.result_of(run).counts().items()}
    assert run.counts == expected
    at_root: dict = {}
    for c in VerdictCount.objects.filter(run=run, unit=org.province):
        at_root[f"{c.code}|{c.status}"] = at_root.get(f"{c.code}|{c.status}", 0) + c.n
    assert at_root == expected
    body = api(cast.province_officer, org.province)
    assert body["state"] == "fresh" and body["count"] == len(bulk.result_of(run).people) + len(bulk.result_of(run).units)
    # The counts the list pages with (stored) equal counting the rows.
    for params in ({"code": "GIAY_KHEN", "status": "eligible"}, {"code": "GIAY_KHEN"}, {"kind": "collective"},
                   {"code": "LDTT", "status": "not_eligible", "kind": "individual"}, {"status": "eligible"}):
        body = api(cast.province_officer, org.province, limit=200, **params)
        assert body["count"] == len(body["items"]), params
    # A commune clerk reads their part of the province's run, nothing of another commune.
    body = api(cast.clerk, org.binh_an, limit=200)
    assert body["state"] == "fresh" and all(i["name"] != "Đinh Văn Lực" for i in body["items"])


def test_after_a_change_the_worker_computes_the_stored_verdicts_again(cast, org, history, large,
                                                                    django_capture_on_commit_callbacks):
    page(cast.province_officer, org.province)
    run_worker()
    old = EligibilityRun.objects.get(status=RunStatus.DONE)
    with django_capture_on_commit_callbacks(execute=True):
        newcomer(org)  # once committed, queues the refresh of the runs it concerns
    assert EligibilityRun.objects.get(pk=old.pk).refresh_queued
    run_worker()  # the refresh, with no page asking for it
    assert not EligibilityRun.objects.filter(pk=old.pk).exists()
    assert "Trần Văn Mới" in page(cast.province_officer, org.province, q="tran van moi")
    # While the worker has not caught up, the page shows the previous verdicts, marked.
    newcomer(org, "Lê Thị Sau")
    html = page(cast.province_officer, org.province, q="le thi sau")
    assert 'id="verdicts-stale"' in html and "Lê Thị Sau" not in html
    run_worker()
    html = page(cast.province_officer, org.province, q="le thi sau")
    assert "Lê Thị Sau" in html and 'id="verdicts-stale"' not in html
    assert EligibilityRun.objects.filter(status=RunStatus.DONE).count() == 1


def test_the_excel_list_of_a_large_subtree_is_made_by_the_worker(cast, org, history, large):
    c = Client()
    c.force_login(cast.province_officer)
    url = reverse(URL, args=[org.province.pk])
    r = c.get(url, {**Q, "format": "xlsx"})
    assert r.status_code == 302 and FileJob.objects.count() == 0  # a GET makes no file
    r = c.post(reverse("eligibility:candidates-file", args=[org.province.pk]) + "?year=2025&code=CSTD_TINH"
               "&decision_date=2026-01-15")
    job = FileJob.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("notifications:file-job", args=[job.pk])
    run_worker()
    download = c.get(reverse("notifications:file-job-download", args=[job.pk]))
    ws = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    rows = [r for r in ws.iter_rows(values_only=True) if r and len(r) > 7]
    [van] = [r for r in rows if r[2] == "Nguyễn Thanh Văn"]
    assert van[5] == "CSTĐ cấp tỉnh" and "Luật TĐKT 2022, Điều 22" in (van[7] or "") + (van[8] or "")
    assert any(r[2] == "Đinh Văn Lực" for r in rows)  # the whole province
