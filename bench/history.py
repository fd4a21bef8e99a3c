"""A province's award history through the import (issue 12: 10,000 grants over 10 years for 2,000 people, preview
and commit in under a minute), against openpyxl's read-only pass over the same file.

    .venv/bin/python bench/history.py [--people 2000] [--runs 2]        (also part of `make bench`)

On the benchmark database (bench/generate.py): each of PEOPLE people of the province gets five grants over
2006-2015 (three Lao động tiên tiến, a Chiến sĩ thi đua cơ sở and a Giấy khen from their unit, numbered per unit,
year and award; every tenth person a Bằng khen of the province instead of the Giấy khen); 70% named by
"Mã cá nhân", 30% by name, date of birth and unit code. The import runs as in bench/imports.py (create, the worker's
check and staging = the preview, the commit through the paper-decision door), then is rolled back.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from generate import bench_url, ensure_database, setup_django
from imports import DATA, benchmark_people, child, in_process, person_key, run_import, vacuum, write_file

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 60
# The ten years before the generated history (2016-2025: the import would report those titles as held), numbered
# far above the generated decisions (it would report those numbers as taken).
PLAN = (("LDTT", 2006, 9001), ("LDTT", 2009, 9001), ("LDTT", 2012, 9001), ("CSTDCS", 2013, 9002),
        ("GIAY_KHEN", 2014, 9003))


def make_file(people: int) -> Path:
    path = DATA / f"history-{people}.xlsx"
    if path.exists():
        return path
    from thidua.org.models import Unit
    from thidua.rulebook.codes import name_vi

    root = Unit.objects.filter(parent=None).order_by("pk").first()

    def rows():
        n = 0
        for i, person in enumerate(benchmark_people(people, working=True)):
            for award, year, number in PLAN:
                issuer = person[3]
                if award == "GIAY_KHEN" and i % 10 == 0:
                    award, issuer, number = "BK_TINH", root.code, 9004
                n += 1
                yield {"stt": n, "decision_number": f"{number}/QĐ-KT", "decision_date": f"15/01/{year + 1}",
                       "issuer": issuer, "award": name_vi(award), "year": year, "amount": 500000,
                       **person_key(i, *person)}

    return write_file(path, "history", rows())


def run_history(path: Path) -> dict:
    return run_import(path, kind="history")


def main() -> None:
    ap = argparse.ArgumentParser(description="Nhập lịch sử khen thưởng quy mô tỉnh.")
    ap.add_argument("--people", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child, run=run_history)
        return
    url = bench_url()
    ensure_database(url)
    setup_django(url)
    from thidua.org.models import Person

    if not Person.objects.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py")], check=True)
    path = make_file(args.people)
    print(f"Tệp: {path.name}, {path.stat().st_size / 1e6:.1f} MB, {args.people} người × {len(PLAN)} khen thưởng")
    for run in range(1, args.runs + 1):
        base, imp = in_process("baseline", path, __file__), in_process("import", path, __file__)
        print(f"Lượt {run}: nhập {imp['seconds']:.1f} s = {imp['seconds'] / base['seconds']:.1f}× đọc openpyxl "
              f"({base['seconds']:.2f} s); xem trước (đọc, kiểm tra, lưu tạm) {imp['create'] + imp['stage']:.1f} s + ghi "
              f"{imp['commit']:.1f} s; {imp['rows']} dòng, {imp['errors']} lỗi, {imp['imported']} khen thưởng đã ghi "
              f"(rồi hoàn tác); bộ nhớ đỉnh {imp['peak_mb']:.0f} MB — mục tiêu < {GOAL_SECONDS} s: "
              f"{'ĐẠT' if imp['seconds'] < GOAL_SECONDS and imp['errors'] == 0 else 'CHƯA ĐẠT'}")
    vacuum(url)


if __name__ == "__main__":
    main()
