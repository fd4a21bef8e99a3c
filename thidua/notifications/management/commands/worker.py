"""`manage.py worker`: django-tasks' db_worker (the same worker, the same options) with a heartbeat row
that /healthz reads, written every WORKER_HEARTBEAT_SECONDS from a side thread."""

import logging
import os
import socket
import threading

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DbWorker

from thidua.notifications.models import WorkerHeartbeat

logger = logging.getLogger("thidua.worker")


class Command(DbWorker):
    help = "Chạy tiến trình nền (django-tasks db_worker) kèm tín hiệu còn hoạt động cho /healthz."

    def handle(self, *args, **options):
        stop = threading.Event()
        worker_id = f"{socket.gethostname()}:{os.getpid()}"
        started = timezone.now()

        def write():
            WorkerHeartbeat.objects.update_or_create(
                worker_id=worker_id,
                defaults={"host": socket.gethostname(), "pid": os.getpid(), "started_at": started,
                          "seen_at": timezone.now()})

        def beat():
            try:
                while not stop.wait(settings.WORKER_HEARTBEAT_SECONDS):
                    try:
                        write()
                    except DatabaseError:  # the database is busy or away: /healthz will say so; try again
                        logger.warning("worker heartbeat failed", exc_info=True)
                    close_old_connections()
            finally:
                connection.close()

        write()  # before the first task: a worker that cannot reach the database does not start
        thread = threading.Thread(target=beat, name="heartbeat", daemon=True)
        thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
            thread.join(timeout=5)
