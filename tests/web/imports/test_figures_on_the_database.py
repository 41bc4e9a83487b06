"""The figures are the same whether computed from the files or from the database they were
imported into (issue: "between the files path and the database path")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iru.cli.importer import read_path
from iru.data import read_source
from iru.data.synthetic import generate
from iru.figures import compute_figures
from iru.web.imports.selectors import dataset_from_database
from iru.web.imports.services.dataset import import_dataset
from tests.shared import SHARED

pytestmark = pytest.mark.django_db

EXAMPLES = SHARED / "data" / "figures-examples"
TODAY = date(2024, 6, 3)


def _without_warnings(figures: dict[str, object]) -> dict[str, object]:
    # Warnings point at files and rows; the database keeps those, but a row read back has no
    # second occurrence to warn about, so only the figures themselves are compared.
    return {key: value for key, value in figures.items() if key != "warnings"}


def _same_figures_both_ways(source: Path, year_ends: list[date]) -> None:
    dataset, unit = read_path(source)
    import_dataset(dataset=dataset, unit=unit, user=None, today=TODAY)
    from_db = dataset_from_database()
    for year_end in year_ends:
        files = _without_warnings(compute_figures(read_source(source), year_end))
        database = _without_warnings(compute_figures(from_db, year_end))
        assert database == files, year_end
        assert files, "no figures at all: the comparison would prove nothing"


@pytest.fixture(scope="module")
def tiny_authority(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tiny")
    generate(out, seed=2016, scale="tiny", today=TODAY)
    return out


def test_the_tiny_authority_gives_the_same_figures_from_files_and_database(tiny_authority):
    figures = compute_figures(read_source(tiny_authority), date(2020, 3, 31))
    assert figures["lac"]["at_year_end"] > 0
    assert figures["cp"]["icpc"]["held"] > 0
    _same_figures_both_ways(
        tiny_authority, [date(2016, 3, 31), date(2020, 3, 31), date(2024, 3, 31)]
    )


@pytest.mark.parametrize(
    ("example", "year_end"),
    [("03_lac_counts", date(2018, 3, 31)), ("08_year_2016_leap", date(2016, 3, 31))],
)
def test_the_worked_examples_give_the_same_figures_from_the_database(example, year_end):
    if not (EXAMPLES / example).exists():
        pytest.skip("the shared worked examples are not on this machine")
    _same_figures_both_ways(EXAMPLES / example, [year_end])


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(seed=st.integers(min_value=1, max_value=10_000))
def test_any_tiny_authority_gives_the_same_figures_both_ways(tmp_path_factory, seed):
    from iru.web.children.models import Child

    Child.objects.all().delete()  # each example starts from an empty database
    out = tmp_path_factory.mktemp(f"seed{seed}")
    generate(out, seed=seed, scale="tiny", today=TODAY)
    _same_figures_both_ways(out, [date(2023, 3, 31)])
