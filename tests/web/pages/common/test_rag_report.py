"""The monthly RAG report page: each role sees its own children's ratings, the month picker
refuses a month the data does not cover, and each view is logged once.

Over tests/web/conftest.py on Monday 3 June 2024: A1 (team T1, chair S1), B2 (team T2, chair
S2), C3 (team T1, allocation ended in 2021); R1, a red rating of A1 on 25 April 2023, is the
first rating, so the months run from April 2023 to June 2024 and May 2024 is the default.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import escape

from iru.web.audit.models import AccessEvent
from iru.web.children.models import Child
from iru.web.disputes.models import RagRating, RagReason
from iru.web.meetings.models import Meeting
from iru.web.people.models import Staff

pytestmark = pytest.mark.django_db

URL = reverse("reports:rag-report")


def rate(la_id: str, kind: str, day: date, colour: str, codes=(), **more) -> RagRating:
    meeting = Meeting.objects.create(kind=kind, date=day, chair=Staff.objects.get(external_id="S1"))
    rating = RagRating.objects.create(
        meeting=meeting, child=Child.objects.get(la_child_id=la_id), rating=colour, **more
    )
    rating.reasons.add(*RagReason.objects.filter(code__in=codes))
    return rating


@pytest.fixture
def may(users, today):
    """May 2024: A1 red and green LAC ratings; B2 an amber conference; C3 a red LAC rating."""
    rate("A1", "lac_review", date(2024, 5, 1), "red", ["LAC-R-01", "LAC-R-02"])
    rate("A1", "lac_review", date(2024, 5, 31), "green", ["LAC-G-01"])
    rate("B2", "rcpc", date(2024, 5, 15), "amber", ["CP-A-01"],
         team_manager=Staff.objects.get(external_id="S4"), sent=date(2024, 5, 16),
         response_due=date(2024, 5, 23))  # fmt: skip
    rate("C3", "lac_review", date(2024, 5, 20), "red")
    return users


def ratings_rows(response) -> dict:
    return dict(response.context["document"].table("rag-ratings").rows)


# (type row, red, amber, green) in May 2024, hand-counted from the fixture, by role.
EXPECTED = {
    "head": {"LAC reviews": (2, 0, 1), "Child protection conferences": (0, 1, 0)},
    "admin": {"LAC reviews": (2, 0, 1), "Child protection conferences": (0, 1, 0)},
    "chair": {"LAC reviews": (1, 0, 1), "Child protection conferences": (0, 0, 0)},
    "tm_a": {"LAC reviews": (1, 0, 1), "Child protection conferences": (0, 0, 0)},
    "tm_b": {"LAC reviews": (0, 0, 0), "Child protection conferences": (0, 1, 0)},
}
WHOSE = {"head": "The unit", "admin": "The unit", "chair": "Your children",
         "tm_a": "Your team's children", "tm_b": "Your team's children"}  # fmt: skip


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_role_sees_its_own_children_s_ratings(client, may, name):
    client.force_login(may[name])
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["document"].period == "2024-05"  # the last complete month
    rows = ratings_rows(response)
    for row, counts in EXPECTED[name].items():
        assert rows[row][:3] == counts, (name, row)
    page = response.content.decode()
    assert f'<span class="govuk-caption-l">{escape(WHOSE[name])}</span>' in page
    assert "Monthly RAG report: May 2024" in page


def test_the_reasons_are_shown_in_the_unit_s_words(client, may):
    client.force_login(may["head"])
    page = client.get(URL).content.decode()
    for code in ("LAC-R-01", "LAC-G-01", "CP-A-01"):
        assert RagReason.objects.get(code=code).text in page
        assert code not in page


def test_the_team_manager_sees_their_overdue_response(client, may):
    client.force_login(may["tm_b"])
    overdue = client.get(URL).context["document"].table("rag-overdue")
    assert overdue.rows[0] == ("Tom Oak", ("South CP team", 1, "23 May 2024"))


def test_a_month_with_no_ratings(client, may):
    client.force_login(may["head"])
    response = client.get(URL, {"month": "2024-03"})
    assert response.status_code == 200
    assert ratings_rows(response)["Total"] == (0,) * 8
    assert "March 2024" in response.content.decode()


def test_the_current_month_is_counted_as_at_today(client, may):
    client.force_login(may["head"])
    document = client.get(URL, {"month": "2024-06"}).context["document"]
    assert document.table("rag-escalations").caption == "Escalations open on 3 June 2024, by stage"


def test_the_months_run_from_the_first_rating_latest_first(client, may):
    client.force_login(may["head"])
    choices = client.get(URL).context["form"].fields["month"].choices
    assert choices[0] == ("2024-06", "June 2024")
    assert choices[-1] == ("2023-04", "April 2023")
    assert len(choices) == 15


@pytest.mark.parametrize("month", ["2024-13", "not a month", "", "2023-03", "2024-07"])
def test_a_bad_month_is_a_form_error_not_a_500(client, may, month):
    client.force_login(may["head"])
    response = client.get(URL, {"month": month})
    assert response.status_code == 200
    assert response.context["document"] is None
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Choose a month from the list" in page
    assert "<title>Error: " in page


def test_a_team_manager_with_no_ratings_has_no_month_to_report(client, may):
    client.force_login(may["tm_b"])
    Child.objects.get(la_child_id="B2").rag_ratings.all().delete()
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["document"] is None
    assert "no RAG ratings about your team" in response.content.decode()


def test_each_view_is_logged_once_without_a_child(client, may):
    client.force_login(may["chair"])
    client.get(URL, {"month": "2024-05"})
    events = AccessEvent.objects.filter(action="view_rag_report")
    assert events.count() == 1
    event = events.get()
    assert (event.user, event.outcome, event.child_id) == (may["chair"], "allowed", None)
    assert event.path == f"{URL}?month=2024-05"


def test_every_role_s_navigation_links_to_the_report(client, may):
    for name in ("head", "chair", "tm_a"):
        client.force_login(may[name])
        page = client.get(URL).content.decode()
        assert f'href="{URL}"' in page, name
        assert ">RAG report</a>" in page, name
    client.force_login(may["admin"])  # admin's Reports page lists it with the annual report
    assert f'href="{reverse("reports:index")}"' in client.get(URL).content.decode()
    assert f'href="{URL}"' in client.get(reverse("reports:index")).content.decode()


def test_a_download_is_the_month_of_the_user_s_own_children_and_logged(client, may):
    import io

    from openpyxl import load_workbook

    client.force_login(may["chair"])
    url = reverse("reports:rag-download", args=["2024-05", "xlsx"])
    response = client.get(url)
    assert "rag-report-2024-05-full-draft.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content))["rag-ratings"]
    rows = {row[0]: row[1:4] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["LAC reviews"] == EXPECTED["chair"]["LAC reviews"]
    event = AccessEvent.objects.get(action="download_rag_report")
    assert event.user == may["chair"]
    public = client.get(reverse("reports:rag-download", args=["2024-05", "pdf"]),
                        {"edition": "public"})  # fmt: skip
    assert public["Content-Type"] == "application/pdf"
    assert "public-draft.pdf" in public["Content-Disposition"]
    for wrong in (("2024-13", "pdf"), ("1999-01", "pdf"), ("2024-05", "exe")):
        assert client.get(reverse("reports:rag-download", args=wrong)).status_code == 404


def test_the_head_of_service_writes_the_month_s_commentary_everyone_reads_it(client, may):
    url = reverse("reports:rag-narrative", args=["2024-05", "commentary"])
    client.force_login(may["chair"])
    assert client.get(url).status_code == 403
    client.force_login(may["head"])
    preview = client.post(url, {"text": "Fewer **reds** <script>x</script>", "action": "preview"})
    assert "<strong>reds</strong>" in preview.content.decode()
    assert "<script>x" not in preview.content.decode()
    saved = client.post(url, {"text": "Fewer **reds** this month.", "action": "save"})
    assert saved["Location"] == f"{URL}?month=2024-05"
    client.force_login(may["tm_a"])
    page = client.get(URL, {"month": "2024-05"}).content.decode()
    assert "Fewer <strong>reds</strong> this month." in page
    assert url not in page  # only the Head of Service is offered the writing
