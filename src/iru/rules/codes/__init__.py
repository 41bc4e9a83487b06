"""DfE code lists by collection year, with descriptions, and the groupings FIGURES.md uses.

`code_list(name, collection_year)` returns one list: SSDA903 names are the CSV column names
(`LS`, `RNE`, `CIN`, `PLACE`, `PLACE_PROVIDER`, `REC`, `REASON_PLACE_CHANGE`, `REVIEW_CODE`,
`ETHNIC`, `SEX`, `UPN_UNKNOWN`, `MISSING`), CIN census names the XML element names
(`CategoryOfAbuse`, `ReasonForClosure`, `ReferralSource`, `PrimaryNeedCode`, `Disability`,
`GenderCurrent`, `Sex`, `Ethnicity`).
"""

from __future__ import annotations

from iru.rules.codes.ethnicity import ETHNIC_MAIN_GROUPS, ethnic_main_group
from iru.rules.codes.model import (
    FIRST_COLLECTION_YEAR,
    LAST_COLLECTION_YEAR,
    Code,
    CodeList,
)
from iru.rules.codes.placements import PLACEMENT_GROUPS, placement_group
from iru.rules.codes.registry import LIST_NAMES, code_list

__all__ = [
    "ETHNIC_MAIN_GROUPS",
    "FIRST_COLLECTION_YEAR",
    "LAST_COLLECTION_YEAR",
    "LIST_NAMES",
    "PLACEMENT_GROUPS",
    "Code",
    "CodeList",
    "code_list",
    "ethnic_main_group",
    "placement_group",
]
