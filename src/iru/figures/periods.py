"""Periods of care and placements from SSDA903 episodes (FIGURES.md "Period of care", "Placements").

`care_episodes` is the one table the LAC, review and stability figures read: the child's
non-V3/V4 episodes in period order, each with its period of care and whether it starts a
placement. `periods` and `placements` summarise it one row per period / per placement. The
period-of-care rule itself is `iru.rules.periods`; the placement rules are the figures' own.
"""

from __future__ import annotations

import polars as pl

from iru.figures.groups import (
    first_in_run,
    last_in_run,
    next_in_run,
    previous_in_run,
    rank_in_run,
    run_starts,
)
from iru.rules.periods import (
    first_episode_of_child_expr,
    is_short_break_expr,
    overlaps_previous_expr,
    starts_new_period_expr,
)

TEMPORARY_PLACES = ("T0", "T1", "T2", "T3", "T4")
ADOPTION_PLACES = ("A1", "A2", "A3", "A4", "A5", "A6")
# Placed for adoption with the current foster carer: RNE T/U then is not a new placement.
ADOPTION_WITH_CARER = ("A3", "A5")
_NONE = "\x00"  # stands for a missing PLACE / PL_POST when comparing episodes
_BEFORE_ANY = "\x01"  # no non-temporary episode yet in the period

_CHILD, _DECOM, _DEC = pl.col("CHILD"), pl.col("DECOM"), pl.col("DEC")


def _in(column: str, codes: tuple[str, ...]) -> pl.Expr:
    """`column` is one of `codes`; a null value is not."""
    return pl.col(column).is_in(codes).fill_null(False)


def latest_rows(frame: pl.DataFrame, key: list[str]) -> pl.DataFrame:
    """One row per `key`, the last one (FIGURES.md: a repeated key's last row wins).

    Reconciled frames already hold one row per key; this keeps hand-built ones honest.
    """
    present = pl.all_horizontal(pl.col(column).is_not_null() for column in key)
    return frame.filter(present).unique(subset=key, keep="last", maintain_order=True)


def _episodes_by_key(episodes: pl.DataFrame) -> pl.DataFrame:
    """Episodes sorted by CHILD, DECOM, one per key (the last row, as `latest_rows`): a stable
    sort puts a repeated key's rows in a run, so this costs a sort and not a hash pass."""
    last_of_key = ((_CHILD.shift(-1) != _CHILD) | (_DECOM.shift(-1) != _DECOM)).fill_null(True)
    return (
        episodes.filter(_CHILD.is_not_null() & _DECOM.is_not_null())
        .sort(["CHILD", "DECOM"], maintain_order=True)
        .filter(last_of_key)
    )


def short_break_episodes(episodes: pl.DataFrame) -> pl.DataFrame:
    """V3/V4 episodes (they hold the days DECOM..DEC inclusive, FIGURES.md "Edge cases")."""
    return _episodes_by_key(episodes).filter(is_short_break_expr(pl.col("LS")))


def care_episodes(episodes: pl.DataFrame) -> pl.DataFrame:
    """Non-V3/V4 episodes sorted by child, DECOM, DEC (empty last), with their period of care.

    Adds `seq` (the sort order), `PERIOD` (an id unique over all children), `period_start`,
    `period_end` (null while open), `new_period`, `overlap`, `temporary`, `starts_placement`.
    """
    # One episode per CHILD + DECOM, so DECOM alone orders a child's episodes (the DEC tie
    # rule of FIGURES.md never has two episodes to order).
    care = _episodes_by_key(episodes).filter(~is_short_break_expr(pl.col("LS")))
    eps = (
        care.with_row_index("seq")
        .with_columns(
            first_of_child=first_episode_of_child_expr(),
            new_period=starts_new_period_expr(),
            overlap=overlaps_previous_expr(),
        )
        .with_columns(PERIOD=pl.col("new_period").cum_sum().cast(pl.Int64))
    )
    starts = pl.col("new_period")
    eps = eps.with_columns(
        period_start=first_in_run(_DECOM, starts),
        period_end=last_in_run(_DEC, starts),
        temporary=_in("PLACE", TEMPORARY_PLACES),
    )
    return eps.with_columns(starts_placement=_starts_placement())


