"""A chair corrects what they recorded, in a real browser: a meeting's date and a child's
participation, then the RAG rating, then cancels the meeting; each page passes axe."""

from __future__ import annotations

from datetime import timedelta

import pytest

from iru.web import clock
from iru.web.children.models import LacReview
from iru.web.meetings.models import Meeting

from .axe import assert_accessible
from .test_chair_journey import _chair_with_two_children

pytestmark = pytest.mark.django_db(transaction=True)


def fill_date(page, prefix, day):
    page.fill(f"#{prefix}_day", str(day.day))
    page.fill(f"#{prefix}_month", str(day.month))
    page.fill(f"#{prefix}_year", str(day.year))


def test_a_chair_corrects_a_meeting_and_its_rating_then_cancels_it(live_server, page):
    alfie, _ = _chair_with_two_children()
    today = clock.today()
    page.goto(f"{live_server.url}/sign-in/")
    page.fill("#id_username", "iris")
    page.fill("#id_password", "a long password")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/children/{alfie.pk}/")
    page.click("text=Record a meeting >> nth=-1")
    page.check("#id_kind_0")
    page.click("text=Continue")
    fill_date(page, "id_held", today)
    page.check("#id_attendees_0")
    page.check("#id_reports_shared_0")
    page.check(f"#id_participation_{alfie.pk}_1")  # PN1
    page.check(f"#id_booklet_{alfie.pk}_1")  # sent, not returned
    page.click("text=Save the meeting")
    page.click("text=Rate the case")
    page.check("#id_rating_1")  # amber
    page.check("#id_reasons_amber_0")
    page.click("text=Send to the team manager")

    page.goto(f"{live_server.url}/meetings/{Meeting.objects.get().pk}/")
    page.click("text=Correct this meeting")
    assert page.locator("h1").inner_text() == "Correct the meeting"
    assert_accessible(page)
    yesterday = today - timedelta(days=1)
    fill_date(page, "id_held", yesterday)
    page.check(f"#id_participation_{alfie.pk}_2")  # PN2
    page.check(f"#id_booklet_{alfie.pk}_0")  # it came back after all
    page.click("text=Save the correction")
    assert (
        "Enter why you are changing the meeting"
        in page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)
    page.fill("#id_reason", "Held the day before")
    page.click("text=Save the correction")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "Meeting corrected: what it said before is kept" in banner
    assert LacReview.objects.get(child=alfie).review == yesterday
    assert "Returned" in page.locator("tbody").inner_text()
    assert_accessible(page)

    page.goto(f"{live_server.url}/children/{alfie.pk}/")
    page.click("text=Correct the rating")
    assert_accessible(page)
    page.check("#id_rating_0")  # red, before the team manager has answered
    page.check("#id_reasons_red_0")
    page.uncheck("#id_reasons_amber_0")
    page.fill("#id_reason", "Should have been red")
    page.click("text=Save the correction")
    assert "Rating corrected" in page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(page)

    page.goto(f"{live_server.url}/meetings/{Meeting.objects.get().pk}/")
    page.click("main a:has-text('Cancel this meeting')")
    assert_accessible(page)
    page.fill("#id_reason", "Recorded for the wrong child")
    page.click("main button:has-text('Cancel the meeting')")
    assert "Cancelled on" in page.locator(".govuk-warning-text").inner_text()
    assert_accessible(page)
    assert not LacReview.objects.filter(child=alfie).exists()
    page.click("text=History of this meeting")
    history = page.locator("table", has_text="Why").inner_text()
    assert "Held the day before" in history
    assert "A1 consultation booklet" in history
    assert "Recorded for the wrong child" in history
    assert_accessible(page)
