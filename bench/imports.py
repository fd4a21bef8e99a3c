"""A province's ratings file through the import, against a bare openpyxl pass over the same file (issue 11, item 3).

    .venv/bin/python bench/imports.py [--rows 100000] [--runs 2]        (also part of `make bench`)

On the benchmark database (bench/generate.py): a provincial clerk's file of ROWS ratings for 2026 (people of the
province, 70% named by "Mã cá nhân", 30% by name + date of birth + unit code), written once to bench/data/.
Each run is a fresh process, so its peak memory is its own:
- (a) the baseline: openpyxl's read-only pass that touches every cell of the file;
- the import as the clerk and the worker run it: ``batch_create`` (the header and the declared size), the
  worker's ``batch_stage`` (stream, check per chunk, stage the rows), and ``batch_commit`` (the ratings and one
  audit entry each), then rolled back so that every run starts from the same data.
Prints each phase, the total as a ratio to (a) and the peak resident memory of each process.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from generate import bench_url, ensure_database, setup_django

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
YEAR = 2026
GOALS = {"ratio": 2.0, "peak_mb": 300}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_file(path: Path, kind: str, rows) -> Path:
    """A clerk's file of ``kind`` (openpyxl write-only): ``rows`` yields dicts by column key."""
    from openpyxl import Workbook

    from thidua.imports.kinds import SPECS

    DATA.mkdir(parents=True, exist_ok=True)
    spec = SPECS[kind]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Dữ liệu")
    ws.append(spec.labels)
    for by in rows:
        ws.append([by.get(key, None) for key in spec.keys])
    wb.save(path)
    return path


def person_key(i: int, pk, name, dob, code) -> dict:
    """70% of the rows name the person by "Mã cá nhân", 30% by name, date of birth and unit code."""
    if i % 10 < 7 or dob is None or not code:
        return {"person_id": pk}
    return {"full_name": name, "date_of_birth": dob.strftime("%d/%m/%Y"), "unit_code": code}


def benchmark_people(n: int, *, working: bool = False):
    """(pk, name, date of birth, unit code) of the first ``n`` people; ``working``: only those with a unit now."""
    from thidua.org.models import Person

    found = Person.objects.filter(current_unit__isnull=False) if working else Person.objects.all()
    found = found.order_by("pk").values_list("pk", "full_name", "date_of_birth", "current_unit__code")
    return found[:n].iterator(chunk_size=5000)


def make_file(rows: int) -> Path:
    """The clerk's file, written once from the benchmark's people."""
    path = DATA / f"ratings-{rows}.xlsx"
    if path.exists():
        return path
    return write_file(path, "ratings", (
        {"stt": i, "year": YEAR, "rating": ("HTXS", "HTT", "Hoàn thành nhiệm vụ", "HTT")[i % 4],
         **person_key(i, *person)}
        for i, person in enumerate(benchmark_people(rows), 1)))


def baseline(path: Path) -> dict:
    from openpyxl import load_workbook

    start = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in wb["Dữ liệu"].iter_rows(values_only=True):
        cells += sum(1 for v in row if v is not None)
    wb.close()
    return {"seconds": time.perf_counter() - start, "cells": cells, "peak_mb": peak_mb()}


def clerk():
    from django.contrib.auth import get_user_model

    from thidua.accounts.models import RoleAssignment
    from thidua.accounts.services import role_assign
    from thidua.org.models import Unit

    root = Unit.objects.filter(parent=None).order_by("pk").first()
    user, _ = get_user_model().objects.get_or_create(username="bench-clerk")
    if not RoleAssignment.objects.filter(user=user, unit=root).exists():
        role_assign(user=user, role_code="clerk", unit=root)
    return user


