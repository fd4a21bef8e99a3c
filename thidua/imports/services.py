"""Excel imports at the speed of the file: an upload's declared size is checked before its rows are read, the sheet
parsed by calamine, its rows checked chunk by chunk (each chunk's look-ups in bulk) and staged row by row in
``ImportRow`` (COPY on PostgreSQL), the batch keeping only counters;
a small file at once, a large one by the background worker with progress. The commit writes the valid rows
through the org doors in one transaction, chunk by chunk, checking them again only when an audited change in
the uploader's reach came after they were checked."""

import datetime as dt
import re
import uuid
import zipfile
from decimal import Decimal

import orjson
import python_calamine
from defusedxml import ElementTree as ET
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, connection, transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from thidua.accounts.access import reach
from thidua.accounts.models import Capability
from thidua.audit.cache import audit_version, changes_after
from thidua.audit.services import audit_record
from thidua.core.bulk import insert_rows
from thidua.core.uploads import check_upload
from thidua.formatting import format_date
from thidua.org import services as org_services
from thidua.org.models import Person, PersonRef, Unit
from thidua.org.selectors import units_visible_to

from .kinds import EXAMPLE_MARK, HOOKS, SPECS, STT, KindSpec, header_map, missing_columns
from .models import BatchStatus, ImportBatch, ImportKind, ImportRow
from .validation import Checker, to_json

ERR_UNREADABLE = "Không đọc được tệp '{name}': tệp hỏng hoặc không phải Excel .xlsx."
ERR_NO_HEADER = "Tệp '{name}' không có dòng tiêu đề."
ERR_HEADERS = ("Tệp '{name}' không đúng mẫu nhập {kind}: thiếu cột {missing}. "
               "Hãy dùng tệp mẫu và giữ nguyên dòng tiêu đề.")
ERR_NO_ROWS = "Tệp '{name}' chưa có dòng dữ liệu nào (dòng ví dụ được bỏ qua)."
ERR_TOO_MANY = "Tệp '{name}' có {n} dòng, vượt giới hạn {max} dòng mỗi lần nhập; hãy chia thành nhiều tệp."
ERR_NOT_READY = "Lô nhập liệu này không còn chờ xác nhận."
ERR_SERVER = "Máy chủ gặp lỗi khi đọc tệp; chưa ghi gì. Hãy tải tệp lên lại; nếu vẫn lỗi, báo quản trị hệ thống."
ERR_HAS_ERRORS = ("Có {n} dòng lỗi nên chưa ghi dòng nào. Hãy sửa tệp rồi tải lên lại, "
                  "hoặc chọn “Chỉ nhập các dòng hợp lệ”.")
ERR_NOTHING_VALID = "Không có dòng hợp lệ nào để nhập."
ERR_CONCURRENT = "Dữ liệu vừa bị thay đổi bởi người khác trong lúc nhập; chưa ghi gì, hãy thử lại."
MSG_CHANGED = ("Dữ liệu trong hệ thống đã thay đổi kể từ lúc kiểm tra: kết quả kiểm tra đã được cập nhật, "
               "chưa ghi gì. Hãy xem lại rồi xác nhận.")


