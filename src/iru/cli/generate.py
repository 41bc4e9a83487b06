"""`iru generate`: write a realistic synthetic authority's files (docs/synthetic.md)."""

from __future__ import annotations

import argparse
import resource
import sys
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from iru.data.synthetic import SCALES

    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=2016, help="random seed (default 2016)")
    parser.add_argument(
        "--scale", choices=sorted(SCALES), default="default", help="size (default: the seed's)"
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="the day the data runs up to, YYYY-MM-DD (default: the real date)",
    )


def run(args: argparse.Namespace) -> int:
    from iru.data.synthetic import generate

    # The command, not the library, reads the clock: the council's date in England.
    today: date = args.today or datetime.now(ZoneInfo("Europe/London")).date()
    started = time.perf_counter()
    summary = generate(args.out, seed=args.seed, scale=args.scale, today=today)
    elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"wrote {len(summary.years)} collection years ({summary.years[0]} to {summary.years[-1]})"
        f" and unit/ for {summary.children} children to {summary.out}"
        f" (scale {summary.scale}, seed {summary.seed}, today {summary.today.isoformat()})"
    )
    for kind, rows in summary.counts.items():
        print(f"  {kind}: {rows}")
    print(f"in {elapsed:.1f} s, peak memory {peak_mib:.0f} MiB", file=sys.stderr)
    return 0
