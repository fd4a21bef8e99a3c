"""Files the background worker makes (issue 10, item 2): a decision's certificates, a report in Word, PDF or
Excel. The page or the API queues a job (file_job_start), a worker on any machine builds it with the builder
registered for its kind (the app that knows the document registers it, so this layer imports none of them),
stores the file through Django's storage (shared or S3-compatible, like the dossiers), and tells the user it is
ready. The page polls the progress; closing the browser loses nothing.

A builder is ``build(job, progress) -> (filename, content_type, bytes)``; it reads through the requester's
scoped accessors (job.requested_by), so a job sees what its user may see, no more. ``progress(done, total)``
records how far it has come.
"""

import logging
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from thidua.audit.services import audit_record
from thidua.core.errors import NOT_FOUND

from . import inbox
from .models import FileJob, FileJobStatus

logger = logging.getLogger("thidua.files")

ERR_KIND = "Loại tệp không được hỗ trợ."
ERR_NOT_READY = "Tệp chưa tạo xong hoặc không tạo được."
ERR_FAILED = "Không tạo được tệp: {reason}"
ERR_UNEXPECTED = ("lỗi hệ thống (đã ghi nhật ký). Vui lòng thử lại; nếu lỗi lặp lại, báo quản trị hệ thống kèm "
                  "thời điểm.")
READY = "Tệp “{title}” đã sẵn sàng để tải về."
# How often the worker writes the progress (every n steps, and the last one).
PROGRESS_EVERY = 20

Builder = Callable[..., tuple[str, str, bytes]]
BUILDERS: dict[str, Builder] = {}


def builder(kind: str):
    """Register the function that builds the files of ``kind`` (called at import of the app's module)."""

    def register(fn: Builder) -> Builder:
        BUILDERS[kind] = fn
        return fn

    return register


@transaction.atomic
def file_job_start(*, kind: str, title: str, params: dict, acting_user, back_url: str = "",
                   total: int = 0) -> FileJob:
    """Queue one file for ``acting_user``. The caller has already read the object through the user's scoped
    accessor (a 404 for others); the builder reads it again as that user when it runs."""
    if kind not in BUILDERS:
        raise Http404(ERR_KIND)
    job = FileJob.objects.create(requested_by=acting_user, kind=kind, title=title[:300], params=params,
                                 back_url=back_url[:300], total=total)
    audit_record(actor=acting_user, action="file.requested", target=job, data={"kind": kind, "title": job.title})
    file_job_run.enqueue(job.pk)
    return job


def file_job_get_for_user(user, pk) -> FileJob:
    """A job is its requester's alone: anyone else gets 404."""
    try:
        return FileJob.objects.get(pk=int(pk), requested_by=user)
    except (FileJob.DoesNotExist, TypeError, ValueError, OverflowError):
        raise Http404(NOT_FOUND) from None


def file_job_response(job: FileJob) -> FileResponse:
    """The finished file as a download (page and API alike); 404 while it is not made."""
    if job.status != FileJobStatus.DONE:
        raise Http404(ERR_NOT_READY)
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename, content_type=job.content_type)


def _progress(job: FileJob) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        if done == total or done % PROGRESS_EVERY == 0:
            FileJob.objects.filter(pk=job.pk).update(done=done, total=total)

    return report


@task()
def file_job_run(job_id: int) -> str:
    job = FileJob.objects.select_related("requested_by").get(pk=job_id)
    if not job.pending:
        return job.status
    FileJob.objects.filter(pk=job.pk).update(status=FileJobStatus.RUNNING)
    try:
        filename, content_type, content = BUILDERS[job.kind](job, _progress(job))
    except Http404 as exc:  # the object went out of the user's reach (or away) since the request
        return _failed(job, str(exc) or NOT_FOUND)
    except Exception:
        logger.exception("file job %s (%s) failed", job.pk, job.kind)
        return _failed(job, ERR_UNEXPECTED)
    job.refresh_from_db()
    job.file.save(filename, ContentFile(content), save=False)
    job.filename, job.content_type = filename, content_type
    job.status, job.finished_at = FileJobStatus.DONE, timezone.now()
    job.done = job.total = max(job.total, job.done, 1)
    with transaction.atomic():
        job.save(update_fields=["file", "filename", "content_type", "status", "finished_at", "done", "total"])
        inbox.write([job.requested_by], text=READY.format(title=job.title), kind="file.ready",
                    url=reverse("notifications:file-job", args=[job.pk]))
    return job.status


def _failed(job: FileJob, reason: str) -> str:
    FileJob.objects.filter(pk=job.pk).update(status=FileJobStatus.FAILED, error=ERR_FAILED.format(reason=reason)[:500],
                                             finished_at=timezone.now())
    return FileJobStatus.FAILED
