"""The dashboard's presenter: the year's figures so far, from `compute_figures` (ADR 0005), on
what the unit knows and, where that differs, on the returns alone (ADR 19)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from iru.rules.timescales import ICPC_WORKING_DAYS
from iru.rules.years import complete_month_ends, month_label, reporting_year


@dataclass(frozen=True)
class Cell:
    """A figure as the unit knows it, and what the returns alone say when that differs."""

    value: str
    returns: str = ""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    returns: str = ""


@dataclass(frozen=True)
class MonthRow:
    month: date
    looked_after: Cell
    reviews_held: Cell
    reviews_in_timescale: Cell
    icpcs_held: Cell
    rcpcs_held: Cell
    plans: Cell


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


def _plans(figure: dict[str, Any] | None) -> str:
    """Plans open at a month end: the denominator of the 2-years-plus share."""
    return _count(figure and figure["denominator"])


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
    returns: dict[str, Any] | None = None  # on the returns alone, when that differs

    def cell(self, dotted: str, text: Callable[[Any], str] = _count) -> Cell:
        """The figure at `dotted` in words, with the returns' own where they differ."""
        value = text(_get(self.figures, dotted))
        if self.returns is None:
            return Cell(value)
        returns = text(_get(self.returns, dotted))
        return Cell(value, "" if returns == value else returns)

    def tile(self, label: str, dotted: str, text: Callable[[Any], str] = _count) -> Tile:
        cell = self.cell(dotted, text)
        return Tile(label, cell.value, cell.returns)

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

    def at_latest(self, dotted: str) -> str:
        month = self.latest_month
        return "" if month is None else f"{dotted}.{month_label(month)}"

    @property
    def year_tiles(self) -> list[Tile]:
        """Counts over the year to date (the returns hold nothing that has not happened)."""
        return [
            self.tile("Children who started to be looked after", "lac.started"),
            self.tile("Children who ceased to be looked after", "lac.ceased"),
            self.tile("LAC reviews held", "reviews.held"),
            self.tile("LAC reviews in timescale", "reviews.in_timescale", percent_text),
            self.tile(
                f"Initial conferences within {ICPC_WORKING_DAYS} working days",
                "cp.icpc.within_15_working_days",
                percent_text,
            ),
            self.tile("Review conferences in timescale", "cp.rcpc.in_timescale", percent_text),
        ]

    @property
    def month_end_tiles(self) -> list[Tile]:
        """Figures on the last complete month's end (3+ placements: cumulative from April)."""
        return [
            self.tile("Looked-after children", self.at_latest("lac.month_end")),
            self.tile(
                "Child protection plans",
                self.at_latest("cp.open_2_years_plus_by_month"),
                _plans,
            ),
            self.tile(
                "Looked-after children with 3 or more placements",
                self.at_latest("stability.three_plus_placements_by_month"),
                percent_text,
            ),
            self.tile(
                "Long-term placement stability",
                self.at_latest("stability.long_term_by_month"),
                percent_text,
            ),
        ]

    @property
    def month_rows(self) -> list[MonthRow]:
        rows = []
        for month in self.months:
            key = month_label(month)
            rows.append(
                MonthRow(
                    month=month,
                    looked_after=self.cell(f"lac.month_end.{key}"),
                    reviews_held=self.cell(f"reviews.by_month.{key}.held"),
                    reviews_in_timescale=self.cell(f"reviews.by_month.{key}.in_timescale"),
                    icpcs_held=self.cell(f"cp.icpc.by_month.{key}.held"),
                    rcpcs_held=self.cell(f"cp.rcpc.by_month.{key}.held"),
                    plans=self.cell(f"cp.open_2_years_plus_by_month.{key}", _plans),
                )
            )
        return rows

    @property
    def differs(self) -> bool:
        """The unit has recorded meetings no return holds yet, and a figure shows it."""
        tiles = [*self.year_tiles, *self.month_end_tiles]
        rows = self.month_rows
        cells = [c for row in rows for c in (row.reviews_held, row.icpcs_held, row.rcpcs_held,
                                             row.reviews_in_timescale, row.plans)]  # fmt: skip
        return any(t.returns for t in tiles) or any(c.returns for c in cells)

    @property
    def warnings(self) -> int:
        return len(self.figures.get("warnings", []))