def cell_text(value) -> str:
    """Every cell as text, the way a user reads it: dates dd/mm/yyyy, 2025.0 → "2025"."""
    if type(value) is str:  # most cells: the common case first
        return " ".join(value.split()) if value else ""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(Decimal(repr(value)).normalize(), "f")
    return " ".join(str(value).split())


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class Sheet:
    """The data sheet of an uploaded .xlsx. The size its XML declares (``<dimension>``) is read first from the
    head of the sheet inside the zip, so a file over the row limit is refused before any row is parsed; the
    sheet is then parsed by calamine (Rust, about twenty times openpyxl's read-only pass), the header found and
    checked, and ``rows()`` yields one data row at a time as cell texts."""

    def __init__(self, fileobj, name: str, spec: KindSpec):
        self.name, self.spec = name, spec
        fileobj.seek(0)
        if fileobj.read(2) != b"PK":  # an .xlsx is a zip archive
            raise ValidationError(ERR_UNREADABLE.format(name=name))
        fileobj.seek(0)
        limit = settings.IMPORT_MAX_ROWS
        try:
            declared = declared_rows(fileobj, DATA_SHEET)
            fileobj.seek(0)
        except (zipfile.BadZipFile, KeyError, ET.ParseError, OSError):
            raise ValidationError(ERR_UNREADABLE.format(name=name))
        if declared is not None and declared - 1 > limit:  # the header is one of them
            raise ValidationError(ERR_TOO_MANY.format(name=name, n=_number(declared - 1), max=_number(limit)))
        try:
            book = python_calamine.CalamineWorkbook.from_filelike(fileobj)
            ws = book.get_sheet_by_name(DATA_SHEET if DATA_SHEET in book.sheet_names else book.sheet_names[0])
        except Exception:  # calamine raises its own errors (zip, XML, worksheet) for broken files
            raise ValidationError(ERR_UNREADABLE.format(name=name))
        first = ws.start[0] if ws.start else 0  # calamine's range starts at the first row with a cell
        self._cells = ws.iter_rows()
        found, header_row = None, first
        for header_row, cells in enumerate(self._cells, first + 1):  # noqa: B007 (used after the loop)
            if any(v not in (None, "") for v in cells):
                found = header_map(list(cells), spec)
                break
        self.header_row = header_row
        if found is None:
            raise ValidationError(ERR_NO_HEADER.format(name=name))
        missing = missing_columns(spec, found)
        if missing:
            raise ValidationError(ERR_HEADERS.format(name=name, kind=spec.label.lower(), missing=", ".join(missing)))
        self._positions = [found.get(key) for key in spec.keys]
        # Rows below the header, empty ones included (they are skipped when read).
        self.declared = max(0, first + ws.height - self.header_row)
        if self.declared > limit:
            raise ValidationError(ERR_TOO_MANY.format(name=name, n=_number(self.declared), max=_number(limit)))

    def rows(self):
        """(excel row number, [cell text in the kind's column order]) of each data row; the example row and
        empty rows are skipped."""
        limit, positions = settings.IMPORT_MAX_ROWS, self._positions
        skip_example = self.spec.keys[0] == STT
        example = EXAMPLE_MARK.casefold()
        count = 0
        for number, cells in enumerate(self._cells, self.header_row + 1):
            n = len(cells)
            values = [cell_text(cells[i]) if i is not None and i < n else "" for i in positions]
            if not any(values) or (skip_example and values[0].casefold() == example):
                continue
            count += 1
            if count > limit:  # a sheet that declared less than it holds
                raise ValidationError(ERR_TOO_MANY.format(name=self.name, n=f"hơn {_number(limit)}",
                                                          max=_number(limit)))
            yield number, values

    def close(self) -> None:
        self._cells = iter(())


DATA_SHEET = "Dữ liệu"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]+\d+(?::[A-Z]+(\d+))?\"")


def declared_rows(fileobj, sheet_name: str) -> int | None:
    """The last row of the sheet named ``sheet_name`` (else the first sheet) as its XML declares it, read from the
    first bytes of that part of the zip; None when the writer left the declaration out."""
    with zipfile.ZipFile(fileobj) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        sheets = [el for el in book.iter() if el.tag.endswith("}sheet")]
        if not sheets:
            return None
        chosen = next((el for el in sheets if el.get("name") == sheet_name), sheets[0])
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = next((el.get("Target") for el in rels if el.get("Id") == chosen.get(_NS_REL)), None)
        if not target:
            return None
        path = target.lstrip("/") if target.startswith("/") else "xl/" + target
        with z.open(path) as part:
            head = part.read(4096)
    m = _DIMENSION.search(head)
    if not m:
        return None
    return int(m[1]) if m[1] else 1


def _chunked(iterable, size: int):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _checker(batch: ImportBatch, user) -> Checker:
    hooks = HOOKS.get(batch.kind)
    target = hooks.target(user, batch.target_id) if hooks is not None and hooks.target is not None else None
    return Checker(SPECS[batch.kind], user, overwrite=batch.overwrite, target=target)


ROW_FIELDS = ["batch_id", "number", "values", "ok", "data", "errors", "note"]


def _stage_chunk(batch: ImportBatch, checker: Checker, chunk) -> tuple[int, int]:
    """Check one chunk (every database look-up in bulk for the whole chunk) and stage its rows as checked."""
    keys = checker.spec.keys
    checks = checker.check([(n, dict(zip(keys, values, strict=False))) for n, values in chunk])
    insert_rows(ImportRow, ROW_FIELDS, (
        (batch.pk, c.number, values, not c.errors, None if c.errors else to_json(c), c.errors, c.note[:500])
        for c, (_, values) in zip(checks, chunk, strict=True)
    ))
    bad = sum(1 for c in checks if c.errors)
    return len(checks) - bad, bad


