"""Codes checked against the DfE code list of the file's collection year (`iru.rules.codes`)."""

from __future__ import annotations

import polars as pl

from iru.data.findings import cell_findings, no_findings
from iru.rules.codes import code_list

# CIN census columns and the lists they are checked against (no DfE rule codes cited).
CIN_CODES: dict[str, dict[str, tuple[str, str | None]]] = {
    "cin_children": {"Ethnicity": ("Ethnicity", None)},
    "cin_details": {
        "ReferralSource": ("ReferralSource", None),
        "PrimaryNeedCode": ("PrimaryNeedCode", None),
        "ReasonForClosure": ("ReasonForClosure", None),
    },
    "cp_plans": {
        "InitialCategoryOfAbuse": ("CategoryOfAbuse", None),
        "LatestCategoryOfAbuse": ("CategoryOfAbuse", None),
    },
}


def invalid_codes(
    frame: pl.DataFrame, codes: dict[str, tuple[str, str | None]], collection_year: int | None
) -> pl.DataFrame:
    """A finding for each non-empty code not valid in `collection_year` (no check if unknown).

    `codes` maps a column to (code list name, DfE rule). Codes are already trimmed and upper-case.
    """
    if collection_year is None:
        return no_findings()
    found = [no_findings()]
    for column, (list_name, rule) in codes.items():
        try:
            valid = code_list(list_name, collection_year)
        except KeyError:  # a list not collected that year: nothing to check against
            continue
        label = f"{collection_year - 1}-{collection_year % 100:02d}"
        message = f"{column} is not a valid code in the {label} collection"
        invalid = pl.col(column).is_not_null() & ~pl.col(column).is_in(sorted(valid.codes))
        found.append(cell_findings(frame, invalid, column, message, rule))
    return pl.concat(found)
