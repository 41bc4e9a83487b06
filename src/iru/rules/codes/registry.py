"""Look up a code list by its DfE name and collection year."""

from __future__ import annotations

import functools

from iru.rules.codes import cin_census, ssda903
from iru.rules.codes.ethnicity import ETHNICITY
from iru.rules.codes.model import (
    FIRST_COLLECTION_YEAR,
    LAST_COLLECTION_YEAR,
    Code,
    CodeList,
    clamp_collection_year,
)
from iru.rules.codes.placements import PLACE

# name -> (all-years table, first and last collection year in which the item is collected)
_TABLES: dict[str, tuple[tuple[Code, ...], int, int]] = {
    "LS": (ssda903.LS, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "RNE": (ssda903.RNE, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "CIN": (ssda903.CIN, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "PLACE": (PLACE, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "PLACE_PROVIDER": (ssda903.PLACE_PROVIDER, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "REC": (ssda903.REC, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "REASON_PLACE_CHANGE": (
        ssda903.REASON_PLACE_CHANGE,
        FIRST_COLLECTION_YEAR,
        LAST_COLLECTION_YEAR,
    ),
    "REVIEW_CODE": (ssda903.REVIEW_CODE, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "ETHNIC": (ETHNICITY, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "SEX": (ssda903.SEX, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "UPN_UNKNOWN": (ssda903.UPN_UNKNOWN, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "MISSING": (ssda903.MISSING, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "CategoryOfAbuse": (cin_census.CATEGORY_OF_ABUSE, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "ReasonForClosure": (
        cin_census.REASON_FOR_CLOSURE,
        FIRST_COLLECTION_YEAR,
        LAST_COLLECTION_YEAR,
    ),
    "ReferralSource": (cin_census.REFERRAL_SOURCE, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "PrimaryNeedCode": (cin_census.PRIMARY_NEED_CODE, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "Disability": (cin_census.DISABILITY, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
    "GenderCurrent": (
        cin_census.GENDER_CURRENT,
        FIRST_COLLECTION_YEAR,
        cin_census.LAST_GENDER_CURRENT_YEAR,
    ),
    "Sex": (cin_census.SEX, cin_census.FIRST_SEX_YEAR, LAST_COLLECTION_YEAR),
    "Ethnicity": (ETHNICITY, FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR),
}

LIST_NAMES: tuple[str, ...] = tuple(_TABLES)


@functools.cache
def code_list(name: str, collection_year: int) -> CodeList:
    """Return the code list `name` as valid in `collection_year` (2016 = 2015-16).

    Years before 2014 use 2014's lists and years after 2027 use 2027's (the latest we know;
    2027 repeats 2026 until DfE publishes changes). Raises KeyError for a name we do not know,
    and for a CIN census item not collected that year: `GenderCurrent` after 2024, `Sex` before
    2025.
    """
    if name not in _TABLES:
        raise KeyError(f"unknown code list {name!r}; known lists: {', '.join(LIST_NAMES)}")
    table, first_year, last_year = _TABLES[name]
    year = clamp_collection_year(collection_year)
    if not first_year <= year <= last_year:
        raise KeyError(f"code list {name!r} is not collected in {year} ({first_year}-{last_year})")
    return CodeList.for_year(name, table, year)
