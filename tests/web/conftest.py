"""Hand-made data for the web tests: three children, every Dataset table, the unit's files."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from iru.data.dataset import Dataset, conform
from iru.data.unit_files import read_unit_files
from iru.data.unit_rows import UnitData

TODAY = date(2024, 6, 3)


def frame(name: str, rows: list[dict]) -> pl.DataFrame:
    return conform(name, pl.DataFrame(rows, infer_schema_length=None))


def d(text: str) -> date:
    return date.fromisoformat(text)


def small_dataset(*, year_file: str = "2024/header.csv") -> Dataset:
    """A1 is looked after; B2 is on a plan; C3 was looked after and had a plan."""
    header = frame(
        "header",
        [
            {
                "CHILD": "A1",
                "SEX": "1",
                "DOB": d("2012-05-01"),
                "ETHNIC": "WBRI",
                "UPN": "A123456789012",
                "MOTHER": None,
                "MC_DOB": None,
                "_file": year_file,
                "_row": 2,
            },
            {
                "CHILD": "C3",
                "SEX": "2",
                "DOB": d("2009-01-31"),
                "ETHNIC": "MWBC",
                "UPN": None,
                "MOTHER": "1",
                "MC_DOB": d("2024-01-01"),
                "_file": year_file,
                "_row": 3,
            },
        ],
    )
    episodes = frame(
        "episodes",
        [
            {
                "CHILD": "A1",
                "DECOM": d("2023-04-01"),
                "RNE": "S",
                "LS": "C2",
                "CIN": "N1",
                "PLACE": "U1",
                "PLACE_PROVIDER": "PR1",
                "DEC": d("2023-09-01"),
                "REC": "X1",
                "REASON_PLACE_CHANGE": None,
                "HOME_POST": "XS1 1AA",
                "PL_POST": "XS2 2BB",
                "URN": "SC123456",
                "PL_DISTANCE": 3.5,
                "PL_LOCATION": "IN",
                "_file": "2024/episodes.csv",
                "_row": 2,
            },
            {
                "CHILD": "A1",
                "DECOM": d("2023-09-01"),
                "RNE": "P",
                "LS": "C2",
                "CIN": "N1",
                "PLACE": "U3",
                "PLACE_PROVIDER": "PR1",
                "DEC": None,
                "REC": None,
                "REASON_PLACE_CHANGE": "CARPL",
                "_file": "2024/episodes.csv",
                "_row": 3,
            },
            {
                "CHILD": "C3",
                "DECOM": d("2020-02-02"),
                "RNE": "S",
                "LS": "V2",
                "CIN": "N2",
                "PLACE": "U1",
                "DEC": d("2021-03-03"),
                "REC": "E11",
                "_file": "2024/episodes.csv",
                "_row": 4,
            },
        ],
    )
    reviews = frame(
        "reviews",
        [
            {
                "CHILD": "A1",
                "DOB": d("2012-05-01"),
                "REVIEW": d("2023-04-25"),
                "REVIEW_CODE": "PN1",
                "_file": "2024/reviews.csv",
                "_row": 2,
            },
            {
                "CHILD": "A1",
                "DOB": d("2012-05-01"),
                "REVIEW": d("2023-07-20"),
                "REVIEW_CODE": "PN3",
                "_file": "2024/reviews.csv",
                "_row": 3,
            },
        ],
    )
    cin_children = frame(
        "cin_children",
        [
            {
                "LAchildID": "B2",
                "UPN": "B123456789012",
                "PersonBirthDate": d("2018-03-03"),
                "Sex": "F",
                "Ethnicity": "WBRI",
                "Disabilities": "HAND;VIS",
                "_file": "2024/cin.xml",
                "_row": 10,
            },
            {
                "LAchildID": "C3",
                "PersonBirthDate": d("2009-01-31"),
                "Sex": "F",
                "Ethnicity": "MWBC",
                "_file": "2024/cin.xml",
                "_row": 40,
            },
        ],
    )
    cin_details = frame(
        "cin_details",
        [
            {
                "LAchildID": "B2",
                "CINreferralDate": d("2023-10-01"),
                "ReferralSource": "1A",
                "PrimaryNeedCode": "N1",
                "DateOfInitialCPC": d("2023-10-20"),
                "ReferralNFA": False,
                "_file": "2024/cin.xml",
                "_row": 12,
            },
            {
                "LAchildID": "C3",
                "CINreferralDate": d("2019-12-01"),
                "ReferralSource": "5B",
                "PrimaryNeedCode": "N2",
                "CINclosureDate": d("2021-04-01"),
                "ReasonForClosure": "RC1",
                "ReferralNFA": False,
                "_file": "2024/cin.xml",
                "_row": 42,
            },
        ],
    )
    section47 = frame(
        "section47",
        [
            {
                "LAchildID": "B2",
                "CINreferralDate": d("2023-10-01"),
                "S47ActualStartDate": d("2023-10-02"),
                "InitialCPCtarget": d("2023-10-23"),
                "DateOfInitialCPC": d("2023-10-20"),
                "ICPCnotRequired": False,
                "_file": "2024/cin.xml",
                "_row": 14,
            },
        ],
    )
    cp_plans = frame(
        "cp_plans",
        [
            {
                "LAchildID": "B2",
                "CINreferralDate": d("2023-10-01"),
                "CPPstartDate": d("2023-10-20"),
                "InitialCategoryOfAbuse": "NEG",
                "LatestCategoryOfAbuse": "NEG",
                "NumberOfPreviousCPP": 0,
                "_file": "2024/cin.xml",
                "_row": 20,
            },
            {
                "LAchildID": "C3",
                "CINreferralDate": d("2019-12-01"),
                "CPPstartDate": d("2019-12-20"),
                "CPPendDate": d("2020-02-02"),
                "InitialCategoryOfAbuse": "EMO",
                "LatestCategoryOfAbuse": "EMO",
                "NumberOfPreviousCPP": 1,
                "_file": "2024/cin.xml",
                "_row": 44,
            },
        ],
    )
    cp_reviews = frame(
        "cp_reviews",
        [
            {
                "LAchildID": "B2",
                "CPPstartDate": d("2023-10-20"),
                "CPPreviewDate": d("2024-01-15"),
                "_file": "2024/cin.xml",
                "_row": 22,
            },
            {
                "LAchildID": "B2",
                "CPPstartDate": d("2023-10-20"),
                "CPPreviewDate": d("2024-05-10"),
                "_file": "2024/cin.xml",
                "_row": 23,
            },
        ],
    )
    return Dataset(
        header=header,
        episodes=episodes,
        reviews=reviews,
        cin_children=cin_children,
        cin_details=cin_details,
        section47=section47,
        cp_plans=cp_plans,
        cp_reviews=cp_reviews,
        has_header=True,
        has_episodes=True,
        has_reviews=True,
        has_cin=True,
    )


def episodes_only(
    rows: list[tuple[str, date, date | None]], *, file: str = "2024/episodes.csv"
) -> Dataset:
    """A return of episodes alone: (CHILD, DECOM, DEC) a row, from row 2 of `file`, each child
    looked after under a care order (C2)."""
    table = frame(
        "episodes",
        [
            {"CHILD": child, "DECOM": decom, "DEC": dec, "RNE": "S", "LS": "C2", "CIN": "N1",
             "PLACE": "U1", "REC": "E11" if dec else None, "_file": file, "_row": row}
            for row, (child, decom, dec) in enumerate(rows, start=2)
        ],
    )  # fmt: skip
    return Dataset(episodes=table, has_episodes=True)


UNIT_FILES = {
    "teams.csv": "id,name,kind\nT1,North LAC team,lac\nT2,South CP team,cp\n",
    "staff.csv": (
        "id,given_name,family_name,role,team_id,fte,email\n"
        "S1,Iris,Reed,iro,,1,iris@example.org\n"
        "S2,Colin,Chase,icc,,0.8,\n"
        "S3,Tess,Mann,team_manager,T1,,\n"
        "S4,Tom,Oak,team_manager,T2,,\n"
        "S5,Sam,Work,social_worker,T1,,\n"
        "S6,Ada,Min,admin,,,\n"
        "S7,Hetty,Head,head_of_service,,1,\n"
    ),
    "children.csv": "id,given_name,family_name\nA1,Alfie,Ash\nB2,Bella,Birch\nC3,Cara,Cedar\n",
    "allocations.csv": (
        "id,child_id,kind,chair_id,social_worker_id,team_id,start,end\n"
        "L1,A1,lac,S1,S5,T1,2023-04-01,\n"
        "L2,B2,cp,S2,,T2,2023-10-20,\n"
        "L3,C3,lac,S1,,T1,2020-02-02,2021-03-03\n"
    ),
    "meetings.csv": (
        "id,kind,date,chair_id,child_ids,attendees,reports_shared_3_days,outcome,category\n"
        "M1,lac_review,2023-04-25,S1,A1,child;carer;social_worker,true,,\n"
        "M2,icpc,2023-10-20,S2,B2,parent;social_worker;police,false,plan,NEG\n"
    ),
    "participation.csv": "meeting_id,child_id,code,booklet\nM1,A1,PN1,returned\nM2,B2,,sent\n",
    "rag_ratings.csv": (
        "id,meeting_id,child_id,rating,reasons,comment,team_manager_id,sent,response_due,"
        "responded,response\n"
        "R1,M1,A1,red,LAC-R-01;NOT-A-CODE,Plan drifting,S3,2023-04-26,2023-05-03,,\n"
    ),
    "escalations.csv": (
        "id,child_id,raised_by,raised,stage,stage_due,resolved,outcome,cafcass_referral,summary\n"
        "E1,A1,S1,2023-05-10,1,2023-05-17,,,false,Permanence plan not progressed\n"
    ),
    "oversight_notes.csv": "id,child_id,author_id,date,text\nN1,A1,S1,2023-06-01,Spoke to carer\n",
    "posts.csv": (
        "id,title,kind,fte,start,end\n"
        "P1,Independent Reviewing Officer,iro,1,2004-04-01,\n"
        "P2,Independent Conference Chair (4 days a week),icc,0.8,2010-04-01,\n"
    ),
    "post_holdings.csv": (
        "id,post_id,staff_id,kind,start,end\n"
        "H1,P1,S1,substantive,2012-09-03,\n"
        "H2,P2,S2,substantive,2015-01-05,\n"
        "H3,P2,S1,agency,2023-11-01,2024-09-01\n"
    ),
    "leave.csv": "id,holding_id,reason,start,end\nV1,H2,maternity,2023-11-01,2024-09-01\n",
}


def small_unit(**overrides: str) -> UnitData:
    files = UNIT_FILES | overrides
    return read_unit_files([(f"unit/{name}", text.encode()) for name, text in files.items()])


@pytest.fixture
def dataset() -> Dataset:
    return small_dataset()


@pytest.fixture
def unit() -> UnitData:
    return small_unit()


@pytest.fixture
def imported(db, dataset, unit):
    from iru.web.imports.services.dataset import import_dataset

    return import_dataset(dataset=dataset, unit=unit, today=TODAY)
