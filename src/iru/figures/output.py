"""The JSON shapes of `iru figures` (FIGURES.md, "Output of `iru figures`").

Percentages are `100 * n / d` rounded half-up to 1 decimal place with exact integer arithmetic
(no binary floating point before the final division by 10), `null` when `d` is 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import polars as pl

UNKNOWN = "unknown"


def percent(numerator: int, denominator: int) -> float | None:
    """`100 * numerator / denominator` rounded half-up to 1 dp; None when the denominator is 0."""
    return quotient(100 * numerator, denominator)


def quotient(numerator: int, denominator: int) -> float | None:
    """`numerator / denominator` rounded half-up to 1 dp (an average, a caseload per FTE);
    None when the denominator is 0. Whole numbers in, so a half is exact: 41 / 4 is 10.3."""
    if denominator == 0:
        return None
    tenths = (20 * numerator + denominator) // (2 * denominator)
    return tenths / 10


def ratio(numerator: int, denominator: int) -> dict[str, object]:
    """`{numerator, denominator, percent}` for one numerator/denominator figure."""
    return {
        "numerator": numerator,
        "denominator": denominator,
        "percent": percent(numerator, denominator),
    }


def counts_by(frame: pl.DataFrame, column: str) -> dict[str, int]:
    """Rows of `frame` counted by `column`; a null value is counted as `unknown`."""
    grouped = frame.group_by(pl.col(column).fill_null(UNKNOWN)).len()
    return {str(key): int(n) for key, n in grouped.iter_rows()}


def fixed_breakdown(counts: Mapping[str, int], members: Sequence[str]) -> dict[str, int]:
    """Every member of a fixed list (0 where none), then `unknown` only when it occurs.

    Values outside the list must already have been mapped to `unknown` by the caller.
    """
    result = {member: counts.get(member, 0) for member in members}
    if counts.get(UNKNOWN, 0):
        result[UNKNOWN] = counts[UNKNOWN]
    return result


def code_breakdown(counts: Mapping[str, int]) -> dict[str, int]:
    """The codes that occur, in code order, `unknown` last."""
    codes = sorted(code for code in counts if code != UNKNOWN)
    result = {code: counts[code] for code in codes}
    if UNKNOWN in counts:
        result[UNKNOWN] = counts[UNKNOWN]
    return result


def per_month(labels: Iterable[str], counts: Mapping[str, int]) -> dict[str, int]:
    return {label: counts.get(label, 0) for label in labels}


def cumulative(labels: Sequence[str], counts: Mapping[str, int]) -> dict[str, int]:
    """Running totals over the months `labels` (for figures "cumulative from YS")."""
    total = 0
    result: dict[str, int] = {}
    for label in labels:
        total += counts.get(label, 0)
        result[label] = total
    return result


def nest(flat: Mapping[str, object]) -> dict[str, object]:
    """`{"lac.at_year_end": 3}` -> `{"lac": {"at_year_end": 3}}` (only the first dot splits).

    Keys below the group are written nested by the figure modules already.
    """
    result: dict[str, object] = {}
    for key, value in flat.items():
        group, _, name = key.partition(".")
        target = result.setdefault(group, {})
        assert isinstance(target, dict)
        target[name] = value
    return result
