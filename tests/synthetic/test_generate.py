import time
from datetime import date

import pytest
import xmlschema

from iru.data import read_source
from iru.data.synthetic import generate
from iru.data.synthetic.cin_census import schema_year
from tests.shared import SHARED
from tests.synthetic.conftest import TODAY

SCHEMAS = str(SHARED / "reference" / "schemas" / "cin")


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_seed_and_today_give_byte_identical_files(tiny, tmp_path):
    generate(tmp_path, seed=2016, scale="tiny", today=TODAY)
    assert _files(tmp_path) == _files(tiny)


def test_another_seed_gives_other_files(tiny, tmp_path):
    generate(tmp_path, seed=7, scale="tiny", today=TODAY)
    assert _files(tmp_path) != _files(tiny)


def test_tiny_scale_is_fast(tmp_path):
    started = time.perf_counter()
    generate(tmp_path, seed=1, scale="tiny", today=date(2017, 6, 30))
    assert time.perf_counter() - started < 5


def test_one_folder_per_collection_year_with_the_returns_and_unit_data(tiny):
    years = sorted(p.name for p in tiny.iterdir() if p.name != "unit")
    assert years[0] == "2013-14"
    assert years[-1] == "2026-27"
    names = {p.name for p in (tiny / "2015-16").iterdir()}
    assert names == {
        "SSDA903_2015-16_Header.csv",
        "SSDA903_2015-16_Episodes.csv",
        "SSDA903_2015-16_Reviews.csv",
        "CIN_Census_2016.xml",
    }
    unit = {p.stem for p in (tiny / "unit").iterdir()}
    assert unit == {
        "teams", "staff", "children", "allocations", "meetings", "participation",
        "rag_ratings", "escalations", "oversight_notes", "posts", "post_holdings", "leave",
    }  # fmt: skip


@pytest.mark.parametrize("census_year", [2014, 2016, 2022, 2025, 2027])
def test_cin_census_files_are_valid_against_their_years_schema(tiny, census_year):
    schema = xmlschema.XMLSchema(f"{SCHEMAS}/CIN_schema_{schema_year(census_year)}.xsd")
    label = f"{census_year - 1}-{census_year % 100:02d}"
    schema.validate(str(tiny / label / f"CIN_Census_{census_year}.xml"))


def test_the_reader_reads_the_tiny_authority_without_problems(tiny):
    dataset = read_source(tiny)
    assert dataset.has_episodes
    assert dataset.has_reviews
    assert dataset.has_cin
    rows = dataset.episodes.height + dataset.reviews.height + dataset.cp_plans.height
    assert len(dataset.problems) <= rows // 100, [str(p) for p in dataset.problems[:5]]


def test_an_unknown_scale_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown scale"):
        generate(tmp_path, scale="huge", today=TODAY)


def test_the_command_writes_the_files(tmp_path, capsys):
    from iru.cli import main

    code = main(["generate", "--out", str(tmp_path), "--scale", "tiny", "--today", "2016-05-31"])
    assert code == 0
    assert (tmp_path / "2016-17" / "CIN_Census_2017.xml").exists()
    assert "children" in capsys.readouterr().out
