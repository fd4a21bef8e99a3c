"""The home page's scoped lists on a generated province (bench/generate.py), for a provincial officer: the
counts and the five latest decisions as the page reads them now, and with the `.distinct()` they had before
(the baseline, measured in the same run).

    .venv/bin/python bench/lists.py [--url postgres://…/thidua_bench]
"""

from __future__ import annotations

import argparse
import statistics
import time

from generate import bench_url, setup_django


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default=bench_url())
    ap.add_argument("--rounds", type=int, default=9)
    args = ap.parse_args()
    setup_django(args.url)
    from django.contrib.auth import get_user_model

    from thidua.accounts.services import role_assign
    from thidua.awards.models import Decision
    from thidua.awards.selectors import decision_list_for, nomination_list_for
    from thidua.org.models import Unit

    officer, created = get_user_model().objects.get_or_create(username="bench-province")
    if created:
        role_assign(user=officer, role_code="province_officer", unit=Unit.objects.filter(parent=None).first())

    def p50(fn) -> str:
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        return f"{statistics.median(times):6.1f} ms"

    print(f"{Decision.objects.count():,} decisions")
    rows = [
        ("count of decisions", lambda: decision_list_for(officer).count(),
         lambda: decision_list_for(officer).distinct().count()),
        ("five latest decisions", lambda: list(decision_list_for(officer)[:5]),
         lambda: list(decision_list_for(officer).distinct()[:5])),
        ("count of nominations", lambda: nomination_list_for(officer).count(),
         lambda: nomination_list_for(officer).distinct().count()),
    ]
    for label, now, before in rows:
        print(f"{label:<24} now p50 {p50(now)}   with DISTINCT (before) p50 {p50(before)}")


if __name__ == "__main__":
    main()
