"""RAG ratings (`unit.rag`): the ratings by month, meeting type and colour, their reasons, the
themes from one month to the next, and the team managers' responses (docs/figures.md, "RAG
ratings").

The input is one row a rating (`RAG_FRAME_SCHEMA`, built with `rag_ratings_frame`). A rating
counts in the month of `day`: the date of the meeting it follows, or the day it was sent when
it follows none. A cancelled rating never counts, nor one with no `day`. Pure: no Django, and
no clock (`as_at` is passed in).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

import polars as pl

from iru.figures.calendar import month_in_year
from iru.rules.months import add_months
from iru.rules.rag import MEETING_TYPES, RATINGS
from iru.rules.years import month_label, reporting_year

UNKNOWN_TYPE = "unknown"  # a rating that follows no meeting and gives no catalogued reason
NEEDS_RESPONSE = ("red", "amber")  # green needs no response (iru.rules.timescales)
CONCERNS = ("red", "amber")
STRENGTHS = ("green",)
THEMES = 5  # the most frequent reasons shown as themes (more when several tie for 5th place)

_DATES = ("day", "sent", "response_due", "responded")
RAG_FRAME_SCHEMA: dict[str, Any] = {
    "rating_id": pl.Int64,
    "day": pl.Date,
    "meeting_type": pl.String,
    "rating": pl.String,
    "reasons": pl.List(pl.String),
    "team_id": pl.Int64,
    "team_manager_id": pl.Int64,
    "sent": pl.Date,
    "response_due": pl.Date,
    "responded": pl.Date,
    "cancelled": pl.Boolean,
}


def rag_ratings_frame(rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """The typed frame of `RAG_FRAME_SCHEMA` from one mapping a rating.

    A date given with a time of day (a meeting at 23:59) is just its date; a missing column is
    null (`cancelled` false); `reasons` may be any iterable of codes, each counted once.
    """
    rows = list(rows)
    scalars = {name: [row.get(name) for row in rows] for name in RAG_FRAME_SCHEMA}
    del scalars["reasons"]
    for name in _DATES:
        scalars[name] = [_date(value) for value in scalars[name]]
    scalars["cancelled"] = [bool(value) for value in scalars["cancelled"]]
    given = [
        (i, code) for i, row in enumerate(rows) for code in sorted(set(row.get("reasons") or ()))
    ]
    owners, codes = [i for i, _ in given], [code for _, code in given]
    # The reasons as a long table gathered into lists, in code order (sorted above, kept by
    # the grouping): a list Series built from Python lists, or sorted in polars, is slow.
    reasons = (
        pl.DataFrame({"_row": owners, "code": codes}, schema={"_row": pl.Int64, "code": pl.String})
        .group_by("_row", maintain_order=True)
        .agg(reasons=pl.col("code"))
    )
    frame = pl.DataFrame(
        scalars, schema={k: v for k, v in RAG_FRAME_SCHEMA.items() if k in scalars}
    )
    return (
        frame.with_row_index("_row")
        .with_columns(pl.col("_row").cast(pl.Int64))
        .join(reasons, on="_row", how="left")
        .sort("_row")
        .with_columns(pl.col("reasons").fill_null(pl.lit([], dtype=pl.List(pl.String))))
        .select(list(RAG_FRAME_SCHEMA))
    )


def _date(value: Any) -> Any:
    return value.date() if isinstance(value, datetime) else value


def counted(frame: pl.DataFrame) -> pl.DataFrame:
    """The ratings that count: not cancelled, with a day."""
    return frame.filter(~pl.col("cancelled") & pl.col("day").is_not_null())


def meeting_types(frame: pl.DataFrame) -> tuple[str, ...]:
    """`lac`, `cp`, then `unknown` only when a counted rating has no meeting type."""
    unknown = frame.filter(pl.col("meeting_type").is_null()).height > 0
    return MEETING_TYPES + ((UNKNOWN_TYPE,) if unknown else ())


def _typed(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col("meeting_type").fill_null(UNKNOWN_TYPE))


def by_type_and_colour(frame: pl.DataFrame, types: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """Ratings counted by meeting type, then colour: every type of `types` and every colour."""
    counts = {
        (kind, colour): n
        for kind, colour, n in _typed(frame).group_by("meeting_type", "rating").len().iter_rows()
    }
    return {kind: {colour: counts.get((kind, colour), 0) for colour in RATINGS} for kind in types}


# A year: `unit.rag.by_month` and `unit.rag.total`.


def rag_year_figures(frame: pl.DataFrame, year_end: date) -> dict[str, Any]:
    """`unit.rag`: `by_month.{YYYY-MM}.{type}.{colour}` for the 12 months ending `year_end`
    (a month's last day: ValueError otherwise), and `total.{type}.{colour}` for the year."""
    year = reporting_year(year_end)
    rows = counted(frame).filter(pl.col("day").is_between(year.start, year.end))
    rows = rows.with_columns(month=month_in_year(pl.col("day"), year))
    types = meeting_types(rows)
    by_month = {
        label: by_type_and_colour(rows.filter(pl.col("month") == label), types)
        for label in year.month_labels
    }
    return {"by_month": by_month, "total": by_type_and_colour(rows, types)}


# One month: `unit.rag.month.*`.


def month_span(month: date) -> tuple[date, date]:
    """The first and last day of the month holding `month`."""
    return month.replace(day=1), month.replace(day=calendar.monthrange(month.year, month.month)[1])


def rag_month_figures(frame: pl.DataFrame, month: date, *, as_at: date) -> dict[str, Any]:
    """Every `unit.rag.month.*` figure of the month holding `month`, with the month before.

    `as_at` is the day the responses are counted on: the month's last day for a month that has
    ended, today for the current month; it may not be before the month begins (ValueError).
    """
    first, last = month_span(month)
    if as_at < first:
        raise ValueError(f"as_at {as_at.isoformat()} is before {month_label(first)} begins")
    previous_first, previous_last = month_span(add_months(first, -1))
    rows = counted(frame)
    this = rows.filter(pl.col("day").is_between(first, last))
    before = rows.filter(pl.col("day").is_between(previous_first, previous_last))
    types = meeting_types(pl.concat([this, before]))
    reasons, previous_reasons = reasons_by_type(this, types), reasons_by_type(before, types)
    return {
        "month": month_label(first),
        "previous_month": month_label(previous_first),
        "as_at": as_at.isoformat(),
        "ratings": by_type_and_colour(this, types),
        "previous_ratings": by_type_and_colour(before, types),
        "reasons": reasons,
        "previous_reasons": previous_reasons,
        "themes": {
            "concerns": themes(reasons, previous_reasons, CONCERNS),
            "strengths": themes(reasons, previous_reasons, STRENGTHS),
        },
        "responses": responses(rows, first, last, as_at=as_at),
        "overdue": overdue_by_team_manager(rows, as_at=as_at),
    }


def reasons_by_type(frame: pl.DataFrame, types: tuple[str, ...]) -> dict[str, Any]:
    """How many ratings gave each reason code, by the rating's meeting type and colour: every
    type and colour, the codes that occur, most given first (then by code)."""
    given = (
        _typed(frame)
        .select("meeting_type", "rating", pl.col("reasons").alias("code"))
        .explode("code", empty_as_null=False)
        .drop_nulls("code")
        .group_by("meeting_type", "rating", "code")
        .len()
        .sort(["len", "code"], descending=[True, False])
    )
    result: dict[str, dict[str, dict[str, int]]] = {
        kind: {colour: {} for colour in RATINGS} for kind in types
    }
    for kind, colour, code, n in given.iter_rows():
        result[kind][colour][code] = n
    return result


def themes(
    reasons: Mapping[str, Any], previous: Mapping[str, Any], colours: tuple[str, ...]
) -> list[dict[str, Any]]:
    """The reasons given most often this month among ratings of `colours` (the top `THEMES`,
    and every reason tied with the last of them), each with its count the month before and
    the change: `new` (not given the month before), `up`, `down` or `same`."""
    given = [
        (n, kind, colour, code)
        for kind, colours_given in reasons.items()
        for colour in colours
        for code, n in colours_given[colour].items()
    ]
    given.sort(key=lambda item: (-item[0], item[3]))
    cutoff = given[THEMES - 1][0] if len(given) >= THEMES else 0
    return [
        _theme(code, kind, colour, n, previous.get(kind, {}).get(colour, {}).get(code, 0))
        for n, kind, colour, code in given
        if n >= cutoff
    ]


def _theme(code: str, kind: str, colour: str, count: int, before: int) -> dict[str, Any]:
    if before == 0:
        change = "new"
    else:
        change = "up" if count > before else "down" if count < before else "same"
    return {
        "code": code,
        "meeting_type": kind,
        "rating": colour,
        "count": count,
        "previous": before,
        "change": change,
    }


# Responses: to the red and amber ratings sent in the month, and those overdue on `as_at`.


def _answered_by(as_at: date) -> pl.Expr:
    return pl.col("responded").is_not_null() & (pl.col("responded") <= as_at)


def responses(frame: pl.DataFrame, first: date, last: date, *, as_at: date) -> dict[str, int]:
    """Red and amber ratings sent in [first, last]: `sent`, and of those `on_time` (answered
    by `as_at`, on or before the due date, or with none), `late` (answered by `as_at` after
    it) and `awaiting` (not answered by `as_at`)."""
    sent = frame.filter(
        pl.col("rating").is_in(NEEDS_RESPONSE) & pl.col("sent").is_between(first, last)
    )
    answered = sent.filter(_answered_by(as_at))
    late = answered.filter(pl.col("response_due").is_not_null()).filter(
        pl.col("responded") > pl.col("response_due")
    )
    return {
        "sent": sent.height,
        "on_time": answered.height - late.height,
        "late": late.height,
        "awaiting": sent.height - answered.height,
    }


def overdue_by_team_manager(frame: pl.DataFrame, *, as_at: date) -> list[dict[str, Any]]:
    """Red and amber ratings not answered by `as_at` whose due date is before it (a response
    is still due on the day itself), whatever month they were sent in, by the team manager
    they went to: `team_manager` and `team` ids (None when not recorded), `overdue` (how
    many) and `oldest_due` (ISO date). Most overdue first, then the oldest."""
    late = frame.filter(
        pl.col("rating").is_in(NEEDS_RESPONSE)
        & ~_answered_by(as_at)
        & (pl.col("response_due") < as_at)
    )
    grouped = (
        late.group_by("team_manager_id")
        .agg(
            team=pl.col("team_id").drop_nulls().first(),
            overdue=pl.len(),
            oldest_due=pl.col("response_due").min(),
        )
        .sort(["overdue", "oldest_due", "team_manager_id"], descending=[True, False, False])
    )
    return [
        {"team_manager": manager, "team": team, "overdue": n, "oldest_due": oldest.isoformat()}
        for manager, team, n, oldest in grouped.iter_rows()
    ]


def months_covered(frame: pl.DataFrame, *, today: date) -> list[date]:
    """The first day of every month from the first counted rating's month to `today`'s,
    latest first; none when no rating counts."""
    return months_from(counted(frame).select(pl.col("day").min()).item(), today=today)


def months_from(first: date | None, *, today: date) -> list[date]:
    """The first day of every month from `first`'s to `today`'s, latest first (none without
    a `first`)."""
    if first is None:
        return []
    months, month = [], today.replace(day=1)
    while month >= first.replace(day=1):
        months.append(month)
        month = add_months(month, -1)
    return months
