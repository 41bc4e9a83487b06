"""Writing an SSDA903 table as the DfE's CSV, so the authority's return is not re-keyed.

The Reviews table has the DfE's columns `CHILD, DOB, REVIEW, REVIEW_CODE` (DOMAIN.md 2.1), its
dates DD/MM/YYYY (the form the DfE's validator and our reader `read903` expect), a value left
empty where it is not known. Lines end CRLF: the DfE does not say, RFC 4180 does, and our reader
(like the DfE's) takes either. The file name says the table and the collection year as our
reader and the synthetic authority name them (`SSDA903_2015-16_Reviews.csv`). Pure: no Django.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from iru.data.tables903 import REVIEWS
from iru.rules.years import collection_year_label


@dataclass(frozen=True)
class ReviewRow:
    """One row of the Reviews table: the child's ID, date of birth, the review's date and how
    the child took part (PN0-PN7; None when it is not known)."""

    child: str
    dob: date | None
    review: date
    review_code: str | None


def reviews_csv(rows: Iterable[ReviewRow]) -> str:
    """The Reviews table as CSV text, the rows in the order given."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REVIEWS.columns)
    writer.writerows(
        [row.child, _dfe_date(row.dob), _dfe_date(row.review), row.review_code or ""]
        for row in rows
    )
    return out.getvalue()


def reviews_file_name(year: int) -> str:
    """The file's name for collection year `year` (2016): `SSDA903_2015-16_Reviews.csv`."""
    return f"SSDA903_{collection_year_label(year)}_{REVIEWS.name}.csv"


def without_code(rows: Sequence[ReviewRow]) -> int:
    """How many rows have no REVIEW_CODE (the DfE's rule 167 will ask for one)."""
    return sum(1 for row in rows if not row.review_code)


def _dfe_date(day: date | None) -> str:
    """DD/MM/YYYY, written out so that no locale or platform can change it."""
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
