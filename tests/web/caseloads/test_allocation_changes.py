"""An allocation made in error is corrected or cancelled with a reason, every version kept; a
cancelled spell counts for no day and the spell before it runs on."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from iru.web.caseloads.models import Allocation
from iru.web.caseloads.scope import children_visible_to
from iru.web.caseloads.selectors import spell_history
from iru.web.caseloads.services import allocation_cancel, allocation_correct, allocation_reassign
from iru.web.children.models import Child
from tests.web.conftest import TODAY, d
from tests.web.fixtures.head import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def a1(users):
    return Child.objects.get(la_child_id="A1")


def handed_to_colin(a1, head, on=TODAY):
    return allocation_reassign(child=a1, kind="lac", chair=staff("S2"), on=on, by=head,
                               today=TODAY)  # fmt: skip


def test_the_wrong_chair_is_corrected_without_a_new_spell(users, head, a1):
    spell = handed_to_colin(a1, head)
    allocation_correct(spell=spell, chair=staff("S1"), social_worker=spell.social_worker,
                       team=spell.team, start=spell.start, reason="Meant Iris", by=head,
                       today=TODAY)  # fmt: skip
    spell.refresh_from_db()
    assert spell.chair.external_id == "S1"
    assert a1.allocations.filter(kind="lac").count() == 2  # no spell added
    corrected = spell_history(spell)[-1]
    assert [(f.label, f.before, f.after) for f in corrected.fields] == [
        ("Chair", "Colin Chase", "Iris Reed")
    ]
    assert corrected.reason == "Meant Iris"


def test_moving_the_start_moves_the_end_of_the_spell_before(users, head, a1):
    spell = handed_to_colin(a1, head)
    allocation_correct(spell=spell, chair=spell.chair, social_worker=spell.social_worker,
                       team=spell.team, start=d("2024-05-27"), reason="Handed over a week ago",
                       by=head, today=TODAY)  # fmt: skip
    before = a1.allocations.get(kind="lac", start=d("2023-04-01"))
    assert before.end == d("2024-05-27")
    with pytest.raises(ValidationError, match="after the allocation before it started"):
        allocation_correct(spell=spell, chair=spell.chair, social_worker=spell.social_worker,
                           team=spell.team, start=d("2023-03-01"), reason="x", by=head,
                           today=TODAY)  # fmt: skip


def test_a_cancelled_spell_counts_for_no_day_and_the_one_before_runs_on(users, head, a1):
    spell = handed_to_colin(a1, head)
    allocation_cancel(spell=spell, reason="Wrong child", by=head, today=TODAY)
    spell.refresh_from_db()
    assert (spell.start, spell.end, spell.cancelled_on) == (TODAY, TODAY, TODAY)
    before = a1.allocations.get(kind="lac", start=d("2023-04-01"))
    assert before.end is None
    assert children_visible_to(users["chair"], today=TODAY).filter(pk=a1.pk).exists()
    with pytest.raises(ValidationError, match="has been cancelled"):
        allocation_cancel(spell=spell, reason="again", by=head, today=TODAY)
    again = handed_to_colin(a1, head)  # the cancelled spell does not block a new one
    assert again.start == TODAY
    with pytest.raises(ValidationError, match="Only the latest"):
        allocation_cancel(spell=before, reason="x", by=head, today=TODAY)


def test_no_one_else_changes_an_allocation(users, head, a1):
    spell = handed_to_colin(a1, head)
    with pytest.raises(PermissionDenied):
        allocation_cancel(spell=spell, reason="x", by=users["admin"], today=TODAY)
    with pytest.raises(ValidationError, match="why you are changing"):
        allocation_cancel(spell=spell, reason=" ", by=head, today=TODAY)
    assert Allocation.objects.get(pk=spell.pk).cancelled_on is None


def test_the_pages(head_client, users, head, a1):
    spell = handed_to_colin(a1, head)
    page = head_client.get(reverse("management:child-allocations", args=[a1.pk])).content.decode()
    assert reverse("management:allocation-cancel", args=[spell.pk]) in page
    url = reverse("management:allocation-correct", args=[spell.pk])
    start = {"start_day": "3", "start_month": "6", "start_year": "2024"}
    data = {"chair": staff("S1").pk, "social_worker": spell.social_worker_id,
            "team": spell.team_id, **start}  # fmt: skip
    assert (
        "Enter why you are changing the allocation" in head_client.post(url, data).content.decode()
    )
    assert head_client.post(url, data | {"reason": "Meant Iris"}).status_code == 302
    assert "Meant Iris" in head_client.get(url).content.decode()
    cancel = reverse("management:allocation-cancel", args=[spell.pk])
    assert head_client.post(cancel, {"reason": "Wrong child"}).status_code == 302
    page = head_client.get(reverse("management:child-allocations", args=[a1.pk])).content.decode()
    assert "Allocation cancelled: the one before it runs on" in page
    assert "Wrong child" in page
