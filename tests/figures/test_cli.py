"""`iru figures`: JSON on stdout, exit 2 with a one-line message for the user's errors."""

from __future__ import annotations

import json

from iru.cli import main
from tests.figures.builders import EXAMPLES


def test_prints_the_figures_as_json(capsys):
    assert main(["figures", str(EXAMPLES / "03_lac_counts"), "--year-end", "2018-03-31"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["lac"]["at_year_end"] == 12
    assert "cp" not in figures


def test_a_year_end_that_is_not_a_month_end_exits_2(capsys, tmp_path):
    assert main(["figures", str(tmp_path), "--year-end", "2018-03-30"]) == 2
    err = capsys.readouterr().err
    assert "2018-03-30" in err
    assert len(err.strip().splitlines()) == 1


def test_a_year_end_that_is_not_a_date_exits_2(capsys, tmp_path):
    assert main(["figures", str(tmp_path), "--year-end", "31/03/2018"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_missing_folder_exits_2(capsys, tmp_path):
    assert main(["figures", str(tmp_path / "nowhere"), "--year-end", "2018-03-31"]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_an_unreadable_file_exits_2_naming_it(capsys, tmp_path):
    (tmp_path / "cin.xml").write_text("<Message><unclosed></Message>")
    assert main(["figures", str(tmp_path), "--year-end", "2018-03-31"]) == 2
    err = capsys.readouterr().err
    assert "cin.xml" in err
    assert len(err.strip().splitlines()) == 1


def test_from_db_without_a_database_is_one_line_not_a_traceback(capsys, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_web_dataset(name, *args, **kwargs):
        if name == "iru.web.imports.selectors":
            raise ImportError("No module named 'iru.web.imports.selectors'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_web_dataset)
    assert main(["figures", "--from-db", "--year-end", "2018-03-31"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
