import pytest
from django.test import override_settings
from django.urls import reverse

from tests.conftest import run_worker
from tests.imports.conftest import batch_of, commit, errors_of
from thidua.imports.models import BatchStatus
from thidua.org.models import PersonRating


def rows(people, n):
    return [{"person_id": str(people.van.pk), "year": str(2020 + i % 3), "rating": "HTT"} for i in range(n)]


@override_settings(IMPORT_BACKGROUND_ROWS=2, IMPORT_CHUNK_ROWS=2)
def test_a_large_file_is_checked_by_the_worker_chunk_by_chunk_and_the_polls_show_its_counters(
        upload, clerk_client, people, monkeypatch):
    from thidua.imports import services

    batch = batch_of(upload("ratings", rows(people, 5)))
    # Nothing read yet: the sheet's declared size is the total, and the file waits for the worker.
    assert (batch.status, batch.processed, batch.total) == (BatchStatus.VALIDATING, 0, 5)
    assert batch.source.name.endswith(".xlsx") and not batch.rows.exists()
    page = clerk_client.get(reverse("imports:batch", args=[batch.pk])).content.decode()
    url = reverse("imports:batch-progress", args=[batch.pk])
    assert 'hx-trigger="every 1s"' in page and url in page
    assert "Đang kiểm tra 0/5 dòng" in clerk_client.get(url).content.decode()  # a poll checks nothing itself

    seen = []  # what a poll would show after each chunk the worker commits
    stage_chunk = services._stage_chunk

    def spy(*args):
        result = stage_chunk(*args)
        seen.append(clerk_client.get(url).content.decode())
        return result

    monkeypatch.setattr(services, "_stage_chunk", spy)
    run_worker()
    assert len(seen) == 3
    assert "Đang kiểm tra 0/5 dòng" in seen[0]  # the first chunk's counters commit with its rows, just after
    assert "Đang kiểm tra 2/5 dòng" in seen[1] and '<progress value="2" max="5"' in seen[1]
    assert "Đang kiểm tra 4/5 dòng" in seen[2]
    last = clerk_client.get(url, headers={"HX-Request": "true"})
    assert last.status_code == 200 and last["HX-Refresh"] == "true"
    batch.refresh_from_db()
    assert (batch.status, batch.processed, batch.valid_count, batch.error_count) == (BatchStatus.READY, 5, 3, 2)
    # Duplicates are found across chunks: rows 5 and 6 repeat rows 2 and 3.
    assert errors_of(batch) == {"5": ["Dòng 5: Trùng với dòng 2 trong tệp (cùng cá nhân và năm)"],
                                "6": ["Dòng 6: Trùng với dòng 3 trong tệp (cùng cá nhân và năm)"]}
    done = clerk_client.get(url).content.decode()
    assert "Đã kiểm tra xong 5 dòng" in done and "hx-trigger" not in done
    commit(clerk_client, batch, only_valid=True)
    run_worker()  # a large file is written by the worker (test_background_commit.py)
    assert PersonRating.objects.count() == 3


@override_settings(IMPORT_BACKGROUND_ROWS=2, IMPORT_CHUNK_ROWS=2)
def test_a_server_failure_while_checking_ends_the_wait_with_nothing_staged(upload, clerk_client, people, monkeypatch):
    from thidua.imports import services

    batch = batch_of(upload("ratings", rows(people, 5)))
    stage_chunk, calls = services._stage_chunk, []

    def fail_on_the_second(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return stage_chunk(*args)

    monkeypatch.setattr(services, "_stage_chunk", fail_on_the_second)
    run_worker()
    batch.refresh_from_db()
    assert (batch.status, batch.commit_message, batch.rows.count()) == (BatchStatus.FAILED, services.ERR_SERVER, 0)
    poll = clerk_client.get(reverse("imports:batch-progress", args=[batch.pk]), headers={"HX-Request": "true"})
    assert poll["HX-Refresh"] == "true"  # the page stops polling and shows why
    assert "Chưa ghi gì: Máy chủ gặp lỗi khi đọc tệp" in clerk_client.get(
        reverse("imports:batch", args=[batch.pk])).content.decode()
    assert not PersonRating.objects.exists()


@override_settings(IMPORT_BACKGROUND_ROWS=2, IMPORT_CHUNK_ROWS=2)
def test_the_worker_checks_a_large_file_to_the_end_without_any_poll(upload, clerk_client, people):
    batch = batch_of(upload("ratings", rows(people, 5)))
    assert batch.status == BatchStatus.VALIDATING  # the browser is closed: no poll ever comes
    run_worker()
    batch.refresh_from_db()
    assert (batch.status, batch.processed) == (BatchStatus.READY, 5) and set(errors_of(batch)) == {"5", "6"}
    assert "Đã kiểm tra xong 5 dòng" in clerk_client.get(reverse("imports:batch-progress", args=[batch.pk])).content.decode()


def test_it_shows_the_preview_with_statuses_and_an_errors_only_filter(upload, clerk_client, people):
    batch = batch_of(upload("ratings", rows(people, 4)))
    page = clerk_client.get(reverse("imports:batch", args=[batch.pk])).content.decode()
    assert page.count("status-valid") == 3 and "Dòng 5: Trùng với dòng 2" in page
    only = clerk_client.get(reverse("imports:batch", args=[batch.pk]), {"loc": "loi"}).content.decode()
    assert only.count("status-valid") == 0 and only.count("status-returned") == 1
    index = clerk_client.get(reverse("imports:index")).content.decode()
    assert "du-lieu.xlsx" in index and reverse("imports:template", args=["xep-loai"]) in index


def test_it_hides_another_users_batch(upload, people, cast):
    from django.test import Client

    batch = batch_of(upload("ratings", rows(people, 1)))
    assert batch.created_by == cast.clerk
    outsider_client = Client()
    outsider_client.force_login(cast.outsider)
    for name in ["imports:batch", "imports:batch-progress"]:
        assert outsider_client.get(reverse(name, args=[batch.pk])).status_code == 404
    assert outsider_client.post(reverse("imports:batch-commit", args=[batch.pk]), {"only_valid": "on"}).status_code \
        == 404
    assert not PersonRating.objects.exists()
    assert "du-lieu.xlsx" not in outsider_client.get(reverse("imports:index")).content.decode()


@pytest.mark.parametrize("who", ["chairman", "council_member"])
def test_it_forbids_users_without_org_manage(client, cast, people, who):
    client.force_login(getattr(cast, who))
    for url in [reverse("imports:index"), reverse("imports:template", args=["xep-loai"]),
                reverse("imports:upload", args=["xep-loai"])]:
        assert client.get(url).status_code == 403
    assert client.post(reverse("imports:upload", args=["xep-loai"]), {}).status_code == 403


def test_it_forbids_a_batch_to_its_owner_after_losing_org_manage(upload, clerk_client, people, cast):
    from thidua.accounts.models import RoleAssignment

    batch = batch_of(upload("ratings", rows(people, 1)))
    RoleAssignment.objects.filter(user=cast.clerk).delete()
    assert clerk_client.post(reverse("imports:batch-commit", args=[batch.pk])).status_code == 403
    assert not PersonRating.objects.exists()


def test_it_sends_anonymous_users_to_login(client, db):
    response = client.get(reverse("imports:index"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_it_links_the_imports_from_the_unit_list(clerk_client, cast, client):
    assert reverse("imports:index") in clerk_client.get(reverse("org:unit-list")).content.decode()
    client.force_login(cast.chairman)
    assert reverse("imports:index") not in client.get(reverse("org:unit-list")).content.decode()
