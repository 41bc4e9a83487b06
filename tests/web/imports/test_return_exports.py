"""The SSDA903 Reviews table of 2015-16 from the database, read back by our own reader: the
reviews the return brought, a review recorded in the app, not a cancelled meeting's; the
year's first and last days and 29 February 2016; every export logged."""

from __future__ import annotations

from datetime import date

import pytest

from iru.data.dataset import Dataset
from iru.data.read903 import read_903_csv
from iru.data.tables903 import REVIEWS
from iru.data.write903 import reviews_csv, reviews_file_name
from iru.web.audit.models import AccessEvent
from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child
from iru.web.imports.return_exports import (
    EXPORT_REVIEWS,
    review_return_years,
    reviews_return_for_command,
    reviews_return_for_user,
)
from iru.web.imports.services.dataset import import_dataset
from iru.web.meetings.services.recording import meeting_cancel, meeting_record
from iru.web.people.models import Staff, Team, User
from tests.web.conftest import d, frame

pytestmark = pytest.mark.django_db

TODAY = date(2016, 4, 8)  # a week after 2015-16 ended: its return is being made
FILE = "2016/SSDA903_2015-16_Reviews.csv"


def _return_2015_16() -> Dataset:
    """K1 (born on a leap day) and K2 (under 4) looked after through 2015-16; K3's reviews
    came without a header row. Reviews on both sides of each end of the year."""
    header = frame("header", [
        {"CHILD": "K1", "SEX": "1", "DOB": d("2008-02-29"), "ETHNIC": "WBRI", "_row": 2},
        {"CHILD": "K2", "SEX": "2", "DOB": d("2013-06-15"), "ETHNIC": "WBRI", "_row": 3},
    ])  # fmt: skip
    episodes = frame("episodes", [
        {"CHILD": "K1", "DECOM": d("2015-01-05"), "RNE": "S", "LS": "C2", "PLACE": "U1"},
        {"CHILD": "K2", "DECOM": d("2015-06-01"), "RNE": "S", "LS": "C2", "PLACE": "U1"},
    ])  # fmt: skip
    reviews = [
        ("K1", "2008-02-29", "2015-01-30", "PN1"),  # 2014-15
        ("K1", "2008-02-29", "2015-04-01", "PN1"),  # the first day of 2015-16
        ("K1", "2008-02-29", "2016-02-29", "PN6"),
        ("K2", "2013-06-15", "2015-06-20", "PN0"),
        ("K2", "2013-06-15", "2016-03-31", None),  # the last day, no code
        ("K2", "2013-06-15", "2016-04-01", "PN0"),  # 2016-17
        ("K3", "2005-11-30", "2015-09-09", "PN7"),
    ]
    rows = [{"CHILD": child, "DOB": d(dob), "REVIEW": d(held), "REVIEW_CODE": code,
             "_file": FILE, "_row": row} for row, (child, dob, held, code)
            in enumerate(reviews, start=2)]  # fmt: skip
    return Dataset(header=header, episodes=episodes, reviews=frame("reviews", rows),
                   has_header=True, has_episodes=True, has_reviews=True)  # fmt: skip


@pytest.fixture
def chair(imported) -> User:
    """Iris Reed (S1), chairing K1 and K2 since they came into care."""
    import_dataset(dataset=_return_2015_16(), unit=None, today=TODAY)
    staff, team = Staff.objects.get(external_id="S1"), Team.objects.get(external_id="T1")
    for child, start in (("K1", "2015-01-05"), ("K2", "2015-06-01")):
        Allocation.objects.create(child=Child.objects.get(la_child_id=child), kind="lac",
                                  chair=staff, team=team, start=d(start))  # fmt: skip
    return User.objects.create_user(username="iris", password="pw", role="chair", staff=staff)


@pytest.fixture
def head(imported) -> User:
    staff = Staff.objects.get(external_id="S7")
    return User.objects.create_user(username="hetty", role="head_of_service", staff=staff)


def _review_meeting(chair: User, child: str, held: str, code: str):
    k = Child.objects.get(la_child_id=child)
    return meeting_record(user=chair, kind="lac_review", held=d(held), children=[k],
                          participation={k.pk: code}, booklets={k.pk: "returned"},
                          attendees=["child"], reports_shared_3_days=True,
                          today=TODAY)  # fmt: skip


def test_the_year_s_reviews_read_back_the_same_with_the_app_s_and_without_the_cancelled(
    chair, head
) -> None:
    _review_meeting(chair, "K1", "2016-03-15", "PN1")
    cancelled = _review_meeting(chair, "K2", "2016-03-10", "PN0")
    meeting_cancel(user=chair, meeting=cancelled, reason="Recorded in error", today=TODAY)

    rows = reviews_return_for_user(head, year=2016, today=TODAY, path="/imports/x/?year=2016")
    read = read_903_csv(reviews_file_name(2016), reviews_csv(rows).encode(), REVIEWS)

    assert read.frame.select("CHILD", "DOB", "REVIEW", "REVIEW_CODE").rows() == [
        ("K1", d("2008-02-29"), d("2015-04-01"), "PN1"),
        ("K1", d("2008-02-29"), d("2016-02-29"), "PN6"),
        ("K1", d("2008-02-29"), d("2016-03-15"), "PN1"),  # recorded in the app
        ("K2", d("2013-06-15"), d("2015-06-20"), "PN0"),
        ("K2", d("2013-06-15"), d("2016-03-31"), None),
        ("K3", d("2005-11-30"), d("2015-09-09"), "PN7"),  # no header: the review's own DOB
    ]
    assert read.findings.select("row", "column", "rule").rows() == [(6, "REVIEW_CODE", "167")]
    event = AccessEvent.objects.get(action=EXPORT_REVIEWS)
    assert (event.user, event.path, event.child_id) == (head, "/imports/x/?year=2016", None)


def test_a_child_s_header_date_of_birth_wins_over_the_review_s_own(chair, head) -> None:
    Child.objects.filter(la_child_id="K1").update(dob=d("2008-03-01"))  # corrected since
    rows = reviews_return_for_user(head, year=2016, today=TODAY, path="")
    assert {row.dob for row in rows if row.child == "K1"} == {d("2008-03-01")}


def test_the_command_s_export_is_every_child_s_and_is_logged(chair) -> None:
    rows = reviews_return_for_command(year=2015, command="iru export reviews --year 2014-15")
    assert [(row.child, row.review) for row in rows] == [("K1", d("2015-01-30"))]
    event = AccessEvent.objects.get(action=EXPORT_REVIEWS)
    assert (event.user, event.username, event.path) == (
        None, "", "iru export reviews --year 2014-15")  # fmt: skip


def test_a_user_who_may_see_no_child_exports_no_review(chair) -> None:
    nobody = User.objects.create_user(username="nobody", role="team_manager")
    assert reviews_return_for_user(nobody, year=2016, today=TODAY, path="") == []
    assert AccessEvent.objects.filter(action=EXPORT_REVIEWS, user=nobody).count() == 1


def test_the_years_offered_are_those_holding_reviews_and_the_year_in_progress(
    chair,
) -> None:
    _review_meeting(chair, "K1", "2016-03-15", "PN1")
    years = review_return_years(today=TODAY)
    # (year, reviews, recorded in the app, without a code): A1's two of 2023-24 too.
    assert [(y.label, y.reviews, y.recorded_here, y.without_code) for y in years] == [
        ("2023-24", 2, 0, 0),
        ("2016-17", 1, 0, 0),  # the year in progress on 8 April 2016
        ("2015-16", 6, 1, 1),
        ("2014-15", 1, 0, 0),
    ]
