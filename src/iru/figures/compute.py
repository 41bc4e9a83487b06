"""The entry point: every figure of FIGURES.md for one year, from a `Dataset`.

`prepare` does the work that does not depend on the year (periods of care, placements, review
and conference due dates) once; `figures_for_year` then counts one year. `compute_figures` is
both, for one year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from iru.data.dataset import Dataset
from iru.data.problems import Problem
from iru.figures.cp import CpTables, cp_figures, cp_tables
from iru.figures.lac import lac_figures, open_on
from iru.figures.output import nest
from iru.figures.periods import (
    care_episodes,
    latest_rows,
    period_warnings,
    periods,
    placements,
    short_break_episodes,
)
from iru.figures.reviews import review_figures, reviews_with_due_dates
from iru.figures.stability import stability_figures
from iru.rules.calendar import bank_holidays_covering
from iru.rules.years import reporting_year


@dataclass(frozen=True)
class Prepared:
    """Year-independent tables built from one `Dataset` (see `prepare`)."""

    care: pl.DataFrame
    periods: pl.DataFrame
    placements: pl.DataFrame
    children: pl.DataFrame
    reviews: pl.DataFrame | None
    cp: CpTables | None
    has_episodes: bool
    warnings: tuple[dict[str, object], ...]


def compute_figures(dataset: Dataset, year_end: date) -> dict[str, object]:
    """Every figure of FIGURES.md for the year ending `year_end` (the last day of a month), as
    the nested JSON object `iru figures` prints. Raises ValueError for any other `year_end`.

    Groups whose primary input is absent are omitted: `lac` and `stability` without Episodes,
    `reviews` without Episodes and Reviews, `cp` without a CIN census file.
    """
    reporting_year(year_end)  # validate before any work
    return figures_for_year(prepare(dataset), year_end)


def prepare(dataset: Dataset) -> Prepared:
    """Periods, placements, reviews with due dates and conferences with timeliness."""
    care = care_episodes(dataset.episodes)
    care_periods = periods(care)
    holidays = bank_holidays_covering(_date_range(dataset))
    reviews = None
    if dataset.has_episodes and dataset.has_reviews:
        short_breaks = short_break_episodes(dataset.episodes)
        reviews = reviews_with_due_dates(dataset.reviews, care_periods, short_breaks, holidays)
    warnings = [problem_json(p) for p in dataset.problems]
    warnings += period_warnings(care).rename({"_file": "file", "_row": "row"}).to_dicts()
    return Prepared(
        care=care,
        periods=care_periods,
        placements=placements(care),
        children=latest_rows(dataset.header, ["CHILD"]).select("CHILD", "DOB", "ETHNIC"),
        reviews=reviews,
        cp=cp_tables(dataset, holidays) if dataset.has_cin else None,
        has_episodes=dataset.has_episodes,
        warnings=tuple(warnings),
    )


def figures_for_year(prepared: Prepared, year_end: date) -> dict[str, object]:
    """Every figure for the year ending `year_end`, from `prepare(dataset)`."""
    year = reporting_year(year_end)
    flat: dict[str, object] = {}
    if prepared.has_episodes:
        opened = open_on(prepared.care, [year.day_before, *year.month_ends])
        children = prepared.children
        flat |= lac_figures(prepared.care, prepared.periods, children, opened, year)
    if prepared.reviews is not None:
        flat |= review_figures(prepared.reviews, year)
    if prepared.has_episodes:
        flat |= stability_figures(prepared.placements, prepared.children, opened, year)
    if prepared.cp is not None:
        flat |= cp_figures(prepared.cp, year)
    result = nest(flat)
    result["warnings"] = list(prepared.warnings)
    return result


def problem_json(problem: Problem) -> dict[str, object]:
    """A reader's `Problem` as a `{file, row, column, message}` warning."""
    return {
        "file": problem.file,
        "row": problem.row,
        "column": problem.column,
        "message": problem.message,
    }


def _date_range(dataset: Dataset) -> list[date | None]:
    """The earliest and latest dates the working-day rules start from (plus slack for due
    dates): period starts and section 47 starts."""
    days: list[date | None] = []
    for frame, column in (
        (dataset.episodes, "DECOM"),
        (dataset.reviews, "REVIEW"),
        (dataset.section47, "S47ActualStartDate"),
    ):
        values = frame.get_column(column)
        days += [values.min(), values.max()]  # type: ignore[list-item]
    return days
