"""SSDA903 placement types (`PLACE`) by collection year, and FIGURES.md's placement groups.

Valid sets (DOMAIN.md 2.3): the SSDA903 schema 2017 list for 2017-2024; K3 added in 2025
(validator rule 146, lac2024_25); H5, P2 and Z1 removed and Z11-Z14 added in 2026 (lac2025_26).
The liia-tools 2025/2026 schema diffs disagree (they drop H5/P2 a year early and keep Z1); we
follow DfE's validator. Historic codes A1/A2 (adoption) and Q1/Q2 (foster) are accepted to 2016
(collection 2015-16), the last year before the 2017 schema; that cut-off is our reading, as is
the Q1/Q2 wording (DOMAIN.md section 6).
"""

from __future__ import annotations

from iru.rules.codes.model import Code, normalise_code

_LAST_HISTORIC = 2016

PLACE: tuple[Code, ...] = (
    Code(
        "A1",
        "Placed for adoption, not with current foster carer(s) (historic)",
        last_year=_LAST_HISTORIC,
    ),
    Code(
        "A2",
        "Placed for adoption with current foster carer(s) (historic)",
        last_year=_LAST_HISTORIC,
    ),
    Code("A3", "Placed for adoption with parental/guardian consent with current foster carer(s)"),
    Code(
        "A4", "Placed for adoption with parental/guardian consent not with current foster carer(s)"
    ),
    Code("A5", "Placed for adoption with placement order with current foster carer(s)"),
    Code("A6", "Placed for adoption with placement order not with current foster carer(s)"),
    Code(
        "H5",
        "Semi-independent living accommodation not subject to children's homes regulations",
        last_year=2025,
    ),
    Code("K1", "Secure children's homes"),
    Code("K2", "Children's homes subject to Children's Homes Regulations"),
    Code("K3", "Registered supported accommodation", first_year=2025),
    Code("P1", "Placed with own parent(s) or other person(s) with parental responsibility"),
    Code(
        "P2",
        "Independent living, e.g. in a flat, lodgings, bedsit, B&B or with friends",
        last_year=2025,
    ),
    Code("P3", "Residential employment"),
    Code("Q1", "Foster placement with relative or friend (historic)", last_year=_LAST_HISTORIC),
    Code("Q2", "Placement with other foster carer (historic)", last_year=_LAST_HISTORIC),
    Code("R1", "Residential care home"),
    Code("R2", "NHS/health trust or other establishment providing medical or nursing care"),
    Code("R3", "Family centre or mother and baby unit"),
    Code("R5", "Young offender institution (YOI) or prison"),
    Code(
        "S1",
        "All residential schools, except where dual-registered as a school and children's home",
    ),
    Code("T0", "All types of temporary move"),
    Code("T1", "Temporary periods in hospital"),
    Code("T2", "Temporary absences of the child on holiday"),
    Code("T3", "Temporary accommodation whilst normal foster carer(s) is/are on holiday"),
    Code(
        "T4",
        "Temporary accommodation of seven days or less, for any reason, not covered by T1 to T3",
    ),
    Code("U1", "Foster placement with relative(s) or friend(s) - long term fostering"),
    Code(
        "U2",
        "Foster placement with relative(s) or friend(s) who is/are also approved adopter(s) - "
        "FFA/concurrent planning",
    ),
    Code(
        "U3",
        "Foster placement with relative(s) or friend(s) - not long term or FFA/concurrent planning",
    ),
    Code("U4", "Foster placement with other foster carer(s) - long term fostering"),
    Code(
        "U5",
        "Foster placement with other foster carer(s) who is/are also approved adopter(s) - "
        "FFA/concurrent planning",
    ),
    Code(
        "U6",
        "Foster placement with other foster carer(s) - not long term or FFA/concurrent planning",
    ),
    Code("Z1", "Other placements (listed on a schedule sent to DfE)", last_year=2025),
    # DOMAIN.md section 6: the 2025-26 descriptions of Z11-Z14 are not yet confirmed.
    Code("Z11", "Other placement Z11 (description not confirmed)", first_year=2026),
    Code("Z12", "Other placement Z12 (description not confirmed)", first_year=2026),
    Code("Z13", "Other placement Z13 (description not confirmed)", first_year=2026),
    Code("Z14", "Other placement Z14 (description not confirmed)", first_year=2026),
)

# FIGURES.md, lac.placement_at_year_end: group -> its codes, in the report's order. `other` is
# any other non-empty code (Z1, Z11-Z14, T0-T4 ...), `unknown` an empty one: no fixed codes.
PLACEMENT_GROUPS: dict[str, tuple[str, ...]] = {
    "foster": ("U1", "U2", "U3", "U4", "U5", "U6", "Q1", "Q2"),
    "adoption": ("A1", "A2", "A3", "A4", "A5", "A6"),
    "with_parents": ("P1",),
    "other_community": ("P2", "P3"),
    "secure_homes_hostels": ("K1", "K2", "K3", "H5"),
    "other_residential": ("R1", "R2", "R3", "R5"),
    "residential_schools": ("S1",),
    "other": (),
    "unknown": (),
}

_GROUP_OF: dict[str, str] = {
    code: group for group, codes in PLACEMENT_GROUPS.items() for code in codes
}


def placement_group(place: str | None) -> str:
    """Return the FIGURES.md placement group of a `PLACE` code, whatever its collection year.

    `unknown` for None or an empty code, `other` for any code outside the named groups. The
    code is compared trimmed and upper-cased.
    """
    if place is None or not place.strip():
        return "unknown"
    return _GROUP_OF.get(normalise_code(place), "other")
