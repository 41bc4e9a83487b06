"""Checks across rows of the reconciled frames: episode order, overlaps, reviews, CP dates.

Each takes frames with `_file`/`_row` and returns findings pointing at the row at fault.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from iru.data.findings import cell_findings, no_findings
from iru.rules.periods import SHORT_BREAKS, is_short_break_expr

_OPEN = date(9999, 12, 31)  # an open episode runs on indefinitely


def ceased_before_commenced(episodes: pl.DataFrame) -> pl.DataFrame:
    """DfE rule 356: the date the episode ceased is before the date it started."""
    message = "DEC (the date the episode ceased) is before DECOM (the date it started)"
    return cell_findings(episodes, pl.col("DEC") < pl.col("DECOM"), "DEC", message, "356")


def overlapping_episodes(episodes: pl.DataFrame) -> pl.DataFrame:
    """An episode that starts before the child's previous episode (by DECOM) has ended."""
    ordered = episodes.filter(pl.col("CHILD").is_not_null() & pl.col("DECOM").is_not_null()).sort(
        ["CHILD", "DECOM", "DEC"], nulls_last=True
    )
    # Sorted by child, the previous row is the child's previous episode when CHILD matches.
    same_child = pl.col("CHILD") == pl.col("CHILD").shift(1)
    previous_end = pl.col("DEC").fill_null(_OPEN).shift(1)
    where = ordered.with_columns(
        pl.concat_str(
            [pl.lit("overlaps the episode at "), pl.col("_file").shift(1), pl.lit(" row "),
             pl.col("_row").shift(1).cast(pl.String)]
        ).alias("_where")
    ).filter(same_child & (pl.col("DECOM") < previous_end))  # fmt: skip
    message = "the episode starts before the child's previous episode has ended"
    return cell_findings(where, pl.lit(True), "DECOM", message, value=pl.col("_where"))


def reviews_outside_care(reviews: pl.DataFrame, episodes: pl.DataFrame) -> pl.DataFrame:
    """A review dated in no period of care (and not in a V3/V4 short break either)."""
    dated = reviews.filter(pl.col("CHILD").is_not_null() & pl.col("REVIEW").is_not_null())
    if not dated.height:
        return no_findings()
    # An episode without LS counts as neither (unlike the figures, where it is care).
    in_care = _covered(dated, episodes.filter(~pl.col("LS").is_in(SHORT_BREAKS).fill_null(True)))
    in_break = _covered(dated, episodes.filter(is_short_break_expr(pl.col("LS"))))
    outside = dated.with_columns(in_care.alias("_care"), in_break.alias("_break"))
    message = "the review date is not within any period of care"
    return cell_findings(outside, ~pl.col("_care") & ~pl.col("_break"), "REVIEW", message)


def _covered(reviews: pl.DataFrame, episodes: pl.DataFrame) -> pl.Series:
    """For each review, whether some episode of the child has DECOM <= REVIEW <= DEC (or open).

    Episodes in DECOM order with the running latest end per child: the last episode starting on
    or before the review covers it exactly when that running end reaches the review.
    """
    spans = (
        episodes.filter(pl.col("CHILD").is_not_null() & pl.col("DECOM").is_not_null())
        .select("CHILD", "DECOM", pl.col("DEC").fill_null(_OPEN).alias("_end"))
        .sort(["CHILD", "DECOM"])
        .with_columns(pl.col("_end").cum_max().over("CHILD"))
    )
    probe = reviews.select("CHILD", "REVIEW").with_row_index("_i").sort(["CHILD", "REVIEW"])
    joined = probe.join_asof(
        spans,
        left_on="REVIEW",
        right_on="DECOM",
        by="CHILD",
        strategy="backward",
        check_sortedness=False,
    ).sort("_i")
    return (joined["_end"] >= joined["REVIEW"]).fill_null(False)


def plan_reviews_on_or_before_start(cp_reviews: pl.DataFrame) -> pl.DataFrame:
    """DfE rule 8841: a CP plan review must be after the plan's start."""
    early = pl.col("CPPreviewDate") <= pl.col("CPPstartDate")
    message = "the CP plan review (CPPreviewDate) is on or before the plan started (CPPstartDate)"
    return cell_findings(cp_reviews, early, "CPPreviewDate", message, "8841")


def enquiry_started_after_conference(section47: pl.DataFrame) -> pl.DataFrame:
    """DfE rule 8615: S47ActualStartDate must not be after DateOfInitialCPC."""
    late = pl.col("S47ActualStartDate") > pl.col("DateOfInitialCPC")
    message = "the section 47 enquiry starts (S47ActualStartDate) after its initial conference"
    return cell_findings(section47, late, "S47ActualStartDate", message, "8615")
