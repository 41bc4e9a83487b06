"""Local timing check, not a unit test (pytest does not collect it).

    .venv/bin/python tests/data/perf_check.py national [DIR]    # the issue's target
    .venv/bin/python tests/data/perf_check.py episodes [ROWS]   # one big Episodes CSV

`national` reads a national-scale source: `iru generate --scale national` (about 100,000 children
over ten yearly folders of SSDA903 CSVs and CIN census XML, each year repeating the rows still
open) written to DIR (default /tmp/iru-national, generated when missing). `episodes` writes one
Episodes CSV (default 1M rows: 100,000 children x 10 episodes).

Both compare `read_source` with the floor: a bare `polars.read_csv` of every CSV plus parsing every
XML with lxml, no other work. Each is run in a fresh process, best of `--runs` (default 3), so peak
RSS is that of the one reading. Target (issue): read <= 3 x floor, peak RSS < 4 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

COLUMNS = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)
PLACES = ["U1", "U4", "R1", "P1", "T1", "Z1", "A5"]


def episodes_csv(rows: int) -> str:
    lines = [COLUMNS]
    for index in range(rows):
        child, nth = divmod(index, 10)
        start = date(2012, 1, 1) + timedelta(days=child % 3000 + nth * 60)
        end = start + timedelta(days=60)
        lines.append(
            f"{child:07d},{start:%d/%m/%Y},P,C1,N1,{PLACES[index % 7]},PR1,{end:%d/%m/%Y},X1,,"
            f"AB1 2CD,EF3 4GH,SC{index}"
        )
    return "\n".join(lines) + "\n"


def source_files(folder: Path) -> list[Path]:
    from iru.data.discovery import source_files as found

    return [folder / name for name in found(folder)]


def floor(folder: Path) -> dict[str, object]:
    """A bare read of every file `read_source` would read: polars for CSV, lxml for XML."""
    import polars as pl
    from lxml import etree

    files = source_files(folder)
    started = time.perf_counter()
    for path in files:
        if path.suffix.lower() == ".xml":
            etree.fromstring(path.read_bytes())
        else:
            pl.read_csv(path, infer_schema=False)
    return {"seconds": time.perf_counter() - started}


def ours(folder: Path) -> dict[str, object]:
    from iru.data import read_source

    started = time.perf_counter()
    dataset = read_source(folder)
    seconds = time.perf_counter() - started
    rows = {name: dataset.frame(name).height for name in ("header", "episodes", "reviews")}
    rows |= {
        name: dataset.frame(name).height
        for name in ("cin_children", "cin_details", "section47", "cp_plans", "cp_reviews")
    }
    return {"seconds": seconds, "rows": rows, "problems": len(dataset.problems)}


def _measure(kind: str, folder: Path, runs: int) -> dict[str, object]:
    """Best of `runs` fresh processes; peak RSS (MiB) is the largest seen."""
    best: dict[str, object] = {}
    peak = 0.0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "_child", kind, str(folder)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
        peak = max(peak, float(result["peak_mib"]))
        if not best or float(result["seconds"]) < float(best["seconds"]):  # type: ignore[arg-type]
            best = result
    return {**best, "peak_mib": peak}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child(kind: str, folder: Path) -> None:
    before = _cpu()
    result = floor(folder) if kind == "floor" else ours(folder)
    result["cpu"] = _cpu() - before
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _describe(folder: Path) -> list[str]:
    files = source_files(folder)
    csvs = [path for path in files if path.suffix.lower() == ".csv"]
    xmls = [path for path in files if path.suffix.lower() == ".xml"]
    csv_lines = sum(path.read_bytes().count(b"\n") - 1 for path in csvs)

    def mib(paths: list[Path]) -> str:
        return f"{sum(path.stat().st_size for path in paths) / 2**20:.1f} MiB"

    return [
        f"files: {len(files)} ({len(csvs)} CSV, {mib(csvs)}, {csv_lines} data rows;"
        f" {len(xmls)} XML, {mib(xmls)})",
    ]


def report(folder: Path, runs: int) -> None:
    base = _measure("floor", folder, runs)
    read = _measure("ours", folder, runs)
    ratio = float(read["seconds"]) / float(base["seconds"])  # type: ignore[arg-type]
    print(f"source: {folder}")
    for line in _describe(folder):
        print(line)
    rows = read["rows"]
    assert isinstance(rows, dict)
    print("rows after reconciling: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
    print(f"problems: {read['problems']}")
    print(f"{'':<12}{'seconds':>10}{'CPU s':>8}{'peak RSS MiB':>15}")
    for label, result in (("floor", base), ("read_source", read)):
        print(
            f"{label:<12}{result['seconds']:>10.2f}{result['cpu']:>8.2f}{result['peak_mib']:>15.0f}"
        )
    print(f"ratio {ratio:.2f} x floor (target <= 3), best of {runs} runs each")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        _child(sys.argv[2], Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["national", "episodes"], nargs="?", default="national")
    parser.add_argument("arg", nargs="?", help="national: folder; episodes: row count")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.mode == "episodes":
        rows = int(args.arg or 1_000_000)
        with tempfile.TemporaryDirectory() as temporary:
            (Path(temporary) / "episodes.csv").write_text(episodes_csv(rows))
            report(Path(temporary), args.runs)
        return
    folder = Path(args.arg or "/tmp/iru-national")
    if not folder.exists():
        from iru.data.synthetic import generate

        print(f"generating the national-scale source in {folder} ...", file=sys.stderr)
        generate(folder, seed=2016, scale="national", today=date(2025, 6, 30))
    report(folder, args.runs)


if __name__ == "__main__":
    main()
