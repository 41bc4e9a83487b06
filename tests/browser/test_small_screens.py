"""At a phone's 375 px no page is wider than the screen: wide tables scroll inside the page."""

from __future__ import annotations

import pytest

from iru.web import clock
from iru.web.imports.services.dataset import import_dataset
from tests.web.conftest import TODAY, d, episodes_only, small_dataset, small_unit
from tests.web.fixtures.roles import PASSWORD, make_users

WIDTH = 375
PAGES = {
    "chair": ["/children/mine/", "/children/{a1}/"],
    "admin": ["/unit/schedule/", "/imports/", "/imports/{run}/", "/children/"],
    "head": ["/management/", "/management/caseloads/", "/management/rag-reasons/"],
    "tm_a": ["/inbox/"],
}


@pytest.fixture
def unit(transactional_db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    import_dataset(dataset=small_dataset(), unit=small_unit(), today=TODAY)
    # W1's DECOM corrected from 29 February to 1 March 2024: the run has both lists to show.
    import_dataset(dataset=episodes_only([("W1", d("2024-02-29"), None)]), unit=None, today=TODAY)
    import_dataset(dataset=episodes_only([("W1", d("2024-03-01"), None)]), unit=None, today=TODAY)
    return make_users()


@pytest.mark.parametrize("who", list(PAGES))
def test_no_page_is_wider_than_a_phone(browser, live_server, unit, who):
    from iru.web.children.models import Child
    from iru.web.imports.models import ImportRun

    a1 = Child.objects.get(la_child_id="A1").pk
    run = ImportRun.objects.latest("pk").pk
    context = browser.new_context(viewport={"width": WIDTH, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/sign-in/")
    page.fill("#id_username", who)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    for path in PAGES[who]:
        page.goto(f"{live_server.url}{path.format(a1=a1, run=run)}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= WIDTH, (path, width)
    context.close()
