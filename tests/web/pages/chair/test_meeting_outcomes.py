"""Record a meeting's consultation booklets and a conference's outcome: errors beside their
fields, the "Check before you save" page in words, the booklets on the meeting's and the
child's pages, and a booklet corrected."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.children.models import CpPlan
from iru.web.meetings.models import Meeting
from tests.web.conftest import d
from tests.web.fixtures.chair import child_awaiting_icpc, child_on_a_plan_awaiting_icpc

pytestmark = pytest.mark.django_db
HELD = {"held_day": "30", "held_month": "5", "held_year": "2024", "reports_shared": "yes",
        "attendees": ["parent"]}  # fmt: skip


def record_url(kind, *children):
    query = "&".join(f"children={c.pk}" for c in children)
    return f"{reverse('meetings:record')}?kind={kind}&{query}"


def booklets(*children, said="sent"):
    return {f"booklet_{c.pk}": said for c in children}


def assert_beside(html, message, href):
    """The message is in the error summary, linked to the field, whose input exists."""
    assert "govuk-error-summary" in html
    assert message in html
    assert f'href="{href}"' in html
    assert f'id="{href[1:]}"' in html


def test_each_kind_of_conference_offers_its_own_outcomes(client, other_chair, b2):
    client.force_login(other_chair)
    initial = client.get(record_url("icpc", child_awaiting_icpc("P1"))).content.decode()
    for label in ("Child protection plan", "No plan", "Change of category", "Child died"):
        assert f">{label}</label>" in initial
    assert "for example one who moved here on a plan" in initial
    review = client.get(record_url("rcpc", b2)).content.decode()
    for label in ("The plan continues", "The plan ends", "Change of category", "Child died"):
        assert f">{label}</label>" in review
    assert "Consultation booklet for Bella Birch (B2)" in review
    for label in ("Returned", "Sent, not returned", "Not sent"):
        assert f">{label}</label>" in review


@pytest.mark.parametrize(
    ("answers", "message", "href"),
    [
        ({}, "Select the outcome of the conference", "#id_outcome_0"),
        ({"outcome": "plan"}, "Select the category of abuse", "#id_category"),
        (
            {"outcome": "no_plan", "category": "NEG"},
            "Only select a category of abuse for a new plan or a change of category",
            "#id_category",
        ),
        (
            {"outcome": "change_of_category", "category": "PHY"},
            "Pip P1 (P1) was not subject to "
            "a plan on 30 May 2024: change of category is only for a child already subject to a "
            "plan",
            "#id_outcome_0",
        ),
        (
            {"outcome": "child_died", "booklet": ""},
            "Select what happened to the consultation booklet",
            "#id_booklet_{pk}_0",
        ),
    ],
)
def test_a_wrong_outcome_or_booklet_is_shown_beside_its_field(client, other_chair, answers,
                                                              message, href):  # fmt: skip
    child = child_awaiting_icpc("P1")
    client.force_login(other_chair)
    data = HELD | booklets(child) | {f"booklet_{child.pk}": answers.pop("booklet", "sent")}
    page = client.post(record_url("icpc", child), data | answers)
    assert page.status_code == 200
    assert_beside(page.content.decode(), message, href.format(pk=child.pk))
    assert not Meeting.objects.filter(date=d("2024-05-30")).exists()


def test_child_died_is_checked_child_by_child_before_it_is_saved(client, other_chair):
    on_plan, no_plan = child_on_a_plan_awaiting_icpc("T1"), child_awaiting_icpc("P1")
    client.force_login(other_chair)
    url = record_url("icpc", on_plan, no_plan)
    answers = HELD | booklets(on_plan) | booklets(no_plan, said="not_sent")
    answers["outcome"] = "child_died"
    check = client.post(url, answers).content.decode()
    assert "Check before you save" in check
    assert (
        '<dt class="govuk-summary-list__key">Tam T1 (T1)</dt><dd class="govuk-summary-list__'
        'value">Child died: the plan that started on 10 January 2024 ends</dd>'
    ) in check
    assert "Pip P1 (P1)</dt><dd" in check
    assert "Child died: no plan starts" in check
    assert f'name="booklet_{no_plan.pk}" value="not_sent"' in check  # the answers carried
    assert not Meeting.objects.filter(kind="icpc", date=d("2024-05-30")).exists()
    saved = client.post(url, answers | {"confirmed": "1"})
    meeting = Meeting.objects.get(kind="icpc", date=d("2024-05-30"))
    assert saved["Location"] == reverse("meetings:detail", args=[meeting.pk])
    assert CpPlan.objects.get(child=on_plan).ended_by_conference == d("2024-05-30")
    shown = client.get(saved["Location"]).content.decode()
    assert "Child died" in shown
    assert "Not sent" in shown
    assert "Sent, not returned" in shown


def test_a_change_of_category_is_checked_in_words(client, other_chair):
    child = child_on_a_plan_awaiting_icpc("T1")
    client.force_login(other_chair)
    answers = HELD | booklets(child) | {"outcome": "change_of_category", "category": "EMO"}
    check = client.post(record_url("icpc", child), answers).content.decode()
    assert (
        "Change of category: the plan that started on 10 January 2024 changes from NEG: "
        "Neglect to EMO: Emotional abuse"
    ) in check


def test_a_plan_made_at_an_initial_conference_is_saved_at_once(client, other_chair):
    child = child_awaiting_icpc("P1")
    client.force_login(other_chair)
    answers = HELD | booklets(child, said="returned") | {"outcome": "plan", "category": "NEG"}
    assert client.post(record_url("icpc", child), answers).status_code == 302
    assert CpPlan.objects.get(child=child).start == d("2024-05-30")


def test_booklets_on_the_meeting_s_and_the_child_s_pages(client, chair, a1):
    client.force_login(chair)
    imported = Meeting.objects.get(external_id="M1")
    imported.covered.update(booklet="")  # as a unit file with no booklet column leaves it
    meeting_page = client.get(reverse("meetings:detail", args=[imported.pk])).content.decode()
    assert "Consultation booklet" in meeting_page
    assert '<td class="govuk-table__cell">Not recorded</td>' in meeting_page
    answers = HELD | {f"participation_{a1.pk}": "PN1", f"booklet_{a1.pk}": "returned"}
    client.post(record_url("lac_review", a1), answers)
    child_page = client.get(reverse("children:detail", args=[a1.pk])).content.decode()
    assert '<td class="govuk-table__cell">Returned</td>' in child_page
    assert '<td class="govuk-table__cell">Not recorded</td>' in child_page


def test_a_booklet_is_corrected_on_the_correction_form(client, chair, a1):
    client.force_login(chair)
    answers = HELD | {f"participation_{a1.pk}": "PN1", f"booklet_{a1.pk}": "sent"}
    saved = client.post(record_url("lac_review", a1), answers)
    meeting = Meeting.objects.get(date=d("2024-05-30"))
    url = reverse("meetings:correct", args=[meeting.pk])
    form = client.get(url).content.decode()
    assert f'name="booklet_{a1.pk}" type="radio" value="sent" checked' in form
    blank = client.post(url, answers | {f"booklet_{a1.pk}": "", "reason": "x"}).content.decode()
    assert_beside(blank, "Select what happened to the consultation booklet",
                  f"#id_booklet_{a1.pk}_0")  # fmt: skip
    done = client.post(url, answers | {f"booklet_{a1.pk}": "returned", "reason": "It came back"})
    assert done["Location"] == saved["Location"]
    history = client.get(url).content.decode()
    assert "A1 consultation booklet" in history
    assert "It came back" in history


def test_a_meeting_from_the_unit_s_files_may_keep_its_booklet_unrecorded(client, chair, a1):
    client.force_login(chair)
    meeting = Meeting.objects.get(external_id="M1")
    meeting.covered.update(booklet="")  # as a unit file with no booklet column leaves it
    url = reverse("meetings:correct", args=[meeting.pk])
    assert "Not recorded in the unit&#x27;s files" in client.get(url).content.decode()
    answers = {"held_day": str(meeting.date.day), "held_month": str(meeting.date.month),
               "held_year": str(meeting.date.year), "attendees": ["child"],
               "reports_shared": "no", f"participation_{a1.pk}": "PN1", "reason": "x"}  # fmt: skip
    assert client.post(url, answers).status_code == 302
    assert meeting.covered.get().booklet == ""


def test_with_several_children_the_summary_says_whose_booklet(client, other_chair):
    on_plan, no_plan = child_on_a_plan_awaiting_icpc("T1"), child_awaiting_icpc("P1")
    client.force_login(other_chair)
    answers = HELD | booklets(on_plan) | {"outcome": "no_plan"}
    html = client.post(record_url("icpc", on_plan, no_plan), answers).content.decode()
    assert_beside(html, "Select what happened to the consultation booklet for Pip P1 (P1)",
                  f"#id_booklet_{no_plan.pk}_0")  # fmt: skip
    assert "for Tam T1 (T1)</a>" not in html  # answered: no error
