"""Admin signs in, reads the unit's schedule, convenes a meeting and uploads files; then a
corrected file, whose result says which child it left with overlapping episodes and whose next
due date it moved, as the history does."""

from __future__ import annotations

import pytest

from iru.web import clock
from iru.web.children.models import Child
from iru.web.imports.services.dataset import import_dataset
from iru.web.meetings.models import Convening
from tests.web.conftest import TODAY, small_dataset, small_unit
from tests.web.fixtures.roles import PASSWORD, make_users

from .axe import assert_accessible

HEADER = (
    b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nX1,1,01/05/2012,WBRI,,,\nX2,,01/05/2012,WBRI,,,\n"
)
EPISODES = (
    b"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    b"URN\nX1,%s,S,C2,N1,U1,PR1,,,,,,SC123456\n"
)


@pytest.fixture
def unit(transactional_db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    import_dataset(dataset=small_dataset(), unit=small_unit(), today=TODAY)
    return make_users()


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/sign-in/")
    assert_accessible(page)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.wait_for_load_state()


def upload(page, *files):
    page.set_input_files(
        "#id_files", files=[{"name": n, "mimeType": "text/plain", "buffer": c} for n, c in files]
    )
    page.click("button:has-text('Upload and import')")


def test_admin_schedules_convenes_and_uploads(page, live_server, unit):
    sign_in(page, live_server, "admin")
    assert_accessible(page)

    page.goto(f"{live_server.url}/unit/schedule/")
    overdue = page.locator("table", has=page.locator("caption", has_text="Overdue"))
    assert "Alfie Ash" in overdue.inner_text()
    assert_accessible(page)
    page.select_option("#id_kind", "rcpc")
    page.click("button:has-text('Filter')")
    assert "Alfie Ash" not in page.locator("main").inner_text()
    assert_accessible(page)
    page.select_option("#id_kind", "")
    page.select_option("#id_chair", label="Iris Reed")
    page.click("button:has-text('Filter')")
    assert_accessible(page)

    page.click("a:has-text('Convene a meeting for Alfie Ash')")
    assert page.locator("h1").inner_text() == "Convene a meeting"
    assert_accessible(page)
    page.fill("#id_date_day", "31")
    page.fill("#id_date_month", "6")
    page.fill("#id_date_year", "2024")
    page.click("button:has-text('Convene meeting')")
    assert "must be a real date" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.fill("#id_date_day", "17")
    page.fill("#id_invitees", "Jo Ash (mother)\nSam Work (social worker)")
    page.fill("#id_booklets_sent_day", "31")
    page.fill("#id_booklets_sent_month", "5")
    page.fill("#id_booklets_sent_year", "2024")
    page.click("button:has-text('Convene meeting')")
    assert (
        "Meeting convened for Alfie Ash" in page.locator(".govuk-notification-banner").inner_text()
    )
    assert_accessible(page)
    assert Convening.objects.get().children.get().la_child_id == "A1"

    page.goto(f"{live_server.url}/imports/upload/")
    assert_accessible(page)
    before = Child.objects.count()
    upload(page, ("header.csv", HEADER), ("episodes.csv", HEADER))
    summary = page.locator(".govuk-error-summary")
    assert "episodes.csv could not be read" in summary.inner_text()
    assert_accessible(page)
    assert Child.objects.count() == before

    upload(page, ("header.csv", HEADER))
    assert page.locator("h1").inner_text() == "Files imported"
    assert "SEX is missing" in page.locator("table", has_text="Problem").inner_text()
    assert_accessible(page)
    assert Child.objects.count() == before + 2

    page.goto(f"{live_server.url}/imports/")
    assert page.locator(".govuk-tag", has_text="Failed").count() == 1
    assert page.locator(".govuk-tag", has_text="Succeeded").count() == 2
    assert_accessible(page)


def test_a_corrected_decom_is_shown_in_the_result_and_the_history(page, live_server, unit):
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server.url}/imports/upload/")
    upload(page, ("header.csv", HEADER), ("episodes.csv", EPISODES % b"29/02/2024"))
    assert "Next due dates changed (1)" in page.locator("main").inner_text()  # X1: none to a date

    # The DECOM corrected in the case management system: 29 February becomes 1 March 2024.
    page.goto(f"{live_server.url}/imports/upload/")
    upload(page, ("episodes.csv", EPISODES % b"01/03/2024"))
    main = page.locator("main")
    assert "Children with overlapping episodes (1)" in main.inner_text()
    assert "may be wrong" in page.locator(".govuk-warning-text").inner_text()
    overlaps = page.locator("table", has=page.locator("th", has_text="Started (DECOM)"))
    assert overlaps.locator("tbody tr").count() == 2
    assert "No: kept from an earlier import" in overlaps.inner_text()
    changed = page.locator("table", has=page.locator("th", has_text="Next meeting due before"))
    assert changed.locator("tbody tr").inner_text().split("\t") == [
        "X1", "LAC review, 28 Mar 2024", "LAC review, 2 Apr 2024"
    ]  # fmt: skip
    assert_accessible(page)
    result = main.inner_text()

    page.click("a:has-text('This import in the history')")
    history = page.locator("main").inner_text()
    for section in ("Children with overlapping episodes (1)", "Next due dates changed (1)"):
        assert result[result.index(section) :][:400] == history[history.index(section) :][:400]
    assert_accessible(page)

    page.goto(f"{live_server.url}/imports/")
    newest = page.locator("tbody tr").first.locator("td")
    assert [newest.nth(i).inner_text() for i in (4, 5, 6)] == ["0", "1", "1"]
    assert_accessible(page)
