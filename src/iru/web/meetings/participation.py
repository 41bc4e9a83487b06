"""How a child took part in their LAC review: the SSDA903 REVIEW_CODE (PN0-PN7)."""

from __future__ import annotations

from datetime import date

from iru.rules.codes.registry import code_list

PN0_UNDER = 4  # PN0: "Child aged under 4 at the time of the review"


def collection_year(day: date) -> int:
    """The collection year `day` falls in, named by its 31 March (2016 = 2015-16)."""
    return day.year + 1 if day.month >= 4 else day.year


def participation_choices(held: date) -> list[tuple[str, str]]:
    """(code, "PN1: description") for the REVIEW_CODE list of `held`'s collection year."""
    codes = code_list("REVIEW_CODE", collection_year(held))
    return [(code, f"{code}: {codes.descriptions[code]}") for code in sorted(codes.codes)]


def age_on(dob: date, day: date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def participation_error(code: str, *, dob: date | None, held: date) -> str | None:
    """Why `code` is wrong for a child born `dob` reviewed on `held`, or None when it is right.

    SSDA903 REVIEW_CODE: PN0 is only for a child aged under 4 at the time of the review.
    """
    codes = code_list("REVIEW_CODE", collection_year(held))
    if not code or not codes.is_valid(code):
        return "Select how the child took part in the review"
    if code.strip().upper() == "PN0":
        if dob is None:
            return "PN0 is only for a child under 4: record the child's date of birth first"
        if age_on(dob, held) >= PN0_UNDER:
            return f"PN0 is only for a child under 4; this child was {age_on(dob, held)}"
    return None
