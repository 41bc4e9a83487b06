"""The unit's establishment (`posts.csv`, `post_holdings.csv`, `leave.csv`), consultation
booklets and the seed's other conference outcomes, through the import."""

from __future__ import annotations

from decimal import Decimal

import pytest

from iru.data import unit_files
from iru.data.unit_files import UnitFileError
from iru.web.imports.services.dataset import import_dataset
from iru.web.meetings.models import Meeting, MeetingChild
from iru.web.people.models import Leave, Post, PostHolding
from tests.web.conftest import TODAY, d, small_unit

pytestmark = pytest.mark.django_db

HOLDINGS = "id,post_id,staff_id,kind,start,end\n"
MEETINGS = "id,kind,date,chair_id,child_ids,attendees,reports_shared_3_days,outcome,category\n"


def test_the_establishment_is_imported(imported):
    assert imported.tables["posts"].added == 2
    assert imported.tables["post_holdings"].added == 3
    assert imported.tables["leave"].added == 1
    part_time = Post.objects.get(external_id="P2")
    assert (part_time.kind, part_time.fte, part_time.end) == ("icc", Decimal("0.80"), None)
    cover = PostHolding.objects.get(external_id="H3")
    assert (cover.post, cover.staff.external_id, cover.kind) == (part_time, "S1", "agency")
    assert (cover.start, cover.end) == (d("2023-11-01"), d("2024-09-01"))
    leave = Leave.objects.get()
    assert (leave.holding.external_id, leave.reason, leave.end) == (
        "H2",
        "maternity",
        d("2024-09-01"),
    )


def test_booklets_are_imported_for_reviews_and_conferences(imported):
    review = MeetingChild.objects.get(meeting__external_id="M1")
    conference = MeetingChild.objects.get(meeting__external_id="M2")
    assert (review.participation, review.booklet) == ("PN1", "returned")
    assert (conference.participation, conference.booklet) == ("", "sent")


def test_a_participation_file_without_booklets_still_imports(db, dataset):
    old = "meeting_id,child_id,code\nM1,A1,PN4\n"
    import_dataset(dataset=dataset, unit=small_unit(**{"participation.csv": old}), today=TODAY)
    review = MeetingChild.objects.get(meeting__external_id="M1")
    assert (review.participation, review.booklet) == ("PN4", "")


def test_the_seeds_other_conference_outcomes_are_imported(db, dataset):
    meetings = (
        MEETINGS + "M1,lac_review,2023-04-25,S1,A1,,,,\n"
        "M2,icpc,2023-10-20,S2,B2,parent,false,change_of_category,PHY\n"
        "M3,icpc,2023-11-20,S2,C3,parent,false,child_died,\n"
    )
    import_dataset(dataset=dataset, unit=small_unit(**{"meetings.csv": meetings}), today=TODAY)
    outcomes = dict(Meeting.objects.values_list("external_id", "outcome"))
    assert outcomes == {"M1": "", "M2": "change_of_category", "M3": "child_died"}


def test_a_later_import_changes_a_holding_and_adds_leave_to_an_earlier_ones(imported, dataset):
    unit = small_unit(**{
        "post_holdings.csv": HOLDINGS + "H1,P1,S1,substantive,2012-09-03,2025-01-01\n",
        "leave.csv": "id,holding_id,reason,start,end\nV2,H3,sickness,2024-01-01,2024-03-01\n",
    })  # fmt: skip
    again = import_dataset(dataset=dataset, unit=unit, today=TODAY)
    assert again.tables["post_holdings"].updated == 1
    assert PostHolding.objects.get(external_id="H1").end == d("2025-01-01")
    assert Leave.objects.get(external_id="V2").holding.external_id == "H3"  # H3 imported before


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"post_holdings.csv": HOLDINGS + "H1,P9,S1,substantive,2012-09-03,\n"},
            "unit/post_holdings.csv, row 2, column post_id: no record with this id (value 'P9')",
        ),
        (
            {"post_holdings.csv": HOLDINGS + "H1,P1,NOBODY,substantive,2012-09-03,\n"},
            "unit/post_holdings.csv, row 2, column staff_id: no record with this id",
        ),
        (
            {"post_holdings.csv": HOLDINGS + "H1,P2,S1,agency,2009-01-01,2011-01-01\n"},
            "unit/post_holdings.csv, row 2, column start: must be within the dates of post P2 "
            "(2010-04-01 on) (value '2009-01-01')",
        ),
        (
            {"leave.csv": "id,holding_id,reason,start,end\nV1,H3,sickness,2024-06-01,\n"},
            "unit/leave.csv, row 2, column end: must be within the dates of holding H3 "
            "(2023-11-01 to 2024-09-01)",
        ),
        (
            {"leave.csv": "id,holding_id,reason,start,end\nV1,H9,other,2024-06-01,\n"},
            "unit/leave.csv, row 2, column holding_id: no record with this id (value 'H9')",
        ),
        (
            {"participation.csv": "meeting_id,child_id,code,booklet\nM2,B2,PN1,sent\n"},
            "unit/participation.csv, row 2, column code: a PN code is for a LAC review",
        ),
    ],
)
def test_a_wrong_reference_or_span_stops_the_import_and_writes_nothing(db, dataset, files, message):
    with pytest.raises(UnitFileError) as error:
        import_dataset(dataset=dataset, unit=small_unit(**files), today=TODAY)
    assert str(error.value).startswith(message)
    assert not Post.objects.exists()
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("choices", "model_choices"),
    [
        (unit_files.POST_KINDS, Post.Kind.values),
        (unit_files.HOLDING_KINDS, PostHolding.Kind.values),
        (unit_files.LEAVE_REASONS, Leave.Reason.values),
        (unit_files.BOOKLETS, MeetingChild.Booklet.values),
        (unit_files.OUTCOMES, Meeting.Outcome.values),
    ],
)
def test_the_readers_choices_are_the_models(choices, model_choices):
    assert sorted(choices) == sorted(model_choices)
