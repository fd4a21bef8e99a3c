"""Large files are made by the background worker (issue 10, item 2): a decision's certificates and a report of a
wide subtree are queued from the page or the API, their progress is shown, the file survives a closed browser,
the user is told when it is ready, and nobody else can see or download it."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.conftest import run_worker
from thidua.notifications.models import FileJob, FileJobStatus, Notification


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def big_decision(settings, issued_decision):
    settings.CERTIFICATES_INLINE_MAX = 1  # the fixture's decision has two certificates
    return issued_decision


def test_the_decision_page_queues_its_certificates_and_the_worker_makes_them(client, cast, big_decision):
    client.force_login(cast.clerk)
    page = client.get(reverse("awards:decision-detail", args=[big_decision.pk])).content.decode()
    assert "tạo trong nền" in page
    response = client.post(reverse("awards:decision-certificates-job", args=[big_decision.pk]), follow=True)
    job = FileJob.objects.get()
    assert response.redirect_chain[-1][0] == reverse("notifications:file-job", args=[job.pk])
    text = response.content.decode()
    assert "Đang chờ máy chủ xử lý" in text and "Giấy chứng nhận theo Quyết định số 01/QĐ-UBND (2 giấy)" in text

    run_worker()  # the browser may be closed meanwhile: the worker needs nobody
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (FileJobStatus.DONE, 2, 2)
    fragment = client.get(reverse("notifications:file-job-progress", args=[job.pk])).content.decode()
    assert "Đã tạo xong" in fragment and "hx-trigger" not in fragment
    pdf = b"".join(client.get(reverse("notifications:file-job-download", args=[job.pk])).streaming_content)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    assert Notification.objects.get(user=cast.clerk, kind="file.ready").url == reverse(
        "notifications:file-job", args=[job.pk])


def test_a_job_is_its_requesters_alone(client, cast, big_decision):
    client.force_login(cast.clerk)
    client.post(reverse("awards:decision-certificates-job", args=[big_decision.pk]))
    job = FileJob.objects.get()
    run_worker()
    for other in (cast.chairman, cast.outsider):
        client.force_login(other)
        for name in ("notifications:file-job", "notifications:file-job-progress", "notifications:file-job-download"):
            assert client.get(reverse(name, args=[job.pk])).status_code == 404, (other.username, name)
    client.force_login(cast.outsider)
    assert client.post(reverse("awards:decision-certificates-job", args=[big_decision.pk])).status_code == 404
    assert FileJob.objects.count() == 1


def test_a_wide_report_is_made_in_the_background_with_the_same_content(client, settings, cast, org):
    settings.REPORT_INLINE_UNITS = 0
    client.force_login(cast.province_officer)
    scope = {"don-vi": org.province.pk, "nam": 2023}
    page = client.get(reverse("reports:award-table"), scope).content.decode()
    assert 'action="/bao-cao/tep/"' in page
    response = client.post(reverse("reports:file-job"), {"report": "award-table", "fmt": "xlsx", **scope})
    job = FileJob.objects.get()
    assert response["Location"] == reverse("notifications:file-job", args=[job.pk])
    assert job.back_url == f"{reverse('reports:award-table')}?don-vi={org.province.pk}&nam=2023"
    run_worker()
    made = b"".join(client.get(reverse("notifications:file-job-download", args=[job.pk])).streaming_content)
    direct = client.get(reverse("reports:award-table-download", args=["xlsx"]), scope).content

    def cells(content):
        return [tuple(r) for r in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]

    assert cells(made) == cells(direct)


def test_a_bad_report_or_format_or_another_units_report_queues_nothing(client, cast, org):
    client.force_login(cast.clerk)
    for data, status in [({"report": "secrets", "fmt": "xlsx", "don-vi": org.binh_an.pk}, 404),
                         ({"report": "register", "fmt": "exe", "don-vi": org.binh_an.pk}, 404),
                         ({"report": "register", "fmt": "pdf", "don-vi": org.other.pk}, 404)]:
        assert client.post(reverse("reports:file-job"), data).status_code == status, data
    assert not FileJob.objects.exists()


def test_a_job_whose_object_went_out_of_reach_fails_with_a_message(client, cast, big_decision):
    client.force_login(cast.clerk)
    client.post(reverse("awards:decision-certificates-job", args=[big_decision.pk]))
    cast.clerk.role_assignments.all().delete()  # moved to another post before the worker ran
    run_worker()
    job = FileJob.objects.get()
    assert job.status == FileJobStatus.FAILED and job.error.startswith("Không tạo được tệp:")
    assert not job.file


def test_the_api_queues_follows_and_downloads(cast, big_decision, org):
    from django.test import Client

    from thidua.api.services import api_token_create

    _, key = api_token_create(user=cast.clerk, name="Văn phòng", acting_user=cast.clerk)
    api = Client(headers={"Authorization": f"Bearer {key}"})
    queued = api.post(f"/api/files/certificates/{big_decision.pk}")
    assert queued.status_code == 202 and queued.json()["status"] == "queued" and queued.json()["download"] is None
    report = api.post("/api/files/reports", {"report": "register", "fmt": "docx", "unit_id": org.binh_an.pk,
                                            "year": 2023}, content_type="application/json")
    assert report.status_code == 202, report.content
    bad = api.post("/api/files/reports", {"report": "register", "fmt": "exe", "unit_id": org.binh_an.pk,
                                         "year": 2023}, content_type="application/json")
    assert bad.status_code == 400 and "xlsx" in bad.json()["detail"]
    assert api.get(f"/api/files/{queued.json()['id']}/download").status_code == 404  # not made yet
    run_worker()
    done = api.get(f"/api/files/{queued.json()['id']}").json()
    assert done["status"] == "done" and done["done"] == done["total"] == 2
    assert b"".join(api.get(done["download"]).streaming_content).startswith(b"%PDF")
    assert api.get(f"/api/files/{report.json()['id']}").json()["status"] == "done"
    _, other = api_token_create(user=cast.outsider, name="Xã khác", acting_user=cast.outsider)
    outsider = Client(headers={"Authorization": f"Bearer {other}"})
    assert outsider.get(f"/api/files/{queued.json()['id']}").status_code == 404
    assert outsider.post(f"/api/files/certificates/{big_decision.pk}").status_code == 404
