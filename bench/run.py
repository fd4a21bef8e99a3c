"""Benchmark: evaluate every person and unit of a province for every title on PostgreSQL.

    make bench          # = .venv/bin/python bench/run.py (generates the data set first if missing)

Uses the same adapter as the pages (thidua.eligibility.histories + services.candidates) and prints,
measured in the same run:
  * the whole-province evaluation (load + evaluate every person × 7 codes and every unit × 6 codes),
    people per second;
  * (a) just reading the same rows: the very SQL statements the adapter ran, executed again and
    every row fetched, nothing built -> ratio evaluation / raw read;
  * (b) a naive per-person ORM evaluation (model instances, one query per relation per person) on a
    2,000-person sample, extrapolated to the province -> ratio naive / adapter.
Options: --sample N, --year Y. One process (see bench/README.md for the figures and what is left).
"""
from __future__ import annotations

import argparse
import datetime as dt
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
    from thidua.eligibility import services

    return services.candidates(root, year, dd)


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
    args = ap.parse_args(argv)
    url = bench_url()
    ensure_database(url)
    setup_django(url)
    from thidua.org.models import Person

    if Person.objects.count() < 150_000:
        generate_main([])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.eligibility import histories

    root = province_root()
    n_people = Person.objects.filter(current_unit__path__startswith=root.path).count()
    from thidua.org.models import Unit

    n_units = Unit.objects.filter(path__startswith=root.path).count()
    print(f"Dữ liệu: {_n(n_people)} người; {n_units} đơn vị; năm xét {args.year}; "
          f"ngày quyết định {DECISION_DATE:%d/%m/%Y}")

    # The SQL the adapter runs (captured once; it also warms the database cache).
    with CaptureQueriesContext(connection) as ctx:
        histories.load_subtree(root)
    statements = [q["sql"] for q in ctx.captured_queries]

    t = time.perf_counter()
    rows = raw_read(statements)
    t_raw = time.perf_counter() - t

    t = time.perf_counter()
    result = evaluate_province(root, args.year, DECISION_DATE)
    t_eval = time.perf_counter() - t
    verdicts = sum(len(r.verdicts) for r in result.rows)

    t = time.perf_counter()
    histories.load_subtree(root)
    t_load = time.perf_counter() - t

    sample = list(Person.objects.order_by("?").values_list("pk", flat=True)[: args.sample])
    t = time.perf_counter()
    naive(sample, args.year, DECISION_DATE)
    t_naive = (time.perf_counter() - t) * n_people / len(sample)

    print(f"(a) đọc thô {_n(rows)} dòng ({len(statements)} câu lệnh SQL): {t_raw:.2f} s")
    print(f"    nạp lịch sử (histories.load_subtree, 1 tiến trình): {t_load:.2f} s")
    print(f"Toàn tỉnh (1 tiến trình): {t_eval:.2f} s cho {_n(len(result.rows))} người và đơn vị, "
          f"{_n(verdicts)} kết quả")
    print(f"    = {_n(round(n_people / t_eval))} người/giây")
    print(f"    tỷ lệ so với đọc thô: {t_eval / t_raw:.2f}×")
    print(f"(b) cách ngây thơ theo từng người (ORM, mẫu {len(sample)} người, ngoại suy): {t_naive:.0f} s"
          f" = {t_naive / t_eval:.0f}× chậm hơn")
    ok = t_eval < 10 and t_eval / t_raw <= 3
    print("Mục tiêu (< 10 s, ≤ 3× đọc thô): " + ("ĐẠT" if ok else "CHƯA ĐẠT"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
