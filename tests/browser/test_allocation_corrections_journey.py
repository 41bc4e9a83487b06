"""The Head of Service reallocates a child to the wrong chair, corrects it, then cancels the
reallocation: the case goes back to the chair before, and the history says so."""

from __future__ import annotations

from iru.web.children.models import Child
from tests.web.conftest import TODAY

from .test_head_of_service_journey import PASSWORD, head, submit, visit  # noqa: F401 (the fixture)


def test_an_allocation_corrected_then_cancelled(page, live_server, head):  # noqa: F811
    visit(page, f"{live_server.url}/sign-in/")
    page.fill("#id_username", "head")
    page.fill("#id_password", PASSWORD)
    submit(page, "Sign in")
    a1 = Child.objects.get(la_child_id="A1")
    visit(page, f"{live_server.url}/management/allocations/{a1.pk}/")
    page.check("#id_kind_0")
    page.select_option("#id_chair", label="Colin Chase (Independent Conference Chair)")
    page.fill("#id_effective_day", str(TODAY.day))
    page.fill("#id_effective_month", str(TODAY.month))
    page.fill("#id_effective_year", str(TODAY.year))
    submit(page, "Reallocate")

    page.click("#history a:has-text('Correct') >> nth=0")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Correct the allocation"
    page.select_option("#id_chair", label="Iris Reed (Independent Reviewing Officer)")
    submit(page, "Save the correction")  # no reason: an error, shown accessibly
    assert (
        "Enter why you are changing the allocation"
        in page.locator(".govuk-error-summary").inner_text()
    )
    page.fill("#id_reason", "Meant to keep Iris, change the team")
    submit(page, "Save the correction")
    assert "Allocation corrected" in page.locator(".govuk-notification-banner").inner_text()

    page.click("#history a:has-text('Cancel') >> nth=0")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Are you sure you want to cancel this allocation?"
    page.fill("#id_reason", "No change was needed")
    submit(page, "Cancel the allocation")
    rows = page.locator("#history tbody tr")
    assert "Cancelled" in rows.first.inner_text()
    assert "Now" in rows.nth(1).inner_text()  # the spell before runs on
    assert a1.allocations.get(kind="lac", end__isnull=True).chair.external_id == "S1"
