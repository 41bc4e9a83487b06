"""Caseloads: children per chair against the IRO Handbook's 50-70 per full-time IRO."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from iru.web.caseloads.models import Allocation
from iru.web.caseloads.presenters import Caseload, caseload_rows, caseload_total
from iru.web.caseloads.selectors import chair_caseloads
from iru.web.children.models import Child
from iru.web.people.models import Staff
from tests.web.conftest import TODAY, d
from tests.web.fixtures.head import staff


def load(children: int, fte: str | None) -> Caseload:
    return Caseload("X", "IRO", children, 0, children, Decimal(fte) if fte else None)


@pytest.mark.parametrize(
    ("children", "fte", "band", "range_text"),
    [
        (49, "1", "under", "50 to 70"),
        (50, "1", "within", "50 to 70"),
        (70, "1.00", "within", "50 to 70"),
        (71, "1", "over", "50 to 70"),
        (39, "0.8", "under", "40 to 56"),
        (40, "0.80", "within", "40 to 56"),
        (56, "0.8", "within", "40 to 56"),
        (57, "0.8", "over", "40 to 56"),
        (30, "0.5", "within", "25 to 35"),
        (20, "0.3", "within", "15 to 21"),
        (95, "1", "over", "50 to 70"),
    ],
)
def test_the_handbook_range_is_weighted_by_fte(children, fte, band, range_text):
    row = load(children, fte)
    assert (row.band, row.range_text) == (band, range_text)


def test_caseload_per_fte_and_tags():
    assert load(45, "0.8").per_fte == Decimal("56.3")
    assert load(45, "0.8").tag == ("Within range", "govuk-tag--green")
    assert load(80, "1").tag == ("Over range", "govuk-tag--red")
    assert load(10, "1").tag == ("Under range", "govuk-tag--blue")
    no_fte = load(10, None)
    assert (no_fte.per_fte, no_fte.band, no_fte.range_text) == (None, None, "Not known")
    assert no_fte.tag == ("FTE not recorded", "govuk-tag--grey")
    assert load(10, "0").band is None


def test_totals_add_children_and_fte():
    total = caseload_total([load(60, "1"), load(40, "0.8"), load(5, None)])
    assert (total.children, total.fte, total.range_text) == (105, Decimal("1.8"), "90 to 126")
    assert total.band == "within"
    assert total.per_fte == Decimal("58.3")


def _allocate(child: Child, kind: str, chair: Staff, start: str, end: str | None = None) -> None:
    Allocation.objects.create(
        child=child, kind=kind, chair=chair, start=d(start), end=d(end) if end else None
    )


@pytest.mark.django_db
def test_counts_are_current_allocations_by_kind_each_child_once(users):
    a1, c3 = Child.objects.get(la_child_id="A1"), Child.objects.get(la_child_id="C3")
    _allocate(a1, "cp", staff("S1"), "2024-01-01")  # A1 also on a plan with Iris
    _allocate(c3, "cp", staff("S1"), "2024-07-01")  # not started yet
    _allocate(c3, "cp", staff("S2"), "2023-01-01", "2024-06-03")  # ended today
    rows = {r.name: r for r in caseload_rows(chair_caseloads(today=TODAY))}
    iris, colin = rows["Iris Reed"], rows["Colin Chase"]
    assert (iris.lac, iris.cp, iris.children, iris.fte) == (1, 1, 1, Decimal("1.00"))
    assert (colin.lac, colin.cp, colin.children, colin.fte) == (0, 1, 1, Decimal("0.80"))
    assert set(rows) == {"Iris Reed", "Colin Chase"}  # only IROs and ICCs


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [0, 30])
def test_the_page_costs_the_same_queries_for_any_number_of_chairs(
    head_client, django_assert_num_queries, extra
):
    for i in range(extra):
        chair = Staff.objects.create(given_name="C", family_name=str(i), role="iro", fte="0.5")
        child = Child.objects.create(la_child_id=f"X{i}")
        _allocate(child, "lac", chair, "2024-01-01")
    with django_assert_num_queries(7):  # the 7th: whether the unit records posts
        response = head_client.get(reverse("management:caseloads"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Iris Reed" in page
    assert "50 to 70" in page
    assert "40 to 56" in page
    assert response.context["total"].children == 2 + extra


@pytest.mark.django_db
def test_only_chairs_in_post_today_or_with_children_are_listed(head_client):
    from iru.web.people.models import Post, PostHolding

    assert Post.objects.exists()  # the unit's files record its posts
    left = Staff.objects.create(given_name="Gone", family_name="Before", role="iro", fte="1")
    post = Post.objects.create(title="IRO", kind="iro", fte="1", start=date(2010, 4, 1))
    PostHolding.objects.create(post=post, staff=left, kind="substantive",
                               start=date(2010, 4, 1), end=date(2020, 4, 1))  # fmt: skip
    page = head_client.get(reverse("management:caseloads")).content.decode()
    assert "Gone Before" not in page
    assert "Iris Reed" in page
    PostHolding.objects.create(post=post, staff=left, kind="agency", start=date(2024, 5, 1))
    page = head_client.get(reverse("management:caseloads")).content.decode()
    assert "Gone Before" in page  # back in post, no children yet
