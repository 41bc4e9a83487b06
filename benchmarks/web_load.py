"""Load benchmark: the caseload page, the schedule and the dashboard under concurrent users.

    .venv/bin/python benchmarks/web_load.py [--scale x10] [--users 20] [--requests-per-user 25]
        [--database-url postgres://postgres@127.0.0.1:5432/iru_bench] [--keep-db]
        [--workers 2] [--threads 4] [--think-ms 0] [--timeout 60] [--max-seconds 900]
        [--only caseload,schedule,dashboard] [--pages caseload=/path/ ...] [--profile]

1. Prepares a PostgreSQL database (dropped and created again, unless `--keep-db` and the
   synthetic authority is already imported there): migrations with `iru.web.settings.local`,
   the synthetic authority (seed 2016, `--scale`, as known today) generated into a temporary
   folder and imported through `iru import`'s own code path (`iru.cli.importer.import_path`,
   in a child process), and one user per role, standing for the staff `iru demo` picks (the
   chair with the most children allocated today, and so on).
2. Serves the app with gunicorn (gthread, `--workers` x `--threads`) on a free port of
   127.0.0.1, DEBUG off, static files from whitenoise, and waits until it answers.
3. Signs in `--users` virtual users (each holds one session per role: chair, admin and Head of
   Service) and lets each loop `--requests-per-user` times over the pages: the caseload page
   (as the chair), the schedule (as admin) and the dashboard (as the Head of Service), one
   request at a time with a pause between requests averaging `--think-ms` (uniform in
   [0.5, 1.5] x that; 0: a closed loop, the worst case); users start on different pages.
   Each page is first requested once per worker, unmeasured (the warm-up). A request that
   takes longer than `--timeout` counts as an error; no request starts after `--max-seconds`
   (the run then fails).
4. Prints, per page, requests, errors (any answer but 200), p50, p95, p99 and max in ms, the
   data size, the server's configuration, the machine, and the target: p95 < 300 ms.
   `--profile` then requests each page once in-process and lists its slowest SQL queries.

Pages are found by URL name through Django's resolver (the first of CANDIDATES that exists,
else a name containing the page's keyword); `--pages caseload=/children/` overrides. A page
that cannot be found, or answers 404, is skipped with a note. Only 127.0.0.1 is requested.
Exit status: 0 when every page measured meets the target, 1 otherwise, 2 when it could not run.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import math
import os
import platform
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
SEED = 2016
SETTINGS = "iru.web.settings.local"
TARGET_P95_MS = 300.0
DEFAULT_DB_URL = "postgres://postgres@127.0.0.1:5432/iru_bench"
HOST = "127.0.0.1"

# page -> (role that requests it, URL names tried in order, keyword for the fallback search)
PAGES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "caseload": (
        "chair",
        (
            "chair:caseload",
            "children:caseload",
            "caseload",
            "children:mine",
            "chair:children",
            "children:list",
        ),
        "caseload",
    ),
    "schedule": (
        "admin",
        (
            "schedule:unit",
            "schedule:schedule",
            "schedule:index",
            "schedule:list",
            "schedule:home",
            "unitadmin:schedule",
            "schedule",
        ),
        "schedule",
    ),
    "dashboard": (
        "head_of_service",
        ("management:dashboard", "management:index", "management:home", "dashboard"),
        "dashboard",
    ),
}
ROLES = ("chair", "team_manager", "admin", "head_of_service")


# ---------------------------------------------------------------- the database


def guard_database_url(url: str) -> str:
    """The database name; refuses anything but a local benchmark database (it gets dropped)."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise SystemExit(f"web_load: --database-url must be PostgreSQL, not {parts.scheme!r}")
    if parts.hostname not in ("127.0.0.1", "localhost", None, ""):
        raise SystemExit("web_load: the benchmark database must be on this machine")
    if "bench" not in name:
        raise SystemExit(f"web_load: refusing to drop {name!r}: its name must contain 'bench'")
    return name


def maintenance_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))


