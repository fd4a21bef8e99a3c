"""Generate a province-size data set in a dedicated PostgreSQL database (default ``thidua_bench``).

    .venv/bin/python bench/generate.py [--people 150000] [--districts 12] [--communes 50] [--force]

Creates the database if missing, migrates it (manage.py migrate), empties the tables it fills and
loads them with COPY: 1 province > districts > communes (≥ 600 units), people with one employment
each, 10 years of ratings (2016–2025), titles granted through yearly decisions (LĐTT, CSTĐ cơ sở,
CSTĐ cấp tỉnh, Bằng khen), initiatives, disciplines and unit results — about 2 million rows.
Columns added later by other apps are filled from the model defaults, so the generator keeps working.
Deterministic (seeded), so runs are comparable.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench"
YEARS = list(range(2016, 2026))
RATING_WEIGHTS = (("HTXS", 18), ("HTT", 62), ("HT", 17), ("KHT", 3))
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Thanh", "Minh", "Ngọc", "Hữu", "Đức", "Thu", "Quốc", "Mỹ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Trang", "Vy"]


def bench_url() -> str:
    return os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)


def setup_django(url: str):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()


def ensure_database(url: str):
    from urllib.parse import urlparse

    import psycopg

    u = urlparse(url)
    name = u.path.lstrip("/")
    admin = u._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"Đã tạo cơ sở dữ liệu {name}")
    env = dict(os.environ, DATABASE_URL=url, DEBUG="1")
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v0"],
                   check=True, env=env, cwd=ROOT)



def _columns(model, given_keys):
    """Every concrete column of the model; those not given take the model default (or NULL / '')."""
    from django.db.models import NOT_PROVIDED

    cols, fill = [], {}
    for f in model._meta.concrete_fields:
        if f.primary_key and f.attname not in given_keys:
            continue
        cols.append(f.column)
        if f.attname in given_keys:
            continue
        if f.has_default():
            v = f.get_default()
            if callable(getattr(f, "default", None)) and f.name == "verify_code":
                v = None  # unique: generated per row
            fill[f.column] = v
        elif getattr(f, "db_default", NOT_PROVIDED) is not NOT_PROVIDED:
            fill[f.column] = None
        elif f.null:
            fill[f.column] = None
        elif f.get_internal_type() in ("DateTimeField",):
            fill[f.column] = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        elif f.get_internal_type() in ("CharField", "TextField", "SlugField", "FileField"):
            fill[f.column] = ""
        elif f.get_internal_type() in ("BooleanField",):
            fill[f.column] = False
        elif f.get_internal_type() in ("JSONField",):
            fill[f.column] = "[]"
        else:
            fill[f.column] = 0
    return cols, fill


class Loader:
    def __init__(self, conn):
        self.conn = conn
        self.total = 0

    def copy(self, model, rows_iter, keys):
        """rows_iter yields tuples in the order of ``keys`` (model attnames)."""
        import json

        cols, fill = _columns(model, set(keys))
        key_cols = {model._meta.get_field(k).column if not k.endswith("_id") else k: i for i, k in enumerate(keys)}
        order = []
        for c in cols:
            if c in key_cols:
                order.append(("k", key_cols[c]))
            else:
                v = fill[c]
                if isinstance(v, (dict, list)):
                    v = json.dumps(v)
                order.append(("v", v))
        table = model._meta.db_table
        n = 0
        verify_idx = cols.index("verify_code") if "verify_code" in cols and "verify_code" not in key_cols else None
        with self.conn.cursor() as cur:
            with cur.copy(f'COPY "{table}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) FROM STDIN') as cp:
                for r in rows_iter:
                    row = [r[i] if kind == "k" else i for kind, i in order]
                    if verify_idx is not None:
                        row[verify_idx] = f"b{table[:3]}{n}"
                    cp.write_row(row)
                    n += 1
        self.total += n
        return n


def generate(people: int, districts: int, communes: int, seed: int = 2025):
    from django.db import connection

    from thidua.awards.models import Decision, Grant
    from thidua.core.text import normalize_search
    from thidua.org.models import Discipline, Employment, Initiative, Person, PersonRating, Unit, UnitRating

    rnd = random.Random(seed)
    tables = [Grant, Decision, Discipline, Initiative, PersonRating, UnitRating, Employment, Person, Unit]
    connection.ensure_connection()
    conn = connection.connection
    with conn.cursor() as cur:
        names = ", ".join(f'"{m._meta.db_table}"' for m in tables)
        cur.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    load = Loader(conn)
    t0 = time.perf_counter()

    # Units: province 1, districts, communes; paths "/1/2/15/".
    units = [(1, "Tỉnh Bàn Thử", "P", "province", "ubnd", None, "/1/")]
    commune_ids = []
    uid = 1
    for d in range(districts):
        uid += 1
        did = uid
        units.append((did, f"Huyện Thử {d + 1}", f"P-{d + 1:02d}", "district", "ubnd", 1, f"/1/{did}/"))
        for c in range(communes):
            uid += 1
            units.append((uid, f"Xã Thử {d + 1}-{c + 1}", f"P-{d + 1:02d}-{c + 1:03d}", "commune", "ubnd", did,
                          f"/1/{did}/{uid}/"))
            commune_ids.append(uid)
    load.copy(Unit, ((i, n, code, lv, k, p, path, normalize_search(n)) for i, n, code, lv, k, p, path in units),
              ["id", "name", "code", "level", "kind", "parent_id", "path", "search_text"])

    # People, employments, ratings.
    per = people // len(commune_ids)
    ratings_of = {}
    person_rows, emp_rows = [], []
    pid = 0
    for cu in commune_ids:
        for _ in range(per):
            pid += 1
            gender = "female" if rnd.random() < 0.45 else "male"
            name = f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
            # The same search text as person_create writes: "nguyen van" finds "Nguyễn Văn …".
            person_rows.append((pid, name, gender, cu, "Công chức", normalize_search(name)))
            emp_rows.append((pid, cu, "Công chức", dt.date(2010, 1, 1)))
            ratings_of[pid] = cu
    load.copy(Person, person_rows, ["id", "full_name", "gender", "current_unit_id", "current_position", "search_text"])
    load.copy(Employment, emp_rows, ["person_id", "unit_id", "position", "start_date"])
    choices = [r for r, w in RATING_WEIGHTS for _ in range(w)]

    person_ratings = {}

    def rating_rows():
        for p in range(1, pid + 1):
            # A person's level is sticky: good staff stay good, which builds realistic chains.
            base = rnd.random()
            rs = []
            for y in YEARS:
                usual = "HTXS" if base < 0.25 else "HTT" if base < 0.9 else "HT"
                r = rnd.choice(choices) if rnd.random() < 0.5 else usual
                rs.append(r)
                yield (p, y, r, ratings_of[p])
            person_ratings[p] = rs

    load.copy(PersonRating, rating_rows(), ["person_id", "year", "rating", "unit_id"])
    load.copy(UnitRating, ((u[0], y, rnd.choice(("HTXS", "HTT", "HTT", "HT"))) for u in units for y in YEARS),
              ["unit_id", "year", "rating"])

    # Decisions: one per commune, year and title (issued in January of the next year).
    dec_id = 0
    decisions = {}
    dec_rows = []
    for cu in commune_ids:
        for y in YEARS:
            for code in ("LDTT", "CSTDCS", "BK_TINH", "CSTD_TINH"):
                dec_id += 1
                decisions[(cu, y, code)] = dec_id
                dec_rows.append((dec_id, cu, dec_id, y + 1, "QĐ-UBND", dt.date(y + 1, 1, 15), "Thử",
                                 f"Về việc tặng {code} năm {y}", code, "Chủ tịch", "[]"))
    load.copy(Decision, dec_rows, ["id", "issuer_id", "number", "year", "symbol", "issued_on", "place", "summary",
                                   "award_code", "signer_name", "legal_bases"])

    def grant_rows():
        n = 0
        for p in range(1, pid + 1):
            cu = ratings_of[p]
            rs = person_ratings[p]
            run = 0
            for i, y in enumerate(YEARS):
                r = rs[i]
                # CSTĐ cơ sở for most HTXS years; LĐTT (alone) for a third of HTT years, to keep ~2M rows.
                if r == "HTXS" and rnd.random() < 0.8:
                    code = "CSTDCS"
                    run += 1
                elif r in ("HTT", "HTXS") and rnd.random() < 0.15:
                    code, run = "LDTT", 0
                else:
                    run = 0
                    continue
                n += 1
                yield (decisions[(cu, y, code)], "individual", p, "x", code, "cong_trang", y, 0, f"{n}/{y + 1}",
                       "valid")
                if run == 3 and rnd.random() < 0.5:
                    n += 1
                    yield (decisions[(cu, y, "CSTD_TINH")], "individual", p, "x", "CSTD_TINH", "cong_trang", y, 0,
                           f"{n}/{y + 1}", "valid")
                    run = 0

    load.copy(Grant, grant_rows(), ["decision_id", "recipient_kind", "person_id", "display_name", "award_code",
                                    "award_type", "year", "amount", "golden_book_number", "status"])

    def initiative_rows():
        for p in range(1, pid + 1):
            if rnd.random() < 0.2:
                y = rnd.choice(YEARS)
                scope = "province" if rnd.random() < 0.2 else "unit"
                yield (p, f"Sáng kiến {p}", "initiative", y, scope, "")

    load.copy(Initiative, initiative_rows(), ["person_id", "title", "kind", "year", "scope", "used_for"])

    def discipline_rows():
        for p in range(1, pid + 1):
            if rnd.random() < 0.01:
                y = rnd.choice(YEARS)
                yield (p, rnd.choice(("khien_trach", "canh_cao")), dt.date(y, 5, 1), dt.date(y + 1, 4, 30))

    load.copy(Discipline, discipline_rows(), ["person_id", "level", "start_date", "end_date"])
    with conn.cursor() as cur:
        for m in tables:
            cur.execute(f'ANALYZE "{m._meta.db_table}"')
            # Sequences follow the explicit ids.
            cur.execute(f"SELECT setval(pg_get_serial_sequence('\"{m._meta.db_table}\"', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 1) FROM \"{m._meta.db_table}\"))")
    conn.commit() if not connection.get_autocommit() else None
    return len(units), pid, load.total, time.perf_counter() - t0


def main(argv=None):
    ap = argparse.ArgumentParser(description="Tạo dữ liệu quy mô một tỉnh cho benchmark (PostgreSQL).")
    ap.add_argument("--people", type=int, default=150_000)
    ap.add_argument("--districts", type=int, default=12)
    ap.add_argument("--communes", type=int, default=50, help="số xã mỗi huyện")
    ap.add_argument("--force", action="store_true", help="tạo lại dù đã có dữ liệu")
    args = ap.parse_args(argv)
    url = bench_url()
    ensure_database(url)
    setup_django(url)
    from thidua.org.models import Person

    if not args.force and Person.objects.count() >= args.people:
        print(f"Đã có dữ liệu ({Person.objects.count()} người), bỏ qua (dùng --force để tạo lại).")
        return 0
    n_units, n_people, rows, secs = generate(args.people, args.districts, args.communes)
    print(f"Đã tạo {n_units} đơn vị, {n_people} người, {rows:,} dòng trong {secs:.1f} s".replace(",", "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
