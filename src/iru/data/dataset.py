"""The one in-memory dataset that every reader produces and every consumer reads.

SSDA903 and CIN census files (`iru.data` readers), the database (`iru.web` exports its rows into
the same shape) and the synthetic authority all meet here, so `iru figures` on files and the web
report on the database compute the same numbers with the same code.

Conventions, fixed for every frame:
- column names are the DfE names (SSDA903 CSV names; CIN census XML element names);
- identifiers (`CHILD`, `LAchildID`) are trimmed strings, case-sensitive;
- codes are trimmed and upper-cased strings; an empty value is null;
- dates are `pl.Date`; an unreadable date is null and has a `Problem`;
- `_file` (the file's path relative to the source) and `_row` (its row or line, see `Problem`)
  say where each row came from, so later checks can point at it.
Frames are already reconciled across years' files (FIGURES.md, "Reconciling several years' files").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from iru.data.problems import Problem

_WHERE: dict[str, pl.DataType] = {"_file": pl.String(), "_row": pl.Int64()}

HEADER_SCHEMA: dict[str, pl.DataType] = {
    "CHILD": pl.String(),
    "SEX": pl.String(),
    "DOB": pl.Date(),
    "ETHNIC": pl.String(),
    "UPN": pl.String(),
    "MOTHER": pl.String(),
    "MC_DOB": pl.Date(),
    **_WHERE,
}

EPISODES_SCHEMA: dict[str, pl.DataType] = {
    "CHILD": pl.String(),
    "DECOM": pl.Date(),
    "RNE": pl.String(),
    "LS": pl.String(),
    "CIN": pl.String(),
    "PLACE": pl.String(),
    "PLACE_PROVIDER": pl.String(),
    "DEC": pl.Date(),
    "REC": pl.String(),
    "REASON_PLACE_CHANGE": pl.String(),
    "HOME_POST": pl.String(),
    "PL_POST": pl.String(),
    "URN": pl.String(),
    "PL_DISTANCE": pl.Float64(),  # optional column: null where absent or not a number
    "PL_LOCATION": pl.String(),  # optional column: "IN" / "OUT" / other / null
    **_WHERE,
}

REVIEWS_SCHEMA: dict[str, pl.DataType] = {
    "CHILD": pl.String(),
    "DOB": pl.Date(),
    "REVIEW": pl.Date(),
    "REVIEW_CODE": pl.String(),
    **_WHERE,
}

CIN_CHILDREN_SCHEMA: dict[str, pl.DataType] = {
    "LAchildID": pl.String(),
    "UPN": pl.String(),
    "PersonBirthDate": pl.Date(),
    "ExpectedPersonBirthDate": pl.Date(),
    "Sex": pl.String(),  # M/F/U; from GenderCurrent (1 M, 2 F, 0/9 U) before 2024-25
    "Ethnicity": pl.String(),
    "PersonDeathDate": pl.Date(),
    "Disabilities": pl.String(),  # codes joined with ";" in document order, null when none
    **_WHERE,
}

CIN_DETAILS_SCHEMA: dict[str, pl.DataType] = {
    "LAchildID": pl.String(),
    "CINreferralDate": pl.Date(),
    "ReferralSource": pl.String(),
    "PrimaryNeedCode": pl.String(),
    "CINclosureDate": pl.Date(),
    "ReasonForClosure": pl.String(),
    "DateOfInitialCPC": pl.Date(),  # the CINdetails block's own DateOfInitialCPC
    "ReferralNFA": pl.Boolean(),
    **_WHERE,
}

SECTION47_SCHEMA: dict[str, pl.DataType] = {
    "LAchildID": pl.String(),
    "CINreferralDate": pl.Date(),  # of the CINdetails block it sits in
    "S47ActualStartDate": pl.Date(),
    "InitialCPCtarget": pl.Date(),
    "DateOfInitialCPC": pl.Date(),
    "ICPCnotRequired": pl.Boolean(),
    **_WHERE,
}

CP_PLANS_SCHEMA: dict[str, pl.DataType] = {
    "LAchildID": pl.String(),
    "CINreferralDate": pl.Date(),  # of the CINdetails block it sits in
    "CPPstartDate": pl.Date(),
    "CPPendDate": pl.Date(),
    "InitialCategoryOfAbuse": pl.String(),
    "LatestCategoryOfAbuse": pl.String(),
    "NumberOfPreviousCPP": pl.Int64(),
    **_WHERE,
}

CP_REVIEWS_SCHEMA: dict[str, pl.DataType] = {
    "LAchildID": pl.String(),
    "CPPstartDate": pl.Date(),  # the plan it belongs to
    "CPPreviewDate": pl.Date(),
    **_WHERE,
}

SCHEMAS: Mapping[str, Mapping[str, pl.DataType]] = {
    "header": HEADER_SCHEMA,
    "episodes": EPISODES_SCHEMA,
    "reviews": REVIEWS_SCHEMA,
    "cin_children": CIN_CHILDREN_SCHEMA,
    "cin_details": CIN_DETAILS_SCHEMA,
    "section47": SECTION47_SCHEMA,
    "cp_plans": CP_PLANS_SCHEMA,
    "cp_reviews": CP_REVIEWS_SCHEMA,
}


def empty_frame(name: str) -> pl.DataFrame:
    """An empty frame with the schema of table `name` (a key of `SCHEMAS`)."""
    return pl.DataFrame(schema=dict(SCHEMAS[name]))


def conform(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with exactly the columns of table `name`, in order and cast to its types.

    Missing columns are added as nulls; extra columns are dropped. Use it wherever a frame is
    built by hand (tests, the database export) so every consumer sees one shape.
    """
    return conform_to(SCHEMAS[name], frame)


