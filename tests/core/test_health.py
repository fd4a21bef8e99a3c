"""/healthz for the load balancer and one structured log line per request (issue 10, item 5)."""

import datetime as dt
import json
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone

from thidua.notifications.models import WorkerHeartbeat


def beat(seconds_ago: int):
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(worker_id="w1", defaults={
        "host": "node-1", "pid": 1, "started_at": now, "seen_at": now - dt.timedelta(seconds=seconds_ago)})


def test_healthz_is_ok_with_a_database_a_recent_worker_and_room_on_disk(client, db):
    beat(10)
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "ok"
    assert body["checks"]["database"]["ok"] and 10 <= body["checks"]["worker"]["last_seen_seconds"] <= 12
    assert body["checks"]["disk"]["free_mb"] > 0


def test_healthz_fails_without_a_live_worker_or_with_a_full_disk(client, db, settings):
    assert client.get("/healthz").status_code == 503  # no worker ever seen
    beat(settings.HEALTH_WORKER_MAX_AGE_SECONDS + 5)
    body = client.get("/healthz").json()
    assert body["status"] == "fail" and body["checks"]["worker"]["ok"] is False
    beat(0)
    settings.HEALTH_DISK_MIN_FREE_MB = 10**12
    assert client.get("/healthz").json()["checks"]["disk"]["ok"] is False


@pytest.mark.django_db(transaction=True)
def test_the_worker_command_beats_while_it_runs(settings):
    settings.WORKER_HEARTBEAT_SECONDS = 1
    call_command("worker", "--batch", "--interval", "0", verbosity=0)
    assert WorkerHeartbeat.objects.filter(seen_at__gte=timezone.now() - dt.timedelta(minutes=1)).exists()


def test_each_request_is_one_json_log_line_with_its_id(client, db, caplog):
    logging.getLogger("thidua.request").setLevel(logging.INFO)
    with caplog.at_level(logging.INFO, logger="thidua.request"):
        response = client.get("/tai-khoan/dang-nhap/", HTTP_X_REQUEST_ID="abc-123")
    line = json.loads(next(r.getMessage() for r in caplog.records if r.name == "thidua.request"))
    assert line == {**line, "request_id": "abc-123", "method": "GET", "path": "/tai-khoan/dang-nhap/", "status": 200,
                    "user": None}
    assert response["X-Request-ID"] == "abc-123"
