"""Report benchmark: the annual report as HTML, PDF and Word, and the monthly RAG report, from
the database of an authority 10 times the default size.

    .venv/bin/python benchmarks/report_bench.py [--scale x10] [--year-end 2016-03-31]
        [--month 2016-03] [--repeat 3] [--database-url postgres://...iru_bench] [--fresh-db]

1. The database: the PostgreSQL benchmark database `scripts/bench web` uses (`iru_bench`),
   kept when the synthetic authority of `--scale` is already imported there, else created and
   loaded (seed 2016) through `iru import`'s own code path (benchmarks/web_load.py does both).
2. Timings, each the median of `--repeat` runs after one unmeasured warm-up, in this process,
   the way the app serves them (Django settings `iru.web.settings.local`, DEBUG off):
   - the document: the report's inputs read from the database and laid out (`annual_inputs`
     + `annual_document`); "cold" with the cache emptied first (every figure of three years
     computed from the database, as the first view of a day does), "warm" with the figures
     already cached for the day (every later view that day);
   - each output from a warm document: the HTML page (the app's own template, charts drawn),
     the PDF (that HTML through WeasyPrint) and the Word document, each measured end to end
     from the database (warm): what a user waits for after clicking;
   - the monthly RAG report of `--month` for the whole unit: read (ratings from the database,
     no cache) and laid out, then as HTML.
3. Prints each timing with the target of issue 9 beside it (annual HTML < 2 s, PDF < 10 s,
   Word < 5 s, monthly < 1 s, all warm), the data's size, and the machine.
Not a test: nothing here fails a build; exit status 0 unless it could not run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import web_load  # noqa: E402  (the benchmark database, shared with `scripts/bench web`)

TARGETS = {"annual HTML": 2.0, "annual PDF": 10.0, "annual Word": 5.0, "monthly RAG report": 1.0}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="x10")
    parser.add_argument("--year-end", type=date.fromisoformat, default=date(2016, 3, 31))
    parser.add_argument("--month", default="2016-03")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", default=web_load.DEFAULT_DB_URL)
    parser.add_argument("--fresh-db", action="store_true", help="drop and load it again")
    return parser.parse_args(argv)


def prepare(args: argparse.Namespace) -> date:
    """The benchmark database with the authority imported; the day it was imported for."""
    url = args.database_url
    name = web_load.guard_database_url(url)
    keep = not args.fresh_db and web_load.database_exists(url, name)
    if not keep:
        web_load.recreate_database(url, name)
    web_load.setup_django(url)
    from django.core.management import call_command

    from iru.web import clock

    call_command("migrate", interactive=False, verbosity=0)
    run = web_load.already_imported(args.scale) if keep else None
    if run is None:
        print(f"Loading the synthetic authority ({args.scale}) into {name} ...")
        web_load.load_authority(args.scale, clock.today())
    else:
        print(f"Database {name}: the synthetic authority ({args.scale}) is already imported")
    return clock.today()


def timed(label: str, work: Callable[[], Any], repeat: int, *, before: Callable[[], None]
          = lambda: None) -> float:  # fmt: skip
    """The median seconds of `repeat` runs of `work` after one unmeasured run; `before` runs
    ahead of each (unmeasured)."""
    before()
    work()
    runs = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    median = statistics.median(runs)
    target = TARGETS.get(label)
    verdict = ""
    if target is not None:
        verdict = f"  target < {target:g} s: {'met' if median < target else 'NOT met'}"
    shown = ", ".join(f"{r:.2f}" for r in runs)
    print(f"  {label:<34} {median:7.2f} s  (runs: {shown}){verdict}")
    return median


def measure(args: argparse.Namespace, today: date) -> None:
    from django.core.cache import cache

    from iru.reports.annual import annual_document
    from iru.web.reports.inputs import annual_inputs
    from iru.web.reports.outputs import document_html, render_file
    from iru.web.reports.rag import unit_rag_document

    def document():  # type: ignore[no-untyped-def]
        return annual_document(annual_inputs(year_end=args.year_end, today=today))

    print(f"Annual report, year ending {args.year_end:%-d %B %Y} (median of {args.repeat}):")
    timed("document, cold (figures computed)", document, args.repeat, before=cache.clear)
    timed("document, warm (figures cached)", document, args.repeat)
    timed("annual HTML", lambda: document_html(document()), args.repeat)
    timed("annual PDF", lambda: render_file(document(), "pdf"), args.repeat)
    timed("annual Word", lambda: render_file(document(), "docx"), args.repeat)
    timed("annual Excel", lambda: render_file(document(), "xlsx"), args.repeat)
    print(f"Monthly RAG report, {args.month}, the whole unit:")
    timed("monthly RAG report", lambda: document_html(unit_rag_document(
        month=args.month, today=today)), args.repeat)  # fmt: skip
    timed("monthly RAG report, PDF", lambda: render_file(unit_rag_document(
        month=args.month, today=today), "pdf"), args.repeat)  # fmt: skip


def data_size() -> str:
    from iru.web.children.models import Child, LacReview
    from iru.web.disputes.models import RagRating
    from iru.web.meetings.models import Meeting

    children, reviews = Child.objects.count(), LacReview.objects.count()
    meetings, ratings = Meeting.objects.count(), RagRating.objects.count()
    return (
        f"{children:,} children, {reviews:,} LAC reviews, {meetings:,} meetings, "
        f"{ratings:,} RAG ratings"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    today = prepare(args)
    from django.conf import settings

    print(f"Data: {data_size()} (seed {web_load.SEED}, scale {args.scale}, as known {today})")
    print(f"Database: {settings.DATABASES['default']['ENGINE']}; cache: "
          f"{settings.CACHES['default']['BACKEND']}")  # fmt: skip
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    measure(args, today)
    return 0


if __name__ == "__main__":
    sys.exit(main())
