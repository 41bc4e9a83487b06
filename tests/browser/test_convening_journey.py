"""Admin convenes a meeting with its time and venue, moves it to a bank holiday (confirmed),
then cancels it; the history shows each change and the schedule lets it go."""

from __future__ import annotations

from iru.web.meetings.models import Convening

from .axe import assert_accessible
from .test_admin_journey import sign_in, unit  # noqa: F401 (the fixture)


def fill_date(page, prefix, day, month, year):
    page.fill(f"#{prefix}_day", day)
    page.fill(f"#{prefix}_month", month)
    page.fill(f"#{prefix}_year", year)


def test_admin_moves_then_cancels_a_meeting(page, live_server, unit):  # noqa: F811
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server.url}/unit/schedule/")
    page.click("a:has-text('Convene a meeting for Alfie Ash')")
    fill_date(page, "id_date", "17", "6", "2024")
    page.fill("#id_time", "9.30am")
    page.fill("#id_venue", "Civic Centre, room 2")
    page.click("button:has-text('Convene meeting')")
    page.click("main a:has-text('17 Jun 2024')")
    summary = page.locator(".govuk-summary-list").inner_text()
    assert "9:30am" in summary
    assert "Civic Centre, room 2" in summary
    assert_accessible(page)

    page.click("a:has-text('Move or change this meeting')")
    assert_accessible(page)
    fill_date(page, "id_date", "26", "8", "2024")  # the summer bank holiday
    page.fill("#id_time", "14:00")
    page.fill("#id_reason", "The family are away that week")
    page.click("button:has-text('Save the change')")
    errors = page.locator(".govuk-error-summary").inner_text()
    assert "26 August 2024 is a bank holiday: choose a working day" in errors
    assert_accessible(page)
    page.check("#id_on_a_non_working_day")
    page.click("button:has-text('Save the change')")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "Meeting changed: what it was before is kept" in banner
    history = page.locator("table", has_text="Why").inner_text()
    assert "17 June 2024 to 26 August 2024" in history
    assert "The family are away that week" in history
    assert_accessible(page)

    page.click("a:has-text('Cancel this meeting')")
    assert page.locator("h1").inner_text() == "Are you sure you want to cancel this meeting?"
    assert_accessible(page)
    page.fill("#id_reason", "Alfie has returned home")
    page.click("button:has-text('Cancel the meeting')")
    assert "Cancelled on 3 June 2024" in page.locator(".govuk-warning-text").inner_text()
    assert page.locator("a:has-text('Move or change this meeting')").count() == 0
    assert_accessible(page)
    assert Convening.objects.get().cancelled_on is not None

    page.goto(f"{live_server.url}/unit/schedule/")
    row = page.locator("tr", has_text="Alfie Ash").first
    assert "Convene" in row.inner_text()  # the cancelled meeting no longer books the review
