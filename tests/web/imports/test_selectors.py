from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from iru.data.dataset import SCHEMAS
from iru.web.imports.selectors import dataset_from_database

pytestmark = pytest.mark.django_db


def _sorted(df: pl.DataFrame) -> pl.DataFrame:
    return df.sort(df.columns, nulls_last=True)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_the_database_reads_back_into_the_imported_frames(imported, dataset, name):
    read_back = dataset_from_database()
    assert_frame_equal(_sorted(read_back.frame(name)), _sorted(dataset.frame(name)))


def test_the_inputs_present_are_read_back(imported):
    read_back = dataset_from_database()
    assert (
        read_back.has_header,
        read_back.has_episodes,
        read_back.has_reviews,
        read_back.has_cin,
    ) == (True, True, True, True)


def test_an_empty_database_gives_empty_frames(db):
    read_back = dataset_from_database()
    assert all(read_back.frame(name).is_empty() for name in SCHEMAS)
    assert not read_back.has_header
