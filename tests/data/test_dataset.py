from datetime import date

import polars as pl

from iru.data.dataset import SCHEMAS, Dataset, conform, empty_frame
from iru.data.problems import Problem


def test_conform_adds_missing_columns_drops_extra_and_casts():
    raw = pl.DataFrame({"CHILD": ["1"], "DECOM": [date(2020, 1, 1)], "EXTRA": [1]})
    episodes = conform("episodes", raw)
    assert episodes.columns == list(SCHEMAS["episodes"])
    assert episodes["DEC"].to_list() == [None]
    assert episodes.schema["PL_DISTANCE"] == pl.Float64


def test_an_empty_dataset_has_every_table_with_its_schema():
    dataset = Dataset()
    for name, schema in SCHEMAS.items():
        assert dataset.frame(name).schema == pl.Schema(schema)
        assert empty_frame(name).height == 0
    assert not dataset.has_episodes


def test_problem_says_where_and_what():
    problem = Problem("episodes.csv", 7, "DEC", "31/02/2020", "not a date", rule=None)
    assert str(problem) == "episodes.csv, row 7, column DEC: not a date (value '31/02/2020')"
    assert problem.as_json()["row"] == 7
