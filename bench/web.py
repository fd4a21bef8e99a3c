"""The pages a provincial officer opens, on the province data set, under the production server (issue 11, item 6).

    make bench-web                  # = .venv/bin/python bench/web.py

Starts what `make run` starts (gunicorn, 3 workers × 2 threads, DEBUG off; the background worker beside it) on
the benchmark database (bench/generate.py, generated on first use), signs a provincial officer in through the
login form, and drives each page two ways from one asyncio client:

(a) USERS simulated users (default 50), each requesting the page, then thinking THINK seconds (default 1), for
    SECONDS seconds: about 50 requests per second offered, a province's year-end peak; p50/p95/p99 and errors;
(b) closed loop: 50 clients requesting as fast as answers come, for SECONDS seconds: throughput, and its share of
    the bare view's (the login page, no database read) measured on the same server in the same run.

Ratios first, then absolute figures. The client shares the machine's cores with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
from generate import bench_url, ensure_database, setup_django

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-" + "Mật-khẩu-2026"
GOALS = {"p95_ms": 150, "share": 0.25}


def prepare(url: str) -> dict:
    """The officer, an API token, a commune with people, a certificate's verification code."""
    ensure_database(url)
    setup_django(url)
    from django.contrib.auth import get_user_model

    from thidua.accounts.models import RoleAssignment
    from thidua.accounts.services import role_assign
    from thidua.api.services import api_token_create
    from thidua.awards.models import Grant
    from thidua.org.models import Person, Unit

    if not Person.objects.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py")], check=True)
    root = Unit.objects.filter(parent=None).order_by("pk").first()
    officer, _ = get_user_model().objects.get_or_create(username="bench-province")
    officer.set_password(PASSWORD)
    officer.is_active = True
    officer.save()
    if not RoleAssignment.objects.filter(user=officer, unit=root).exists():
        role_assign(user=officer, role_code="province_officer", unit=root)
    _, token = api_token_create(user=officer, name=f"bench {secrets.token_hex(3)}", acting_user=officer)
    commune = Unit.objects.filter(level="commune").order_by("pk").first() or root
    grant = Grant.objects.filter(status="valid").order_by("pk").first()
    return {"root": root.pk, "commune": commune.pk, "token": token, "verify": grant.verify_code if grant else "",
            "people": Person.objects.count(), "units": Unit.objects.count()}


def pages(ctx: dict, year: int) -> list:
    """(label, path, how): how is "session", "token" or "anon"."""
    c = f"year={year}&decision_date={year + 1}-01-15"
    return [
        ("bare view: login page", "/tai-khoan/dang-nhap/", "anon"),
        ("home /", "/", "session"),
        ("unit list", "/to-chuc/", "session"),
        ("person search \"nguyen van\"", "/to-chuc/ca-nhan/?q=nguyen+van", "session"),
        ("candidates of one commune", f"/xet-duyet/don-vi/{ctx['commune']}/?{c}", "session"),
        ("candidates of the province root", f"/xet-duyet/don-vi/{ctx['root']}/?{c}", "session"),
        ("nomination list", "/khen-thuong/", "session"),
        ("decision list", "/khen-thuong/quyet-dinh/", "session"),
        ("public verification", f"/cong-khai/xac-minh/{ctx['verify']}/", "anon"),
        ("API: people q=nguyen van", "/api/org/people?q=nguyen%20van&limit=50", "token"),
        ("API: candidates of the root", f"/api/eligibility/candidates?unit={ctx['root']}&{c}&limit=50", "token"),
    ]


