"""The result of an upload and the run in the history: what the import left to check (ADR 0018),
the same on both."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from iru.web.audit.models import AccessEvent
from iru.web.imports.models import ImportRun

pytestmark = pytest.mark.django_db

COLUMNS = (
    b"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    b"URN\n"
)


def episodes(*rows: str) -> tuple[str, bytes]:
    """An episodes file of (CHILD, DECOM, DEC) rows, each looked after under a care order."""
    lines = []
    for row in rows:
        child, decom, dec = row.split(",")
        lines.append(f"{child},{decom},S,C2,N1,U1,PR1,{dec},{'E11' if dec else ''},,,,SC123456\n")
    return ("episodes.csv", COLUMNS + "".join(lines).encode())


def upload(client, *files):
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(reverse("imports:upload"), {"files": uploads})


def to_check(html: str) -> str:
    """The page's account of what the import left to check, from its first heading to the
    table of records."""
    start = html.index('<h2 class="govuk-heading-m" id="overlaps">')
    return html[start : html.index('govuk-table__caption--m">Records', start)]


def cells(html: str) -> list[list[str]]:
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', html, re.S)
    found = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows]
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in row] for row in found if row]


@pytest.fixture
def corrected(client, users, today):
    """An upload of L1 from Thursday 29 February 2024, then the same row with its DECOM
    corrected to Friday 1 March 2024: the result page of the second."""
    client.force_login(users["admin"])
    upload(client, episodes("L1,29/02/2024,"))
    return upload(client, episodes("L1,01/03/2024,"))


def test_the_result_shows_the_overlap_and_the_due_date_it_moved(corrected):
    assert corrected.status_code == 200
    html = to_check(corrected.content.decode())
    assert "Children with overlapping episodes (1)" in html
    assert "govuk-warning-text" in html
    assert cells(html) == [
        ["L1", "29 Feb 2024", "Open", "episodes.csv", "2", "No: kept from an earlier import"],
        ["L1", "1 Mar 2024", "Open", "episodes.csv", "2", "Yes"],
        ["L1", "LAC review, 28 Mar 2024", "LAC review, 2 Apr 2024"],
    ]
    assert "Next due dates changed (1)" in html
    # A warning to look at, not a problem in the files: the files are sound.
    assert "Problems in the files (0)" in corrected.content.decode()


def test_the_history_shows_what_the_result_showed(client, corrected):
    run = ImportRun.objects.latest("pk")
    detail = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert to_check(detail) == to_check(corrected.content.decode())
    history = client.get(reverse("imports:history")).content.decode()
    latest = cells(history)[0]
    assert latest[-3:] == ["0", "1", "1"]  # problems, overlapping, due dates changed
    # Both pages name children: each read is logged.
    seen = AccessEvent.objects.filter(action="view_import_run").order_by("pk")
    seen = seen.values_list("path", flat=True)
    assert list(seen)[-2:] == [reverse("imports:upload"), reverse("imports:run", args=[run.pk])]


def test_the_same_file_again_changes_no_due_date_but_still_shows_the_overlap(client, corrected):
    again = to_check(upload(client, episodes("L1,01/03/2024,")).content.decode())
    assert "No child's next due date changed." in again
    assert "Children with overlapping episodes (1)" in again


def test_a_file_without_overlaps_says_so(client, users, today):
    client.force_login(users["admin"])
    html = to_check(upload(client, episodes("L3,01/03/2024,", "L4,31/12/2023,")).content.decode())
    assert "No child of these files has overlapping episodes." in html
    assert "Next due dates changed (2)" in html


def test_a_long_list_shows_the_first_and_links_to_every_one(client, users, today):
    client.force_login(users["admin"])
    rows = [f"K{i:03},29/02/2024," for i in range(130)]
    upload(client, episodes(*rows))
    result = upload(client, episodes(*(r.replace("29/02", "01/03") for r in rows)))
    html = to_check(result.content.decode())
    run = ImportRun.objects.latest("pk")
    assert (run.overlap_count, run.due_change_count) == (130, 130)
    assert "Showing the first 20 of 130 children" in html
    assert "Showing the first 20 of 130." in html
    assert reverse("imports:overlaps", args=[run.pk]) in html
    assert reverse("imports:due-dates", args=[run.pk]) in html

    due = client.get(reverse("imports:due-dates", args=[run.pk]))
    assert len(cells(due.content.decode())) == 100
    second = client.get(reverse("imports:due-dates", args=[run.pk]) + "?page=2").content.decode()
    assert [row[0] for row in cells(second)] == [f"K{i:03}" for i in range(100, 130)]
    overlaps = client.get(reverse("imports:overlaps", args=[run.pk]) + "?page=2").content.decode()
    assert len(cells(overlaps)) == 2 * 30  # two episodes a child
    for bad in ("?page=abc", "?page=-1", "?page=99999"):
        assert client.get(reverse("imports:overlaps", args=[run.pk]) + bad).status_code == 200


def test_a_failed_import_shows_no_lists(client, users, today):
    client.force_login(users["admin"])
    upload(client, ("cin.xml", b"<Message><oops></Message>"))
    run = ImportRun.objects.latest("pk")
    page = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert run.status == ImportRun.Status.FAILED
    assert "overlapping episodes" not in page


@pytest.mark.parametrize("name", ["imports:overlaps", "imports:due-dates"])
def test_only_admin_and_the_head_of_service_see_the_lists(client, corrected, users, name):
    url = reverse(name, args=[ImportRun.objects.latest("pk").pk])
    client.force_login(users["head"])
    assert client.get(url).status_code == 200
    for who in ("chair", "tm_a"):
        client.force_login(users[who])
        assert client.get(url).status_code == 403
    client.force_login(users["admin"])
    assert client.get(reverse(name, args=[987654])).status_code == 404


def test_rows_the_import_could_not_use_are_in_the_page_not_its_title(client, users, today):
    client.force_login(users["admin"])
    response = upload(client, episodes("L5,01/03/2024,", ",01/04/2023,"))
    html = response.content.decode()
    title = html[html.index("<title>") : html.index("</title>")]
    assert "Rows the import could not use" not in title
    assert "Rows the import could not use" in html[html.index("<main") :]
