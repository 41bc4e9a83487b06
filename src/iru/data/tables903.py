"""The SSDA903 tables: their columns, keys, value kinds and the names their files go by.

Columns are the DfE CSV names (DOMAIN.md 2.1). `required` columns must be in a file for it to be
read at all; any other missing column is added as nulls with one finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True)
class Table903:
    """One SSDA903 table. `key` is the reconciliation key (FIGURES.md); `codes` maps a column to
    the `iru.rules.codes` list it is checked against and the DfE rule for an invalid code."""

    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    key: tuple[str, ...]
    dates: dict[str, str | None] = field(default_factory=dict)
    codes: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    numbers: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ("CHILD",)
    optional: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    # column -> DfE rule when a row has no value there (None: no rule code)
    required_values: dict[str, str | None] = field(default_factory=lambda: {"CHILD": None})


HEADER = Table903(
    name="Header",
    columns=("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    required=("CHILD",),
    key=("CHILD",),
    dates={"DOB": "102", "MC_DOB": None},
    codes={"SEX": ("SEX", "101"), "ETHNIC": ("ETHNIC", "103")},
    texts=("UPN",),
    required_values={"CHILD": None, "SEX": "101", "DOB": "102", "ETHNIC": "103"},
)

EPISODES = Table903(
    name="Episodes",
    columns=(
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
        "PL_DISTANCE",
        "PL_LOCATION",
    ),
    required=("CHILD", "DECOM"),
    key=("CHILD", "DECOM"),
    dates={"DECOM": "141", "DEC": None},
    codes={
        "RNE": ("RNE", "143"),
        "LS": ("LS", "144"),
        "CIN": ("CIN", "145"),
        "PLACE": ("PLACE", "146"),
        "REC": ("REC", "149"),
    },
    numbers=("PL_DISTANCE",),
    identifiers=("CHILD", "URN"),
    optional=("PL_DISTANCE", "PL_LOCATION"),
    texts=("HOME_POST", "PL_POST"),
    required_values={"CHILD": None, "DECOM": None, "RNE": None, "LS": None, "PLACE": None},
)

REVIEWS = Table903(
    name="Reviews",
    columns=("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    required=("CHILD", "REVIEW"),
    key=("CHILD", "REVIEW"),
    dates={"DOB": "102", "REVIEW": None},
    codes={"REVIEW_CODE": ("REVIEW_CODE", "167")},
    required_values={"CHILD": None, "REVIEW": None, "REVIEW_CODE": "167"},
)


def _other(name: str, columns: str, key: str, dates: str) -> Table903:
    """A table beyond Header/Episodes/Reviews: strings plus parsed dates, keyed for reconciling."""
    return Table903(
        name=name,
        columns=tuple(columns.split()),
        required=("CHILD",),
        key=tuple(key.split()),
        dates=dict.fromkeys(dates.split()),
        identifiers=("CHILD", "SW_ID"),
    )


OTHER_TABLES: Final = (
    _other("UASC", "CHILD SEX DOB DUC", "CHILD", "DOB DUC"),
    _other(
        "OC2",
        "CHILD DOB SDQ_SCORE SDQ_REASON CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK "
        "HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED",
        "CHILD",
        "DOB",
    ),
    _other("OC3", "CHILD DOB IN_TOUCH ACTIV ACCOM", "CHILD", "DOB"),
    _other(
        "AD1",
        "CHILD DOB DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR",
        "CHILD",
        "DOB DATE_INT DATE_MATCH",
    ),
    _other(
        "PlacedAdoption",
        "CHILD DOB DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED",
        "CHILD DATE_PLACED",
        "DOB DATE_PLACED DATE_PLACED_CEASED",
    ),
    _other("PrevPerm", "CHILD DOB PREV_PERM LA_PERM DATE_PERM", "CHILD", "DOB"),
    _other(
        "Missing", "CHILD DOB MISSING MIS_START MIS_END", "CHILD MIS_START", "DOB MIS_START MIS_END"
    ),
    _other(
        "SWEpisodes",
        "CHILD DOB SW_ID SW_DECOM SW_DEC SW_REASON",
        "CHILD SW_DECOM",
        "DOB SW_DECOM SW_DEC",
    ),
    _other("DoLo", "CHILD DOB DOLO_START DOLO_END", "CHILD DOLO_START", "DOB DOLO_START DOLO_END"),
)

TABLES: Final = MappingProxyType(
    {table.name: table for table in (HEADER, EPISODES, REVIEWS, *OTHER_TABLES)}
)

# Checked in this order. SWEpisodes comes first because its name contains "episodes"; then
# FIGURES.md's rule (header, episodes, reviews: the first found decides); then the others, the
# short names only as whole words so that e.g. "load1" is not AD1.
_NAME_PATTERNS: Final = (
    ("SWEpisodes", r"(?:^|[^a-z])sw[ _-]?episodes"),
    ("Header", r"header"),
    ("Episodes", r"episodes"),
    ("Reviews", r"reviews"),
    ("UASC", r"uasc"),
    ("OC2", r"(?:^|[^a-z0-9])oc2(?:$|[^a-z0-9])"),
    ("OC3", r"(?:^|[^a-z0-9])oc3(?:$|[^a-z0-9])"),
    ("AD1", r"(?:^|[^a-z0-9])ad1(?:$|[^a-z0-9])"),
    ("PlacedAdoption", r"placed[ _-]?adoption"),
    ("PrevPerm", r"prev[ _-]?perm"),
    ("Missing", r"missing"),
    ("DoLo", r"(?:^|[^a-z0-9])dolo(?:$|[^a-z0-9])"),
)


def table_for_file_name(name: str) -> Table903 | None:
    """The table a `.csv` file holds, judged by its name (any case); None when not a 903 table."""
    lowered = name.lower()
    if not lowered.endswith(".csv"):
        return None
    stem = lowered[: -len(".csv")]
    for table_name, pattern in _NAME_PATTERNS:
        if re.search(pattern, stem):
            return TABLES[table_name]
    return None
