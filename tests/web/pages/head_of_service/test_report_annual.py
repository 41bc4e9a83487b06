"""The annual report page: the returns' figures of a year the data covers, the year before
beside, for the Head of Service only."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from iru.figures import compute_figures
from iru.web.children.models import Child, LacReview
from iru.web.imports import selectors

pytestmark = pytest.mark.django_db

URL = reverse("management:report-annual")


def test_the_latest_complete_year_is_shown_with_the_engine_s_numbers(head_client):
    response = head_client.get(URL)
    assert response.status_code == 200
    report = response.context["report"]
    assert report.year_end == date(2024, 3, 31)  # today is 3 June 2024
    expected = compute_figures(selectors.dataset_from_database(), date(2024, 3, 31))
    table = next(t for t in report.tables if t.id == "lac-year")
    rows = dict(table.rows)
    assert rows["At the end of the year"] == (expected["lac"]["at_year_end"], None)
    page = response.content.decode()
    assert "Annual Independent Chairperson's Report 2023-24" in page
    assert 'id="reviews-month"' in page
    assert "No data" in page  # the year before is not in the data


def test_the_report_counts_the_returns_not_a_meeting_no_return_holds(head_client):
    a1 = Child.objects.get(la_child_id="A1")
    LacReview.objects.create(child=a1, dob=a1.dob, review=date(2024, 2, 1), review_code="PN1")
    report = head_client.get(URL).context["report"]
    rows = dict(next(t for t in report.tables if t.id == "reviews-year").rows)
    assert rows["Reviews held"][0] == 2  # A1's two reviews in the return; not the app's third


def test_a_year_the_data_does_not_cover_is_an_error_beside_the_field(head_client):
    response = head_client.get(URL, {"year_end": "2099-03-31"})
    assert response.status_code == 200
    assert response.context["report"] is None
    assert "Choose a year the data covers" in response.content.decode()


def test_no_returns_no_year(client, db):
    from iru.web.people.models import User

    head = User.objects.create_user(username="h", password="x", role="head_of_service")
    client.force_login(head)
    response = client.get(URL)
    assert response.status_code == 200
    assert "no year to report on yet" in response.content.decode()


@pytest.mark.parametrize("role", ["chair", "team_manager", "admin"])
def test_other_roles_are_refused(client, users, role):
    client.force_login(users[role])
    assert client.get(URL).status_code == 403
