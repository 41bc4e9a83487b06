"""allocation_reassign: one spell ends, the next starts, history kept, access moves at once."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from iru.web.audit.models import AccessEvent
from iru.web.caseloads.models import Allocation
from iru.web.caseloads.scope import children_visible_to
from iru.web.caseloads.services import allocation_reassign
from iru.web.children.models import Child, CpPlan
from tests.web.conftest import TODAY, d
from tests.web.fixtures.head import staff

pytestmark = pytest.mark.django_db


def test_reallocating_ends_the_spell_and_starts_a_new_one(users, head):
    a1 = Child.objects.get(la_child_id="A1")
    new = allocation_reassign(
        child=a1, kind="lac", chair=staff("S2"), on=TODAY, by=head, today=TODAY
    )
    spells = list(a1.allocations.filter(kind="lac").order_by("start"))
    assert [(s.chair.external_id, s.start, s.end) for s in spells] == [
        ("S1", d("2023-04-01"), TODAY),
        ("S2", TODAY, None),
    ]
    assert spells[-1] == new
    # the social worker and team are carried over when not given
    assert (new.social_worker.external_id, new.team.name) == ("S5", "North LAC team")
    event = AccessEvent.objects.get(action="reallocate_child")
    assert (event.child_id, event.username) == (a1.pk, "head_of_service")


def test_the_old_chair_loses_the_child_on_the_next_request(client, users, head):
    a1 = Child.objects.get(la_child_id="A1")
    chair = users["chair"]
    client.force_login(chair)
    assert client.get(reverse("children:detail", args=[a1.pk])).status_code == 200
    allocation_reassign(child=a1, kind="lac", chair=staff("S2"), on=TODAY, by=head, today=TODAY)
    assert not children_visible_to(chair, today=TODAY).filter(pk=a1.pk).exists()
    assert client.get(reverse("children:detail", args=[a1.pk])).status_code == 404


def test_a_child_never_allocated_gets_a_first_spell(users, head):
    c3 = Child.objects.get(la_child_id="C3")
    CpPlan.objects.create(child=c3, start=d("2024-05-01"))  # a new plan: a case to allocate
    new = allocation_reassign(
        child=c3, kind="cp", chair=staff("S2"), on=TODAY, by=head, today=TODAY
    )
    assert (new.start, new.end, new.social_worker, new.team) == (TODAY, None, None, None)
    # C3's ended LAC spell is untouched
    assert c3.allocations.get(kind="lac").end == d("2021-03-03")


def test_a_future_date_keeps_the_current_chair_until_then(users, head):
    a1 = Child.objects.get(la_child_id="A1")
    allocation_reassign(
        child=a1, kind="lac", chair=staff("S2"), on=d("2024-07-01"), by=head, today=TODAY
    )
    assert children_visible_to(users["chair"], today=TODAY).filter(pk=a1.pk).exists()
    assert not children_visible_to(users["chair"], today=d("2024-07-01")).exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "xx", "chair": "S2"}, "Unknown kind"),
        ({"kind": "lac", "chair": "S3"}, "is not an IRO or a conference chair"),
        ({"kind": "lac", "chair": "S2", "social_worker": "S4"}, "is not a social worker"),
        ({"kind": "lac", "chair": "S1"}, "already allocated to them"),
        ({"kind": "lac", "chair": "S2", "on": d("2023-01-01")}, "starting after that date"),
    ],
)
def test_wrong_values_are_refused_and_nothing_changes(users, head, kwargs, message):
    a1 = Child.objects.get(la_child_id="A1")
    args = {
        "kind": kwargs["kind"],
        "chair": staff(kwargs["chair"]),
        "social_worker": staff(kwargs["social_worker"]) if "social_worker" in kwargs else None,
        "on": kwargs.get("on", TODAY),
    }
    before = list(Allocation.objects.values_list("pk", "end"))
    with pytest.raises(ValidationError, match=message):
        allocation_reassign(child=a1, by=head, today=TODAY, **args)
    assert list(Allocation.objects.values_list("pk", "end")) == before


def test_a_later_spell_blocks_an_earlier_change(users, head):
    a1 = Child.objects.get(la_child_id="A1")
    allocation_reassign(
        child=a1, kind="lac", chair=staff("S2"), on=d("2024-07-01"), by=head, today=TODAY
    )
    with pytest.raises(ValidationError, match="starting after that date"):
        allocation_reassign(child=a1, kind="lac", chair=staff("S2"), on=TODAY, by=head, today=TODAY)


@pytest.mark.parametrize(
    ("la_id", "kind", "message"),
    [
        ("A1", "cp", "Alfie Ash has no child protection plan or enquiry"),
        ("B2", "lac", "Bella Birch is not looked after"),
    ],
)
def test_a_case_the_child_does_not_have_is_not_allocated(users, head, la_id, kind, message):
    child = Child.objects.get(la_child_id=la_id)
    with pytest.raises(ValidationError, match=message):
        allocation_reassign(
            child=child, kind=kind, chair=staff("S2"), on=TODAY, by=head, today=TODAY
        )
    assert not child.allocations.filter(kind=kind).exists()
