"""The next meeting due for each child follows from iru.rules, in a constant number of queries."""

from __future__ import annotations

from datetime import date

import pytest

from iru.rules.calendar import working_days_between
from iru.rules.periods import open_period
from iru.rules.timescales import icpc_due, lac_review_due, rcpc_due
from iru.web.children.models import Child, CinDetail, CpPlan, Episode, Section47
from iru.web.people.models import Staff
from iru.web.schedule.selectors.due import next_meetings_due
from tests.web.conftest import TODAY, d

pytestmark = pytest.mark.django_db


def test_a_looked_after_child_s_next_review_is_six_months_after_the_last(imported):
    due = next_meetings_due(Child.objects.all(), today=TODAY)
    a1 = Child.objects.get(la_child_id="A1")
    meeting = due[a1.pk]
    expected = lac_review_due(d("2023-04-01"), [d("2023-04-25"), d("2023-07-20")])
    assert (
        (meeting.kind, meeting.due) == ("lac_review", expected) == ("lac_review", d("2024-01-20"))
    )
    assert meeting.overdue
    assert meeting.working_days_left == working_days_between(TODAY, expected)
    assert meeting.working_days_left < 0
    assert meeting.chair_id == Staff.objects.get(external_id="S1").pk


def test_a_child_on_a_plan_has_a_review_conference_due(imported):
    b2 = Child.objects.get(la_child_id="B2")
    meeting = next_meetings_due(Child.objects.all(), today=TODAY)[b2.pk]
    assert meeting.kind == "rcpc"
    assert meeting.due == rcpc_due(d("2023-10-20"), [d("2024-01-15"), d("2024-05-10")])
    assert not meeting.overdue
    assert meeting.working_days_left > 0


def test_a_child_no_longer_looked_after_has_nothing_due(imported):
    c3 = Child.objects.get(la_child_id="C3")
    assert c3.pk not in next_meetings_due(Child.objects.all(), today=TODAY)


def test_an_open_section_47_without_a_conference_needs_an_icpc(db):
    child = Child.objects.create(la_child_id="S1")
    Section47.objects.create(child=child, start=d("2024-05-28"), cin_referral_date=d("2024-05-27"))
    meeting = next_meetings_due(Child.objects.all(), today=TODAY)[child.pk]
    assert (meeting.kind, meeting.due) == ("icpc", icpc_due(d("2024-05-28")))
    assert meeting.chair_id is None


def test_a_closed_or_answered_section_47_needs_no_icpc(db):
    closed = Child.objects.create(la_child_id="S2")
    CinDetail.objects.create(
        child=closed, referral_date=d("2024-01-01"), closure_date=d("2024-02-01")
    )
    Section47.objects.create(child=closed, start=d("2024-01-02"), cin_referral_date=d("2024-01-01"))
    not_required = Child.objects.create(la_child_id="S3")
    Section47.objects.create(child=not_required, start=d("2024-05-01"), icpc_not_required=True)
    planned = Child.objects.create(la_child_id="S4")
    Section47.objects.create(child=planned, start=d("2024-05-01"))
    CpPlan.objects.create(child=planned, start=d("2024-05-20"))
    due = next_meetings_due(Child.objects.all(), today=TODAY)
    assert closed.pk not in due
    assert not_required.pk not in due
    assert due[planned.pk].kind == "rcpc"


def test_short_breaks_are_reviewed_three_months_after_the_first_break(db):
    child = Child.objects.create(la_child_id="V")
    Episode.objects.create(child=child, decom=d("2024-03-01"), ls="V3", dec=None)
    meeting = next_meetings_due(Child.objects.all(), today=TODAY)[child.pk]
    assert meeting.due == lac_review_due(d("2024-03-01"), [], short_breaks=True)


class Ep:
    def __init__(self, decom, dec=None, rne="P", rec=None, ls="C2"):
        self.decom, self.dec, self.rne, self.rec, self.ls = decom, dec, rne, rec, ls


def test_a_new_period_starts_after_an_episode_that_did_not_end_in_x1():
    episodes = [
        Ep(date(2020, 1, 1), date(2021, 1, 1), rne="S", rec="E11"),
        Ep(date(2021, 1, 1), None, rne="P"),
    ]
    assert open_period(episodes, today=TODAY).start == date(2021, 1, 1)
    chained = [Ep(date(2020, 1, 1), date(2021, 1, 1), rec="X1"), Ep(date(2021, 1, 1))]
    assert open_period(chained, today=TODAY).start == date(2020, 1, 1)
    assert open_period([Ep(date(2020, 1, 1), date(2021, 1, 1), rec="E11")], today=TODAY) is None


@pytest.mark.parametrize("extra", [0, 40])
def test_next_meetings_due_does_not_query_per_child(imported, django_assert_num_queries, extra):
    for i in range(extra):
        child = Child.objects.create(la_child_id=f"X{i}")
        Episode.objects.create(child=child, decom=d("2024-01-01"))
        plan = CpPlan.objects.create(child=child, start=d("2024-01-01"))
        plan.reviews.create(review_date=d("2024-03-01"))
        Section47.objects.create(child=child, start=d("2024-05-30"))
    with django_assert_num_queries(7):
        due = next_meetings_due(Child.objects.all(), today=TODAY)
    assert len(due) == 2 + extra