def _stage(batch: ImportBatch, sheet: Sheet, acting_user, *, background: bool) -> None:
    """Read the sheet to the end chunk by chunk, staging and counting; in the background each chunk commits
    with its counters, so the progress polls see it."""
    checker = _checker(batch, acting_user)
    version = audit_version()  # before the first look-up: a change after it makes the commit check again
    valid = bad = processed = 0
    for chunk in _chunked(sheet.rows(), max(settings.IMPORT_CHUNK_ROWS, 1)):
        with transaction.atomic():
            good, wrong = _stage_chunk(batch, checker, chunk)
            valid, bad, processed = valid + good, bad + wrong, processed + len(chunk)
            if background:
                ImportBatch.objects.filter(pk=batch.pk).update(processed=processed, valid_count=valid,
                                                               error_count=bad, total=max(batch.total, processed))
    if not processed:
        raise ValidationError(ERR_NO_ROWS.format(name=sheet.name))
    if background and connection.vendor == "postgresql":
        # The planner's statistics for the rows just staged: without them the commit's reads in row order
        # (imports_row_status) were taken for a scan of an empty table and cost four seconds per 100,000 rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE imports_importrow")
    batch.total = batch.processed = processed
    batch.valid_count, batch.error_count, batch.data_version = valid, bad, version
    batch.status = BatchStatus.READY
    batch.save(update_fields=["total", "processed", "valid_count", "error_count", "data_version", "status",
                              "updated_at"])


def batch_create(*, kind: str, upload, acting_user, overwrite: bool = False, target_id: int | None = None
                 ) -> ImportBatch:
    """Open the file and check its header and declared size at once; a small file is read and checked now
    (all of it or nothing stored), a large one is kept for the background worker (``batch_stage``, queued by
    the caller), whose progress the page shows."""
    spec = SPECS[kind]
    if spec.needs_target:
        HOOKS[kind].target(acting_user, target_id)  # the record to fill: the user's to fill now, or refused here
    check_upload(upload, only=("xlsx",))
    sheet = Sheet(upload, upload.name, spec)
    try:
        fields = dict(kind=kind, file_name=upload.name[:255], created_by=acting_user,
                      overwrite=overwrite and kind == ImportKind.RATINGS,
                      target_id=target_id if spec.needs_target else None,
                      unit=units_visible_to(acting_user, Capability.ORG_MANAGE).order_by("path").first())
        if sheet.declared <= settings.IMPORT_BACKGROUND_ROWS:
            with transaction.atomic():
                batch = ImportBatch.objects.create(**fields, total=sheet.declared)
                _stage(batch, sheet, acting_user, background=False)
            return batch
    finally:
        sheet.close()
    batch = ImportBatch(**fields, total=sheet.declared)
    upload.seek(0)
    batch.source.save(f"{uuid.uuid4().hex}.xlsx", File(upload), save=False)
    batch.save()
    return batch


