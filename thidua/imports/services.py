"""Excel imports: read an upload into an ImportBatch, check it (at once, or chunk by chunk
driven by the progress polls), and commit it through the org doors in one transaction."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from thidua.accounts.models import Capability
from thidua.audit.services import audit_record
from thidua.core.uploads import check_upload
from thidua.formatting import format_date
from thidua.org import services as org_services
from thidua.org.selectors import units_visible_to

from .kinds import EXAMPLE_MARK, SPECS, STT, KindSpec, header_map, missing_columns
from .models import BatchStatus, ImportBatch, ImportKind
from .validation import Checker, to_json

ERR_UNREADABLE = "Không đọc được tệp '{name}': tệp hỏng hoặc không phải Excel .xlsx."
ERR_NO_HEADER = "Tệp '{name}' không có dòng tiêu đề."
ERR_HEADERS = ("Tệp '{name}' không đúng mẫu nhập {kind}: thiếu cột {missing}. "
               "Hãy dùng tệp mẫu và giữ nguyên dòng tiêu đề.")
ERR_NO_ROWS = "Tệp '{name}' chưa có dòng dữ liệu nào (dòng ví dụ được bỏ qua)."
ERR_TOO_MANY = "Tệp '{name}' có {n} dòng, vượt giới hạn {max} dòng mỗi lần nhập; hãy chia thành nhiều tệp."
ERR_NOT_READY = "Lô nhập liệu này không còn chờ xác nhận."
ERR_HAS_ERRORS = ("Có {n} dòng lỗi nên chưa ghi dòng nào. Hãy sửa tệp rồi tải lên lại, "
                  "hoặc chọn “Chỉ nhập các dòng hợp lệ”.")
ERR_NOTHING_VALID = "Không có dòng hợp lệ nào để nhập."
ERR_CONCURRENT = "Dữ liệu vừa bị thay đổi bởi người khác trong lúc nhập; chưa ghi gì, hãy thử lại."
MSG_CHANGED = ("Dữ liệu trong hệ thống đã thay đổi kể từ lúc kiểm tra: kết quả kiểm tra đã được cập nhật, "
               "chưa ghi gì. Hãy xem lại rồi xác nhận.")


def cell_text(value) -> str:
    """Every cell as text, the way a user reads it: dates dd/mm/yyyy, 2025.0 → "2025"."""
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


def read_rows(upload, spec: KindSpec) -> list[list]:
    """[[excel row number, [cell text in the spec's column order]], ...] of the data rows."""
    from openpyxl import load_workbook

    name = upload.name
    upload.seek(0)
    if upload.read(2) != b"PK":  # an .xlsx is a zip archive
        raise ValidationError(ERR_UNREADABLE.format(name=name))
    upload.seek(0)
    try:
        wb = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (zip, XML, KeyError) for broken files
        raise ValidationError(ERR_UNREADABLE.format(name=name))
    try:
        ws = wb["Dữ liệu"] if "Dữ liệu" in wb.sheetnames else wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        found = None
        header_row = 0
        for header_row, cells in enumerate(rows, 1):  # noqa: B007 (used after the loop)
            if any(v not in (None, "") for v in cells):
                found = header_map(list(cells))
                break
        if found is None:
            raise ValidationError(ERR_NO_HEADER.format(name=name))
        missing = missing_columns(spec, found)
        if missing:
            raise ValidationError(ERR_HEADERS.format(name=name, kind=spec.label.lower(),
                                                     missing=", ".join(missing)))
        limit = settings.IMPORT_MAX_ROWS
        out = []
        positions = [(key, found.get(key)) for key in spec.keys]
        for number, cells in enumerate(rows, header_row + 1):
            values = [cell_text(cells[i]) if i is not None and i < len(cells) else "" for _, i in positions]
            if not any(values):
                continue
            if spec.keys[0] == STT and values[0].casefold() == EXAMPLE_MARK.casefold():
                continue
            out.append([number, values])
            if len(out) > limit:
                raise ValidationError(ERR_TOO_MANY.format(name=name, n=f"hơn {limit}", max=limit))
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(ERR_UNREADABLE.format(name=name))
    finally:
        wb.close()
    if not out:
        raise ValidationError(ERR_NO_ROWS.format(name=name))
    return out


def _checker(batch: ImportBatch, user, seen=None) -> Checker:
    return Checker(SPECS[batch.kind], user, overwrite=batch.overwrite, seen=seen)


def _rows(batch: ImportBatch, start: int, end: int):
    keys = SPECS[batch.kind].keys
    return [(n, dict(zip(keys, values, strict=False))) for n, values in batch.raw_rows[start:end]]


def _apply(batch: ImportBatch, checks) -> None:
    for c in checks:
        if c.errors:
            batch.errors[str(c.number)] = c.errors
        else:
            batch.valid_rows.append(to_json(c))


def batch_create(*, kind: str, upload, acting_user, overwrite: bool = False) -> ImportBatch:
    """Read and store the file; check it now when small, else chunk by chunk (batch_advance: the worker's
    task, which the page queues, and the progress polls)."""
    spec = SPECS[kind]
    check_upload(upload, only=("xlsx",))
    rows = read_rows(upload, spec)
    batch = ImportBatch.objects.create(
        kind=kind, file_name=upload.name[:255], created_by=acting_user,
        overwrite=overwrite and kind == ImportKind.RATINGS,
        unit=units_visible_to(acting_user, Capability.ORG_MANAGE).order_by("path").first(),
        raw_rows=rows, total=len(rows),
    )
    if batch.total <= settings.IMPORT_BACKGROUND_ROWS:
        batch_advance(batch=batch, acting_user=acting_user, size=batch.total)
        batch.refresh_from_db()
    return batch


@transaction.atomic
def batch_advance(*, batch: ImportBatch, acting_user, size: int | None = None) -> ImportBatch:
    """Check the next chunk. Called by the worker's task and by each progress poll: the state is in the row, so
    it survives restarts, and the worker and two tabs polling at once take turns on the lock."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != BatchStatus.VALIDATING:
        return batch
    start = batch.processed
    end = min(batch.total, start + (size or settings.IMPORT_CHUNK_ROWS))
    checker = _checker(batch, acting_user, seen=batch.seen)
    _apply(batch, checker.check(_rows(batch, start, end)))
    batch.seen = checker.seen
    batch.processed = end
    if end >= batch.total:
        batch.status = BatchStatus.READY
    batch.save()
    return batch


def _recheck(batch: ImportBatch, acting_user):
    """Check every row again against the database as it is now (inside the commit's transaction)."""
    checker = _checker(batch, acting_user, seen={})
    checks = []
    step = max(settings.IMPORT_CHUNK_ROWS, 1)
    for start in range(0, batch.total, step):
        checks.extend(checker.check(_rows(batch, start, start + step)))
    return checks, checker.seen


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
    if batch.errors and not only_valid:
        raise ValidationError(ERR_HAS_ERRORS.format(n=len(batch.errors)))
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


@transaction.atomic
def _commit(*, batch: ImportBatch, acting_user, only_valid: bool, queued: bool = False) -> dict:
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != (BatchStatus.COMMITTING if queued else BatchStatus.READY):
        raise ValidationError(ERR_NOT_READY)
    checks, seen = _recheck(batch, acting_user)
    bad = {str(c.number) for c in checks if c.errors}
    if bad != set(batch.errors):
        batch.errors, batch.valid_rows, batch.seen = {}, [], seen
        _apply(batch, checks)
        batch.save()
        return {"changed": True, "imported": 0, "skipped": len(bad)}
    if bad and not only_valid:
        raise ValidationError(ERR_HAS_ERRORS.format(n=len(bad)))
    good = [c for c in checks if not c.errors]
    if not good:
        raise ValidationError(ERR_NOTHING_VALID)
    reason = f"Nhập từ tệp Excel {batch.file_name}"
    WRITERS[batch.kind](good, acting_user, batch, reason)
    batch.status = BatchStatus.COMMITTED
    batch.imported = len(good)
    batch.committed_at = timezone.now()
    batch.save(update_fields=["status", "imported", "committed_at", "updated_at"])
    audit_record(actor=acting_user, action="import.committed", target=batch, unit=batch.unit, reason=reason, data={
        "kind": batch.kind, "file_name": batch.file_name, "total": batch.total, "imported": len(good),
        "skipped": len(bad), "overwrite": batch.overwrite,
    })
    return {"changed": False, "imported": len(good), "skipped": len(bad)}


def _write_people(checks, user, batch, reason):
    # person_create/employment_move per row: each person gets its own audit trail.
    for c in checks:
        d = c.data
        org_services.person_create(
            acting_user=user, full_name=d["full_name"], gender=d["gender"], date_of_birth=d["dob"],
            unit=c.unit, position=d["position"], start_date=d["start"],
        )


def _write_ratings(checks, user, batch, reason):
    org_services.ratings_set(acting_user=user, overwrite=batch.overwrite, reason=reason, items=[
        {"person": c.person, "year": c.data["year"], "rating": c.data["rating"],
         "score": None if c.data["score"] is None else Decimal(c.data["score"])}
        for c in checks
    ])


def _write_discipline(checks, user, batch, reason):
    org_services.disciplines_record(acting_user=user, reason=reason, items=[
        {"person": c.person, "level": c.data["level"], "start_date": c.data["start"], "end_date": c.data["end"],
         "decision_ref": c.data["decision_ref"]}
        for c in checks
    ])


def _write_initiatives(checks, user, batch, reason):
    org_services.initiatives_record(acting_user=user, reason=reason, items=[
        {"person": c.person, "title": c.data["title"], "kind": c.data["kind"], "year": c.data["year"],
         "scope": c.data["scope"]}
        for c in checks
    ])


WRITERS = {
    ImportKind.PEOPLE: _write_people,
    ImportKind.RATINGS: _write_ratings,
    ImportKind.DISCIPLINE: _write_discipline,
    ImportKind.INITIATIVES: _write_initiatives,
}
