"""Report pages and exports read from the replica when one is configured; everything else, every write, and
the session, user and task tables stay on the primary (thidua.core.dbrouter)."""

from types import SimpleNamespace

import pytest
from django.contrib.sessions.models import Session
from django.http import HttpResponse

from thidua.awards.models import Decision, Nomination
from thidua.core import dbrouter
from thidua.notifications.models import Notification

router = dbrouter.ReplicaRouter()


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr(dbrouter, "settings", SimpleNamespace(DATABASES={"default": {}, "replica": {}}))


def decisions_during(request):
    seen = {}

    def view(req):
        seen.update({m.__name__: router.db_for_read(m) for m in (Nomination, Decision, Session, Notification)})
        seen["write"] = router.db_for_write(Decision)
        return HttpResponse()

    dbrouter.ReportReads(view)(request)
    return seen


def test_report_pages_read_the_replica_but_not_sessions_or_writes(rf, with_replica):
    seen = decisions_during(rf.get("/bao-cao/thong-ke/"))
    assert seen == {"Nomination": "replica", "Decision": "replica", "Session": None, "Notification": None,
                    "write": "default"}
    assert decisions_during(rf.get("/api/reports/summary"))["Decision"] == "replica"


def test_other_pages_posts_and_code_outside_requests_use_the_primary(rf, with_replica):
    assert decisions_during(rf.get("/khen-thuong/"))["Decision"] is None
    assert decisions_during(rf.post("/bao-cao/thong-ke/"))["Decision"] is None
    assert router.db_for_read(Decision) is None


def test_without_a_replica_everything_reads_the_primary(rf):
    assert decisions_during(rf.get("/bao-cao/thong-ke/"))["Decision"] is None
    assert router.allow_migrate("replica", "awards") is False and router.allow_migrate("default", "awards")


def test_the_workers_report_files_read_the_replica_too(with_replica):
    with dbrouter.report_reads():
        assert router.db_for_read(Decision) == "replica" and router.db_for_read(Session) is None
    assert router.db_for_read(Decision) is None
