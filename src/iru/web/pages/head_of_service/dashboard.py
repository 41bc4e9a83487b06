"""The dashboard's presenter: the year's figures so far, from `compute_figures` (ADR 0005)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from iru.rules.timescales import ICPC_WORKING_DAYS
from iru.rules.years import complete_month_ends, month_label, reporting_year


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class MonthRow:
    month: date
    looked_after: Any
    reviews_held: Any
    reviews_in_timescale: Any
    icpcs_held: Any
    rcpcs_held: Any
    plans: Any


def _get(figures: dict[str, Any], dotted: str) -> Any:
    """The figure at a dotted key, or None when its group (or month) is absent."""
    value: Any = figures
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _count(value: Any) -> str:
    return "No data" if value is None else str(value)


def percent_text(figure: dict[str, Any] | None) -> str:
    """A {numerator, denominator, percent} figure as "87.5% (7 of 8)"."""
    if not figure:
        return "No data"
    if figure.get("percent") is None:
        return "None to count"
    return f"{figure['percent']}% ({figure['numerator']} of {figure['denominator']})"


@dataclass(frozen=True)
class Dashboard:
    """The figures of the reporting year ending `year_end`, as seen on `today`."""

    figures: dict[str, Any]
    year_end: date
    today: date

    @property
    def year_start(self) -> date:
        """FIGURES.md: YS = YE - 1 year + 1 day (a year ending 29 February 2016 starts on
        1 March 2015)."""
        return reporting_year(self.year_end).start

    @property
    def months(self) -> list[date]:
        return complete_month_ends(year_end=self.year_end, today=self.today)

    @property
    def latest_month(self) -> date | None:
        return self.months[-1] if self.months else None

    def at_latest(self, dotted: str) -> Any:
        month = self.latest_month
        return None if month is None else _get(self.figures, f"{dotted}.{month_label(month)}")

    @property
    def year_tiles(self) -> list[Tile]:
        """Counts over the year to date (the returns hold nothing that has not happened)."""
        f = self.figures
        return [
            Tile("Children who started to be looked after", _count(_get(f, "lac.started"))),
            Tile("Children who ceased to be looked after", _count(_get(f, "lac.ceased"))),
            Tile("LAC reviews held", _count(_get(f, "reviews.held"))),
            Tile("LAC reviews in timescale", percent_text(_get(f, "reviews.in_timescale"))),
            Tile(
                f"Initial conferences within {ICPC_WORKING_DAYS} working days",
                percent_text(_get(f, "cp.icpc.within_15_working_days")),
            ),
            Tile("Review conferences in timescale", percent_text(_get(f, "cp.rcpc.in_timescale"))),
        ]

    @property
    def month_end_tiles(self) -> list[Tile]:
        """Figures on the last complete month's end (3+ placements: cumulative from April)."""
        plans = self.at_latest("cp.open_2_years_plus_by_month")
        return [
            Tile("Looked-after children", _count(self.at_latest("lac.month_end"))),
            Tile("Child protection plans", _count(plans and plans["denominator"])),
            Tile(
                "Looked-after children with 3 or more placements",
                percent_text(self.at_latest("stability.three_plus_placements_by_month")),
            ),
            Tile(
                "Long-term placement stability",
                percent_text(self.at_latest("stability.long_term_by_month")),
            ),
        ]

    @property
    def month_rows(self) -> list[MonthRow]:
        rows = []
        for month in self.months:
            key, f = month_label(month), self.figures
            plans = _get(f, f"cp.open_2_years_plus_by_month.{key}")
            rows.append(
                MonthRow(
                    month=month,
                    looked_after=_count(_get(f, f"lac.month_end.{key}")),
                    reviews_held=_count(_get(f, f"reviews.by_month.{key}.held")),
                    reviews_in_timescale=_count(_get(f, f"reviews.by_month.{key}.in_timescale")),
                    icpcs_held=_count(_get(f, f"cp.icpc.by_month.{key}.held")),
                    rcpcs_held=_count(_get(f, f"cp.rcpc.by_month.{key}.held")),
                    plans=_count(plans and plans["denominator"]),
                )
            )
        return rows

    @property
    def warnings(self) -> int:
        return len(self.figures.get("warnings", []))
