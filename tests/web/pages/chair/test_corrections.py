"""Correcting and cancelling an oversight note through the pages, its history shown."""

from __future__ import annotations

import pytest
from django.urls import reverse

from iru.web.caseloads.models import Allocation
from iru.web.disputes.models import RagRating
from iru.web.disputes.services.responses import ActionInput, rag_rating_respond
from iru.web.oversight.models import OversightNote
from iru.web.people.models import Staff, User
from tests.web.conftest import d

pytestmark = pytest.mark.django_db


def when(name, day, month, year):
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def test_the_author_corrects_then_cancels_a_note(client, chair, a1):
    client.force_login(chair)
    note = OversightNote.objects.get(external_id="N1")  # 1 June 2023, by Iris Reed
    child_page = client.get(reverse("children:detail", args=[a1.pk])).content.decode()
    assert reverse("rag:oversight-correct", args=[note.pk]) in child_page
    url = reverse("rag:oversight-correct", args=[note.pk])
    missing = client.post(url, {**when("day", "1", "6", "2023"), "text": "Spoke to the carer"})
    assert "Enter why you are changing the note" in missing.content.decode()
    saved = client.post(url, {**when("day", "1", "6", "2023"), "text": "Spoke to the carer",
                              "reason": "Spelling"})  # fmt: skip
    assert saved.status_code == 302
    page = client.get(url).content.decode()
    assert "Spoke to carer</del> to Spoke to the carer" in page
    assert "Spelling" in page
    cancel = reverse("rag:oversight-cancel", args=[note.pk])
    assert "Are you sure you want to cancel this note?" in client.get(cancel).content.decode()
    assert client.post(cancel, {"reason": "About another child"}).status_code == 302
    after = client.get(reverse("children:detail", args=[a1.pk])).content.decode()
    assert "Cancelled 3 Jun 2024" in after
    assert "About another child" in after
    assert "Oversight note cancelled" in after


def test_no_one_else_may_open_the_correction(client, imported, a1):
    note = OversightNote.objects.get(external_id="N1")
    manager = User.objects.create_user(username="tm", password="pw", role=User.Role.TEAM_MANAGER,
                                       staff=Staff.objects.get(external_id="S3"))  # fmt: skip
    client.force_login(manager)  # sees A1 (team T1) but did not write the note
    assert client.get(reverse("rag:oversight-correct", args=[note.pk])).status_code == 403
    assert (
        client.post(reverse("rag:oversight-cancel", args=[note.pk]), {"reason": "x"}).status_code
        == 403
    )
    assert OversightNote.objects.get(pk=note.pk).cancelled_on is None


def test_the_meeting_s_chair_corrects_an_imported_rating_then_cancels_it(client, chair, a1):
    rating = RagRating.objects.get(external_id="R1")  # red, after Iris Reed's M1, no response
    client.force_login(chair)
    child_page = client.get(reverse("children:detail", args=[a1.pk])).content.decode()
    url = reverse("rag:rating-correct", args=[rating.pk])
    assert url in child_page
    page = client.get(url).content.decode()
    assert 'value="red" checked' in page
    assert 'value="LAC-R-01" checked' in page  # what it says now is chosen already
    form = {"rating": "red", "reasons_red": ["LAC-R-01"], "comment": "Plan drifting badly"}
    assert "Enter why you are changing the rating" in client.post(url, form).content.decode()
    saved = client.post(url, form | {"reason": "Said more"})
    assert saved.status_code == 302
    page = client.get(url).content.decode()
    assert "As first recorded" in page  # the imported version, kept before the change
    assert "<del>Plan drifting</del> to Plan drifting badly" in page
    cancel = reverse("rag:rating-cancel", args=[rating.pk])
    assert client.post(cancel, {"reason": "Rated after the wrong meeting"}).status_code == 302
    after = client.get(reverse("children:detail", args=[a1.pk])).content.decode()
    assert "Rating cancelled: it is kept, marked cancelled" in after
    assert "Rated after the wrong meeting" in after


def test_another_chair_may_not_change_a_rating(client, other_chair, a1):
    Allocation.objects.create(child=a1, kind="cp", chair=other_chair.staff, start=d("2024-01-01"))
    rating = RagRating.objects.get(external_id="R1")
    client.force_login(other_chair)  # sees A1 now, but did not give the rating
    assert client.get(reverse("rag:rating-correct", args=[rating.pk])).status_code == 403
    child_page = client.get(reverse("children:detail", args=[a1.pk])).content.decode()
    assert reverse("rag:rating-correct", args=[rating.pk]) not in child_page


def test_the_chair_sees_the_answers_and_their_dated_actions(client, chair, a1):
    manager = User.objects.create_user(username="tm", password="pw", role=User.Role.TEAM_MANAGER,
                                       staff=Staff.objects.get(external_id="S3"))  # fmt: skip
    rating = RagRating.objects.get(external_id="R1")
    due = [ActionInput("Permanence meeting", d("2024-06-03"))]
    rag_rating_respond(rating=rating, user=manager, response="Meeting booked", actions=due,
                       today=d("2024-06-03"))  # fmt: skip
    client.force_login(chair)
    page = client.get(reverse("children:mine")).content.decode()
    assert "Answers in the last 4 weeks" in page
    assert "Meeting booked" in page
    assert "Permanence meeting" in page
    assert "Date passed" not in page  # due today: not passed yet
