"""The two worked examples of /work/shared/data/figures-examples (NOTES.md shows the working)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from iru.figures import compute_figures
from tests.figures.builders import EXAMPLES, flatten_expected, read_examples

CASES = ["03_lac_counts", "08_year_2016_leap"]


@pytest.mark.parametrize("case", CASES)
def test_worked_example_gives_the_expected_figures(case):
    folder = EXAMPLES / case
    year_end = date.fromisoformat((folder / "year_end.txt").read_text().strip())
    expected = json.loads((folder / "expected.json").read_text())
    figures = compute_figures(read_examples(folder), year_end)
    assert flatten_expected(expected, figures) == expected
