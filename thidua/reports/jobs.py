"""The report files the background worker makes (notifications.files): the statistical form, the golden-book
register and the annual summary of a unit's subtree, in Word, PDF or Excel."""

from thidua.core.dbrouter import report_reads
from thidua.notifications.files import builder, file_job_start

from . import documents, selectors

KIND = "report"
# name -> (builder of the file, title)
REPORTS = {
    "award-table": (documents.award_table_file, "Thống kê kết quả khen thưởng"),
    "register": (documents.register_file, "Sổ vàng khen thưởng"),
    "summary": (documents.summary_file, "Báo cáo tổng kết công tác thi đua, khen thưởng"),
}
FORMAT_NAMES = {"xlsx": "Excel", "docx": "Word", "pdf": "PDF"}


def report_job_start(*, report: str, fmt: str, unit, year: int, acting_user, back_url: str = ""):
    """Queue one report file (the caller read the unit through the user's scope and checked the names)."""
    title = f"{REPORTS[report][1]} năm {year} – {unit.name} ({FORMAT_NAMES[fmt]})"
    return file_job_start(kind=KIND, acting_user=acting_user, back_url=back_url, total=1, title=title,
                          params={"report": report, "fmt": fmt, "unit_id": unit.pk, "year": year})


@builder(KIND)
def report_build(job, progress):
    p = job.params
    with report_reads():  # from the replica when there is one, like the report pages
        unit = selectors.report_unit_for(job.requested_by, str(p["unit_id"]))
        file = REPORTS[p["report"]][0](job.requested_by, unit, p["year"], p["fmt"])
    progress(1, 1)
    return file.filename, file.content_type, file.content
