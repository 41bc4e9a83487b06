"""How each Dataset table maps onto the children app's models, column by column.

Shared by the import (Dataset -> database) and the export (database -> Dataset) so the two
cannot drift apart. Keys are DfE column names; values are model field names.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from iru.web.children.models import (
    CinChild,
    CinDetail,
    CpPlan,
    Episode,
    LacReview,
    Section47,
)

HEADER_COLUMNS = {
    "SEX": "sex",
    "DOB": "dob",
    "ETHNIC": "ethnic",
    "UPN": "upn",
    "MOTHER": "mother",
    "MC_DOB": "mc_dob",
}


@dataclass(frozen=True)
class ChildTable:
    """A Dataset table whose rows belong to one child: `id_column` names the child."""

    name: str
    model: type[models.Model]
    id_column: str
    columns: dict[str, str]
    key: tuple[str, ...]  # model fields, after `child_id`


CHILD_TABLES = (
    ChildTable(
        "cin_children",
        CinChild,
        "LAchildID",
        {
            "UPN": "upn",
            "PersonBirthDate": "birth_date",
            "ExpectedPersonBirthDate": "expected_birth_date",
            "Sex": "sex",
            "Ethnicity": "ethnicity",
            "PersonDeathDate": "death_date",
            "Disabilities": "disabilities",
        },
        (),
    ),
    ChildTable(
        "episodes",
        Episode,
        "CHILD",
        {
            "DECOM": "decom",
            "RNE": "rne",
            "LS": "ls",
            "CIN": "cin",
            "PLACE": "place",
            "PLACE_PROVIDER": "place_provider",
            "DEC": "dec",
            "REC": "rec",
            "REASON_PLACE_CHANGE": "reason_place_change",
            "HOME_POST": "home_post",
            "PL_POST": "pl_post",
            "URN": "urn",
            "PL_DISTANCE": "pl_distance",
            "PL_LOCATION": "pl_location",
        },
        ("decom",),
    ),
    ChildTable(
        "reviews",
        LacReview,
        "CHILD",
        {"DOB": "dob", "REVIEW": "review", "REVIEW_CODE": "review_code"},
        ("review",),
    ),
    ChildTable(
        "cin_details",
        CinDetail,
        "LAchildID",
        {
            "CINreferralDate": "referral_date",
            "ReferralSource": "referral_source",
            "PrimaryNeedCode": "primary_need_code",
            "CINclosureDate": "closure_date",
            "ReasonForClosure": "reason_for_closure",
            "DateOfInitialCPC": "date_of_initial_cpc",
            "ReferralNFA": "referral_nfa",
        },
        ("referral_date",),
    ),
    ChildTable(
        "section47",
        Section47,
        "LAchildID",
        {
            "CINreferralDate": "cin_referral_date",
            "S47ActualStartDate": "start",
            "InitialCPCtarget": "initial_cpc_target",
            "DateOfInitialCPC": "date_of_initial_cpc",
            "ICPCnotRequired": "icpc_not_required",
        },
        ("start",),
    ),
    ChildTable(
        "cp_plans",
        CpPlan,
        "LAchildID",
        {
            "CINreferralDate": "cin_referral_date",
            "CPPstartDate": "start",
            "CPPendDate": "end",
            "InitialCategoryOfAbuse": "initial_category",
            "LatestCategoryOfAbuse": "latest_category",
            "NumberOfPreviousCPP": "number_of_previous_cpp",
        },
        ("start",),
    ),
)