def _starts_placement() -> pl.Expr:
    """FIGURES.md "Placements": which non-temporary episodes start a new placement."""
    starts, lasting = pl.col("new_period"), ~pl.col("temporary")
    lasting_so_far = lasting.cast(pl.Int64).cum_sum()
    lasting_before_period = first_in_run(lasting_so_far - lasting.cast(pl.Int64), starts)
    first_lasting = lasting & (lasting_so_far - lasting_before_period == 1)
    post = pl.col("PL_POST").str.replace_all(" ", "", literal=True).str.to_uppercase()
    before_place = previous_in_run(_latest_lasting(pl.col("PLACE"), starts), starts)
    before_post = previous_in_run(_latest_lasting(post, starts), starts)
    after_temporary = previous_in_run(pl.col("temporary"), starts).fill_null(False)
    same_post = (before_post == _NONE) | post.is_null() | (before_post == post)
    is_return = after_temporary & (before_place == pl.col("PLACE")).fill_null(False) & same_post
    new_carer = _in("RNE", ("P", "B")) | (
        _in("RNE", ("T", "U")) & ~_in("PLACE", ADOPTION_WITH_CARER)
    )
    return lasting & (first_lasting | (new_carer & ~is_return.fill_null(False)))


def _latest_lasting(value: pl.Expr, starts: pl.Expr) -> pl.Expr:
    """`value` of the period's latest non-temporary episode up to this row (`_NONE` for an
    empty value; `_BEFORE_ANY`, which no code equals, while the period has none yet)."""
    own = pl.when(~pl.col("temporary")).then(value.fill_null(_NONE))
    return pl.when(starts).then(own.fill_null(_BEFORE_ANY)).otherwise(own).forward_fill()


def periods(care: pl.DataFrame) -> pl.DataFrame:
    """One row per period of care: CHILD, PERIOD, start, end, and its first placement's episode.

    `first_distance` / `first_location` are PL_DISTANCE / PL_LOCATION of the period's first
    non-temporary episode (null when the period has none).
    """
    lasting = ~pl.col("temporary")
    return care.group_by("PERIOD", maintain_order=True).agg(
        pl.col("CHILD").first(),
        pl.col("period_start").first().alias("start"),
        pl.col("period_end").first().alias("end"),
        pl.col("PL_DISTANCE").filter(lasting).first().alias("first_distance"),
        pl.col("PL_LOCATION").filter(lasting).first().alias("first_location"),
    )


def placements(care: pl.DataFrame) -> pl.DataFrame:
    """One row per placement: CHILD, PERIOD, `start`, `end` (null while open), `PLACE` of the
    episode that started it, `order` within the child, and `long_term_start` (the start that
    counts for long-term stability: the placement before an adoption placement A1-A6, if any).
    """
    starts = care.filter(pl.col("starts_placement")).select(
        "CHILD", "PERIOD", "PLACE", pl.col("DECOM").alias("start"), "period_end"
    )
    period_starts = run_starts("PERIOD")
    next_start = next_in_run(pl.col("start"), period_starts)
    previous_start = previous_in_run(pl.col("start"), period_starts)
    return starts.with_columns(
        end=pl.when(next_start.is_not_null()).then(next_start).otherwise(pl.col("period_end")),
        long_term_start=pl.when(_in("PLACE", ADOPTION_PLACES) & previous_start.is_not_null())
        .then(previous_start)
        .otherwise(pl.col("start")),
        order=rank_in_run(run_starts("CHILD")),
    ).drop("period_end")


def period_warnings(care: pl.DataFrame) -> pl.DataFrame:
    """Data-quality warnings: a period starting with an RNE other than S, and an overlap."""
    not_s = care.filter(pl.col("new_period") & (pl.col("RNE") != "S").fill_null(True)).select(
        "_file",
        "_row",
        pl.lit("RNE").alias("column"),
        _message(
            "child ",
            pl.col("CHILD"),
            ": a period of care starts with RNE ",
            pl.col("RNE").fill_null("(empty)"),
            " (expected S)",
        ),
    )
    overlap = care.filter(pl.col("overlap")).select(
        "_file",
        "_row",
        pl.lit("DECOM").alias("column"),
        _message(
            "child ",
            pl.col("CHILD"),
            ": the episode starting ",
            pl.col("DECOM").dt.strftime("%d/%m/%Y"),
            " overlaps the child's previous episode",
        ),
    )
    return pl.concat([not_s, overlap])


def _message(*parts: str | pl.Expr) -> pl.Expr:
    """Text and columns joined (not `pl.format`: it panics on some filtered string columns in
    polars 1.44)."""
    exprs = [pl.lit(part) if isinstance(part, str) else part for part in parts]
    return pl.concat_str(exprs).alias("message")
