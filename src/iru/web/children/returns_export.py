"""Reads for the SSDA903 Reviews table the authority returns: the reviews the database holds.

Both kinds of review are `LacReview` rows: those an import brought (the returns'), and those a
LAC review meeting recorded here wrote (no source file; ADR 19). A cancelled or corrected
meeting has already taken back what it wrote (`services.records.meeting_records_undo`), so
what is left is what the return must hold. Callers scope `children` with
`caseloads.scope.children_visible_to` and log the read (`imports.return_exports`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from iru.data.write903 import ReviewRow
from iru.rules.years import collection_year, collection_year_label
from iru.web.children.models import Child, LacReview


def lac_reviews_for_return(
    *, year_start: date, year_end: date, children: QuerySet[Child] | None = None
) -> list[ReviewRow]:
    """Every review held from `year_start` to `year_end` (inclusive) of `children` (default
    every child), one row a child and date (the database holds no two), ordered by CHILD
    then REVIEW: one query.

    DOB is the child's SSDA903 header's; a child with no header DOB keeps the DOB its review
    row has. REVIEW_CODE is None where no code is known. The order is Python's order of the
    IDs, the same on every database (a database's collation may sort them otherwise)."""
    reviews = LacReview.objects.filter(review__gte=year_start, review__lte=year_end)
    if children is not None:
        reviews = reviews.filter(child__in=children)
    found = reviews.values_list("child__la_child_id", "child__dob", "dob", "review", "review_code")
    rows = [
        ReviewRow(child=child, dob=header_dob or own_dob, review=review, review_code=code or None)
        for child, header_dob, own_dob, review, code in found
    ]
    return sorted(rows, key=lambda row: (row.child, row.review))


@dataclass(frozen=True)
class YearReviews:
    """A collection year's reviews in the database: all of them, those recorded here that no
    return has brought yet, and those without a REVIEW_CODE."""

    year: int
    reviews: int
    recorded_here: int
    without_code: int

    @property
    def label(self) -> str:
        return collection_year_label(self.year)


def reviews_by_collection_year() -> list[YearReviews]:
    """The counts of every collection year holding a review, latest first: one query.

    The database counts by day (plain comparisons, no date function per row, which SQLite
    would run in Python) and `iru.rules.years.collection_year` puts the days in their years."""
    by_day = (
        LacReview.objects.values("review")
        .annotate(
            reviews=Count("pk"),
            recorded_here=Count("pk", filter=Q(source_file="")),
            without_code=Count("pk", filter=Q(review_code__isnull=True) | Q(review_code="")),
        )
        .order_by()
    )
    years: dict[int, Counter[str]] = {}
    for day in by_day:
        counts = years.setdefault(collection_year(day.pop("review")), Counter())
        counts.update(day)
    return [
        YearReviews(year=year, reviews=counts["reviews"], recorded_here=counts["recorded_here"],
                    without_code=counts["without_code"])
        for year, counts in sorted(years.items(), reverse=True)
    ]  # fmt: skip
