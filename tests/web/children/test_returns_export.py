"""The Reviews table's rows from the database: one query, however many reviews."""

from __future__ import annotations

import pytest

from iru.data.write903 import ReviewRow
from iru.web.children.models import Child, LacReview
from iru.web.children.returns_export import lac_reviews_for_return, reviews_by_collection_year
from tests.web.conftest import d

pytestmark = pytest.mark.django_db


def test_the_rows_of_a_year_come_in_one_query_ordered_by_child_then_date(
    imported, django_assert_num_queries
) -> None:
    # Added in an order the rows must not keep: B10 before B9 (text order), dates backwards.
    for la_id in ("B9", "B10"):
        child = Child.objects.create(la_child_id=la_id, dob=d("2010-01-31"))
        for held in ("2024-03-31", "2023-04-01"):
            LacReview.objects.create(child=child, review=d(held), review_code="PN5")
    with django_assert_num_queries(1):
        rows = lac_reviews_for_return(
            year_start=d("2023-04-01"), year_end=d("2024-03-31"), children=Child.objects.all()
        )
    born = d("2012-05-01")
    assert rows == [
        ReviewRow("A1", born, d("2023-04-25"), "PN1"),
        ReviewRow("A1", born, d("2023-07-20"), "PN3"),
        ReviewRow("B10", d("2010-01-31"), d("2023-04-01"), "PN5"),
        ReviewRow("B10", d("2010-01-31"), d("2024-03-31"), "PN5"),
        ReviewRow("B9", d("2010-01-31"), d("2023-04-01"), "PN5"),
        ReviewRow("B9", d("2010-01-31"), d("2024-03-31"), "PN5"),
    ]


def test_only_the_children_given_and_an_empty_code_is_none(imported) -> None:
    LacReview.objects.filter(review=d("2023-07-20")).update(review_code="")
    a1 = Child.objects.filter(la_child_id="A1")
    rows = lac_reviews_for_return(year_start=d("2023-07-20"), year_end=d("2023-07-20"),
                                  children=a1)  # fmt: skip
    assert [(row.review, row.review_code) for row in rows] == [(d("2023-07-20"), None)]
    none = lac_reviews_for_return(year_start=d("2023-04-01"), year_end=d("2024-03-31"),
                                  children=Child.objects.none())  # fmt: skip
    assert none == []


def test_the_counts_by_collection_year_come_in_one_query(
    imported, django_assert_num_queries
) -> None:
    a1 = Child.objects.get(la_child_id="A1")
    LacReview.objects.create(child=a1, review=d("2024-04-01"), review_code=None)  # 2024-25
    LacReview.objects.create(child=a1, review=d("2023-03-31"), review_code="PN1")  # 2022-23
    with django_assert_num_queries(1):
        years = reviews_by_collection_year()
    assert [(y.year, y.label, y.reviews, y.recorded_here, y.without_code) for y in years] == [
        (2025, "2024-25", 1, 1, 1),
        (2024, "2023-24", 2, 0, 0),
        (2023, "2022-23", 1, 1, 0),
    ]