def batch_stage(*, batch: ImportBatch, acting_user) -> ImportBatch:
    """The worker's side of a large file: read it and check it to the end, chunk by chunk. A file found broken or
    too long on the way leaves the batch failed with the reason and no rows, and so does a failure of the server
    (then re-raised for the log), so the page never polls forever. Run again (a worker that died), it starts
    over."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != BatchStatus.VALIDATING:
            return batch
        batch.rows.all().delete()
    try:
        with batch.source.open("rb") as f:
            sheet = Sheet(f, batch.file_name, SPECS[batch.kind])
            try:
                _stage(batch, sheet, acting_user, background=True)
            finally:
                sheet.close()
    except ValidationError as exc:
        _stage_failed(batch, exc.messages[0])
    except Exception:
        _stage_failed(batch, ERR_SERVER)
        raise
    batch.refresh_from_db()
    return batch


def _stage_failed(batch: ImportBatch, message: str) -> None:
    with transaction.atomic():
        batch.rows.all().delete()
        ImportBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.FAILED, commit_message=message[:500],
                                                       processed=0, valid_count=0, error_count=0)


# Audited actions that cannot change what an import's rows were checked against.
NOT_IMPORT_INPUTS = ("council.", "otp.", "notifications.", "file.", "api_token.", "disclosure.", "deadline.",
                     "report_draft.", "dossier", "nomination.", "decision.", "grant.", "import.", "eligibility.",
                     "emulation.", "movement.", "cluster.", "scorecard.", "registration.", "pledge.")


def _changed_since_check(batch: ImportBatch, acting_user) -> bool:
    units = reach(acting_user, Capability.ORG_MANAGE).q("unit__path", "unit_id")
    return changes_after(batch.data_version, units=units, ignore=NOT_IMPORT_INPUTS).exists()


def _recheck(batch: ImportBatch, acting_user) -> None:
    """Check every staged row again against the database as it is now (inside the commit's transaction) and
    stage the new outcome in its place."""
    checker = _checker(batch, acting_user)
    version = audit_version()
    valid = bad = 0
    for chunk in _in_chunks(batch.rows.values_list("number", "values")):
        batch.rows.filter(number__in=[n for n, _ in chunk]).delete()
        good, wrong = _stage_chunk(batch, checker, chunk)
        valid, bad = valid + good, bad + wrong
    batch.valid_count, batch.error_count, batch.data_version = valid, bad, version
    batch.save(update_fields=["valid_count", "error_count", "data_version", "updated_at"])


def _error_rows(batch: ImportBatch) -> set[int]:
    return set(batch.rows.filter(ok=False).values_list("number", flat=True))


def batch_commit(*, batch: ImportBatch, acting_user, only_valid: bool = False, queued: bool = False) -> dict:
    """All-or-nothing by default: one transaction, nothing written when any row fails unless
    `only_valid`. Returns {"changed": bool, "imported": n, "skipped": n}. ``queued``: the worker writing a
    batch that batch_commit_queue handed it."""
    try:
        return _commit(batch=batch, acting_user=acting_user, only_valid=only_valid, queued=queued)
    except IntegrityError:
        # A concurrent writer got a person-year first (one_rating_per_person_year): nothing was written.
        raise ValidationError(ERR_CONCURRENT)


@transaction.atomic
def batch_commit_queue(*, batch: ImportBatch, acting_user, only_valid: bool = False) -> ImportBatch:
    """A large file: hand the writing to the background worker (imports.tasks.commit_batch, which the caller
    queues); the page shows it is being written, and nothing else may commit it meanwhile."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != BatchStatus.READY:
        raise ValidationError(ERR_NOT_READY)
    if batch.error_count and not only_valid:
        raise ValidationError(ERR_HAS_ERRORS.format(n=batch.error_count))
    batch.status, batch.commit_only_valid, batch.commit_message = BatchStatus.COMMITTING, only_valid, ""
    batch.save(update_fields=["status", "commit_only_valid", "commit_message", "updated_at"])
    return batch


def batch_commit_queued(*, batch: ImportBatch, acting_user) -> dict:
    """The worker's side: write it, or put it back to wait for the clerk with the reason it was not written."""
    try:
        result = batch_commit(batch=batch, acting_user=acting_user, only_valid=batch.commit_only_valid, queued=True)
    except ValidationError as exc:
        ImportBatch.objects.filter(pk=batch.pk, status=BatchStatus.COMMITTING).update(
            status=BatchStatus.READY, commit_message=exc.messages[0][:500])
        return {"changed": False, "imported": 0, "skipped": 0, "refused": exc.messages[0]}
    if result["changed"]:
        ImportBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.READY, commit_message=MSG_CHANGED[:500])
    return result


def _in_chunks(rows):
    """``rows`` (staged rows as ``values_list("number", …)``) in file order, IMPORT_CHUNK_ROWS at a time, each chunk
    read after the last number of the one before (rows of a chunk may be replaced meanwhile)."""
    last, step = 0, max(settings.IMPORT_CHUNK_ROWS, 1)
    while chunk := list(rows.filter(number__gt=last).order_by("number")[:step]):
        last = chunk[-1][0]
        yield chunk


def _valid_chunks(batch: ImportBatch):
    """The cleaned data of the valid rows, in file order, a chunk at a time (memory stays flat). The JSON is read
    as text and decoded by orjson: a third of the time of the field's own decoding."""
    rows = batch.rows.filter(ok=True).annotate(text=Cast("data", TextField())).values_list("number", "text")
    for chunk in _in_chunks(rows):
        yield [orjson.loads(text) for _, text in chunk]


