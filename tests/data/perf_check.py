"""Local timing check, not a unit test: `.venv/bin/python tests/data/perf_check.py [rows]`.

Writes a synthetic Episodes CSV (default 1M rows: 100,000 children x 10 episodes) to a temporary
folder and compares `read_source` with a bare `polars.read_csv` of the same file.
"""

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import polars as pl

from iru.data import read_source

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


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "episodes.csv"
        path.write_text(episodes_csv(rows))
        started = time.perf_counter()
        pl.read_csv(path, infer_schema=False)
        bare = time.perf_counter() - started
        started = time.perf_counter()
        dataset = read_source(Path(folder))
        ours = time.perf_counter() - started
    print(f"{dataset.episodes.height} episodes: read_csv {bare:.2f}s, read_source {ours:.2f}s")


if __name__ == "__main__":
    main()
