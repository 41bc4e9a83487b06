"""The Head of Service checks caseloads, reallocates a child, reads the dashboard, adds a RAG
reason and creates a user: every page checked with axe-core.
"""

from __future__ import annotations

import pytest

from iru.web import clock
from iru.web.children.models import Child
from iru.web.disputes.models import RagReason
from iru.web.imports.services.dataset import import_dataset
from iru.web.people.models import Staff, User
from tests.web.conftest import TODAY, small_dataset, small_unit

from .axe import assert_accessible

PASSWORD = "a long enough password"


@pytest.fixture
def head(transactional_db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    import_dataset(dataset=small_dataset(), unit=small_unit(), today=TODAY)
    return User.objects.create_user(
        username="head",
        password=PASSWORD,
        role=User.Role.HEAD_OF_SERVICE,
        staff=Staff.objects.get(external_id="S7"),
    )


def visit(page, url: str) -> None:
    page.goto(url)
    assert_accessible(page)


def submit(page, button: str) -> None:
    page.click(f"button:has-text('{button}')")
    page.wait_for_load_state()
    assert_accessible(page)


def test_the_head_of_service_journey(page, live_server, head):
    base = f"{live_server.url}/management"
    visit(page, f"{live_server.url}/sign-in/")
    page.fill("#id_username", "head")
    page.fill("#id_password", PASSWORD)
    submit(page, "Sign in")

    visit(page, f"{base}/caseloads/")
    assert page.locator("h1").inner_text() == "Caseloads"
    iris = page.locator("#caseloads tbody tr", has_text="Iris Reed")
    assert "Under range" in iris.inner_text()

    visit(page, f"{base}/allocations/")
    page.fill("#id_query", "alfie")
    submit(page, "Find child")
    assert "/management/allocations/" in page.url
    assert "alfie" not in page.url.lower()
    page.click("#results a:has-text('Alfie Ash')")
    page.wait_for_load_state()
    assert_accessible(page)
    page.check("#id_kind_0")
    page.select_option("#id_chair", label="Colin Chase (Independent Conference Chair)")
    page.fill("#id_effective_day", "31")
    page.fill("#id_effective_month", "2")
    submit(page, "Reallocate")  # 31 February: an error, shown accessibly
    assert "must be a real date" in page.locator(".govuk-error-summary").inner_text()
    page.fill("#id_effective_day", str(TODAY.day))
    page.fill("#id_effective_month", str(TODAY.month))
    submit(page, "Reallocate")
    assert (
        "The child has been reallocated" in page.locator(".govuk-notification-banner").inner_text()
    )
    history = page.locator("#history tbody tr")
    assert history.count() == 2
    assert "Colin Chase" in history.first.inner_text()
    a1 = Child.objects.get(la_child_id="A1")
    assert a1.allocations.get(end__isnull=True).chair.external_id == "S2"

    visit(page, f"{base}/")
    assert page.locator("h1").inner_text() == "The year so far"
    assert page.locator("#open-escalations").inner_text() == "1"
    assert page.locator("#months tbody tr").count() == 2  # April and May 2024

    visit(page, f"{base}/rag-reasons/")
    page.click("a:has-text('Add a reason')")
    page.wait_for_load_state()
    assert_accessible(page)
    page.check("#id_meeting_type_0")
    page.check("#id_rating_0")
    page.fill("#id_text", "Care plan not shared with the chair")
    submit(page, "Add reason")
    assert page.locator("#reasons-lac-red", has_text="Care plan not shared with the chair").count()
    assert RagReason.objects.filter(text="Care plan not shared with the chair").exists()

    visit(page, f"{base}/users/")
    page.click("a:has-text('Create a user')")
    page.wait_for_load_state()
    assert_accessible(page)
    page.fill("#id_username", "colin")
    page.check("#id_role_0")
    page.select_option("#id_staff", label="Colin Chase (Independent Conference Chair)")
    page.fill("#id_password", PASSWORD)
    submit(page, "Create user")
    assert page.locator("#users tbody tr", has_text="colin").count() == 1
    assert User.objects.get(username="colin").staff.external_id == "S2"


def test_the_dashboard_shows_a_review_recorded_today_beside_the_returns(page, live_server, head):
    from iru.web.meetings.services.recording import meeting_record

    iris = User.objects.create_user(
        username="iris", password=PASSWORD, role=User.Role.CHAIR,
        staff=Staff.objects.get(external_id="S1"),
    )  # fmt: skip
    a1 = Child.objects.get(la_child_id="A1")
    meeting_record(
        user=iris, kind="lac_review", held=TODAY, children=[a1], participation={a1.pk: "PN1"},
        booklets={a1.pk: "returned"}, attendees=["child"], reports_shared_3_days=True, today=TODAY,
    )  # fmt: skip
    visit(page, f"{live_server.url}/sign-in/")
    page.fill("#id_username", "head")
    page.fill("#id_password", PASSWORD)
    submit(page, "Sign in")
    visit(page, f"{live_server.url}/management/")
    assert "not in a return yet" in page.locator("#returns-differ").inner_text()
    held = page.locator("#year-figures .govuk-summary-list__row", has_text="LAC reviews held")
    assert held.locator("dd").inner_text().split() == ["1", "In", "the", "returns:", "0"]
