"""Person search on a generated province (bench/generate.py): the list page's query — the search text filter,
ordered, a count and the first page — with the trigram index and, as the baseline in the same run, without
it (bitmap scans off: PostgreSQL falls back to the sequential scan it used before the index).

    .venv/bin/python bench/search.py [--url postgres://…/thidua_bench] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

from generate import bench_url, setup_django

QUERIES = ["nguyen van", "tran thi", "le minh", "pham", "hoang anh", "vo thanh"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default=bench_url())
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    setup_django(args.url)
    from django.db import connection

    from thidua.core.paging import PAGE_ROWS
    from thidua.core.text import normalize_search
    from thidua.org.models import Person

    def timings(index: bool) -> list[float]:
        with connection.cursor() as cursor:
            cursor.execute(f"SET enable_bitmapscan = {'on' if index else 'off'}")
        out = []
        for query in QUERIES * args.rounds:
            start = time.perf_counter()
            found = Person.objects.filter(search_text__contains=normalize_search(query)).order_by("full_name", "id")
            found.count()
            list(found[:PAGE_ROWS])
            out.append((time.perf_counter() - start) * 1000)
        return sorted(out)

    people = Person.objects.count()
    for label, index in (("trigram index", True), ("sequential scan (baseline)", False)):
        t = timings(index)
        p95 = t[max(int(len(t) * 0.95) - 1, 0)]
        print(f"{people:>9,} people  {label:<28} p50 {statistics.median(t):6.1f} ms  p95 {p95:6.1f} ms")


if __name__ == "__main__":
    main()
