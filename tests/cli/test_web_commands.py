"""`iru import` and `iru demo --no-serve`, run in-process against the test database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from django.utils import timezone

from iru.cli import main
from iru.reports.annual import annual_document
from iru.web.audit.models import AccessEvent
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.imports.models import ImportRun
from iru.web.people.models import User
from iru.web.reports.inputs import annual_inputs
from iru.web.reports.services.publishing import report_publish
from tests.web.conftest import UNIT_FILES

pytestmark = pytest.mark.django_db

HEADER = (
    "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
    "A1,1,01/05/2012,WBRI,UN1,,\n"
    "C3,2,31/01/2009,MWBC,UN2,,\n"
)


@pytest.fixture
def source(tmp_path):
    year = tmp_path / "2023-24"
    year.mkdir()
    (year / "SSDA903_2023-24_Header.csv").write_text(HEADER)
    unit = tmp_path / "unit"
    unit.mkdir()
    for name, text in UNIT_FILES.items():
        (unit / name).write_text(text)
    return tmp_path


def test_import_prints_what_it_did(source, capsys):
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "3 children added, 0 updated" in out
    assert "allocations: 3 added" in out
    assert Child.objects.get(la_child_id="A1").given_name == "Alfie"
    assert main(["import", str(source)]) == 0
    assert "0 children added, 0 updated" in capsys.readouterr().out


EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\nA1,{decom},S,C2,N1,U1,PR1,,,,,,SC123456\n"
)


def test_import_prints_the_overlaps_and_due_dates_it_left(source, capsys):
    episodes = source / "2023-24" / "SSDA903_2023-24_Episodes.csv"
    episodes.write_text(EPISODES.format(decom="29/02/2024"))
    assert main(["import", str(source)]) == 0
    assert "0 children left with overlapping episodes.\n1 next due date changed." in (
        capsys.readouterr().out
    )
    episodes.write_text(EPISODES.format(decom="01/03/2024"))  # the DECOM corrected
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "1 child left with overlapping episodes.\n" in out
    assert "  child A1: 29/02/2024 to open, 01/03/2024 to open\n" in out
    run = ImportRun.objects.latest("pk").pk
    assert (
        f"1 next due date changed.\nEvery one is listed in the web app: Imports, import {run}."
        in out
    )


def test_an_unreadable_file_stops_the_import_with_one_line(source, capsys):
    (source / "2023-24" / "CIN_Census_2024.xml").write_text("this is not XML")
    assert main(["import", str(source)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "CIN_Census_2024.xml" in err
    assert "Traceback" not in err
    assert not Child.objects.exists()


def test_a_wrong_unit_value_stops_the_import_naming_file_row_and_column(source, capsys):
    (source / "unit" / "teams.csv").write_text("id,name,kind\nT1,North,nowhere\n")
    assert main(["import", str(source)]) == 2
    err = capsys.readouterr().err
    assert "unit/teams.csv, row 2, column kind" in err
    assert "'nowhere'" in err
    assert not Child.objects.exists()


def test_an_unknown_user_stops_the_import(source, capsys):
    assert main(["import", str(source), "--user", "nobody"]) == 2
    assert "no user called 'nobody'" in capsys.readouterr().err


def test_import_records_who_ran_it(source, django_user_model):
    user = django_user_model.objects.create_user(username="ada", password="x", role="admin")
    assert main(["import", str(source), "--user", "ada"]) == 0
    assert ImportRun.objects.get().user == user


@pytest.mark.slow
def test_demo_sets_everything_up_without_serving(tmp_path, capsys):
    args = [
        "demo",
        "--no-serve",
        "--scale",
        "tiny",
        "--today",
        "2024-06-03",
        "--data-dir",
        str(tmp_path / "demo"),
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    users = ("demo-chair", "demo-conference-chair", "demo-team-manager", "demo-admin",
             "demo-head-of-service")  # fmt: skip
    for username in users:
        assert username in out
    assert set(User.objects.values_list("role", flat=True)) == {
        "chair",
        "team_manager",
        "admin",
        "head_of_service",
    }
    assert ImportRun.objects.get().status == ImportRun.Status.SUCCEEDED
    assert Child.objects.count() > 50
    if (tmp_path / "demo" / "unit" / "allocations.csv").exists():
        for username, kind in (("demo-chair", "lac"), ("demo-conference-chair", "cp")):
            chair = User.objects.get(username=username)
            visible = children_visible_to(chair, today=date(2024, 6, 3))
            assert visible.filter(allocations__kind=kind).exists(), username

    assert main(args) == 0  # a second run reuses the import, with new passwords
    assert "already imported" in capsys.readouterr().out
    assert ImportRun.objects.count() == 1


def test_the_demo_of_another_day_starts_from_an_empty_demo_database(tmp_path, capsys):
    """Another day's authority reuses the unit records' IDs for other meetings: imported over
    the first it broke a constraint and imported nothing (the demo database is emptied now)."""

    def demo(day: str) -> int:
        return main(["demo", "--no-serve", "--scale", "tiny", "--today", day,
                     "--data-dir", str(tmp_path / "demo")])  # fmt: skip

    assert demo("2024-06-03") == 0
    assert demo("2024-09-02") == 0
    assert "emptying it" in capsys.readouterr().out
    runs = ImportRun.objects.values_list("label", "status")
    assert list(runs) == [("demo seed=2016 scale=tiny today=2024-09-02", "succeeded")]


def test_a_database_with_any_other_import_is_never_emptied(source, tmp_path, capsys):
    assert main(["import", str(source)]) == 0
    args = ["demo", "--no-serve", "--scale", "tiny", "--today", "2024-06-03",
            "--data-dir", str(tmp_path / "demo")]  # fmt: skip
    main(args)
    assert "emptying" not in capsys.readouterr().out
    assert ImportRun.objects.exclude(label__startswith="demo").exists()


def test_a_database_made_before_the_apps_were_re_cut_is_a_clear_error(source, capsys):
    from django.db import connection

    with connection.cursor() as cursor:  # what a database of the old layout records
        cursor.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES ('rag', '0001_initial', %s)",
            ["2026-11-27 00:00:00"],
        )
    assert main(["import", str(source)]) == 2
    err = capsys.readouterr().err
    assert "made by an earlier version of iru" in err
    assert "Traceback" not in err
    assert main(["demo", "--no-serve"]) == 2
    assert "Delete it" in capsys.readouterr().err
    assert not Child.objects.exists()


def test_figures_from_the_database_after_an_import(source, capsys):
    import json

    (source / "2023-24" / "SSDA903_2023-24_Episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\nA1,01/04/2023,S,C2,N1,U1,PR1,,,,,,\n"
    )
    assert main(["import", str(source)]) == 0
    capsys.readouterr()
    assert main(["figures", "--from-db", "--year-end", "2024-03-31"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["lac"]["at_year_end"] == 1  # A1, looked after since 1 April 2023
    assert "cp" not in figures  # FIGURES.md: omitted when its input (the CIN census) is absent


def test_figures_on_the_returns_only_leave_out_what_the_app_recorded(source, capsys):
    import json
    from datetime import date

    from iru.web.children.models import Child, LacReview

    (source / "2023-24" / "SSDA903_2023-24_Episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\nA1,01/04/2023,S,C2,N1,U1,PR1,,,,,,\n"
    )
    assert main(["import", str(source)]) == 0
    a1 = Child.objects.get(la_child_id="A1")
    LacReview.objects.create(child=a1, dob=a1.dob, review=date(2023, 4, 20), review_code="PN1")
    capsys.readouterr()
    assert main(["figures", "--from-db", "--year-end", "2024-03-31"]) == 0
    assert json.loads(capsys.readouterr().out)["reviews"]["held"] == 1
    assert main(["figures", "--from-db", "--returns-only", "--year-end", "2024-03-31"]) == 0
    assert "reviews" not in json.loads(capsys.readouterr().out)  # no return held any review
    assert main(["figures", str(source), "--returns-only", "--year-end", "2024-03-31"]) == 2
    assert "use it with --from-db" in capsys.readouterr().err


def _returns_with_a_review(source):
    (source / "2023-24" / "SSDA903_2023-24_Episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\nA1,01/04/2023,S,C2,N1,U1,PR1,,,,,,\n"
    )
    (source / "2023-24" / "SSDA903_2023-24_Reviews.csv").write_text(
        "CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/05/2012,20/04/2023,PN1\n"
    )


def test_the_annual_report_from_the_database_in_each_format(source, capsys, tmp_path):
    _returns_with_a_review(source)
    out = tmp_path / "report.html"
    assert main(["report", "annual", "--year-end", "2024-03-31", "--out", str(out)]) == 2
    assert "no returns have been imported" in capsys.readouterr().err
    assert main(["import", str(source)]) == 0
    capsys.readouterr()
    assert main(["report", "annual", "--year-end", "2024-03-31", "--out", str(out)]) == 0
    html = out.read_text()
    assert "Annual Independent Chairperson&#x27;s Report" in html
    assert 'id="table-reviews-month"' in html
    for format, magic in (("pdf", b"%PDF"), ("docx", b"PK"), ("xlsx", b"PK"), ("csv", b"PK")):
        path = tmp_path / f"report.{format}"
        args = ["report", "annual", "--year-end", "2024-03-31", "--format", format]
        assert main([*args, "--edition", "public", "--out", str(path)]) == 0
        assert path.read_bytes().startswith(magic)
    assert "public edition" in capsys.readouterr().out
    assert main(["report", "annual", "--year-end", "2031-03-31", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "covers the years ending 31 March 2024 to 31 March" in err
    assert "Traceback" not in err
    downloads = AccessEvent.objects.filter(action="download_annual_report")
    assert downloads.count() == 5  # the web page, then four formats
    assert downloads.first().path.startswith("cli:")


def test_a_published_version_is_written_as_it_was_kept(source, capsys, tmp_path):
    _returns_with_a_review(source)
    assert main(["import", str(source)]) == 0
    out = tmp_path / "published.pdf"
    args = ["report", "annual", "--year-end", "2024-03-31", "--format", "pdf", "--published"]
    assert main([*args, "--out", str(out)]) == 2
    assert "has not been published" in capsys.readouterr().err
    inputs = annual_inputs(year_end=date(2024, 3, 31), today=date.today())
    document = replace(annual_document(inputs), status="published")
    head = User.objects.create_user(username="hos", password="x" * 16, role="head_of_service")
    report_publish(user=head, document=document, files={("pdf", "full"): b"%PDF-kept"},
                   reason="", now=timezone.now())  # fmt: skip
    assert main([*args, "--out", str(out)]) == 0
    assert out.read_bytes() == b"%PDF-kept"
    assert main([*args, "--edition", "public", "--out", str(out)]) == 2
    assert "no pdf file (public edition)" in capsys.readouterr().err


def test_the_rag_report_of_a_month_for_the_whole_unit(source, capsys, tmp_path):
    assert main(["import", str(source)]) == 0
    capsys.readouterr()
    out = tmp_path / "rag.html"
    assert main(["report", "rag", "--month", "1999-01", "--out", str(out)]) == 2
    assert "--month 1999-01: the ratings cover" in capsys.readouterr().err
    assert main(["report", "rag", "--month", "2023-13", "--out", str(out)]) == 2
    assert "not a month" in capsys.readouterr().err
    assert main(["report", "rag", "--out", str(out)]) == 2
    assert "--month YYYY-MM is needed" in capsys.readouterr().err
