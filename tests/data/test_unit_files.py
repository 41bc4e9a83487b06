"""The unit files' reader: the establishment files, booklets and conference outcomes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iru.data.unit_files import UnitFileError, read_unit_files
from iru.data.unit_rows import LeaveRow, ParticipationRow, PostHoldingRow, PostRow

POSTS = "id,title,kind,fte,start,end\n"
HOLDINGS = "id,post_id,staff_id,kind,start,end\n"
LEAVE = "id,holding_id,reason,start,end\n"
PARTICIPATION = "meeting_id,child_id,code,booklet\n"
MEETINGS = "id,kind,date,chair_id,child_ids,attendees,reports_shared_3_days,outcome,category\n"


def read(name: str, text: str):
    return read_unit_files([(f"unit/{name}", text.encode())])


def test_posts_holdings_and_leave_are_read_typed():
    posts = read("posts.csv", POSTS + "P1,IRO (30 hours),iro,0.81,2004-04-01,\n").posts
    assert posts == (
        PostRow(2, "P1", "IRO (30 hours)", "iro", Decimal("0.81"), date(2004, 4, 1), None),
    )
    holdings = read("post_holdings.csv", HOLDINGS + "H1,P1,S1,agency,2015-10-01,2016-09-01\n")
    assert holdings.post_holdings == (
        PostHoldingRow(2, "H1", "P1", "S1", "agency", date(2015, 10, 1), date(2016, 9, 1)),
    )
    leave = read("leave.csv", LEAVE + "V1,H1,maternity,2016-02-29,2017-02-28\n").leave
    assert leave == (LeaveRow(2, "V1", "H1", "maternity", date(2016, 2, 29), date(2017, 2, 28)),)


def test_a_full_time_post_and_a_one_day_holding_are_allowed():
    assert read("posts.csv", POSTS + "P1,LADO,lado,1,2004-04-01,\n").posts[0].fte == 1
    day = read("post_holdings.csv", HOLDINGS + "H1,P1,S1,acting,2016-03-31,2016-04-01\n")
    assert day.post_holdings[0].end == date(2016, 4, 1)  # the end is exclusive: one day held


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("posts.csv", POSTS + "P1,IRO,iro,0,2004-04-01,\n",
         "unit/posts.csv, row 2, column fte: must be more than 0 and at most 1 (value '0')"),
        ("posts.csv", POSTS + "P1,IRO,iro,1.2,2004-04-01,\n",
         "unit/posts.csv, row 2, column fte: must be more than 0 and at most 1 (value '1.2')"),
        ("posts.csv", POSTS + "P1,IRO,iro,,2004-04-01,\n",
         "unit/posts.csv, row 2, column fte: a value is required"),
        ("posts.csv", POSTS + "P1,IRO,iro,NaN,2004-04-01,\n",
         "unit/posts.csv, row 2, column fte: is not a number (value 'NaN')"),
        ("posts.csv", POSTS + "P1,IRO,iro,full,2004-04-01,\n",
         "unit/posts.csv, row 2, column fte: is not a number (value 'full')"),
        ("posts.csv", POSTS + "P1,IRO,chair,1,2004-04-01,\n",
         "unit/posts.csv, row 2, column kind: must be one of iro, icc, lado"),
        ("posts.csv", POSTS + "P1,,iro,1,2004-04-01,\n",
         "unit/posts.csv, row 2, column title: a value is required"),
        ("posts.csv", "id,title,kind,fte,start\nP1,IRO,iro,1,2004-04-01\n",
         "unit/posts.csv, row 1, column end: the column is missing"),
        ("post_holdings.csv", HOLDINGS + "H1,P1,S1,substantive,01/04/2016,\n",
         "unit/post_holdings.csv, row 2, column start: is not a date YYYY-MM-DD"),
        ("post_holdings.csv", HOLDINGS + "H1,P1,S1,substantive,2016-04-01,2016-04-01\n",
         "unit/post_holdings.csv, row 2, column end: must be after start (2016-04-01) "
         "(value '2016-04-01')"),
        ("post_holdings.csv", HOLDINGS + "H1,P1,S1,locum,2016-04-01,\n",
         "unit/post_holdings.csv, row 2, column kind: must be one of substantive, agency, acting"),
        ("post_holdings.csv", HOLDINGS + "H1,P1,,agency,2016-04-01,\n",
         "unit/post_holdings.csv, row 2, column staff_id: a value is required"),
        ("post_holdings.csv", HOLDINGS + "H1,P1,S1,agency,,\n",
         "unit/post_holdings.csv, row 2, column start: a value is required"),
        ("leave.csv", LEAVE + "V1,H1,holiday,2016-04-01,\n",
         "unit/leave.csv, row 2, column reason: must be one of maternity, sickness, other"),
        ("leave.csv", LEAVE + "V1,H1,sickness,2016-04-01,2016-02-30\n",
         "unit/leave.csv, row 2, column end: is not a date YYYY-MM-DD (value '2016-02-30')"),
        ("leave.csv", LEAVE + "V1,H1,sickness,2016-04-01,2015-04-01\n",
         "unit/leave.csv, row 2, column end: must be after start (2016-04-01)"),
        ("participation.csv", PARTICIPATION + "M1,A1,PN1,lost\n",
         "unit/participation.csv, row 2, column booklet: must be one of not_sent, sent, returned"),
        ("meetings.csv", MEETINGS + "M1,icpc,2016-01-04,,A1,,,died,\n",
         "unit/meetings.csv, row 2, column outcome: must be one of plan, no_plan, "
         "change_of_category, child_died (value 'died')"),
    ],
)  # fmt: skip
def test_a_wrong_value_names_file_row_column_and_value(name, text, message):
    with pytest.raises(UnitFileError) as error:
        read(name, text)
    assert str(error.value).startswith(message)


def test_participation_takes_a_booklet_and_no_code_for_a_conference_child():
    rows = read("participation.csv", PARTICIPATION + "M1,A1,PN6,returned\nM2,B2,,not_sent\n")
    assert rows.participation == (
        ParticipationRow(2, "M1", "A1", "PN6", "returned"),
        ParticipationRow(3, "M2", "B2", "", "not_sent"),
    )


def test_an_old_participation_file_without_booklets_is_read_as_before():
    rows = read("participation.csv", "meeting_id,child_id,code\nM1,A1,PN0\n")
    assert rows.participation == (ParticipationRow(2, "M1", "A1", "PN0", ""),)


def test_the_seeds_other_outcomes_are_read():
    text = MEETINGS + "M1,icpc,2016-01-04,,A1;A2,,,change_of_category,MUL\n"
    text += "M2,icpc,2016-02-29,,B1,,,child_died,\n"
    outcomes = [(m.outcome, m.category) for m in read("meetings.csv", text).meetings]
    assert outcomes == [("change_of_category", "MUL"), ("child_died", "")]
