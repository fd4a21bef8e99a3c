"""Benchmark: evaluate every person and unit of a province for every title on PostgreSQL.

    make bench          # = .venv/bin/python bench/run.py (generates the data set first if missing)

Prints, all measured in the same run:
  * the production path — ``awards.bulk.run_start``: the run split into tasks (``--parts``) taken by 1, 2
    and 4 ``manage.py worker`` processes (``--workers``), each reading and evaluating its people
    (statuses only, compact rulebook mode), the last judging the units on their members: seconds,
    people per second; and the same compact path in this one process;
  * (a) just reading the same rows: the very SQL statements the adapter runs, executed again in one
    process and every row fetched, nothing built -> ratio fast path / raw read;
  * the reference path — ``services.candidates``, full
    verdicts with Vietnamese texts, 1 process, what the pages use — whose status for every person,
    unit and code must equal the fast path's (asserted; counts printed);
  * (b) a naive per-person ORM evaluation (model instances, one query per relation per person) on a
    2,000-person sample, extrapolated to the province -> ratio naive / fast path.
Options: --sample N, --year Y, --workers 1,2,4, --parts 8, --quick (skip the reference run).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import bench_url, ensure_database, setup_django  # noqa: E402
from generate import main as generate_main

YEAR = 2025
DECISION_DATE = dt.date(2026, 1, 15)


def province_root():
    from thidua.org.models import Unit

    return Unit.objects.filter(parent__isnull=True).order_by("path").first()


def evaluate_province(root, year, dd):
    """The compact path in this one process: statuses of every person and unit (CompactResult)."""
    from thidua.awards import eligibility as services
    from thidua.awards import histories

    return histories.evaluate_subtree_compact(root, year, dd, services.rulebook_settings())


def on_workers(root, year, dd, n_workers: int, parts: int, url: str):
    """The production path: the run split into ``parts`` tasks, taken by ``n_workers`` `manage.py worker`
    processes (as on as many machines), timed from the queueing to the last unit judged."""
    import signal
    import subprocess

    from thidua.awards import bulk
    from thidua.awards.models import EligibilityRun, RunStatus
    from thidua.notifications.models import WorkerHeartbeat

    root_dir = Path(__file__).resolve().parent.parent
    # DEBUG off: with DEBUG the worker reloads itself on code changes (a second process).
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0", "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only"),
           "WORKER_HEARTBEAT_SECONDS": "1", "REQUEST_LOG": "0"}
    WorkerHeartbeat.objects.all().delete()
    procs = [subprocess.Popen([sys.executable, "manage.py", "worker", "--interval", "0.05", "--no-startup-delay"],
                              cwd=root_dir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for _ in range(n_workers)]
    try:
        while WorkerHeartbeat.objects.count() < n_workers:  # every worker up and polling
            time.sleep(0.1)
        t = time.perf_counter()
        run = bulk.run_start(unit=root, year=year, decision_date=dd, parts=parts)
        while EligibilityRun.objects.filter(pk=run.pk, status=RunStatus.DONE).count() == 0:
            time.sleep(0.05)
        elapsed = time.perf_counter() - t
    finally:
        for p in procs:
            p.send_signal(signal.SIGINT)
        for p in procs:
            p.wait(timeout=30)
    return bulk.result_of(EligibilityRun.objects.get(pk=run.pk)), elapsed


def reference(root, year, dd):
    """The pages' path (full verdicts, one process) as {("individual"|"collective", pk): statuses}."""
    from thidua.awards import eligibility as services
    from thidua.awards import histories

    # Keep the cyclic collector paused until the million verdicts are dropped (they hold no
    # cycles, so reference counting frees them): a full collection over them costs seconds.
    with histories.bulk():
        result = services.candidates(root, year, dd)
        statuses = {(r.kind, r.pk): tuple(v.status for v in r.verdicts) for r in result.rows}
        del result
    return statuses


def compare(fast, ref) -> tuple:
    """(number of differing subjects, counts of the fast path, counts of the reference)."""
    mine = {("individual", pk): s for pk, s in fast.people.items()}
    mine.update({("collective", pk): s for pk, s in fast.units.items()})
    diff = sum(1 for k in set(mine) | set(ref) if mine.get(k) != ref.get(k))
    ref_counts: dict = {}
    for (kind, _pk), statuses in ref.items():
        codes = fast.person_codes if kind == "individual" else fast.unit_codes
        for code, status in zip(codes, statuses, strict=True):
            ref_counts[(code, status)] = ref_counts.get((code, status), 0) + 1
    return diff, fast.counts(), ref_counts


def raw_read(statements):
    """Execute the adapter's SQL again and fetch every row (client-side, same fetch size)."""
    from django.db import connection

    n = 0
    with connection.cursor() as cur:
        for sql in statements:
            cur.execute(sql)
            while True:
                rows = cur.fetchmany(50_000)
                if not rows:
                    break
                n += len(rows)
    return n