class Server:
    def __init__(self, url: str, port: int, workers: int):
        env = dict(os.environ, DATABASE_URL=url, DEBUG="0", SECRET_KEY=secrets.token_urlsafe(40),
                   ALLOWED_HOSTS="127.0.0.1,localhost", SECURE_COOKIES="0", DJANGO_SETTINGS_MODULE="thidua.settings")
        venv = Path(sys.executable).parent
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        self.procs = [
            subprocess.Popen([str(venv / "gunicorn"), "thidua.wsgi:application", "--bind", f"127.0.0.1:{port}",
                              "--workers", str(workers), "--threads", "2", "--graceful-timeout", "5",
                              "--log-level", "warning"], cwd=ROOT, env=env),
            subprocess.Popen([sys.executable, "manage.py", "worker"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
        ]

    def stop(self):
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()


async def login(session: aiohttp.ClientSession, base: str) -> None:
    async with session.get(f"{base}/tai-khoan/dang-nhap/") as r:
        html = await r.text()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = {"csrfmiddlewaretoken": token, "username": "bench-province", "password": PASSWORD}
    async with session.post(f"{base}/tai-khoan/dang-nhap/", data=data, headers={"Referer": f"{base}/"},
                            allow_redirects=False) as r:
        if r.status != 302:
            raise SystemExit(f"Đăng nhập không được (mã {r.status})")


async def fetch(session, url, headers, times, errors):
    start = time.perf_counter()
    try:
        async with session.get(url, headers=headers, allow_redirects=False) as r:
            await r.read()
            ok = r.status == 200
    except (TimeoutError, aiohttp.ClientError):
        ok = False
    times.append(time.perf_counter() - start)
    if not ok:
        errors.append(1)


async def think_time(session, url, headers, users, think, seconds):
    times, errors = [], []
    end = time.perf_counter() + seconds

    async def user(i):
        await asyncio.sleep(think * i / users)  # arrivals spread over the first think time
        while time.perf_counter() < end:
            await fetch(session, url, headers, times, errors)
            await asyncio.sleep(think)

    await asyncio.gather(*(user(i) for i in range(users)))
    return times, errors


async def closed_loop(session, url, headers, clients, seconds):
    times, errors = [], []
    end = time.perf_counter() + seconds

    async def client():
        while time.perf_counter() < end:
            await fetch(session, url, headers, times, errors)

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return len(times) / (time.perf_counter() - start), errors


def pct(times, q) -> float:
    if not times:
        return float("nan")
    s = sorted(times)
    return s[min(len(s) - 1, int(q * len(s)))] * 1000


async def wait_ready(session, base, ctx, year, timeout=600):
    """The first candidate list of the root is computed on the worker: wait for it (and report how long)."""
    url = f"{base}/xet-duyet/don-vi/{ctx['root']}/?year={year}&decision_date={year + 1}-01-15"
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        async with session.get(url) as r:
            html = await r.text()
        if 'id="verdicts-pending"' not in html and 'id="verdicts-stale"' not in html:
            return time.perf_counter() - start
        await asyncio.sleep(1)
    raise SystemExit("Kết quả xét điều kiện của toàn tỉnh chưa tính xong")


async def drive(args, ctx) -> None:
    base = f"http://127.0.0.1:{args.port}"
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout,
                                     cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        for _ in range(60):
            try:
                async with session.get(f"{base}/healthz") as r:
                    if r.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.5)
        await login(session, base)
        first = await wait_ready(session, base, ctx, args.year)
        print(f"Dữ liệu: {ctx['people']:,} người, {ctx['units']} đơn vị; máy chủ như `make run` "
              f"({args.workers} tiến trình × 2 luồng); {os.cpu_count()} lõi CPU, máy khách chung máy")
        print(f"Kết quả xét điều kiện toàn tỉnh tính lần đầu trên tiến trình nền: {first:.1f} s")
        anon = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0), timeout=timeout)
        rows = []
        bare_rps = None
        for label, path, how in pages(ctx, args.year):
            if args.only and not re.search(args.only, label):
                continue
            s = anon if how == "anon" else session
            headers = {"Authorization": f"Bearer {ctx['token']}"} if how == "token" else {}
            url = base + path
            await fetch(s, url, headers, [], [])  # warm
            times, errors = await think_time(s, url, headers, args.users, args.think, args.seconds)
            rps, sat_errors = await closed_loop(s, url, headers, args.users, args.seconds)
            if bare_rps is None:
                bare_rps = rps
            rows.append((label, len(times), pct(times, .5), pct(times, .95), pct(times, .99), len(errors),
                         rps, rps / bare_rps, len(sat_errors)))
            r = rows[-1]
            print(f"  {label:34s} p50 {r[2]:7.1f}  p95 {r[3]:7.1f}  p99 {r[4]:7.1f} ms  lỗi {r[5]}/{r[1]}"
                  f"  | bão hòa {r[6]:6.1f} yêu cầu/s = {r[7]:5.0%} trang trần  lỗi {r[8]}", flush=True)
        await anon.close()
    print()
    print(f"(a) {args.users} người dùng, nghĩ {args.think:g} s giữa hai yêu cầu, {args.seconds:g} s mỗi trang; "
          f"(b) {args.users} máy khách liên tục. Mục tiêu: p95 < {GOALS['p95_ms']} ms, 0 lỗi; "
          f"bão hòa ≥ {GOALS['share']:.0%} trang trần.")
    print("| Trang | p50 ms | p95 ms | p99 ms | lỗi (a) | yêu cầu/s (b) | so với trang trần | đạt |")
    print("|---|---|---|---|---|---|---|---|")
    for label, n, p50, p95, p99, err, rps, share, sat_err in rows:
        ok = p95 < GOALS["p95_ms"] and err == 0 and sat_err == 0 and (share >= GOALS["share"] or share == 1)
        print(f"| {label} | {p50:.0f} | {p95:.0f} | {p99:.0f} | {err}/{n} | {rps:.0f} | {share:.0%} | "
              f"{'ĐẠT' if ok else 'CHƯA'} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default=bench_url())
    ap.add_argument("--port", type=int, default=8011)
    ap.add_argument("--workers", type=int, default=3)
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--think", type=float, default=1.0)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--only", default="", help="only the pages whose label matches this pattern")
    args = ap.parse_args()
    ctx = prepare(args.url)
    from django.db import connections

    connections.close_all()
    server = Server(args.url, args.port, args.workers)
    try:
        asyncio.run(drive(args, ctx))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
