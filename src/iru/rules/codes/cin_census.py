"""CIN census code lists by collection year, with the descriptions in DfE's XSD annotations.

Source: the CIN census XSDs 2017-2026 (liia-tools adaptation of DfE's "XML schema files",
DOMAIN.md 3.1); years before 2017 use the 2017 lists. Changes by year: ReferralSource gains 5D
(LA services - early help) and ReasonForClosure gains RC9 in 2023; `GenderCurrent` (N00065)
is collected to 2024 and replaced by `Sex` (N00783) from 2025 (CIN_schema_2025.xsd).
"""

from __future__ import annotations

from iru.rules.codes.model import Code

_EARLY_HELP_CODES = 2023
LAST_GENDER_CURRENT_YEAR = 2024
FIRST_SEX_YEAR = 2025

CATEGORY_OF_ABUSE: tuple[Code, ...] = (
    Code("NEG", "Neglect"),
    Code("PHY", "Physical abuse"),
    Code("SAB", "Sexual abuse"),
    Code("EMO", "Emotional abuse"),
    Code("MUL", "Multiple/not recommended"),
)

REASON_FOR_CLOSURE: tuple[Code, ...] = (
    Code("RC1", "Adopted"),
    Code("RC2", "Died"),
    Code("RC3", "Child arrangements order"),
    Code("RC4", "Special guardianship order"),
    Code("RC5", "Transferred to services of another local authority"),
    Code("RC6", "Transferred to adult social care services"),
    Code("RC7", "Services ceased for any other reason, including child no longer in need"),
    Code("RC8", "Case closed after assessment, no further action"),
    Code("RC9", "Case closed after assessment, referred to early help", first_year=2023),
)

REFERRAL_SOURCE: tuple[Code, ...] = (
    Code("1A", "Individual - family member, relative or carer"),
    Code("1B", "Individual - acquaintance (including neighbours and child minders)"),
    Code("1C", "Individual - self"),
    Code("1D", "Individual - other (including strangers)"),
    Code("2A", "Schools"),
    Code("2B", "Education services"),
    Code("3A", "Health services - general practitioner (GP)"),
    Code("3B", "Health services - health visitor"),
    Code("3C", "Health services - school nurse"),
    Code("3D", "Health services - other primary health services"),
    Code("3E", "Health services - A&E (accident and emergency department)"),
    Code("3F", "Health services - other (for example hospice)"),
    Code("4", "Housing - local authority housing or housing association"),
    Code("5A", "LA services - social care, for example adults social care services"),
    Code("5B", "LA services - other internal (for example youth offending, excluding housing)"),
    Code("5C", "LA services - external, for example another local authority's adult social care"),
    Code("5D", "LA services - early help", first_year=_EARLY_HELP_CODES),
    Code("6", "Police"),
    Code("7", "Other legal agency - including courts, probation, immigration, CAFCASS or prison"),
    Code(
        "8",
        "Other - including children's centres, independent agency providers or voluntary "
        "organisations",
    ),
    Code("9", "Anonymous"),
    Code("10", "Unknown"),
)

PRIMARY_NEED_CODE: tuple[Code, ...] = (
    Code("N1", "Abuse or neglect"),
    Code("N2", "Child's disability"),
    Code("N3", "Parental disability or illness"),
    Code("N4", "Family in acute stress"),
    Code("N5", "Family dysfunction"),
    Code("N6", "Socially unacceptable behaviour"),
    Code("N7", "Low income"),
    Code("N8", "Absent parenting"),
    Code("N9", "Cases other than children in need"),
    Code("N0", "Not stated"),
)

DISABILITY: tuple[Code, ...] = (
    Code("NONE", "No disability"),
    Code("MOB", "Mobility"),
    Code("HAND", "Hand function"),
    Code("PC", "Personal care"),
    Code("INC", "Incontinence"),
    Code("COMM", "Communication"),
    Code("LD", "Learning"),
    Code("HEAR", "Hearing"),
    Code("VIS", "Vision"),
    Code("BEH", "Behaviour"),
    Code("CON", "Consciousness"),
    Code("AUT", "Autism"),
    Code("DDA", "Other"),
)

GENDER_CURRENT: tuple[Code, ...] = (
    Code("1", "Male", last_year=LAST_GENDER_CURRENT_YEAR),
    Code("2", "Female", last_year=LAST_GENDER_CURRENT_YEAR),
    Code("0", "Not recorded or unborn", last_year=LAST_GENDER_CURRENT_YEAR),
    Code("9", "Indeterminate", last_year=LAST_GENDER_CURRENT_YEAR),
)

SEX: tuple[Code, ...] = (
    Code("M", "Male", first_year=FIRST_SEX_YEAR),
    Code("F", "Female", first_year=FIRST_SEX_YEAR),
    Code("U", "Unknown", first_year=FIRST_SEX_YEAR),
)
