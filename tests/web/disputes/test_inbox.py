from __future__ import annotations

from datetime import date

import pytest

from iru.web.disputes.models import Escalation, RagRating
from iru.web.disputes.selectors import inbox as selectors
from iru.web.disputes.selectors import overdue
from iru.web.people.models import Staff
from tests.web.fixtures.roles import team_b_rating

pytestmark = pytest.mark.django_db


def test_a_team_manager_sees_their_teams_rating_and_escalation_overdue(users, today):
    items = selectors.inbox_for(users["tm_a"], today=today)
    assert [(i.kind, i.child.la_child_id) for i in items] == [
        ("rating", "A1"),
        ("escalation", "A1"),
    ]
    rating = items[0]
    assert rating.due == date(2023, 5, 3)
    assert rating.overdue
    assert rating.working_days_left < 0
    assert rating.working_days_overdue == -rating.working_days_left


def test_another_teams_manager_sees_only_their_own(users, today):
    own = team_b_rating()
    items = selectors.inbox_for(users["tm_b"], today=today)
    assert [(i.kind, i.pk) for i in items] == [("rating", own.pk)]
    assert not items[0].overdue
    assert items[0].working_days_left == 1


def test_a_rating_sent_to_a_manager_is_theirs_whatever_the_childs_team(users, today):
    moved = team_b_rating(team_manager=Staff.objects.get(external_id="S3"))
    scope = selectors.ratings_for_team_manager(users["tm_a"], today=today)
    assert scope.filter(pk=moved.pk).exists()


@pytest.mark.parametrize("role", ["chair", "admin", "head"])
def test_nobody_else_has_an_inbox(users, today, role):
    assert selectors.inbox_for(users[role], today=today) == []


def test_green_and_answered_ratings_wait_for_nothing(users, today):
    team_b_rating(rating=RagRating.Rating.GREEN, response_due=None)
    team_b_rating(responded=date(2024, 5, 30), response="Done")
    assert selectors.inbox_for(users["tm_b"], today=today) == []


def test_the_deadline_follows_from_sent_when_not_recorded(users, today):
    rating = team_b_rating(sent=date(2024, 5, 31), response_due=None)
    (item,) = selectors.inbox_for(users["tm_b"], today=today)
    assert item.pk == rating.pk
    assert item.due == date(2024, 6, 7)  # 5 working days after Friday 31 May


def test_due_today_is_not_overdue(users):
    team_b_rating(response_due=date(2024, 6, 3))
    (item,) = selectors.inbox_for(users["tm_b"], today=date(2024, 6, 3))
    assert (item.overdue, item.working_days_left) == (False, 0)


def test_overdue_responses_across_the_unit(users, today):
    team_b_rating()  # due tomorrow: not overdue
    late = team_b_rating(response_due=date(2024, 5, 1))
    found = {(i.kind, i.pk) for i in overdue.overdue_responses(today=today)}
    rating, escalation = RagRating.objects.get(external_id="R1"), Escalation.objects.get()
    assert found == {("rating", rating.pk), ("escalation", escalation.pk), ("rating", late.pk)}


def test_overdue_responses_for_the_chair_who_rated_or_escalated(users, today):
    iris, colin = Staff.objects.get(external_id="S1"), Staff.objects.get(external_id="S2")
    late_b2 = team_b_rating(response_due=date(2024, 5, 1))  # no meeting: B2's chair, Colin
    assert {
        i.child.la_child_id for i in overdue.overdue_responses_for_chair(iris, today=today)
    } == {"A1"}
    assert [i.pk for i in overdue.overdue_responses_for_chair(colin, today=today)] == [late_b2.pk]
