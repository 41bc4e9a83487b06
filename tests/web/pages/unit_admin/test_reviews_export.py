"""The SSDA903 Reviews download for the return: admin and the Head of Service only, the DfE's
file for the year chosen, each download logged."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from iru.web.audit.models import AccessEvent

pytestmark = pytest.mark.django_db

URL = reverse("imports:reviews-export")
# The hand-made authority's two reviews of A1 in 2023-24 (tests/web/conftest.py).
CSV_2023_24 = (
    "CHILD,DOB,REVIEW,REVIEW_CODE\r\n"
    "A1,01/05/2012,25/04/2023,PN1\r\n"
    "A1,01/05/2012,20/07/2023,PN3\r\n"
)


def _exports() -> list[tuple[str, str]]:
    events = AccessEvent.objects.filter(action="export_reviews_return").order_by("pk")
    return [(event.username, event.path) for event in events]


@pytest.mark.parametrize("role", ["admin", "head"])
def test_the_file_of_the_year_chosen_is_downloaded_and_logged(client, users, today, role):
    client.force_login(users[role])
    response = client.get(URL, {"year": "2024"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == ('attachment; filename="SSDA903_2023-24_Reviews.csv"')
    assert "no-store" in response["Cache-Control"]
    assert response.content.decode() == CSV_2023_24
    assert _exports() == [(role, f"{URL}?year=2024")]


def test_the_page_offers_the_years_with_their_counts_and_logs_nothing(client, users, today):
    client.force_login(users["admin"])
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    # The year ended (its return is due) is chosen; the year in progress is offered too.
    options = re.findall(r'<option value="(\d+)"( selected)?>([^<]*)</option>', html)
    assert options == [
        ("2025", "", "2024-25 (1 April 2024 to 31 March 2025)"),
        ("2024", " selected", "2023-24 (1 April 2023 to 31 March 2024)"),
    ]
    rows = re.findall(r'<tr class="govuk-table__row">\s*<th[^>]*>([^<]*)</th>(.*?)</tr>',
                      html, re.S)  # fmt: skip
    counts = [(year, re.findall(r"<td[^>]*>(\d+)</td>", rest)) for year, rest in rows]
    counts = [(year, cells) for year, cells in counts if cells]  # not the headings' row
    assert counts == [("2024-25", ["0", "0", "0"]), ("2023-24", ["2", "0", "0"])]
    assert _exports() == []


@pytest.mark.parametrize("year", ["1999", "2015-16", "", "x" * 500])
def test_a_year_not_offered_is_refused_with_a_message(client, users, today, year):
    client.force_login(users["head"])
    response = client.get(URL, {"year": year})
    assert response.status_code == 400
    assert "Select a collection year" in response.content.decode()
    assert _exports() == []


@pytest.mark.parametrize("role", ["chair", "tm_a"])
def test_chairs_and_team_managers_are_forbidden(client, users, today, role):
    client.force_login(users[role])
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"year": "2024"}).status_code == 403
    assert _exports() == []


def test_the_imports_history_links_to_the_download(client, users, today):
    client.force_login(users["head"])
    assert f'href="{URL}"' in client.get(reverse("imports:history")).content.decode()
