"""/healthz for the load balancer: the database answers, a background worker has beaten recently, the media
disk has room. 200 with the checks when all pass, 503 otherwise; no login, nothing private in it."""

import shutil
import time

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from thidua.notifications.models import WorkerHeartbeat


def _database() -> dict:
    began = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 — any failure is the answer
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True, "ms": round((time.perf_counter() - began) * 1000, 1)}


def _worker() -> dict:
    try:
        last = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": type(exc).__name__}
    if last is None:
        return {"ok": False, "last_seen_seconds": None}
    age = (timezone.now() - last).total_seconds()
    return {"ok": age <= settings.HEALTH_WORKER_MAX_AGE_SECONDS, "last_seen_seconds": round(age)}


def _disk() -> dict:
    path = settings.MEDIA_ROOT
    path.mkdir(parents=True, exist_ok=True)
    free_mb = shutil.disk_usage(path).free // (1024 * 1024)
    return {"ok": free_mb >= settings.HEALTH_DISK_MIN_FREE_MB, "free_mb": free_mb}


@never_cache
def healthz(request):
    checks = {"database": _database(), "worker": _worker(), "disk": _disk()}
    ok = all(c["ok"] for c in checks.values())
    return JsonResponse({"status": "ok" if ok else "fail", "checks": checks}, status=200 if ok else 503)
