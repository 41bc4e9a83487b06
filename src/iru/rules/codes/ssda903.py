"""SSDA903 (children looked after) code lists other than PLACE and ETHNIC, by collection year.

Codes: liia-tools `SSDA903_schema_2017.yml` and its per-year diffs, checked against DfE's
validator (csc-validator-be-903) as summarised in DOMAIN.md 2.2-2.5; descriptions from DfE's
SSDA903 guide as copied there. Changes by year: REC E43/E44 replaced by E45-E48 and
REASON_PLACE_CHANGE gains CUSTOD in 2019 (schema 2019 diff; DfE amended rule 149 in 2018-19);
SEX 1/2 to 2024, M/F/U from 2025 (validator lac2024_25 rule 101).
"""

from __future__ import annotations

from iru.rules.codes.model import Code

LS: tuple[Code, ...] = (
    Code("C1", "Interim care order"),
    Code("C2", "Full care order"),
    Code("D1", "Freeing order granted"),
    Code("E1", "Placement order granted"),
    Code("V2", "Single period of accommodation under section 20 (Children Act 1989)"),
    Code(
        "V3",
        "Accommodated under an agreed series of short-term breaks, when individual "
        "episodes of care are recorded",
    ),
    Code(
        "V4",
        "Accommodated under an agreed series of short-term breaks, when agreements are "
        "recorded (not individual episodes of care)",
    ),
    Code("L1", "Under police protection and in local authority accommodation"),
    Code("L2", "Emergency protection order (EPO)"),
    Code("L3", "Under child assessment order and in local authority accommodation"),
    Code("J1", "Remanded to local authority accommodation or to youth detention accommodation"),
    Code(
        "J2",
        "Placed in local authority accommodation under the Police and Criminal Evidence "
        "Act 1984, including secure accommodation",
    ),
    Code(
        "J3",
        "Sentenced to Youth Rehabilitation Order with residence or intensive fostering requirement",
    ),
)

RNE: tuple[Code, ...] = (
    Code("S", "Started to be looked after"),
    Code("L", "Change of legal status only"),
    Code("P", "Change of placement and carer(s) only"),
    Code("T", "Change of placement (but same carer(s)) only"),
    Code("B", "Change of legal status and placement and carer(s) at the same time"),
    Code(
        "U", "Change of legal status and change of placement (but same carer(s)) at the same time"
    ),
)

CIN: tuple[Code, ...] = (
    Code("N1", "Abuse or neglect"),
    Code("N2", "Child's disability"),
    Code("N3", "Parental illness or disability"),
    Code("N4", "Family in acute stress"),
    Code("N5", "Family dysfunction"),
    Code("N6", "Socially unacceptable behaviour"),
    Code("N7", "Low income"),
    Code("N8", "Absent parenting"),
)

PLACE_PROVIDER: tuple[Code, ...] = (
    Code("PR0", "Parent(s) or other person(s) with parental responsibility"),
    Code("PR1", "Own provision (by the local authority)"),
    Code("PR2", "Other local authority provision"),
    Code("PR3", "Other public provision (e.g. by a primary care trust)"),
    Code("PR4", "Private provision"),
    Code("PR5", "Voluntary/third sector provision"),
)

_SGO_SPLIT = 2019  # first collection year with E45-E48 (schema 2019 diff)

