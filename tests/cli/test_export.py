"""`iru export reviews`, run in-process against the test database: the file, and a one-line
message with exit status 2 for anything wrong, never a traceback."""

from __future__ import annotations

import pytest

from iru.cli import main
from iru.web.audit.models import AccessEvent
from tests.web.conftest import TODAY, small_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(db):
    """The hand-made returns: A1's two reviews of 2023-24 (tests/web/conftest.py)."""
    from iru.web.imports.services.dataset import import_dataset

    return import_dataset(dataset=small_dataset(), unit=None, today=TODAY)


def test_the_year_s_reviews_are_written_in_the_dfe_s_format(imported, tmp_path, capsys):
    out = tmp_path / "SSDA903_2023-24_Reviews.csv"
    assert main(["export", "reviews", "--year", "2023-24", "--out", str(out)]) == 0
    assert out.read_bytes() == (
        b"CHILD,DOB,REVIEW,REVIEW_CODE\r\n"
        b"A1,01/05/2012,25/04/2023,PN1\r\n"
        b"A1,01/05/2012,20/07/2023,PN3\r\n"
    )
    assert capsys.readouterr().out == (
        f"Wrote {out}: 2 reviews held in 2023-24, 0 without a REVIEW_CODE\n"
    )
    event = AccessEvent.objects.get(action="export_reviews_return")
    assert event.path == "iru export reviews --year 2023-24"


def test_a_year_without_reviews_gives_the_columns_alone(imported, tmp_path, capsys):
    out = tmp_path / "reviews.csv"
    assert main(["export", "reviews", "--year", "2015/16", "--out", str(out)]) == 0
    assert out.read_bytes() == b"CHILD,DOB,REVIEW,REVIEW_CODE\r\n"
    assert "0 reviews held in 2015-16" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("year", "out", "message"),
    [
        ("2023-25", "r.csv", "--year '2023-25': 25 does not follow 2023"),
        ("2024", "r.csv", "--year '2024' is not a collection year written as YYYY-YY"),
        ("2023-24", "missing/r.csv", "missing/r.csv: cannot write (No such file or directory)"),
        ("2023-24", ".", ": is a folder; give the file to write"),
    ],
)
def test_a_bad_year_or_an_unwritable_file_is_one_line_and_status_2(
    imported, tmp_path, capsys, year, out, message
):
    target = tmp_path / out
    assert main(["export", "reviews", "--year", year, "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("iru export: ")
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
