"""How a child took part in their LAC review: the SSDA903 REVIEW_CODE (PN0-PN7).

SSDA903 REVIEW_CODE: PN0 "Child aged under 4 at the time of the review"; PN1-PN7 say how an
older child took part. The list is the one of the review's collection year (`iru.rules.codes`),
and the age is FIGURES.md's (`iru.rules.months.age_on`: a child born 29 Feb has its birthday on
28 Feb in a common year).
"""

from __future__ import annotations

from datetime import date

from iru.rules.codes.registry import code_list
from iru.rules.months import age_on
from iru.rules.years import collection_year

PN0 = "PN0"
PN0_UNDER = 4  # PN0: "Child aged under 4 at the time of the review"


def participation_choices(held: date) -> list[tuple[str, str]]:
    """(code, "PN1: description") for the REVIEW_CODE list of `held`'s collection year."""
    codes = code_list("REVIEW_CODE", collection_year(held))
    return [(code, f"{code}: {codes.descriptions[code]}") for code in sorted(codes.codes)]


def participation_error(code: str, *, dob: date | None, held: date) -> str | None:
    """Why `code` is wrong for a child born `dob` reviewed on `held`, or None when it is right.

    `code` must be in the REVIEW_CODE list of `held`'s collection year, and PN0 is only for a
    child aged under 4 on `held`: a child whose 4th birthday is the review day is 4.
    """
    codes = code_list("REVIEW_CODE", collection_year(held))
    if not code or not codes.is_valid(code):
        return "Select how the child took part in the review"
    if code.strip().upper() != PN0:
        return None
    if dob is None:
        return "PN0 is only for a child under 4: record the child's date of birth first"
    if held < dob:
        return "The review date is before the child's date of birth"
    age = age_on(dob, held)
    if age >= PN0_UNDER:
        return f"PN0 is only for a child under 4; this child was {age}"
    return None