REC: tuple[Code, ...] = (
    Code("X1", "Episode ceases, and new episode begins on same day, for any reason"),
    Code("E11", "Adopted - application for an adoption order unopposed"),
    Code("E12", "Adopted - consent dispensed with by the court"),
    Code("E2", "Died"),
    Code("E3", "Care taken over by another local authority in the UK"),
    Code(
        "E4A",
        "Returned home to live with parent(s), relative(s), or other person(s) with "
        "parental responsibility as part of the care planning process",
    ),
    Code(
        "E4B",
        "Returned home to live with parent(s), relative(s), or other person(s) with "
        "parental responsibility which was not part of the current care planning process",
    ),
    Code(
        "E13",
        "Left care to live with parent(s), relative(s), or other person(s) with no "
        "parental responsibility",
    ),
    Code("E41", "Residence order or child arrangement order granted"),
    Code("E43", "Special guardianship made to former foster carers", last_year=_SGO_SPLIT - 1),
    Code(
        "E44",
        "Special guardianship made to carers other than former foster carers",
        last_year=_SGO_SPLIT - 1,
    ),
    Code(
        "E45",
        "Special guardianship order made to former foster carer(s), who was/are a "
        "relative(s) or friend(s)",
        first_year=_SGO_SPLIT,
    ),
    Code(
        "E46",
        "Special guardianship order made to former foster carer(s), other than "
        "relative(s) or friend(s)",
        first_year=_SGO_SPLIT,
    ),
    Code(
        "E47",
        "Special guardianship order made to carer(s), other than former foster "
        "carer(s), who was/are a relative(s) or friend(s)",
        first_year=_SGO_SPLIT,
    ),
    Code(
        "E48",
        "Special guardianship order made to carer(s), other than former foster "
        "carer(s), other than relative(s) or friend(s)",
        first_year=_SGO_SPLIT,
    ),
    Code(
        "E5",
        "Moved into independent living arrangement and no longer looked after: "
        "supportive accommodation providing formalised advice/support arrangements",
    ),
    Code(
        "E6",
        "Moved into independent living arrangement and no longer looked after: "
        "accommodation providing no formalised advice/support arrangements",
    ),
    Code("E7", "Transferred to residential care funded by adult social care services"),
    Code("E8", "Period of being looked after ceased for any other reason"),
    Code("E9", "Sentenced to custody"),
    Code("E14", "Accommodation on remand ended"),
    Code(
        "E15", "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply"
    ),
    Code("E16", "Child moved abroad"),
    Code(
        "E17",
        "Aged 18 (or over) and remained with current carers (inc under staying put arrangements)",
    ),
)

REASON_PLACE_CHANGE: tuple[Code, ...] = (
    Code("CARPL", "Change to/implementation of care plan"),
    Code("CLOSE", "Resignation/closure of provision"),
    Code("ALLEG", "Allegation (s47)"),
    Code("STAND", "Standards of care concern"),
    Code("APPRR", "Approval removed"),
    Code("CREQB", "Carer(s) requests placement end due to child's behaviour"),
    Code("CREQO", "Carer(s) requests placement end other than due to child's behaviour"),
    Code("CHILD", "Child requests placement end"),
    Code("LAREQ", "Responsible/area authority requests placement end"),
    Code("PLACE", "Change in the status of placement only"),
    Code("CUSTOD", "Custody arrangement", first_year=_SGO_SPLIT),
    Code("OTHER", "Other"),
)

REVIEW_CODE: tuple[Code, ...] = (
    Code("PN0", "Child aged under 4 at the time of the review"),
    Code("PN1", "Child physically attends and speaks for him or herself"),
    Code("PN2", "Child physically attends and an advocate speaks on his or her behalf"),
    Code("PN3", "Child attends and conveys his or her view symbolically (non-verbally)"),
    Code(
        "PN4",
        "Child physically attends but does not speak for him or herself, does not "
        "convey view symbolically and does not ask an advocate to speak for him or her",
    ),
    Code("PN5", "Child does not attend physically but briefs an advocate to speak for him or her"),
    Code(
        "PN6",
        "Child does not attend but conveys his or her feelings to the review by a "
        "facilitative medium",
    ),
    Code("PN7", "Child does not attend nor are his or her views conveyed to the review"),
)

_SEX_CODES_CHANGE = 2025

SEX: tuple[Code, ...] = (
    Code("1", "Male", last_year=_SEX_CODES_CHANGE - 1),
    Code("2", "Female", last_year=_SEX_CODES_CHANGE - 1),
    Code("M", "Male", first_year=_SEX_CODES_CHANGE),
    Code("F", "Female", first_year=_SEX_CODES_CHANGE),
    Code("U", "Unknown", first_year=_SEX_CODES_CHANGE),
)

UPN_UNKNOWN: tuple[Code, ...] = (
    Code("UN1", "Child is not of school age and has not yet been assigned a UPN"),
    Code("UN2", "Child has never attended a maintained school in England"),
    Code("UN3", "Child is educated outside England"),
    Code("UN4", "Child newly looked after; UPN not yet known"),
    Code("UN5", "Sources collating UPNs reflect discrepancies preventing reliable matching"),
)

MISSING: tuple[Code, ...] = (
    Code("M", "Missing from care: not at placement and whereabouts not known"),
    Code("A", "Away from placement without authorisation: whereabouts known"),
)
