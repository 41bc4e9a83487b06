from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from iru.web.children.models import Child, Episode
from iru.web.imports.models import ImportRun

pytestmark = pytest.mark.django_db

HEADER = (
    b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nX1,1,01/05/2012,WBRI,,,\nX2,,01/05/2012,WBRI,,,\n"
)
EPISODES = (
    b"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST\n"
    b"X1,01/04/2024,S,C2,N1,U1,PR1,,,,,\n"
)
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Message>&lol2;</Message>"""


def upload(client, *files):
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    return client.post(reverse("imports:upload"), {"files": uploads})


def state():
    return (Child.objects.count(), Episode.objects.count())


def test_uploading_good_files_imports_them_and_lists_row_problems(client, users, today):
    client.force_login(users["admin"])
    before = Child.objects.count()
    response = upload(client, ("header.csv", HEADER), ("episodes.csv", EPISODES))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Files imported" in html
    assert Child.objects.count() == before + 2
    assert Episode.objects.filter(child__la_child_id="X1").exists()
    # the row problem, in a table: file, row, column, message
    assert '<td class="govuk-table__cell">header.csv</td>' in html
    assert "SEX is missing" in html
    run = ImportRun.objects.latest("pk")
    assert (run.status, run.user) == (ImportRun.Status.SUCCEEDED, users["admin"])
    assert sorted(run.files) == ["episodes.csv", "header.csv"]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("cin.xml", BILLION_LAUGHS)], "cin.xml could not be read: it contains a DTD"),
        ([("header.csv", HEADER), ("notes.txt", b"hello")], "notes.txt is not an SSDA903 CSV"),
        ([("header.csv", b"\x00\x01\x02\xff\xfe binary")], "header.csv could not be read"),
        ([("episodes.csv", HEADER)], "no DECOM column"),
        ([("header.csv", HEADER), ("cin.xml", b"<Message><oops></Message>")], "not well-formed"),
        ([("cin.xml", b"<Other/>")], "has root element"),
        ([("header.csv", HEADER), ("2017/header.csv", HEADER)], "selected twice"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_and_nothing_imported(
    client, users, today, files, message
):
    client.force_login(users["admin"])
    succeeded = ImportRun.objects.filter(status=ImportRun.Status.SUCCEEDED)
    before, runs = state(), set(succeeded.values_list("pk", flat=True))
    response = upload(client, *files)
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert '<a href="#id_files">' in html
    assert message in html
    assert state() == before
    assert set(succeeded.values_list("pk", flat=True)) == runs


def test_an_unreadable_file_is_recorded_as_a_failed_import(client, users, today):
    client.force_login(users["admin"])
    upload(client, ("header.csv", HEADER), ("cin.xml", BILLION_LAUGHS))
    run = ImportRun.objects.latest("pk")
    assert run.status == ImportRun.Status.FAILED
    assert "cin.xml" in run.error
    assert "cin.xml" in client.get(reverse("imports:run", args=[run.pk])).content.decode()


def test_no_files_is_an_error(client, users, today):
    client.force_login(users["admin"])
    response = client.post(reverse("imports:upload"), {})
    assert response.status_code == 400
    assert "Select at least one file" in response.content.decode()


def test_a_file_over_the_limit_is_refused_before_it_is_read(client, users, today, monkeypatch):
    monkeypatch.setattr("iru.web.pages.unit_admin.upload_forms.MAX_FILE_BYTES", 100)
    client.force_login(users["admin"])
    before = state()
    response = upload(client, ("header.csv", HEADER + b"X3,1,01/05/2012,WBRI,,,\n" * 10))
    assert response.status_code == 400
    assert "header.csv is larger than 20 MB" in response.content.decode()
    assert state() == before


def test_folders_in_a_file_name_are_dropped(client, users, today):
    client.force_login(users["admin"])
    response = upload(client, ("../../etc/header.csv", HEADER))
    assert response.status_code == 200
    run = ImportRun.objects.latest("pk")
    assert run.files == ["header.csv"]


@pytest.mark.parametrize("who", ["chair", "tm_a", "head"])
def test_only_admin_may_upload(client, users, today, who):
    client.force_login(users[who])
    before = state()
    assert client.get(reverse("imports:upload")).status_code == 403
    assert upload(client, ("header.csv", HEADER)).status_code == 403
    assert state() == before


def test_upload_needs_a_csrf_token(users, today):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["admin"])
    before = state()
    assert upload(strict, ("header.csv", HEADER)).status_code == 403
    assert state() == before


def test_the_history_of_imports(client, users, today):
    client.force_login(users["admin"])
    upload(client, ("header.csv", HEADER))
    page = client.get(reverse("imports:history")).content.decode()
    assert "Upload: header.csv" in page
    assert "Succeeded" in page
    run = ImportRun.objects.latest("pk")
    detail = client.get(reverse("imports:run", args=[run.pk])).content.decode()
    assert "SEX is missing" in detail
    client.force_login(users["head"])
    assert client.get(reverse("imports:history")).status_code == 200
    for who in ("chair", "tm_a"):
        client.force_login(users[who])
        assert client.get(reverse("imports:history")).status_code == 403
        assert client.get(reverse("imports:run", args=[run.pk])).status_code == 403


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("scan.png", b"\x89PNG\r\n\x1a\n", "scan.png is not an SSDA903 CSV table or an XML file"),
        ("header.csv", b"", "header.csv is empty"),
    ],
)
def test_a_refused_file_is_kept_in_the_history(client, users, today, name, content, reason):
    client.force_login(users["admin"])
    assert upload(client, (name, content)).status_code == 400
    run = ImportRun.objects.latest("pk")
    assert run.status == ImportRun.Status.FAILED
    page = client.get(reverse("imports:history")).content.decode()
    assert f"Upload: {name}" in page
    assert "Failed" in page
    assert (
        reason.split(" could")[0]
        in client.get(reverse("imports:run", args=[run.pk])).content.decode()
    )


def test_the_result_and_the_history_count_the_same_problems(client, users, today):
    client.force_login(users["admin"])
    episodes = EPISODES + b",01/04/2023,S,C2,N1,U1,PR1,,,,,,\n"  # a row without a child ID
    result = upload(client, ("header.csv", HEADER), ("episodes.csv", episodes))
    run = ImportRun.objects.latest("pk")
    assert run.problem_count == len(run.problems) > 0
    assert f"Problems in the files ({run.problem_count})" in result.content.decode()
    history = client.get(reverse("imports:history")).content.decode()
    assert f'govuk-table__cell--numeric">{run.problem_count}</td>' in history
