"""Benchmark `iru figures` on a folder of SSDA903 / CIN census files.

    .venv/bin/python benchmarks/figures_bench.py FOLDER [--year-end 2025-03-31] [--copies N]

FOLDER is any folder `iru figures` accepts, normally `iru generate --out DIR --scale national`.
`--copies N` replicates the dataset read from FOLDER N times under new identifiers (to reach a
size the folder does not have); the floor (d) is then not comparable and is skipped.

Prints one table:
  (a) reading every file into the Dataset (`iru.data.read_source`);
  (b) every figure for one year (`compute_figures`);
  (c) every figure for each of 10 years ending at --year-end (`prepare` once, then
      `figures_for_year` ten times), and, for comparison, ten separate `compute_figures` calls;
  (d) the floor: bare `polars.read_csv` of the same CSV files and `lxml` parsing of the XML
      files, with no other work;
and the process's peak resident memory. Targets (2 cores): (b) < 2 s, (c) < 10 s,
(a) <= 3 x (d), peak < 4 GB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import polars as pl
from lxml import etree

from iru.data import read_source
from iru.data.dataset import Dataset
from iru.figures import compute_figures, figures_for_year, prepare
from iru.rules.months import add_months

T = TypeVar("T")
ID_COLUMNS = ("CHILD", "LAchildID")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def source_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """The CSV and XML files `iru figures` reads (the same selection rule, FIGURES.md)."""
    csvs, xmls = [], []
    for path in sorted(folder.rglob("*")):
        name = path.name.lower()
        if path.suffix.lower() == ".csv" and any(
            w in name for w in ("header", "episodes", "reviews")
        ):
            csvs.append(path)
        elif path.suffix.lower() == ".xml":
            xmls.append(path)
    return csvs, xmls


def floor(folder: Path) -> int:
    """Bare reading: polars.read_csv on every CSV, lxml parsing of every XML. Returns rows."""
    csvs, xmls = source_files(folder)
    rows = sum(pl.read_csv(path, infer_schema=False).height for path in csvs)
    for path in xmls:
        etree.parse(str(path))
    return rows


def replicate(dataset: Dataset, copies: int) -> Dataset:
    """`dataset` `copies` times over, each copy's identifiers suffixed `~k`."""
    if copies <= 1:
        return dataset
    frames = {}
    for name in ("header", "episodes", "reviews", "cin_children", "cin_details", "section47",
                 "cp_plans", "cp_reviews"):  # fmt: skip
        frame = dataset.frame(name)
        column = next(c for c in ID_COLUMNS if c in frame.columns)
        frames[name] = pl.concat(
            (frame.with_columns(pl.col(column) + f"~{k}") for k in range(copies)), rechunk=True
        )
    return Dataset(
        **frames,
        has_header=dataset.has_header,
        has_episodes=dataset.has_episodes,
        has_reviews=dataset.has_reviews,
        has_cin=dataset.has_cin,
        problems=dataset.problems,
    )


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--year-end", type=date.fromisoformat, default=date(2025, 3, 31))
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args(argv)
    year_end: date = args.year_end
    year_ends = [add_months(year_end, -12 * k) for k in range(10)]

    dataset, read_s = timed(lambda: read_source(args.folder))
    dataset = replicate(dataset, args.copies)
    floor_s = None
    if args.copies <= 1:
        _, floor_s = timed(lambda: floor(args.folder))
    _, one_year_s = timed(lambda: compute_figures(dataset, year_end))

    def ten_years() -> None:
        prepared = prepare(dataset)
        for day in year_ends:
            figures_for_year(prepared, day)

    _, ten_s = timed(ten_years)
    _, ten_separate_s = timed(lambda: [compute_figures(dataset, day) for day in year_ends])

    print(f"data: {args.folder} x{args.copies}: {dataset.header.height} header rows, "
          f"{dataset.episodes.height} episodes, {dataset.reviews.height} reviews, "
          f"{dataset.cp_plans.height} plans, {dataset.section47.height} section 47s")  # fmt: skip
    rows = [
        ("(a) read all files into the Dataset", read_s, "<= 3 x (d)"),
        ("(b) all figures, one year", one_year_s, "< 2 s"),
        ("(c) all figures, 10 years (prepare once)", ten_s, "< 10 s"),
        ("    10 separate compute_figures calls", ten_separate_s, ""),
        ("(d) floor: read_csv + lxml parse", floor_s, ""),
    ]
    print(f"{'measure':45} {'seconds':>9}  target")
    for label, seconds, target in rows:
        shown = "skipped" if seconds is None else f"{seconds:9.2f}"
        print(f"{label:45} {shown:>9}  {target}")
    if floor_s:
        print(f"{'(a) / (d)':45} {read_s / floor_s:9.2f}  <= 3")
    print(f"{'peak resident memory (MiB)':45} {peak_mib():9.0f}  < 4096")
    return 0


if __name__ == "__main__":
    sys.exit(main())
