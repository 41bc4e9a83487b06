"""A chair's day in a real browser: caseload, a child, a LAC review, RAG, oversight, escalation.

Every page visited passes axe-core at WCAG 2.2 AA.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from iru.web import clock
from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child, Episode
from iru.web.disputes.services.ratings import rag_reasons_sync
from iru.web.people.models import Staff, Team, User

from .axe import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def _chair_with_two_children() -> tuple[Child, Child]:
    # A transactional test before this one may have flushed the catalogue the data
    # migration loaded, so put it back.
    rag_reasons_sync()
    team = Team.objects.create(name="North LAC team", kind="lac")
    Staff.objects.create(given_name="Tess", family_name="Mann", role="team_manager", team=team)
    staff = Staff.objects.create(given_name="Iris", family_name="Reed", role="iro")
    User.objects.create_user(username="iris", password="a long password", role="chair", staff=staff)
    start = clock.today() - timedelta(days=10)
    children = []
    for la_id, given in (("A1", "Alfie"), ("A2", "Amy")):
        child = Child.objects.create(la_child_id=la_id, given_name=given, family_name="Ash",
                                     dob=start.replace(year=start.year - 9))  # fmt: skip
        Episode.objects.create(child=child, decom=start, rne="S", ls="C2", place="U1")
        Allocation.objects.create(child=child, kind="lac", chair=staff, team=team, start=start)
        children.append(child)
    return children[0], children[1]


def test_a_chair_s_journey(live_server, page):
    alfie, _ = _chair_with_two_children()
    today = clock.today()
    page.goto(f"{live_server.url}/sign-in/")
    page.fill("#id_username", "iris")
    page.fill("#id_password", "a long password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/children/mine/")
    assert page.locator("h1").inner_text() == "My children"
    assert page.locator("tbody tr").count() == 2
    assert_accessible(page)

    page.click("text=Alfie Ash")
    assert page.locator("h1").inner_text() == "Alfie Ash"
    assert_accessible(page)

    page.click("text=Record a meeting >> nth=-1")
    assert_accessible(page)
    page.check("#id_kind_0")  # LAC review; Alfie is already ticked
    page.click("text=Continue")
    page.click("text=Save the meeting")  # empty: the error summary
    assert page.locator(".govuk-error-summary").is_visible()
    assert (
        "Select what happened to the consultation booklet"
        in page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)
    page.fill("#id_held_day", str(today.day))
    page.fill("#id_held_month", str(today.month))
    page.fill("#id_held_year", str(today.year))
    page.check("#id_attendees_0")
    page.check("#id_reports_shared_0")
    page.check(f"#id_participation_{alfie.pk}_1")  # PN1
    page.check(f"#id_booklet_{alfie.pk}_0")  # returned
    page.click("text=Save the meeting")
    assert "LAC review by" in page.locator("tbody").inner_text()
    assert "Returned" in page.locator("tbody").inner_text()
    assert_accessible(page)

    page.click("text=Rate the case")
    assert_accessible(page)
    page.check("#id_rating_1")  # amber
    page.check("#id_reasons_amber_0")
    page.fill("#id_comment", "Plan drifting")
    page.click("text=Send to the team manager")
    assert "Plan drifting" in page.content()

    page.click("text=Add an oversight note")
    assert_accessible(page)
    page.fill("#id_text", "Visited Alfie at his placement")
    page.click("text=Save the note")
    assert "Visited Alfie" in page.content()

    page.click("text=Raise an escalation")
    assert_accessible(page)
    page.fill("#id_summary", "Permanence plan not progressed")
    page.click("text=Raise the escalation")
    assert "Stage 1: informal (team manager)" in page.content()
    assert_accessible(page)
