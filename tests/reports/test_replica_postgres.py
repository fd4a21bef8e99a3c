"""Report pages and exports read from a read replica, proven on PostgreSQL (issue 10, item 6).

The `replica` alias connects to the same database as a role that may only SELECT: every report page,
download and API answer still works and reads through it, so nothing the router sends there writes; a
write sent there on purpose fails loudly and changes nothing.
"""

import io

import pytest
from django.conf import settings
from django.db import ProgrammingError, connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from thidua.api.services import api_token_create
from thidua.awards.models import Decision

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["reports:home", "reports:award-table", "reports:register", "reports:summary"]
DOWNLOADS = [("reports:award-table-download", "xlsx"), ("reports:register-download", "docx"),
             ("reports:summary-download", "xlsx")]
API = ["/api/reports/stats", "/api/reports/award-table", "/api/reports/register", "/api/reports/summary"]


@pytest.fixture
def select_only_replica(require_postgres, monkeypatch):
    """A login role with SELECT on every table and nothing else, as the `replica` alias."""
    database = connection.settings_dict["NAME"]
    role = f"{database}_readonly"[:63]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP ROLE IF EXISTS "{role}"')
        cursor.execute(f'CREATE ROLE "{role}" LOGIN')
        cursor.execute(f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"')
        cursor.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"')
        cursor.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    # settings.DATABASES is the dict the connection handler reads: the alias appears for both. The
    # connection is opened here and kept (CONN_MAX_AGE None): the test case allows only the aliases it was
    # made with to open connections later.
    monkeypatch.setitem(settings.DATABASES, "replica", {**connection.settings_dict, "USER": role, "PASSWORD": "",
                                                        "CONN_MAX_AGE": None})
    connections["replica"].connect()
    yield connections["replica"]
    connections["replica"].close()
    del connections["replica"]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP OWNED BY "{role}"')
        cursor.execute(f'DROP ROLE "{role}"')


def test_the_replica_role_may_read_but_a_write_sent_to_it_fails_and_changes_nothing(select_only_replica,
                                                                                      report_data):
    decision = report_data.giay_khen
    assert Decision.objects.using("replica").get(pk=decision.pk).summary == decision.summary
    with pytest.raises(ProgrammingError, match="permission denied"):
        Decision.objects.using("replica").filter(pk=decision.pk).update(summary="Sửa trên bản sao")
    assert Decision.objects.get(pk=decision.pk).summary == decision.summary


def test_report_pages_downloads_and_api_read_through_the_select_only_replica(select_only_replica, report_data,
                                                                             client_as, cast, org):
    scope = {"don-vi": org.binh_an.pk, "nam": 2023}
    client = client_as(cast.clerk)
    _, key = api_token_create(user=cast.clerk, name="Kho dữ liệu tỉnh", acting_user=cast.clerk)
    api = Client(headers={"Authorization": f"Bearer {key}"})
    with CaptureQueriesContext(select_only_replica) as replica_reads:
        for name in PAGES:
            assert client.get(reverse(name), scope).status_code == 200, name
        files = {}
        for name, fmt in DOWNLOADS:
            response = client.get(reverse(name, args=[fmt]), scope)
            assert response.status_code == 200, name
            files[name] = response.content
        answers = {path: api.get(path, {"unit_id": org.binh_an.pk, "year": 2023}) for path in API}
    assert all(r.status_code == 200 for r in answers.values()), {p: r.status_code for p, r in answers.items()}
    # The figures came through the replica and are the primary's: 6 grants, 8.910.000 đ.
    statements = [q["sql"] for q in replica_reads.captured_queries]
    assert any('"awards_grant"' in sql for sql in statements)
    assert all(sql.lstrip().upper().startswith(("SELECT", "SET", "SHOW")) for sql in statements)
    rows = {r[1]: r for r in load_workbook(io.BytesIO(files["reports:award-table-download"])).active.iter_rows(
        values_only=True) if r and len(r) > 1}
    assert rows["Tổng cộng"][3:7] == (3, 2, 1, 8_910_000)
    assert answers["/api/reports/stats"].json()["totals"]["amount"] == 8_910_000


def test_pages_outside_the_reports_read_the_primary_even_with_a_replica(select_only_replica, report_data, client_as,
                                                                        cast):
    with CaptureQueriesContext(select_only_replica) as replica_reads:
        assert client_as(cast.clerk).get(reverse("home:home")).status_code == 200
    assert replica_reads.captured_queries == []


def test_the_workers_report_files_read_through_the_replica(select_only_replica, report_data, cast, org, settings,
                                                            tmp_path):
    from tests.conftest import run_worker
    from thidua.notifications.models import FileJob, FileJobStatus
    from thidua.reports.jobs import report_job_start

    settings.MEDIA_ROOT = tmp_path
    report_job_start(report="award-table", fmt="xlsx", unit=org.binh_an, year=2023, acting_user=cast.clerk)
    with CaptureQueriesContext(select_only_replica) as replica_reads:
        run_worker()
    job = FileJob.objects.get()
    assert job.status == FileJobStatus.DONE, job.error
    assert any('"awards_grant"' in q["sql"] for q in replica_reads.captured_queries)
    rows = {r[1]: r for r in load_workbook(job.file.open("rb")).active.iter_rows(values_only=True) if r and len(r) > 1}
    assert rows["Tổng cộng"][3:7] == (3, 2, 1, 8_910_000)