def database_exists(url: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(maintenance_url(url), autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    return row is not None


def recreate_database(url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(maintenance_url(url), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ.pop("IRU_DEBUG", None)
    from iru.web.runtime import setup_django as setup

    setup(SETTINGS)


def import_label(scale: str) -> str:
    return f"web_load seed={SEED} scale={scale}"


def already_imported(scale: str) -> Any:
    from iru.web.imports.models import ImportRun

    return (
        ImportRun.objects.filter(label=import_label(scale), status=ImportRun.Status.SUCCEEDED)
        .order_by("-pk")
        .first()
    )


# `iru import`'s own code path, with a label so `--keep-db` can tell the data is there.
IMPORT_SNIPPET = """
import sys
from datetime import date
from pathlib import Path
from iru.web.runtime import setup_django
setup_django()
from iru.cli.importer import ImportStopped, import_path, print_summary
try:
    today = date.fromisoformat(sys.argv[3])
    print_summary(import_path(Path(sys.argv[1]), label=sys.argv[2], today=today))
except ImportStopped as stopped:
    print(f"iru import: {stopped}", file=sys.stderr)
    sys.exit(2)
"""


def load_authority(scale: str, today: date) -> None:
    from iru.data.synthetic import generate

    with tempfile.TemporaryDirectory(prefix="iru-web-load-") as folder:
        started = time.perf_counter()
        summary = generate(Path(folder), seed=SEED, scale=scale, today=today)
        print(
            f"  generated {summary.children} children ({scale}, seed {SEED}, today {today}) "
            f"in {time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", IMPORT_SNIPPET, folder, import_label(scale), today.isoformat()],
            env=server_env(os.environ["DATABASE_URL"]),
            cwd=REPO,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"web_load: the import failed (exit {done.returncode})")
        print(f"  imported in {time.perf_counter() - started:.1f} s")


def analyse(connection: Any) -> None:
    """Planner statistics, as autovacuum would gather them in time (this server may run
    without it): without them PostgreSQL plans the new tables as empty."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        autovacuum = cursor.fetchone()[0]
        started = time.perf_counter()
        cursor.execute("ANALYZE")
    print(f"  analysed in {time.perf_counter() - started:.1f} s (autovacuum is {autovacuum})")


def set_up_users(today: date) -> dict[str, tuple[str, str, str]]:
    """role -> (username, password, who): the staff `iru demo` would sign in as."""
    from iru.web.caseloads.selectors import demo_staff
    from iru.web.people.models import User
    from iru.web.people.services import user_set_up

    users = {}
    for role in ROLES:
        staff = demo_staff(role=role, today=today)
        username, password = f"bench-{role.replace('_', '-')}", secrets.token_urlsafe(16)
        user_set_up(username=username, role=User.Role(role), staff=staff, password=password)
        users[role] = (username, password, staff.full_name if staff else "(no staff record)")
    return users


def data_size(users: dict[str, tuple[str, str, str]], today: date) -> list[tuple[str, int]]:
    from django.apps import apps

    from iru.web.caseloads.scope import children_visible_to
    from iru.web.people.models import User

    sizes = []
    for label, model in (
        ("children", "children.Child"),
        ("episodes", "children.Episode"),
        ("LAC reviews", "children.LacReview"),
        ("CP plans", "children.CpPlan"),
        ("CP plan reviews", "children.CpPlanReview"),
        ("allocations", "caseloads.Allocation"),
        ("meetings", "meetings.Meeting"),
        ("RAG ratings", "disputes.RagRating"),
    ):
        with contextlib.suppress(LookupError):
            sizes.append((label, apps.get_model(model).objects.count()))
    chair = User.objects.get(username=users["chair"][0])
    sizes.append(("chair's caseload", children_visible_to(chair, today=today).count()))
    return sizes


# ---------------------------------------------------------------- the pages


def zero_argument_names() -> dict[str, str]:
    """Every URL name (with its namespaces) that reverses without arguments -> its path."""
    from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

    names: dict[str, str] = {}

    def walk(patterns: Any, prefix: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
                walk(entry.url_patterns, ns)
            elif isinstance(entry, URLPattern) and entry.name:
                name = prefix + entry.name
                with contextlib.suppress(NoReverseMatch):
                    names.setdefault(name, reverse(name))

    walk(get_resolver().url_patterns, "")
    return names


def discover_pages(overrides: dict[str, str]) -> dict[str, tuple[str, str]]:
    """page -> (URL name or 'override', path); pages not found are left out with a note."""
    names = zero_argument_names()
    found = {}
    for page, (_role, candidates, keyword) in PAGES.items():
        if page in overrides:
            found[page] = ("--pages", overrides[page])
            continue
        name = next((c for c in candidates if c in names), None)
        if name is None:
            name = next((n for n in sorted(names) if keyword in n), None)
        if name is None:
            print(f"  NOTE: no URL found for the {page} page (tried {', '.join(candidates)});")
            print(f"        skipped: pass --pages {page}=/path/ once it exists")
            continue
        found[page] = (name, names[name])
    return found


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def server_env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE=SETTINGS, PYTHONUNBUFFERED="1")
    env.pop("IRU_DEBUG", None)
    src = str(REPO / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: Path


def start_server(url: str, workers: int, threads: int, log: Path) -> Server:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "iru.web.wsgi:application",
        f"--bind={HOST}:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--timeout=120",
        "--keep-alive=30",
        "--log-level=warning",
        f"--error-logfile={log}",
    ]
    process = subprocess.Popen(  # its own process group, so stopping it stops its workers
        command, env=server_env(url), cwd=REPO, start_new_session=True
    )
    server = Server(process, port, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"web_load: gunicorn stopped (exit {process.returncode}); see {log}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/sign-in/")
            if conn.getresponse().status == 200:
                conn.close()
                return server
            conn.close()
        time.sleep(0.3)
    stop_server(server)
    raise SystemExit(f"web_load: the server did not answer within 60 s; see {log}")


def stop_server(server: Server) -> None:
    if server.process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGTERM)
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=5)


# ---------------------------------------------------------------- the virtual users

TIMED_OUT, NO_ANSWER = 598, 599  # recorded as errors: no HTTP status came back
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Session:
    """One signed-in browser: a keep-alive connection to 127.0.0.1 and its cookies."""

    def __init__(self, port: int, timeout: float = 120) -> None:
        self.port, self.timeout = port, timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(
        self, method: str, path: str, body: str | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        headers = {"Host": f"{HOST}:{self.port}", "User-Agent": "iru-web-load"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):  # once more on a fresh connection if the kept one was closed
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
                continue
            for header in response.headers.get_all("Set-Cookie") or []:
                jar: SimpleCookie = SimpleCookie()
                jar.load(header)
                for key, morsel in jar.items():
                    self.cookies[key] = morsel.value
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, data, dict(response.headers)
        raise AssertionError("unreachable")

    def sign_in(self, username: str, password: str) -> None:
        status, body, _ = self.request("GET", "/sign-in/")
        match = CSRF_INPUT.search(body.decode("utf-8", "replace"))
        if status != 200 or match is None:
            raise RuntimeError(f"the sign-in page answered {status} without a CSRF token")
        form = {"csrfmiddlewaretoken": match.group(1), "username": username, "password": password}
        status, _, _ = self.request("POST", "/sign-in/", urlencode(form))
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"signing in as {username} failed: {status}")


@dataclass
class Results:
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, dict[int, int]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    cut_short: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, page: str, status: int, ms: float) -> None:
        with self.lock:
            self.times.setdefault(page, []).append(ms)
            if status != 200:
                codes = self.errors.setdefault(page, {})
                codes[status] = codes.get(status, 0) + 1


def virtual_user(
    number: int,
    port: int,
    pages: dict[str, tuple[str, str]],
    users: dict[str, tuple[str, str, str]],
    rounds: int,
    timeout: float,
    think: float,
    deadline: list[float],
    start: threading.Barrier,
    results: Results,
) -> None:
    sessions: dict[str, Session] = {}
    try:
        for role in sorted({PAGES[page][0] for page in pages}):
            sessions[role] = Session(port, timeout)
            sessions[role].sign_in(*users[role][:2])
    except Exception as error:
        with results.lock:
            results.failures.append(f"user {number}: {error!r}")
        start.abort()
        return
    finally:
        with contextlib.suppress(threading.BrokenBarrierError):
            start.wait()
    try:
        if start.broken:  # another user could not sign in: nothing is measured
            return
        # Each user starts on a different page of the cycle and pauses a random time around
        # the mean (uniform in [0.5, 1.5] x --think-ms, seeded by the user's number), so the
        # 20 users do not march in step and hit one page all at the same instant.
        order = list(pages.items())
        shift = number % len(order)
        order = order[shift:] + order[:shift]
        pause = random.Random(number)
        for _ in range(rounds):
            for page, (_name, path) in order:
                if time.monotonic() > deadline[0]:
                    with results.lock:
                        results.cut_short += 1
                    return
                session = sessions[PAGES[page][0]]
                began = time.perf_counter()
                try:
                    status, _, _ = session.request("GET", path)
                except TimeoutError:
                    status = TIMED_OUT
                    session.close()
                except (OSError, http.client.HTTPException):
                    status = NO_ANSWER
                    session.close()
                results.add(page, status, (time.perf_counter() - began) * 1000)
                if think:
                    time.sleep(think * pause.uniform(0.5, 1.5))
    finally:
        for session in sessions.values():
            session.close()


def warm_up(
    port: int,
    pages: dict[str, tuple[str, str]],
    users: dict[str, tuple[str, str, str]],
    workers: int,
    timeout: float,
) -> None:
    """Each page `workers` times at once, unmeasured, so every worker has loaded its code and
    templates and filled its caches; errors and timeouts are ignored here."""

    def one(page: str, path: str) -> None:
        session = Session(port, timeout)
        try:
            session.sign_in(*users[PAGES[page][0]][:2])
            session.request("GET", path)
        except (OSError, http.client.HTTPException, RuntimeError):
            pass
        finally:
            session.close()

    for page, (_name, path) in pages.items():
        batch = [threading.Thread(target=one, args=(page, path)) for _ in range(workers)]
        for thread in batch:
            thread.start()
        for thread in batch:
            thread.join()


def check_pages(
    port: int, pages: dict[str, tuple[str, str]], users: dict[str, tuple[str, str, str]]
) -> dict[str, tuple[str, str]]:
    """Leave out, with a note, a page that answers 404 (or anything but 200) to its user."""
    kept = {}
    for page, (name, path) in pages.items():
        role = PAGES[page][0]
        session = Session(port)
        try:
            session.sign_in(*users[role][:2])
            status, _, headers = session.request("GET", path)
        finally:
            session.close()
        if status == 200:
            kept[page] = (name, path)
        elif status == 404:
            print(f"  NOTE: the {page} page ({path}) answers 404 to the {role}: skipped")
        else:
            where = headers.get("Location", "")
            print(f"  NOTE: the {page} page ({path}) answers {status} {where} to the {role}")
            kept[page] = (name, path)  # measured, and counted as errors
    return kept


# ---------------------------------------------------------------- the report


def percentile(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def print_table(
    pages: dict[str, tuple[str, str]], results: Results, elapsed: float
) -> dict[str, bool]:
    verdicts = {}
    header = (
        f"{'page':<11}{'path':<26}{'requests':>9}{'errors':>7}"
        f"{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}  p95 < {TARGET_P95_MS:.0f} ms"
    )
    print(header)
    print("-" * len(header))
    total = 0
    for page, (_name, path) in pages.items():
        times = sorted(results.times.get(page, []))
        errors = sum(results.errors.get(page, {}).values())
        total += len(times)
        if not times:
            print(f"{page:<11}{path:<26}{0:>9}")
            verdicts[page] = False
            continue
        p95 = percentile(times, 95)
        ok = p95 < TARGET_P95_MS and errors == 0
        verdicts[page] = ok
        verdict = "PASS" if ok else "FAIL" + (" (errors)" if errors else "")
        print(
            f"{page:<11}{path:<26}{len(times):>9}{errors:>7}"
            f"{percentile(times, 50):>8.0f}{p95:>8.0f}{percentile(times, 99):>8.0f}"
            f"{times[-1]:>8.0f}  {verdict}"
        )
    print(f"(ms; {total} requests in {elapsed:.1f} s = {total / elapsed:.1f} requests/s)")
    for page, codes in results.errors.items():
        labels = {TIMED_OUT: "timed out", NO_ANSWER: "no answer"}
        shown = ", ".join(
            f"{labels.get(code, code)} x{count}" for code, count in sorted(codes.items())
        )
        print(f"  {page} errors: {shown}")
    return verdicts


def machine() -> str:
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        import psutil

        memory = f", {psutil.virtual_memory().total / 2**30:.1f} GiB RAM"
    except ImportError:
        memory = ""
    return (
        f"{platform.machine()} {platform.system()} {platform.release()}, {usable} usable cores "
        f"({cores} online){memory}, load average {load}; Python {platform.python_version()}"
    )


def server_config(workers: int, threads: int) -> str:
    import django
    import gunicorn
    from django.conf import settings
    from django.db import connection

    db = settings.DATABASES["default"]
    return (
        f"gunicorn {gunicorn.__version__} gthread, {workers} workers x {threads} threads, "
        f"on {HOST}; Django {django.get_version()}, {SETTINGS}, DEBUG={settings.DEBUG}, "
        f"CONN_MAX_AGE={db.get('CONN_MAX_AGE')}; PostgreSQL "
        f"{connection.cursor().connection.info.server_version}"
    )


# ---------------------------------------------------------------- profiling


def profile_pages(
    pages: dict[str, tuple[str, str]], users: dict[str, tuple[str, str, str]], top: int
) -> None:
    """Each page once in-process with the SQL captured: time in SQL, and the slowest queries."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from iru.web.people.models import User

    print("\nProfile (one request per page, in-process, after one warm-up request):")
    for page, (_name, path) in pages.items():
        client = Client(HTTP_HOST=HOST)
        client.force_login(User.objects.get(username=users[PAGES[page][0]][0]))
        try:
            client.get(path)
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                response = client.get(path)
                total = (time.perf_counter() - began) * 1000
        except Exception as error:  # a page under construction: one line, not a traceback
            print(f"\n  {page} {path}: raised {type(error).__name__}: {error}")
            continue
        queries = [(float(q["time"]) * 1000, q["sql"]) for q in captured.captured_queries]
        in_sql = sum(ms for ms, _ in queries)
        print(
            f"\n  {page} {path}: {response.status_code}, {total:.0f} ms, "
            f"{len(queries)} queries taking {in_sql:.0f} ms"
        )
        for ms, sql in sorted(queries, reverse=True)[:top]:
            text = " ".join(sql.split())
            print(f"    {ms:7.1f} ms  {text[:300]}{'...' if len(text) > 300 else ''}")


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="x10", help="tiny, default, x10 or national")
    parser.add_argument("--users", type=int, default=20, help="concurrent virtual users")
    parser.add_argument("--requests-per-user", type=int, default=25, help="rounds per user")
    parser.add_argument("--database-url", default=DEFAULT_DB_URL)
    parser.add_argument("--keep-db", action="store_true", help="reuse the data when it is there")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--think-ms", type=float, default=0, help="pause between requests")
    parser.add_argument(
        "--timeout", type=float, default=60, help="seconds a request may take (then an error)"
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=900,
        help="stop starting requests after this long (the rest are reported as not made)",
    )
    parser.add_argument(
        "--only", default="", metavar="PAGE,...", help="measure only these pages (by default all)"
    )
    parser.add_argument(
        "--pages",
        nargs="*",
        default=[],
        metavar="PAGE=PATH",
        help=f"override a page's path; pages: {', '.join(PAGES)}",
    )
    parser.add_argument("--profile", action="store_true", help="list each page's slowest SQL")
    parser.add_argument("--top", type=int, default=8, help="queries listed per page (--profile)")
    args = parser.parse_args(argv)
    overrides = {}
    for item in args.pages:
        page, sep, path = item.partition("=")
        if not sep or page not in PAGES or not path.startswith("/"):
            parser.error(f"--pages takes PAGE=/path/ with PAGE one of {', '.join(PAGES)}")
        overrides[page] = path
    args.overrides = overrides
    args.only = [p for p in args.only.split(",") if p]
    if any(p not in PAGES for p in args.only):
        parser.error(f"--only takes page names among {', '.join(PAGES)}")
    if args.users < 1 or args.requests_per_user < 1:
        parser.error("--users and --requests-per-user must be at least 1")
    return args


@contextlib.contextmanager
def running_server(url: str, workers: int, threads: int) -> Iterator[Server]:
    with tempfile.NamedTemporaryFile(prefix="iru-web-load-", suffix=".log", delete=False) as f:
        log = Path(f.name)
    server = start_server(url, workers, threads, log)
    try:
        yield server
    finally:
        stop_server(server)
        errors = log.read_text(errors="replace").strip() if log.exists() else ""
        if errors:
            print(f"\nServer log ({log}), last lines:")
            print("\n".join(errors.splitlines()[-15:]))
        else:
            log.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    url = args.database_url
    name = guard_database_url(url)

    print(f"Database {name}:")
    keep = args.keep_db and database_exists(url, name)
    if not keep:
        recreate_database(url, name)
        print("  created")
    setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    from iru.web import clock

    today = clock.today()  # the benchmark may read the clock (as the app does): the library never

    call_command("migrate", interactive=False, verbosity=0)
    run = already_imported(args.scale) if keep else None
    if run is not None:
        print(f"  kept: the synthetic authority ({import_label(args.scale)}) is imported")
    else:
        load_authority(args.scale, today)
    analyse(connection)
    users = set_up_users(today)
    sizes = data_size(users, today)
    for role, (username, _password, who) in users.items():
        print(f"  user {username:<24} {role:<16} {who}")

    print("Pages:")
    pages = discover_pages(args.overrides)
    if args.only:
        pages = {page: where for page, where in pages.items() if page in args.only}
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # as `iru demo` does
    connection.close()

    with running_server(url, args.workers, args.threads) as server:
        print(f"Server: http://{HOST}:{server.port}/ (gunicorn, pid {server.process.pid})")
        pages = check_pages(server.port, pages, users)
        for page, (url_name, path) in pages.items():
            print(f"  {page:<10} {path:<28} ({url_name}, as {PAGES[page][0]})")
        if not pages:
            print("web_load: no page to measure", file=sys.stderr)
            return 2
        print(f"Warming up ({args.workers} requests per page, not measured) ...")
        warm_up(server.port, pages, users, args.workers, args.timeout)
        results = Results()
        deadline = [float("inf")]
        barrier = threading.Barrier(args.users + 1)
        threads = [
            threading.Thread(
                target=virtual_user,
                args=(
                    n,
                    server.port,
                    pages,
                    users,
                    args.requests_per_user,
                    args.timeout,
                    args.think_ms / 1000,
                    deadline,
                    barrier,
                    results,
                ),
                daemon=True,
            )
            for n in range(args.users)
        ]
        print(f"Signing in {args.users} virtual users ({len(pages)} sessions each) ...")
        for thread in threads:
            thread.start()
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        if results.failures:
            for thread in threads:
                thread.join(timeout=5)
            print("web_load: " + "; ".join(results.failures[:3]), file=sys.stderr)
            return 2
        print(
            f"Measuring: {args.users} users x {args.requests_per_user} rounds of "
            f"{len(pages)} pages, think time {args.think_ms:.0f} ms ..."
        )
        began = time.perf_counter()
        deadline[0] = time.monotonic() + args.max_seconds
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        config = server_config(args.workers, args.threads)

    print()
    print("Data:    " + ", ".join(f"{label} {count:,}" for label, count in sizes))
    print(f"Scale:   {args.scale} (seed {SEED}, today {today})")
    print(f"Server:  {config}")
    print(f"Machine: {machine()}")
    print(
        f"Load:    {args.users} concurrent users, {args.requests_per_user} rounds each, "
        f"think time {args.think_ms:.0f} ms, load generator on the same machine\n"
    )
    verdicts = print_table(pages, results, elapsed)
    if results.cut_short:
        print(
            f"  stopped at --max-seconds {args.max_seconds:.0f}: {results.cut_short} users "
            "had requests left to make"
        )
    skipped = [page for page in PAGES if page not in pages and page not in args.only]
    if args.only:
        skipped = [page for page in args.only if page not in pages]
    if skipped:
        print(f"  not measured: {', '.join(skipped)} (see the notes above)")
    passed = all(verdicts.values()) and not skipped and not results.cut_short
    print(f"\nTarget p95 < {TARGET_P95_MS:.0f} ms on every page: {'PASS' if passed else 'FAIL'}")

    if args.profile:
        profile_pages(pages, users, args.top)
    connection.close()
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