@transaction.atomic
def _commit(*, batch: ImportBatch, acting_user, only_valid: bool, queued: bool = False) -> dict:
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != (BatchStatus.COMMITTING if queued else BatchStatus.READY):
        raise ValidationError(ERR_NOT_READY)
    if _changed_since_check(batch, acting_user):
        # Something the rows were checked against may have changed: check them again; if the outcome differs,
        # the clerk sees the new one before anything is written.
        before = _error_rows(batch)
        _recheck(batch, acting_user)
        if _error_rows(batch) != before:
            return {"changed": True, "imported": 0, "skipped": batch.error_count}
    if batch.error_count and not only_valid:
        raise ValidationError(ERR_HAS_ERRORS.format(n=batch.error_count))
    if not batch.valid_count:
        raise ValidationError(ERR_NOTHING_VALID)
    reason = f"Nhập từ tệp Excel {batch.file_name}"
    imported = 0
    hooks = HOOKS.get(batch.kind)
    if hooks is not None:  # the rows of one record (a decision) may lie far apart in the file: all at once
        rows = [r for chunk in _valid_chunks(batch) for r in chunk]
        hooks.write(rows, acting_user, batch, reason)
        imported = len(rows)
    else:
        for rows in _valid_chunks(batch):
            WRITERS[batch.kind](rows, acting_user, batch, reason)
            imported += len(rows)
    batch.status = BatchStatus.COMMITTED
    batch.imported = imported
    batch.committed_at = timezone.now()
    batch.save(update_fields=["status", "imported", "committed_at", "updated_at"])
    audit_record(actor=acting_user, action="import.committed", target=batch, unit=batch.unit, reason=reason, data={
        "kind": batch.kind, "file_name": batch.file_name, "total": batch.total, "imported": imported,
        "skipped": batch.error_count, "overwrite": batch.overwrite,
    })
    return {"changed": False, "imported": imported, "skipped": batch.error_count}


def _people(rows) -> dict:
    """The rows' people for the doors, as the check staged them (name and unit then: a change since is an audited
    one, which made the commit check them again), or from the database for rows staged without their unit."""
    if all("person_unit_id" in r for r in rows):
        return {r["person_id"]: PersonRef(r["person_id"], r["person_name"], r["person_unit_id"]) for r in rows}
    return {p.pk: PersonRef(p.pk, p.full_name, p.current_unit_id) for p in
            Person.objects.only("id", "full_name", "current_unit_id").filter(pk__in={r["person_id"] for r in rows})}


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _write_people(rows, user, batch, reason):
    # person_create/employment_move per row: each person gets its own audit trail.
    units = Unit.objects.in_bulk({r["unit_id"] for r in rows})
    for d in rows:
        org_services.person_create(
            acting_user=user, full_name=d["full_name"], gender=d["gender"], date_of_birth=_date(d["dob"]),
            national_id=d.get("national_id", ""), unit=units[d["unit_id"]], position=d["position"],
            start_date=_date(d["start"]),
        )


def _write_ratings(rows, user, batch, reason):
    people = _people(rows)
    org_services.ratings_set(acting_user=user, overwrite=batch.overwrite, reason=reason, items=[
        {"person": people[d["person_id"]], "year": d["year"], "rating": d["rating"],
         "score": None if d["score"] is None else Decimal(d["score"])}
        for d in rows
    ])


def _write_discipline(rows, user, batch, reason):
    people = _people(rows)
    org_services.disciplines_record(acting_user=user, reason=reason, items=[
        {"person": people[d["person_id"]], "level": d["level"], "start_date": _date(d["start"]),
         "end_date": _date(d["end"]), "decision_ref": d["decision_ref"]}
        for d in rows
    ])


def _write_initiatives(rows, user, batch, reason):
    people = _people(rows)
    org_services.initiatives_record(acting_user=user, reason=reason, items=[
        {"person": people[d["person_id"]], "title": d["title"], "kind": d["kind"], "year": d["year"],
         "scope": d["scope"]}
        for d in rows
    ])


WRITERS = {
    ImportKind.PEOPLE: _write_people,
    ImportKind.RATINGS: _write_ratings,
    ImportKind.DISCIPLINE: _write_discipline,
    ImportKind.INITIATIVES: _write_initiatives,
}
