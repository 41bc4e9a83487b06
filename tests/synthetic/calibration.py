"""The unit's meetings of a collection year, counted from the generator's output as the seed
counts them (annual report 2015-16: "on average each month 73 statutory review meetings take
place and 49 child protection conferences take place"; 286 initial conferences counted per
child, by outcome; 299 review conferences counted per conference).

Run it to print the calibration of an authority already written:

    .venv/bin/python -m tests.synthetic.calibration DIR [--year 2015]

Deliberately independent of the generator's internals and of `iru.figures`: it reads the files.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from tests.synthetic import counts


@dataclass
class Calibration:
    """What one collection year held. Months are `YYYY-MM`."""

    meetings_by_month: dict[str, dict[str, int]] = field(default_factory=dict)
    meetings: dict[str, int] = field(default_factory=dict)  # by kind
    icpc_children_by_outcome: dict[str, int] = field(default_factory=dict)
    icpc_children_in_census: int = 0
    rcpc_child_reviews_in_census: int = 0
    lac_reviews_in_ssda903: int = 0
    children_per_rcpc: float = 0.0

    @property
    def icpc_children(self) -> int:
        return sum(self.icpc_children_by_outcome.values())

    @property
    def reviews_per_month(self) -> float:
        return self.meetings.get("lac_review", 0) / 12

    @property
    def conference_meetings_per_month(self) -> float:
        return (self.meetings.get("icpc", 0) + self.meetings.get("rcpc", 0)) / 12

    @property
    def conferences_per_month_as_the_seed(self) -> float:
        """The seed's 49 a month is its 286 initial conferences (per child) and its 299 review
        conferences (per conference) over 12 months: (286 + 299) / 12 = 48.75."""
        return (self.icpc_children + self.meetings.get("rcpc", 0)) / 12


def measure(out: Path, year: int = 2015) -> Calibration:
    """Count collection year `year` (its start year: 2015 for 2015-16) of the authority in `out`."""
    first, last = date(year, 4, 1), date(year + 1, 3, 31)
    result = Calibration()
    by_month: dict[str, Counter[str]] = {}
    outcomes: Counter[str] = Counter()
    rcpc_children = 0
    with (out / "unit" / "meetings.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            held = date.fromisoformat(row["date"])
            if not first <= held <= last:
                continue
            by_month.setdefault(row["date"][:7], Counter())[row["kind"]] += 1
            children = row["child_ids"].split(";")
            if row["kind"] == "icpc":
                outcomes[row["outcome"]] += len(children)
            elif row["kind"] == "rcpc":
                rcpc_children += len(children)
    result.meetings_by_month = {month: dict(kinds) for month, kinds in sorted(by_month.items())}
    result.meetings = dict(sum(by_month.values(), Counter()))
    result.icpc_children_by_outcome = dict(outcomes)
    result.icpc_children_in_census = counts.icpcs_held(out, year + 1, first, last)[0]
    result.rcpc_child_reviews_in_census = sum(
        first <= review <= last
        for _start, _end, reviews, _previous in counts.plans(out, year + 1)
        for review in reviews
    )
    result.lac_reviews_in_ssda903 = counts.reviews_held(out, first, last)
    result.children_per_rcpc = rcpc_children / max(1, result.meetings.get("rcpc", 0))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--year", type=int, default=2015, help="start year (2015 for 2015-16)")
    args = parser.parse_args()
    found = measure(args.out, args.year)
    summary = asdict(found) | {
        "icpc_children": found.icpc_children,
        "reviews_per_month": round(found.reviews_per_month, 1),
        "conference_meetings_per_month": round(found.conference_meetings_per_month, 1),
        "conferences_per_month_as_the_seed": round(found.conferences_per_month_as_the_seed, 1),
        "children_per_rcpc": round(found.children_per_rcpc, 2),
    }
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
