"""The chair's pages: per role, scope (404 for another chair's child), errors, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.audit.models import AccessEvent
from iru.web.children.models import LacReview
from iru.web.disputes.models import Escalation, RagRating
from iru.web.meetings.models import Meeting
from iru.web.oversight.models import OversightNote
from iru.web.schedule.services import schedule_ensure_current
from tests.web.conftest import TODAY, d
from tests.web.fixtures.chair import looked_after_child, make_user

pytestmark = pytest.mark.django_db


def details_url(kind, *children):
    query = "&".join(f"children={c.pk}" for c in children)
    return f"{reverse('meetings:record')}?kind={kind}&{query}"


HELD = {"held_day": "30", "held_month": "5", "held_year": "2024", "reports_shared": "yes",
        "attendees": ["child", "carer"]}  # fmt: skip


def test_my_children_is_the_chair_s_landing_page(client, chair, a1):
    client.force_login(chair)
    page = client.get(reverse("children:list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "My children" in html
    assert "Alfie Ash" in html
    assert "LAC review" in html
    assert "govuk-tag--red" in html  # A1's review was due 20 January 2024
    assert 'govuk-tag--red">Red' in html  # last RAG rating R1 (red)


def test_my_children_filters_and_sorts(client, chair, a1):
    looked_after_child("ZZ", "2015-01-01", decom="2024-05-28")  # review due in June, not rated
    client.force_login(chair)
    overdue = client.get(reverse("children:mine"), {"overdue": "yes"}).context["rows"]
    assert [r.child.la_child_id for r in overdue] == ["A1"]
    unrated = client.get(reverse("children:mine"), {"rag": "none", "kind": "lac_review"})
    assert [r.child.la_child_id for r in unrated.context["rows"]] == ["ZZ"]
    by_name = client.get(reverse("children:mine"), {"sort": "name"}).context["rows"]
    assert [r.child.la_child_id for r in by_name] == ["A1", "ZZ"]


def test_a_wrong_filter_is_an_error_not_a_500(client, chair, a1):
    client.force_login(chair)
    page = client.get(reverse("children:mine"), {"kind": "nonsense"})
    assert page.status_code == 200
    assert "govuk-error-summary" in page.content.decode()


@pytest.mark.parametrize("extra", [3, 40])
def test_my_children_does_not_query_per_child(client, chair, django_assert_max_num_queries, extra):
    for i in range(extra):
        looked_after_child(f"X{i}", "2015-01-01")
    client.force_login(chair)
    schedule_ensure_current(today=TODAY)  # the new children's stored rows, in a few queries
    with django_assert_max_num_queries(16):
        page = client.get(reverse("children:mine"))
    assert len(page.context["rows"]) == extra + 1


def test_others_are_sent_to_the_children_list(client, imported):
    client.force_login(make_user("hos", "head_of_service", "S7"))
    assert client.get(reverse("children:mine")).status_code == 302
    assert client.get(reverse("children:list")).status_code == 200


def test_the_child_s_page_shows_the_history_and_is_logged(client, chair, a1, b2):
    client.force_login(chair)
    html = client.get(reverse("children:detail", args=[a1.pk])).content.decode()
    for text in ("Period of care from 1 Apr 2023", "U3: ", "C2: ", "Spoke to carer",
                 "Permanence plan not progressed", "Plan drifting", "PN1"):  # fmt: skip
        assert text in html, text
    assert AccessEvent.objects.filter(
        action="view_child", child_id=a1.pk, outcome="allowed"
    ).exists()
    assert client.get(reverse("children:detail", args=[b2.pk])).status_code == 404


def test_recording_a_lac_review_end_to_end(client, chair, a1):
    client.force_login(chair)
    start = client.post(reverse("meetings:start"), {"kind": "lac_review", "children": [a1.pk]})
    assert start.status_code == 302
    assert start["Location"] == details_url("lac_review", a1)
    answers = {f"participation_{a1.pk}": "PN1", f"booklet_{a1.pk}": "returned"}
    saved = client.post(details_url("lac_review", a1), HELD | answers)
    meeting = Meeting.objects.get(date=d("2024-05-30"))
    assert saved["Location"] == reverse("meetings:detail", args=[meeting.pk])
    assert LacReview.objects.filter(child=a1, review=d("2024-05-30"), review_code="PN1").exists()
    confirmation = client.get(saved["Location"]).content.decode()
    assert "LAC review by 30 November 2024" in confirmation
    rate = reverse("rag:rate", args=[meeting.pk, a1.pk])
    assert client.post(rate, {"rating": "red"}).status_code == 200  # no reason: error
    sent = client.post(rate, {"rating": "red", "reasons_red": ["LAC-R-01"], "comment": "x"})
    assert sent.status_code == 302
    assert RagRating.objects.get(meeting=meeting).response_due == d("2024-06-10")


@pytest.mark.parametrize(
    ("fields", "message", "href"),
    [
        ({"held_day": "31", "held_month": "2"}, "must be a real date", "#id_held_day"),
        ({"held_year": ""}, "must include a year", "#id_held_day"),
        ({"held_day": "x"}, "must be a real date", "#id_held_day"),
        ({"held_month": "7"}, "today or in the past", "#id_held_day"),
        ({"participation": "PN0"}, "PN0 is only for a child under 4", "#id_participation_{pk}_0"),
        ({"participation": "PN9"}, "Select a valid choice", "#id_participation_{pk}_0"),
        ({"booklet": ""}, "Select what happened to the consultation booklet", "#id_booklet_{pk}_0"),
        ({"booklet": "lost"}, "Select a valid choice", "#id_booklet_{pk}_0"),
    ],
)
def test_a_wrong_value_is_shown_in_the_error_summary(client, chair, fields, message, href):
    child = looked_after_child("TEN", "2014-01-01")  # aged 10
    client.force_login(chair)
    data = (
        HELD
        | {
            f"participation_{child.pk}": fields.pop("participation", "PN1"),
            f"booklet_{child.pk}": fields.pop("booklet", "sent"),
        }
        | fields
    )
    page = client.post(details_url("lac_review", child), data)
    assert page.status_code == 200
    html = page.content.decode()
    assert "govuk-error-summary" in html
    assert message in html
    assert f'href="{href.format(pk=child.pk)}"' in html
    assert f'id="{href.format(pk=child.pk)[1:]}"' in html  # the link's target exists
    assert not LacReview.objects.filter(child=child).exists()


def test_another_chair_s_child_is_404_on_every_write(client, chair, b2, other_chair):
    meeting = Meeting.objects.get(external_id="M2")
    escalation = Escalation.objects.create(
        child=b2, raised=d("2024-06-03"), stage_due=d("2024-06-10")
    )
    client.force_login(chair)
    posts = [
        (reverse("meetings:start"), {"kind": "rcpc", "children": [b2.pk]}),
        (details_url("rcpc", b2), HELD),
        (reverse("rag:rate", args=[meeting.pk, b2.pk]), {"rating": "green"}),
        (reverse("rag:oversight", args=[b2.pk]), {"day_day": "1", "day_month": "6",
                                                  "day_year": "2024", "text": "x"}),
        (reverse("rag:escalation-raise", args=[b2.pk]), {"summary": "x"}),
        (reverse("rag:escalation-advance", args=[escalation.pk]), {}),
        (reverse("rag:escalation-resolve", args=[escalation.pk]), {"outcome": "x"}),
        (reverse("rag:escalation-cafcass", args=[escalation.pk]), {}),
    ]  # fmt: skip
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("rag:escalation", args=[escalation.pk])).status_code == 404
    assert not OversightNote.objects.filter(child=b2).exists()
    assert Escalation.objects.filter(child=b2).count() == 1


@pytest.mark.parametrize("role", ["team_manager", "admin", "head_of_service"])
def test_only_chairs_write(client, imported, a1, role):
    staff = {"team_manager": "S3", "admin": "S6", "head_of_service": "S7"}[role]
    client.force_login(make_user(role, role, staff))
    assert client.get(reverse("meetings:start")).status_code == 403
    assert client.post(reverse("rag:oversight", args=[a1.pk]), {}).status_code == 403
    assert client.post(reverse("rag:escalation-raise", args=[a1.pk]), {}).status_code == 403


def test_oversight_and_escalation_pages(client, chair, a1):
    client.force_login(chair)
    fields = {"day_day": "3", "day_month": "6", "day_year": "2024", "text": "Visited"}
    note = client.post(reverse("rag:oversight", args=[a1.pk]), fields)
    assert note.status_code == 302
    assert OversightNote.objects.filter(text="Visited").exists()
    empty = client.post(reverse("rag:escalation-raise", args=[a1.pk]), {"summary": ""})
    assert 'href="#id_summary"' in empty.content.decode()
    raised = client.post(reverse("rag:escalation-raise", args=[a1.pk]), {"summary": "Drift"})
    escalation = Escalation.objects.get(summary="Drift")
    assert raised["Location"] == reverse("rag:escalation", args=[escalation.pk])
    client.post(
        reverse("rag:escalation-advance", args=[escalation.pk]),
        {"response": "None", "to": "Sam Lee, service manager"},
    )
    client.post(reverse("rag:escalation-cafcass", args=[escalation.pk]))
    page = client.get(reverse("rag:escalation", args=[escalation.pk])).content.decode()
    assert "Stage 2: service manager" in page
    assert "Sam Lee, service manager" in page
    assert "Referred" in page
    bad = client.post(reverse("rag:escalation-resolve", args=[escalation.pk]), {"outcome": ""})
    assert bad.status_code == 200
    assert "Enter how the dispute was resolved" in bad.content.decode()


def test_record_a_meeting_from_a_child_s_page_ticks_the_child_and_the_list_can_be_searched(
    client, chair, a1
):
    for i in range(12):
        looked_after_child(f"K{i:02}", "2015-01-01")
    client.force_login(chair)
    url = reverse("meetings:start")
    ticked = client.get(f"{url}?child={a1.pk}").content.decode()
    assert f'value="{a1.pk}" checked' in ticked
    found = client.get(url, {"q": "k03", "child": a1.pk}).content.decode()
    assert "(K03)" in found
    assert "(K04)" not in found
    assert f'value="{a1.pk}" checked' in found  # a ticked child stays, whatever the search
    assert "Showing 2 of your 13 children" in found


def test_codes_are_shown_in_words(client, chair, a1):
    client.force_login(chair)
    page = client.get(reverse("children:detail", args=[a1.pk])).content.decode()
    assert "PN1: Child physically attends and speaks for him or herself" in page
    meeting = Meeting.objects.get(external_id="M1")
    shown = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Child or young person, Carer, Social worker" in shown
    assert "PN1: Child physically attends" in shown


def test_ending_a_plan_is_checked_before_it_is_saved(client, other_chair, b2):
    client.force_login(other_chair)
    url = reverse("meetings:record") + f"?kind=rcpc&children={b2.pk}"
    answers = {**HELD, "outcome": "no_plan", f"booklet_{b2.pk}": "sent"}
    check = client.post(url, answers)
    page = check.content.decode()
    assert check.status_code == 200
    assert "Check before you save" in page
    assert "Bella Birch (B2)" in page
    assert "The plan that started on 20 October 2023 ends" in page
    assert not Meeting.objects.filter(kind="rcpc").exists()
    changed = client.post(url, {**answers, "change": "1"})
    assert 'name="outcome"' in changed.content.decode()  # back to the form, answers kept
    assert not Meeting.objects.filter(kind="rcpc").exists()
    saved = client.post(url, {**answers, "confirmed": "1"})
    assert saved.status_code == 302
    assert Meeting.objects.filter(kind="rcpc").count() == 1


def test_a_review_conference_that_changes_nothing_is_saved_at_once(client, other_chair, b2):
    client.force_login(other_chair)
    url = reverse("meetings:record") + f"?kind=rcpc&children={b2.pk}"
    answers = {**HELD, "outcome": "plan", f"booklet_{b2.pk}": "returned"}
    assert client.post(url, answers).status_code == 302
