"""Ethnicity codes (SSDA903 `ETHNIC`, CIN census `Ethnicity` N00177) and their main groups.

Codes and descriptions: DfE's 20 codes, the same in the SSDA903 schema 2017 and every CIN census
XSD 2017-2026 (DOMAIN.md 2.2). Main groups follow data-to-insight's `EthnicMaincategories`;
that puts CHNE under Asian, while DfE's CLA tables put Chinese under "Other ethnic groups"
(unconfirmed, DOMAIN.md section 6), so a report that must match DfE tables should check this.
"""

from __future__ import annotations

from iru.rules.codes.model import Code, normalise_code

WHITE = "White"
MIXED = "Mixed"
ASIAN = "Asian"
BLACK = "Black"
OTHER = "Other"
REFUSED_OR_NOT_OBTAINED = "Refused / not obtained"
UNKNOWN = "Unknown"

ETHNIC_MAIN_GROUPS: tuple[str, ...] = (WHITE, MIXED, ASIAN, BLACK, OTHER, REFUSED_OR_NOT_OBTAINED)

# code, description, main group
_ETHNICITIES: tuple[tuple[str, str, str], ...] = (
    ("WBRI", "White British", WHITE),
    ("WIRI", "White Irish", WHITE),
    ("WOTH", "Any other White background", WHITE),
    ("WIRT", "Traveller of Irish heritage", WHITE),
    ("WROM", "Gypsy/Roma", WHITE),
    ("MWBC", "White and Black Caribbean", MIXED),
    ("MWBA", "White and Black African", MIXED),
    ("MWAS", "White and Asian", MIXED),
    ("MOTH", "Any other Mixed background", MIXED),
    ("AIND", "Indian", ASIAN),
    ("APKN", "Pakistani", ASIAN),
    ("ABAN", "Bangladeshi", ASIAN),
    ("AOTH", "Any other Asian background", ASIAN),
    ("BCRB", "Caribbean", BLACK),
    ("BAFR", "African", BLACK),
    ("BOTH", "Any other Black background", BLACK),
    ("CHNE", "Chinese", ASIAN),
    ("OOTH", "Any other ethnic group", OTHER),
    ("REFU", "Refused", REFUSED_OR_NOT_OBTAINED),
    ("NOBT", "Information not yet obtained", REFUSED_OR_NOT_OBTAINED),
)

ETHNICITY: tuple[Code, ...] = tuple(Code(code, text) for code, text, _ in _ETHNICITIES)

_MAIN_GROUP_OF: dict[str, str] = {code: group for code, _, group in _ETHNICITIES}


def ethnic_main_group(code: str | None) -> str:
    """Return the main ethnic group of an ethnicity code.

    One of White, Mixed, Asian, Black, Other, "Refused / not obtained"; "Unknown" for an empty
    or unrecognised code (FIGURES.md counts those under `unknown`). The code is compared trimmed
    and upper-cased.
    """
    if code is None:
        return UNKNOWN
    return _MAIN_GROUP_OF.get(normalise_code(code), UNKNOWN)
