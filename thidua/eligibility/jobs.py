"""The candidate list of a large subtree as Excel, with every verdict's cited reasons, made by the background
worker (notifications.files): a province's list takes longer than a request may."""

from django.utils.text import slugify

from thidua.awards import eligibility as services
from thidua.documents import Column, render_table_xlsx
from thidua.documents.mime import XLSX
from thidua.notifications.files import builder, file_job_start
from thidua.org.selectors import unit_get_for_user
from thidua.rulebook.codes import short_vi

from . import selectors

KIND = "candidates"


def candidates_job_start(*, unit, year: int, decision_date, filters: dict, acting_user, back_url: str = ""):
    """Queue the file (the caller read the unit through the user's scope)."""
    title = f"Danh sách xét điều kiện khen thưởng năm {year} – {unit.name} (Excel)"
    return file_job_start(kind=KIND, acting_user=acting_user, back_url=back_url, total=1, title=title,
                          params={"unit_id": unit.pk, "year": year, "decision_date": decision_date.isoformat(),
                                  **filters})


@builder(KIND)
def candidates_build(job, progress):
    import datetime as dt

    p = job.params
    unit = unit_get_for_user(job.requested_by, p["unit_id"])
    result = selectors.candidates_for(
        job.requested_by, unit, p["year"], decision_date=dt.date.fromisoformat(p["decision_date"]),
        code=p.get("code", ""), status=p.get("status", ""), kind=p.get("kind", ""), query=p.get("q", ""),
        screening=bool(p.get("screening")))
    progress(1, 1)
    return xlsx_file(result)


def _reasons(verdict, wanted) -> str:
    return "\n".join(c.text_vi for c in verdict.criteria if c.met in wanted and c.severity != "warning")


def xlsx_file(result):
    """(file name, content type, bytes) of the full list with the cited reasons."""
    columns = [Column("STT", "int", 6), Column("Đối tượng", width=10), Column("Họ và tên / Tên tập thể", width=30),
               Column("Đơn vị", width=28), Column("Chức vụ", width=24), Column("Danh hiệu / hình thức", width=24),
               Column("Kết quả", width=18), Column("Tiêu chí chưa đạt, cần xem xét", width=70),
               Column("Tiêu chí đã đạt", width=70)]
    rows = []
    n = 0
    for row in result.rows:
        for v in row.verdicts:
            n += 1
            rows.append([n, row.kind_vi, row.name, row.unit_name, row.position, short_vi(v.code),
                         services.STATUS_BADGES[v.status], _reasons(v, (False, None)), _reasons(v, (True,))])
    title = f"Danh sách xét điều kiện khen thưởng năm {result.year} – {result.unit.name}"
    subtitle = f"Ngày quyết định {result.decision_date:%d/%m/%Y} · bộ quy tắc {result.ruleset_id}"
    content = render_table_xlsx(title, columns, rows, sheet_name=f"Năm {result.year}", subtitle=subtitle)
    return f"xet-dieu-kien-{slugify(result.unit.code or 'don-vi')}-{result.year}.xlsx", XLSX, content
