"""England and statistical-neighbour values beside the unit's own: which measures have them,
and which published year a report shows.

The DfE publishes England's and each authority's figures some months after a year ends, so a
report on 2015-16 written in April 2016 compares with the year ending March 2015 (the seed's
"Eng (Mar 15)"). A report therefore shows, for each measure and comparator, the latest value
entered for a year ending on or before its own year end, labelled with that year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

Comparator = Literal["england", "neighbours"]
COMPARATORS: dict[Comparator, str] = {
    "england": "England",
    "neighbours": "Statistical neighbours",
}

# The measures a comparator value can be entered for: the figure's key and how it reads.
MEASURES: dict[str, str] = {
    "stability.long_term": "Long-term placement stability: under 16s looked after 2.5 years or "
    "more, in the same placement for 2 years (%)",
    "stability.three_plus_placements": "Children looked after with 3 or more placements in the "
    "year (%)",
    "reviews.in_timescale": "Looked-after children's reviews held in timescale (%)",
    "cp.icpc.within_15_working_days": "Initial child protection conferences within 15 working "
    "days of the strategy discussion (%)",
    "cp.rcpc.in_timescale": "Review child protection conferences held in timescale (%)",
    "cp.repeat": "Plans that were a second or subsequent plan (%)",
    "cp.repeat_within_2_years": "Plans starting within 2 years of a previous plan (%)",
    "cp.ended_2_years_plus": "Plans ended that had lasted 2 years or more (%)",
}


@dataclass(frozen=True)
class Benchmark:
    measure: str
    comparator: Comparator
    year_end: date
    value: float
    source: str

    @property
    def label(self) -> str:
        """ "England (Mar 15)": the comparator and the year its value is for."""
        return f"{COMPARATORS[self.comparator]} ({self.year_end:%b %y})"


@dataclass(frozen=True)
class Benchmarks:
    """Every value entered, for any year."""

    values: tuple[Benchmark, ...] = ()

    @classmethod
    def of(cls, values: Iterable[Benchmark]) -> Benchmarks:
        return cls(tuple(values))

    def for_report(self, measure: str, year_end: date) -> list[Benchmark]:
        """For each comparator, the latest value for a year ending on or before `year_end`."""
        shown = []
        for comparator in COMPARATORS:
            candidates = [
                value
                for value in self.values
                if value.measure == measure
                and value.comparator == comparator
                and value.year_end <= year_end
            ]
            if candidates:
                shown.append(max(candidates, key=lambda value: value.year_end))
        return shown

    def sources(self, year_end: date) -> list[str]:
        """Each distinct source of the values a report for `year_end` shows, once."""
        used = {
            value.source for measure in MEASURES for value in self.for_report(measure, year_end)
        }
        return sorted(used)
