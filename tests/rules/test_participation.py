"""PN0-PN7 (SSDA903 REVIEW_CODE): the codes of the review's collection year, PN0 under 4 only."""

from datetime import date

import pytest

from iru.rules.participation import participation_choices, participation_error


def test_participation_choices_are_the_review_code_list() -> None:
    choices = participation_choices(date(2016, 3, 31))
    assert [code for code, _label in choices] == [f"PN{n}" for n in range(8)]
    assert choices[0] == ("PN0", "PN0: Child aged under 4 at the time of the review")


SELECT = "Select how the child took part in the review"
NO_DOB = "PN0 is only for a child under 4: record the child's date of birth first"
UNBORN = "The review date is before the child's date of birth"


def was(age: int) -> str:
    return f"PN0 is only for a child under 4; this child was {age}"


@pytest.mark.parametrize(
    ("code", "dob", "held", "expected"),
    [
        ("PN1", date(2010, 5, 1), date(2016, 5, 1), None),
        (" pn1 ", date(2010, 5, 1), date(2016, 5, 1), None),  # trimmed, any case
        ("", date(2010, 5, 1), date(2016, 5, 1), SELECT),
        ("PN9", date(2010, 5, 1), date(2016, 5, 1), SELECT),
        ("PN0", date(2012, 6, 10), date(2016, 6, 9), None),  # the day before the 4th birthday
        ("PN0", date(2012, 6, 10), date(2016, 6, 10), was(4)),  # 4 on the review day
        ("pn0", date(2012, 6, 10), date(2016, 6, 10), was(4)),
        ("PN0", date(2016, 2, 29), date(2020, 2, 28), None),  # 2020 is a leap year: still 3
        ("PN0", date(2016, 2, 29), date(2020, 2, 29), was(4)),
        # FIGURES.md age: born 29 Feb, the birthday is 28 Feb in a common year (2100 is one).
        ("PN0", date(2096, 2, 29), date(2100, 2, 28), was(4)),
        # Born 29 Feb 2012, reviewed 28 Feb 2017: 5 (a month-and-day comparison would say 4).
        ("PN0", date(2012, 2, 29), date(2017, 2, 28), was(5)),
        ("PN0", None, date(2016, 6, 10), NO_DOB),
        ("PN0", date(2016, 6, 10), date(2016, 6, 9), UNBORN),
        ("PN1", date(2016, 6, 10), date(2016, 6, 9), None),  # the age matters for PN0 only
    ],
)
def test_participation_error(code: str, dob: date | None, held: date, expected: str | None) -> None:
    assert participation_error(code, dob=dob, held=held) == expected
