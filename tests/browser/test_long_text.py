"""Long text wraps: a 10,000-character word in a note, a summary and a comment never makes a page
wider than the window (it made the child's page 113,008 px wide)."""

from __future__ import annotations

from datetime import date

import pytest

from iru.web import clock
from iru.web.children.models import Child
from iru.web.disputes.models import Escalation
from iru.web.imports.services.dataset import import_dataset
from iru.web.oversight.models import OversightNote
from tests.web.conftest import TODAY, small_dataset, small_unit
from tests.web.fixtures.roles import PASSWORD, make_users

WORD = "x" * 10_000
WIDTH = 1280


@pytest.fixture
def long_words(transactional_db, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    import_dataset(dataset=small_dataset(), unit=small_unit(), today=TODAY)
    make_users()
    a1 = Child.objects.get(la_child_id="A1")
    OversightNote.objects.create(child=a1, date=date(2024, 6, 1), text=WORD)
    escalation = Escalation.objects.create(child=a1, raised=date(2024, 6, 1), summary=WORD)
    return a1, escalation


def test_long_words_wrap_on_the_child_s_page_and_the_escalation(page, live_server, long_words):
    a1, escalation = long_words
    page.set_viewport_size({"width": WIDTH, "height": 900})
    page.goto(f"{live_server.url}/sign-in/")
    page.fill("#id_username", "chair")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
    for path in (f"/children/{a1.pk}/", f"/rag/escalations/{escalation.pk}/"):
        page.goto(f"{live_server.url}{path}")
        assert WORD[:50] in page.content()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= WIDTH, (path, width)
