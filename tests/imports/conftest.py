import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from thidua.imports.kinds import SPECS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(rows, headers) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append(headers)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def make_file(kind, rows, name="du-lieu.xlsx", headers=None):
    """rows: dicts by column key (missing keys blank) for the kind's template columns."""
    spec = SPECS[kind]
    headers = headers or spec.labels
    table = [[row.get(c.key, "") for c in spec.columns] if isinstance(row, dict) else row for row in rows]
    return SimpleUploadedFile(name, xlsx_bytes(table, headers), content_type=XLSX)


@pytest.fixture
def clerk_client(client, cast):
    client.force_login(cast.clerk)
    return client


@pytest.fixture
def outsider_client(cast):
    from django.test import Client

    other = Client()
    other.force_login(cast.outsider)
    return other


@pytest.fixture
def upload(clerk_client):
    from django.urls import reverse

    def do(kind, rows, client=None, overwrite=False, **kw):
        c = client or clerk_client
        data = {"file": make_file(kind, rows, **kw)}
        if overwrite:
            data["overwrite"] = "on"
        return c.post(reverse("imports:upload", args=[SPECS[kind].slug]), data)

    return do


@pytest.fixture(autouse=True)
def _frozen_today(request):
    """Years are checked against today (at most next year): freeze it, except for browser tests."""
    import datetime as dt

    from tests.conftest import at

    with at(dt.date(2026, 11, 20)):
        yield


def batch_of(response):
    from thidua.imports.models import ImportBatch

    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportBatch.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def commit(client, batch, only_valid=False):
    from django.urls import reverse

    data = {"only_valid": "on"} if only_valid else {}
    return client.post(reverse("imports:batch-commit", args=[batch.pk]), data, follow=True)


def flash(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def errors_of(batch) -> dict:
    """{"7": ["Dòng 7: …"]}: the staged rows that failed their checks, by Excel row number."""
    return {str(r.number): r.errors for r in batch.rows.filter(ok=False).order_by("number")}


def valid_rows_of(batch) -> list[dict]:
    """The cleaned values of the staged valid rows, in file order (with their "row" number and "note")."""
    return [r.data for r in batch.rows.filter(ok=True).order_by("number")]