def run_import(path: Path, kind: str = "ratings") -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from django.test import override_settings

    from thidua.imports import services
    from thidua.imports.models import BatchStatus

    user = clerk()
    out = {"setup_mb": peak_mb()}

    class Rollback(Exception):
        pass

    upload = SimpleUploadedFile(path.name, path.read_bytes())
    try:
        with override_settings(IMPORT_BACKGROUND_ROWS=0), transaction.atomic():
            start = time.perf_counter()
            batch = services.batch_create(kind=kind, upload=upload, acting_user=user)
            out["create"] = time.perf_counter() - start
            t = time.perf_counter()
            batch = services.batch_stage(batch=batch, acting_user=user)
            out["stage"] = time.perf_counter() - t
            assert batch.status == BatchStatus.READY, (batch.status, batch.commit_message)
            out.update(rows=batch.total, valid=batch.valid_count, errors=batch.error_count)
            t = time.perf_counter()
            result = services.batch_commit(batch=batch, acting_user=user)
            out["commit"] = time.perf_counter() - t
            out["seconds"] = time.perf_counter() - start
            out["imported"] = result["imported"]
            batch.source.delete(save=False)
            raise Rollback
    except Rollback:
        pass
    out["peak_mb"] = peak_mb()
    return out


def child(what: str, path: str, run=None) -> None:
    """In a fresh process (its peak memory its own): the baseline, or ``run`` (this file's import by default)."""
    if what == "baseline":
        print(json.dumps(baseline(Path(path))))
        return
    setup_django(bench_url())
    print(json.dumps((run or run_import)(Path(path))))


def in_process(what: str, path: Path, script: str = __file__) -> dict:
    done = subprocess.run([sys.executable, script, "--child", what, str(path)], check=True, capture_output=True,
                          text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description="Nhập xếp loại quy mô tỉnh so với một lượt đọc openpyxl.")
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    url = bench_url()
    ensure_database(url)
    setup_django(url)
    from thidua.org.models import Person

    if not Person.objects.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py")], check=True)
    path = make_file(args.rows)
    rows = f"{args.rows:,}".replace(",", ".")
    print(f"Tệp: {path.name}, {path.stat().st_size / 1e6:.1f} MB, {rows} dòng xếp loại năm {YEAR}")
    for run in range(1, args.runs + 1):
        base = in_process("baseline", path)
        imp = in_process("import", path)
        ratio = imp["seconds"] / base["seconds"]
        print(f"Lượt {run}:")
        print(f"  tỷ lệ nhập / đọc openpyxl: {ratio:.2f}× (mục tiêu ≤ {GOALS['ratio']}×); "
              f"bộ nhớ đỉnh khi nhập: {imp['peak_mb']:.0f} MB (mục tiêu < {GOALS['peak_mb']} MB)")
        cells = f"{base['cells']:,}".replace(",", ".")
        print(f"  (a) openpyxl read-only, mọi ô: {base['seconds']:.2f} s, {cells} ô, bộ nhớ đỉnh {base['peak_mb']:.0f} MB")
        print(f"  nhập: {imp['seconds']:.2f} s = mở tệp {imp['create']:.2f} s + đọc, kiểm tra, lưu tạm "
              f"{imp['stage']:.2f} s + ghi {imp['commit']:.2f} s; {imp['rows']} dòng, {imp['valid']} hợp lệ, "
              f"{imp['errors']} lỗi, {imp['imported']} đã ghi (rồi hoàn tác); "
              f"Django đã nạp: {imp['setup_mb']:.0f} MB")
        ok = ratio <= GOALS["ratio"] and imp["peak_mb"] < GOALS["peak_mb"] and imp["errors"] == 0
        print(f"  Mục tiêu: {'ĐẠT' if ok else 'CHƯA ĐẠT'}")
    vacuum(url)


def vacuum(url: str) -> None:
    """Each run's rows were rolled back: reclaim them, or the next benchmark (the pages) reads a bloated audit
    table (a count over 3 live audit entries took 43 ms after four runs)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for table in ("audit_auditentry", "org_personrating", "imports_importrow", "imports_importbatch"):
            conn.execute(f"VACUUM ANALYZE {table}")


if __name__ == "__main__":
    main()
