"""Looked-after children's reviews: held and in timescale by month, three years compared, and
how children took part (FIGURES.md "LAC statutory reviews")."""

from __future__ import annotations

from iru.reports.annual.layout import Figures, Years, count, share_at, share_of
from iru.reports.document import Block, Cell, Chart, Series, Table

SOURCE = "SSDA903 Reviews and Episodes"
PN_CODES = ("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")


def _month(figures: Figures | None, month: str) -> tuple[Cell, ...]:
    held = count(figures, f"reviews.by_month.{month}.held")
    timely = count(figures, f"reviews.by_month.{month}.in_timescale")
    return held, timely, share_of(timely, held)


def reviews(years: Years) -> tuple[Block, ...]:
    this = years.labels[0]
    held, timely = count(years.this, "reviews.held"), share_at(years.this, "reviews.in_timescale")
    by_month = years.monthly(
        "reviews-month", f"Reviews held by month, {this}",
        ("Held", "In timescale", "In timescale (%)"), _month, with_last_year=False,
        total_row=(held, None if timely is None else timely.numerator, timely),
        source=f"{SOURCE} (reviews.by_month, reviews.held, reviews.in_timescale)",
    )  # fmt: skip
    return (
        Chart(
            "reviews-month-chart", f"Reviews held in timescale by month, {this} (%)",
            by_month.id, "column", (Series(2),), "%", percent=True,
            summary=f"The share of each month's reviews held in timescale in {this}.",
        ),
        by_month,
        _year(years),
        _three_years(years),
        _participation(years),
    )  # fmt: skip


def _three_years(years: Years) -> Table:
    rows = []
    for label, figures in zip(years.labels, (years.this, years.last, years.before_last),
                              strict=True):  # fmt: skip
        timely = share_at(figures, "reviews.in_timescale")
        timely_count = None if timely is None else timely.numerator
        rows.append((label, (count(figures, "reviews.held"), timely_count, timely)))
    return Table(
        "reviews-three-years", "Reviews held in the last three years",
        ("Year", "Held", "In timescale", "In timescale (%)"), tuple(rows),
        source=f"{SOURCE} (reviews.held, reviews.in_timescale)",
    )  # fmt: skip


def _participation(years: Years) -> Table:
    words = years.describe("REVIEW_CODE")
    return years.breakdown(
        "reviews-participation", "How children took part in their reviews",
        "reviews.participation", [(words(code), code) for code in PN_CODES],
        source=f"{SOURCE} (reviews.participation)",
        note="PN0: the child was under 4. Children who took part are PN1 to PN6, of the "
        "reviews other than PN0.",
    )  # fmt: skip


def _year(years: Years) -> Table:
    this, last, _ = years.labels
    rows = (
        ("Reviews held", (count(years.this, "reviews.held"), count(years.last, "reviews.held"))),
        ("Held in timescale", (share_at(years.this, "reviews.in_timescale"),
                               share_at(years.last, "reviews.in_timescale"))),
        ("Children who took part (PN1-PN6)",
         (share_at(years.this, "reviews.participation_rate"),
          share_at(years.last, "reviews.participation_rate"))),
    )  # fmt: skip
    return Table(
        "reviews-year", "Reviews: the year in numbers", ("", this, last), rows,
        source=f"{SOURCE} (reviews.held, reviews.in_timescale, reviews.participation_rate)",
    )  # fmt: skip
