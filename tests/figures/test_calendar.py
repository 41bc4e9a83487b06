"""The figures' own date helpers: age bands and the month a day counts in (FIGURES.md).

The calendar rules they build on are tested with both their forms in `tests/rules`.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from iru.figures.calendar import age_band, month_in_year
from iru.rules.years import reporting_year


def test_age_bands_cover_every_age_and_unknown():
    ages = pl.Series("age", [0, 1, 4, 5, 9, 10, 14, 15, 16, 40, None], dtype=pl.Int32)
    bands = pl.select(age_band(pl.lit(ages))).to_series().to_list()
    assert bands == [
        "under_1", "1_4", "1_4", "5_9", "5_9", "10_14", "10_14", "15", "16_plus", "16_plus",
        "unknown",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("year_end", "day", "label"),
    [
        (date(2016, 3, 31), date(2015, 4, 1), "2015-04"),
        (date(2016, 3, 31), date(2016, 2, 29), "2016-02"),
        (date(2016, 3, 31), date(2016, 3, 31), "2016-03"),
        # YE 28 Feb 2017: YS is 29 Feb 2016, before the first month; it counts in March 2016.
        (date(2017, 2, 28), date(2016, 2, 29), "2016-03"),
        (date(2017, 2, 28), date(2017, 2, 28), "2017-02"),
    ],
)
def test_month_in_year(year_end, day, label):
    month = month_in_year(pl.lit(day), reporting_year(year_end))
    assert pl.select(month).item() == label