def naive(sample_ids, year, dd):
    """What a first version would do: per person, fetch the models and build the history."""
    from thidua.awards.models import Grant as GrantRow
    from thidua.org.models import Person
    from thidua.rulebook import evaluate_all
    from thidua.rulebook.history import Discipline, Grant, Initiative, PersonHistory

    for pk in sample_ids:
        p = Person.objects.get(pk=pk)
        h = PersonHistory(id=str(p.pk), name=p.full_name, gender=p.gender)
        for r in p.ratings.all():
            h.ratings[r.year] = r.rating
        for g in GrantRow.objects.filter(person=p, status="valid").select_related("decision"):
            h.grants.append(Grant(g.award_code, g.decision.issued_on, g.award_type, g.year))
        for i in p.initiatives.all():
            h.initiatives.append(Initiative(f"SK-{i.pk}", i.year, i.scope, i.kind, i.used_for or None))
        for d in p.disciplines.all():
            h.disciplines.append(Discipline({"ha_bac_luong": "ha_bac"}.get(d.level, d.level), d.start_date, d.end_date))
        evaluate_all(h, year, dd)


def _n(x: int) -> str:
    return f"{x:,}".replace(",", ".")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Benchmark xét điều kiện khen thưởng toàn tỉnh (PostgreSQL).")
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--year", type=int, default=YEAR)
    ap.add_argument("--workers", default="1,2,4", help="số tiến trình nền (manage.py worker) để đo, ví dụ 1,2,4")
    ap.add_argument("--parts", type=int, default=8, help="số phần (tác vụ) của một lượt xét")
    ap.add_argument("--quick", action="store_true", help="bỏ qua lượt 1 tiến trình và lượt đối chiếu đầy đủ")
    args = ap.parse_args(argv)
    url = bench_url()
    ensure_database(url)
    setup_django(url)
    from thidua.org.models import Person

    if Person.objects.count() < 150_000:
        generate_main([])
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # the run and heartbeat tables of a data set generated earlier
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.awards import histories
    from thidua.org.models import Unit

    root = province_root()
    n_people = Person.objects.filter(current_unit__path__startswith=root.path).count()
    n_units = Unit.objects.filter(path__startswith=root.path).count()
    print(f"Dữ liệu: {_n(n_people)} người; {n_units} đơn vị; năm xét {args.year}; "
          f"ngày quyết định {DECISION_DATE:%d/%m/%Y}; {os.cpu_count()} lõi CPU")

    # The SQL the adapter runs (captured once; it also warms the database cache).
    with CaptureQueriesContext(connection) as ctx:
        histories.load_subtree(root)
    statements = [q["sql"] for q in ctx.captured_queries]

    t = time.perf_counter()
    rows = raw_read(statements)
    t_raw = time.perf_counter() - t
    print(f"(a) đọc thô {_n(rows)} dòng ({len(statements)} câu lệnh SQL, 1 tiến trình): {t_raw:.2f} s")

    t = time.perf_counter()
    one = evaluate_province(root, args.year, DECISION_DATE)
    t_one = time.perf_counter() - t
    print(f"Đường nhanh trong 1 tiến trình (chỉ kết quả): {t_one:.2f} s ({t_one / t_raw:.2f}× đọc thô)")
    timings = {}
    for n in [int(x) for x in str(args.workers).split(",") if x.strip()]:
        result, elapsed = on_workers(root, args.year, DECISION_DATE, n, args.parts, url)
        timings[n] = elapsed
        same = result.people == one.people and result.units == one.units
        print(f"Toàn tỉnh trên {n} tiến trình nền ({args.parts} tác vụ): {elapsed:.2f} s cho "
              f"{_n(len(result.people) + len(result.units))} người và đơn vị, {_n(sum(result.counts().values()))} "
              f"kết quả = {_n(round(n_people / elapsed))} người/giây, {elapsed / t_raw:.2f}× đọc thô; "
              f"trùng kết quả 1 tiến trình: {'CÓ' if same else 'KHÔNG'}")
        assert same, "Kết quả trên tiến trình nền khác đường nhanh 1 tiến trình"
    fast = one
    t_fast = min(timings.values()) if timings else t_one

    if not args.quick:
        t = time.perf_counter()
        ref = reference(root, args.year, DECISION_DATE)
        t_ref = time.perf_counter() - t
        diff, fast_counts, ref_counts = compare(fast, ref)  # the worker runs were asserted equal to `one` above
        print(f"Đối chiếu: services.candidates (kết quả đầy đủ kèm lý do, 1 tiến trình): {t_ref:.2f} s "
              f"({t_ref / t_raw:.2f}× đọc thô)")
        print(f"    khác biệt theo từng người/đơn vị: {diff} (đường nhanh, cũng là kết quả trên tiến trình nền); "
              f"bảng đếm trùng khớp: {'CÓ' if fast_counts == ref_counts else 'KHÔNG'}")
        for (code, status), n in sorted(fast_counts.items()):
            print(f"      {code:<10} {status:<16} {_n(n):>9}  (đối chiếu {_n(ref_counts.get((code, status), 0))})")
        assert diff == 0 and fast_counts == ref_counts, "Kết quả đường nhanh khác đường đối chiếu"

    sample = list(Person.objects.order_by("?").values_list("pk", flat=True)[: args.sample])
    t = time.perf_counter()
    naive(sample, args.year, DECISION_DATE)
    t_naive = (time.perf_counter() - t) * n_people / len(sample)
    print(f"(b) cách ngây thơ theo từng người (ORM, mẫu {len(sample)} người, ngoại suy): {t_naive:.0f} s"
          f" = {t_naive / t_fast:.0f}× chậm hơn đường nhanh")
    ok = t_fast < 10 and t_fast / t_raw <= 3
    print("Mục tiêu (< 10 s, ≤ 3× đọc thô): " + ("ĐẠT" if ok else "CHƯA ĐẠT"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
