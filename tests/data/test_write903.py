"""The SSDA903 Reviews table written as the DfE's CSV, and read back by our own reader."""

from __future__ import annotations

from datetime import date

import polars as pl

from iru.data.read903 import read_903_csv
from iru.data.tables903 import REVIEWS, table_for_file_name
from iru.data.write903 import ReviewRow, reviews_csv, reviews_file_name, without_code

ROWS = [
    ReviewRow("K1", date(2008, 2, 29), date(2015, 4, 1), "PN1"),  # the year's first day
    ReviewRow("K1", date(2008, 2, 29), date(2016, 2, 29), "PN6"),  # a leap day
    ReviewRow("K2", date(2013, 6, 15), date(2016, 3, 31), None),  # the last day, no code
    ReviewRow("K3", None, date(2015, 12, 1), "PN7"),  # no date of birth known
]


def test_the_reviews_are_written_with_the_dfe_columns_and_dates() -> None:
    assert reviews_csv(ROWS) == (
        "CHILD,DOB,REVIEW,REVIEW_CODE\r\n"
        "K1,29/02/2008,01/04/2015,PN1\r\n"
        "K1,29/02/2008,29/02/2016,PN6\r\n"
        "K2,15/06/2013,31/03/2016,\r\n"
        "K3,,01/12/2015,PN7\r\n"
    )
    assert reviews_csv([]) == "CHILD,DOB,REVIEW,REVIEW_CODE\r\n"


def test_an_id_with_a_comma_or_quote_is_quoted_not_split() -> None:
    text = reviews_csv([ReviewRow('A,"1"', None, date(2016, 1, 4), "PN1")])
    assert text.splitlines()[1] == '"A,""1""",,04/01/2016,PN1'


def test_our_reader_reads_the_file_back_to_the_same_reviews() -> None:
    name = reviews_file_name(2016)
    assert name == "SSDA903_2015-16_Reviews.csv"
    assert table_for_file_name(name) is REVIEWS
    read = read_903_csv(name, reviews_csv(ROWS).encode("utf-8"), REVIEWS)
    back = read.frame.select("CHILD", "DOB", "REVIEW", "REVIEW_CODE").rows()
    assert back == [(r.child, r.dob, r.review, r.review_code) for r in ROWS]
    assert read.frame.schema["REVIEW"] == pl.Date
    # The one finding: the review without a code (the DfE's rule 167), at its row and column.
    findings = read.findings.select("row", "column", "rule").rows()
    assert findings == [(4, "REVIEW_CODE", "167")]


def test_the_reviews_without_a_code_are_counted() -> None:
    assert without_code(ROWS) == 1
    assert without_code([ReviewRow("K9", None, date(2016, 1, 4), "")]) == 1
    assert without_code([]) == 0