def conform_to(schema: Mapping[str, pl.DataType], frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with exactly the columns of `schema`, in order and cast to its types (missing
    ones all null, extra ones dropped)."""
    columns = [
        (pl.col(col).cast(dtype) if col in frame.columns else pl.lit(None, dtype=dtype)).alias(col)
        for col, dtype in schema.items()
    ]
    return frame.select(columns)


@dataclass(frozen=True)
class Dataset:
    """Everything read from one source: reconciled frames, which inputs were present, problems.

    `has_*` say whether the primary input of a figure group was present at all (FIGURES.md: a
    figure is omitted, not zero, when its primary input is absent), which an empty frame alone
    cannot tell.
    """

    header: pl.DataFrame = field(default_factory=lambda: empty_frame("header"))
    episodes: pl.DataFrame = field(default_factory=lambda: empty_frame("episodes"))
    reviews: pl.DataFrame = field(default_factory=lambda: empty_frame("reviews"))
    cin_children: pl.DataFrame = field(default_factory=lambda: empty_frame("cin_children"))
    cin_details: pl.DataFrame = field(default_factory=lambda: empty_frame("cin_details"))
    section47: pl.DataFrame = field(default_factory=lambda: empty_frame("section47"))
    cp_plans: pl.DataFrame = field(default_factory=lambda: empty_frame("cp_plans"))
    cp_reviews: pl.DataFrame = field(default_factory=lambda: empty_frame("cp_reviews"))
    has_header: bool = False
    has_episodes: bool = False
    has_reviews: bool = False
    has_cin: bool = False
    problems: tuple[Problem, ...] = ()
    # SSDA903 tables beyond Header/Episodes/Reviews, by DfE table name (UASC, OC2, OC3, AD1,
    # PlacedAdoption, PrevPerm, Missing, SWEpisodes, DoLo): text columns, dates as `pl.Date`,
    # `_file`/`_row`, reconciled like the others; only the tables present in the source.
    tables_903: Mapping[str, pl.DataFrame] = field(default_factory=dict)

    def frame(self, name: str) -> pl.DataFrame:
        frame: pl.DataFrame = getattr(self, name)
        return frame
