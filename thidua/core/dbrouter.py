"""Reads of the report pages and exports go to a read replica when one is configured (REPLICA_DATABASE_URL):
the heavy statistics leave the primary to the clerks' writes. Everything else, and every write, uses the
primary; so do sessions, users and the task queue even inside a report request (a replica a second behind
must not log anyone out).

`ReportReads` (middleware) marks GET requests under the report paths, `report_reads()` the worker's report
files; the router reads the mark.
"""

import contextlib
import contextvars

from django.conf import settings

REPLICA = "replica"
REPORT_PATHS = ("/bao-cao/", "/api/reports/")
PRIMARY_ONLY_APPS = {"sessions", "auth", "contenttypes", "otp_totp", "axes", "django_tasks_database",
                     "notifications", "admin"}

_report_read = contextvars.ContextVar("thidua_report_read", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _report_read.get() and REPLICA in settings.DATABASES and model._meta.app_label not in PRIMARY_ONLY_APPS:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


@contextlib.contextmanager
def report_reads():
    """Read like a report page (the worker making a report file)."""
    token = _report_read.set(True)
    try:
        yield
    finally:
        _report_read.reset(token)


class ReportReads:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _report_read.set(request.method == "GET" and request.path.startswith(REPORT_PATHS))
        try:
            return self.get_response(request)
        finally:
            _report_read.reset(token)
