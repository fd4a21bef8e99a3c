"""A large file is written by the background worker once the clerk confirms (issue 10, item 2): the page shows
that it is being written and survives a closed browser; nothing is written twice; a refusal found by the
worker puts the batch back to wait for the clerk with the reason, nothing written."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.conftest import run_worker
from tests.imports.conftest import batch_of, commit, flash
from thidua.audit.models import AuditEntry
from thidua.imports.models import BatchStatus
from thidua.org.models import PersonRating

pytestmark = pytest.mark.usefixtures("db")
LARGE = override_settings(IMPORT_BACKGROUND_ROWS=2)


def rows(people, years):
    return [{"person_id": str(people.van.pk), "year": str(y), "rating": "HTT"} for y in years]


@LARGE
def test_the_worker_writes_a_large_file_the_clerk_confirmed(upload, clerk_client, people):
    batch = batch_of(upload("ratings", rows(people, [2020, 2021, 2022])))
    run_worker()  # checked
    response = commit(clerk_client, batch)
    assert "Máy chủ đang ghi các dòng vào hệ thống" in " ".join(flash(response))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.COMMITTING and PersonRating.objects.count() == 0
    page = response.content.decode()
    assert "Đang ghi 3 dòng hợp lệ" in page and 'hx-trigger="every 1s"' in page
    # A second click (another tab) is refused while it is being written.
    again = commit(clerk_client, batch)
    assert "không còn chờ xác nhận" in " ".join(flash(again))

    run_worker()
    batch.refresh_from_db()
    assert (batch.status, batch.imported) == (BatchStatus.COMMITTED, 3)
    assert PersonRating.objects.count() == 3 and AuditEntry.objects.filter(action="import.committed").count() == 1
    poll = clerk_client.get(reverse("imports:batch-progress", args=[batch.pk]), headers={"HX-Request": "true"})
    assert poll["HX-Refresh"] == "true"  # the polling page reloads to show the result


@LARGE
def test_with_errors_it_is_refused_before_queueing_unless_the_clerk_keeps_only_valid_rows(upload, clerk_client,
                                                                                          people):
    batch = batch_of(upload("ratings", rows(people, [2020, 2021, 2021])))
    run_worker()
    refused = commit(clerk_client, batch)
    assert "dòng lỗi nên chưa ghi dòng nào" in " ".join(flash(refused))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.READY
    commit(clerk_client, batch, only_valid=True)
    run_worker()
    assert PersonRating.objects.count() == 2


@LARGE
def test_a_change_found_by_the_worker_writes_nothing_and_tells_the_clerk(upload, clerk_client, people, cast):
    from thidua.org.services import ratings_set

    batch = batch_of(upload("ratings", rows(people, [2020, 2021, 2022])))
    run_worker()
    commit(clerk_client, batch)
    # Meanwhile a provincial officer records 2021 on the person's page: the audited change in the uploader's
    # reach makes the worker check the rows again, and row 3 now clashes.
    ratings_set(acting_user=cast.province_officer, items=[{"person": people.van, "year": 2021, "rating": "HTXS"}])
    run_worker()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.READY and "đã thay đổi kể từ lúc kiểm tra" in batch.commit_message
    assert PersonRating.objects.count() == 1
    page = clerk_client.get(reverse("imports:batch", args=[batch.pk])).content.decode()
    assert "Chưa ghi: Dữ liệu trong hệ thống đã thay đổi" in page
