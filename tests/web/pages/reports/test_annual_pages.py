"""The annual report in the app: the years, the draft with the engine's numbers, downloads in
both editions, each logged; the Head of Service writes and publishes, admin reads."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from iru.figures import compute_figures
from iru.web.audit.models import AccessEvent
from iru.web.children.models import Child, LacReview
from iru.web.imports import selectors

pytestmark = [pytest.mark.django_db, pytest.mark.renders]

YEAR = "2024-03-31"
ANNUAL = reverse("reports:annual", args=[YEAR])


def test_the_years_the_data_covers_are_listed_for_head_and_admin(client, users):
    for role in ("head_of_service", "admin"):
        client.force_login(users[role])
        page = client.get(reverse("reports:index")).content.decode()
        assert "2023-24" in page
        assert ANNUAL in page
    for role in ("chair", "team_manager"):
        client.force_login(users[role])
        assert client.get(reverse("reports:index")).status_code == 403
        assert client.get(ANNUAL).status_code == 403


def test_the_draft_shows_the_engine_s_numbers_and_no_data_for_a_year_not_covered(head_client):
    response = head_client.get(ANNUAL)
    assert response.status_code == 200
    document = response.context["document"]
    expected = compute_figures(selectors.dataset_from_database(), date(2024, 3, 31))
    rows = dict(document.table("lac-year").rows)
    assert rows["At the end of the year"] == (expected["lac"]["at_year_end"], None)
    page = response.content.decode()
    assert "Annual Independent Chairperson&#x27;s Report 2023-24" in page
    assert 'id="table-reviews-month"' in page
    assert '<img class="iru-chart__image" src="data:image/svg+xml;base64,' in page  # the charts
    assert "No data" in page  # the year before is not in the data
    assert AccessEvent.objects.filter(action="view_annual_report").count() == 1


def test_a_year_the_data_does_not_cover_is_not_found(head_client):
    for year in ("2030-03-31", "2024-02-30", "nonsense"):
        assert head_client.get(reverse("reports:annual", args=[year])).status_code == 404


def test_the_report_counts_the_returns_not_a_meeting_no_return_holds(head_client):
    a1 = Child.objects.get(la_child_id="A1")
    LacReview.objects.create(child=a1, dob=a1.dob, review=date(2024, 2, 1), review_code="PN1")
    response = head_client.get(ANNUAL)
    rows = dict(response.context["document"].table("reviews-year").rows)
    assert rows["Reviews held"][0] == 2  # A1's two reviews in the return; not the app's third
    assert "the returns imported hold" in response.content.decode()


def test_only_the_head_of_service_is_offered_the_writing(client, users):
    client.force_login(users["head_of_service"])
    head_page = client.get(ANNUAL).content.decode()
    client.force_login(users["admin"])
    admin_page = client.get(ANNUAL).content.decode()
    publish = reverse("reports:publish", args=[YEAR])
    summary = reverse("reports:narrative", args=[YEAR, "summary"])
    assert publish in head_page
    assert summary in head_page
    assert publish not in admin_page
    assert summary not in admin_page
    assert client.get(publish).status_code == 403
    assert client.post(summary, {"text": "x", "action": "save"}).status_code == 403


def test_each_download_is_the_format_asked_for_and_logged(client, users):
    client.force_login(users["admin"])
    expected = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "application/zip",
        "html": "text/html; charset=utf-8",
    }
    for format, content_type in expected.items():
        response = client.get(reverse("reports:annual-download", args=[YEAR, format]))
        assert response["Content-Type"] == content_type
        assert f"annual-report-{YEAR}-full-draft" in response["Content-Disposition"]
    events = AccessEvent.objects.filter(action="download_annual_report")
    assert events.count() == len(expected)
    assert all(event.username == "admin" for event in events)
    assert client.get(reverse("reports:annual-download", args=[YEAR, "exe"])).status_code == 404


def test_the_public_edition_hides_small_numbers_in_every_format(head_client):
    url = reverse("reports:annual-download", args=[YEAR, "xlsx"]) + "?edition=public"
    response = head_client.get(url)
    assert "public-draft.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    counts = [
        cell.value
        for sheet in book.worksheets[1:]
        if sheet.title != "unit-staffing"  # posts, not children: never suppressed
        for row in sheet.iter_rows(min_row=3)
        for cell in row
        if isinstance(cell.value, int) and cell.number_format == "#,##0"
    ]
    assert counts, "the tables have counts"
    assert not any(1 <= value <= 5 for value in counts)
    pdf = head_client.get(
        reverse("reports:annual-download", args=[YEAR, "pdf"]) + "?edition=public"
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "small numbers suppressed" in text


def test_the_word_document_has_the_report_s_headings_and_tables(head_client):
    response = head_client.get(reverse("reports:annual-download", args=[YEAR, "docx"]))
    word = Document(io.BytesIO(response.content))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert any("Looked-after children" in heading for heading in headings)
    assert len(word.tables) >= 30
