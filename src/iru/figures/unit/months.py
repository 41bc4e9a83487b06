"""Counts by the year's month and member of a fixed list, and over the year: the shape of every
`unit.*.by_month` figure (every month and member listed, 0 where none)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from iru.rules.years import ReportingYear

Counts = Mapping[tuple[str, str], int]


def counts_by_month(frame: pl.DataFrame, column: str) -> dict[tuple[str, str], int]:
    """Rows of `frame` counted by (`month`, `column`)."""
    grouped = frame.group_by("month", column).len().iter_rows()
    return {(str(month), str(member)): int(n) for month, member, n in grouped}


def by_month_and_total(
    counts: Counts, members: Sequence[str], year: ReportingYear
) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """`counts` ((month, member) -> n) per month of `year` and in all, every member listed."""
    by_month = {
        label: {member: counts.get((label, member), 0) for member in members}
        for label in year.month_labels
    }
    total = {member: sum(month[member] for month in by_month.values()) for member in members}
    return by_month, total
