"""Statutory and local due dates: one function per rule, each citing its source.

"Within N working days of D" follows the day-0 convention of `iru.rules.calendar`; "within N
months of D" means on or before `add_months(D, N)` (FIGURES.md "Conventions"). The rules the
figures count have a polars form (`*_expr`) beside the scalar one, for a column of records.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

from iru.rules.calendar import add_working_days, add_working_days_expr
from iru.rules.months import add_months, add_months_expr

FIRST_LAC_REVIEW_WORKING_DAYS = 20
SECOND_LAC_REVIEW_MONTHS = 3
LATER_LAC_REVIEW_MONTHS = 6
FIRST_SHORT_BREAKS_REVIEW_MONTHS = 3
ICPC_WORKING_DAYS = 15
FIRST_RCPC_MONTHS = 3
LATER_RCPC_MONTHS = 6
IRO_APPOINTMENT_WORKING_DAYS = 5
DISPUTE_RESOLUTION_WORKING_DAYS = 20
DISPUTE_STAGE_WORKING_DAYS = 5
RAG_RESPONSE_WORKING_DAYS = 5
# Reports shared with parents at least 3 working days before a conference: the unit's own
# standard, audited in the seed report ("Parents were provided with a copy and commented upon
# the report 3+ days before Conference"); the chair records whether it was met.
REPORTS_SHARED_WORKING_DAYS = 3
RAG_RATINGS = ("red", "amber", "green")


def _reviews_in_order(start: date, previous_reviews: Sequence[date]) -> list[date]:
    # Two records of the same date are one review (FIGURES.md, LAC statutory reviews).
    reviews = sorted(set(previous_reviews))
    if reviews and reviews[0] < start:
        raise ValueError(f"review {reviews[0].isoformat()} is before the start {start.isoformat()}")
    return reviews


def first_lac_review_due(period_start: date) -> date:
    """Return the last day for the first review of a looked-after child's case.

    CPPCR 2010 (SI 2010/959) reg 33(1): "within 20 working days of the date on which C becomes
    looked after"; `period_start` is the DECOM of the period of care's first episode.
    """
    return add_working_days(period_start, FIRST_LAC_REVIEW_WORKING_DAYS)


def lac_review_due(
    period_start: date, previous_reviews: Sequence[date], *, short_breaks: bool = False
) -> date:
    """Return the last day for the next LAC review of a period of care.

    `previous_reviews` are the reviews already held in this period (any order; a repeated date
    is one review; one before `period_start` is a ValueError). CPPCR 2010 reg 33(1)-(2): the
    first within 20 working days of `period_start`, the second not more than 3 months after the
    first, later ones at intervals of not more than 6 months, each from the review actually
    held. `short_breaks` (legal status V3/V4), reg 48: the first within 3 months of the start
    of the first short break, then at intervals of not more than 6 months.
    """
    reviews = _reviews_in_order(period_start, previous_reviews)
    if short_breaks:
        if not reviews:
            return add_months(period_start, FIRST_SHORT_BREAKS_REVIEW_MONTHS)
        return add_months(reviews[-1], LATER_LAC_REVIEW_MONTHS)
    if not reviews:
        return first_lac_review_due(period_start)
    if len(reviews) == 1:
        return add_months(reviews[0], SECOND_LAC_REVIEW_MONTHS)
    return add_months(reviews[-1], LATER_LAC_REVIEW_MONTHS)


def lac_review_due_expr(
    rank: pl.Expr, period_start: pl.Expr, previous_review: pl.Expr, holidays: list[date]
) -> pl.Expr:
    """`lac_review_due` (not short breaks) for a column of reviews: each review's due date.

    `rank` is the review's place in its period (0 for the first, as `len(previous_reviews)`),
    `previous_review` the review before it in the period (null for the first) and `holidays`
    the bank holidays covering the period starts (`iru.rules.calendar.bank_holidays_covering`).
    CPPCR 2010 reg 33: the first within 20 working days of `period_start`, the second within 3
    months of the first, each later one within 6 months of the one before (FIGURES.md "LAC
    statutory reviews").
    """
    first = add_working_days_expr(period_start, FIRST_LAC_REVIEW_WORKING_DAYS, holidays)
    return (
        pl.when(rank == 0)
        .then(first)
        .when(rank == 1)
        .then(add_months_expr(previous_review, SECOND_LAC_REVIEW_MONTHS))
        .otherwise(add_months_expr(previous_review, LATER_LAC_REVIEW_MONTHS))
    )


def icpc_due(strategy_discussion: date) -> date:
    """Return the last day for the initial child protection conference.

    Working Together to Safeguard Children (2015, unchanged in substance 2018 and 2023): within
    15 working days of the strategy discussion at which section 47 enquiries were initiated.
    DfE measures it from `S47ActualStartDate` (CIN census N00148); the DfE specimen's
    `InitialCPCtarget` is 1970-06-23 for a start on 1970-06-02 (DOMAIN.md 1.2).
    """
    return add_working_days(strategy_discussion, ICPC_WORKING_DAYS)


def icpc_due_expr(s47_start: pl.Expr, holidays: list[date]) -> pl.Expr:
    """`icpc_due` for a column of `S47ActualStartDate`s (null stays null); `holidays` covers
    them (`bank_holidays_covering`). FIGURES.md `cp.icpc.within_15_working_days`."""
    return add_working_days_expr(s47_start, ICPC_WORKING_DAYS, holidays)


def rcpc_due(plan_start_or_icpc: date, previous_reviews: Sequence[date]) -> date:
    """Return the last day for the next review child protection conference of a plan.

    Working Together to Safeguard Children: the first review conference within 3 months of the
    initial conference, later ones at intervals of not more than 6 months while the plan lasts.
    FIGURES.md (cp.rcpc.in_timescale) measures the first from `CPPstartDate`, which is normally
    the ICPC's date. `previous_reviews` are this plan's review conferences held so far.
    """
    reviews = _reviews_in_order(plan_start_or_icpc, previous_reviews)
    if not reviews:
        return add_months(plan_start_or_icpc, FIRST_RCPC_MONTHS)
    return add_months(reviews[-1], LATER_RCPC_MONTHS)


def rcpc_due_expr(rank: pl.Expr, plan_start: pl.Expr, previous_review: pl.Expr) -> pl.Expr:
    """`rcpc_due` for a column of review conferences: each one's due date.

    `rank` is the conference's place among its plan's reviews (0 for the first), `plan_start`
    the plan's `CPPstartDate`, `previous_review` the review conference before it (null for the
    first). FIGURES.md `cp.rcpc.in_timescale`: the first within 3 months of `CPPstartDate`, each
    later one within 6 months of the one before.
    """
    return (
        pl.when(rank == 0)
        .then(add_months_expr(plan_start, FIRST_RCPC_MONTHS))
        .otherwise(add_months_expr(previous_review, LATER_RCPC_MONTHS))
    )


def iro_appointment_due(period_start: date) -> date:
    """Return the last day to appoint an IRO for a child who has become looked after.

    IRO Handbook (DCSF 2010, statutory guidance): the IRO is appointed within 5 working days of
    the child becoming looked after (DOMAIN.md 1.1).
    """
    return add_working_days(period_start, IRO_APPOINTMENT_WORKING_DAYS)


def dispute_resolution_deadline(raised: date) -> date:
    """Return the last day by which a dispute raised by an IRO must be resolved, all stages in.

    IRO Handbook (DCSF 2010) chapter 6, dispute resolution: the whole process, from the issue
    being raised to its resolution, should take no more than 20 working days.
    """
    return add_working_days(raised, DISPUTE_RESOLUTION_WORKING_DAYS)


def dispute_stage_response_due(
    stage_started: date, raised: date, working_days: int = DISPUTE_STAGE_WORKING_DAYS
) -> date:
    """Return the last day for a response at one stage of the dispute resolution process.

    IRO Handbook chapter 6: each stage has its own short timescale (by default 5 working days
    from the stage's start, a local choice) but never runs past the 20-working-day overall
    deadline counted from `raised`. A stage cannot start before the dispute was raised.
    """
    if stage_started < raised:
        raise ValueError(
            f"stage started {stage_started.isoformat()} before the dispute {raised.isoformat()}"
        )
    return min(add_working_days(stage_started, working_days), dispute_resolution_deadline(raised))


def rag_response_due(sent: date, rating: str) -> date | None:
    """Return the last day for the team manager's response to a RAG rating form, or None.

    Our local default, not a statutory rule: red and amber ratings need a response within 5
    working days of the form being sent; green needs none. It follows the seed report's RAG
    process (a form sent to the team manager "who will then respond to the issues raised") and
    the IRO Handbook chapter 6 stage timescales. `rating` is compared trimmed, in lower case.
    """
    normalised = rating.strip().lower()
    if normalised not in RAG_RATINGS:
        raise ValueError(f"unknown RAG rating {rating!r}; expected one of {RAG_RATINGS}")
    if normalised == "green":
        return None
    return add_working_days(sent, RAG_RESPONSE_WORKING_DAYS)
