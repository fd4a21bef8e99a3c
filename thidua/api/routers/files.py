"""Files made by the background worker (notifications.files): queue a decision's certificates or a report file,
follow its progress, download it. A job is its requester's alone (404 for anyone else)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.urls import reverse
from ninja import Field, Router, Schema, Status

from thidua.awards.jobs import certificates_job_start
from thidua.awards.selectors import decision_get_for_user
from thidua.notifications.files import file_job_get_for_user, file_job_response
from thidua.notifications.models import FileJobStatus
from thidua.reports import documents as report_documents
from thidua.reports import selectors as report_selectors
from thidua.reports.jobs import REPORTS, report_job_start

from .common import file_response, responses

router = Router()


class FileJobOut(Schema):
    id: int
    kind: str
    title: str
    status: str = Field(..., description="queued | running | done | failed")
    done: int
    total: int
    error: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    download: str | None = Field(None, description="Đường dẫn tải về khi status = done.")
    page: str

    @staticmethod
    def resolve_download(obj):
        return reverse("api:file-download", args=[obj.pk]) if obj.status == FileJobStatus.DONE else None

    @staticmethod
    def resolve_page(obj):
        return reverse("notifications:file-job", args=[obj.pk])


class ReportFileIn(Schema):
    report: str = Field(..., description="award-table | register | summary")
    fmt: str = Field(..., description="xlsx | docx | pdf")
    unit_id: int
    year: int = Field(..., ge=report_selectors.MIN_YEAR, le=report_selectors.MAX_YEAR)


@router.post("/certificates/{decision_id}", response=responses(FileJobOut, 202, write=True),
             url_name="file-certificates", summary="Tạo tệp giấy chứng nhận của cả quyết định (trong nền)")
def certificates(request, decision_id: int):
    decision = decision_get_for_user(request.auth, decision_id)
    return Status(202, certificates_job_start(decision=decision, acting_user=request.auth))


@router.post("/reports", response=responses(FileJobOut, 202, write=True), url_name="file-report",
             summary="Tạo tệp báo cáo (Excel, Word, PDF) trong nền")
def report(request, payload: ReportFileIn):
    if payload.report not in REPORTS or payload.fmt not in report_documents.FORMATS:
        raise ValidationError("Loại báo cáo hoặc định dạng không hợp lệ: report là award-table, register hoặc "
                              "summary; fmt là xlsx, docx hoặc pdf.")
    unit = report_selectors.report_unit_for(request.auth, str(payload.unit_id))
    return Status(202, report_job_start(report=payload.report, fmt=payload.fmt, unit=unit, year=payload.year,
                                        acting_user=request.auth))


@router.get("/{job_id}", response=responses(FileJobOut), url_name="file-job", summary="Tiến độ tạo tệp")
def job(request, job_id: int):
    return file_job_get_for_user(request.auth, job_id)


@router.get("/{job_id}/download", url_name="file-download", summary="Tải tệp đã tạo",
            openapi_extra=file_response("application/octet-stream", "Tệp đã tạo"))
def download(request, job_id: int):
    return file_job_response(file_job_get_for_user(request.auth, job_id))
