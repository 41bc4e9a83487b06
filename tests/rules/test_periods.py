"""Periods of care (FIGURES.md "Period of care"): the one-child scalar form and the polars form
that the figures use, on the same histories, hand-picked and generated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iru.rules.periods import (
    OpenPeriod,
    is_short_break_expr,
    open_period,
    overlapping_episodes,
    overlaps_previous,
    overlaps_previous_expr,
    periods_of_care,
    starts_new_period_expr,
)

TODAY = date(2024, 6, 3)


@dataclass(frozen=True)
class Episode:
    decom: date
    dec: date | None
    rne: str | None = "S"
    rec: str | None = "X1"
    ls: str | None = "C2"


def _vectorised(episodes: list[Episode]) -> pl.DataFrame:
    """The polars form on one child's episodes: care episodes in DECOM order with `PERIOD`
    (numbered from 1) and `overlap`, as `iru.figures.periods.care_episodes` builds them."""
    frame = pl.DataFrame(
        {
            "CHILD": ["1"] * len(episodes),
            "DECOM": [e.decom for e in episodes],
            "DEC": [e.dec for e in episodes],
            "RNE": [e.rne for e in episodes],
            "REC": [e.rec for e in episodes],
            "LS": [e.ls for e in episodes],
        },
        schema={"CHILD": pl.String, "DECOM": pl.Date, "DEC": pl.Date, "RNE": pl.String,
                "REC": pl.String, "LS": pl.String},
    )  # fmt: skip
    care = frame.filter(~is_short_break_expr(pl.col("LS"))).sort("DECOM")
    return care.with_columns(
        PERIOD=starts_new_period_expr().cum_sum(), overlap=overlaps_previous_expr()
    )


def _vectorised_periods(episodes: list[Episode]) -> list[list[date]]:
    care = _vectorised(episodes)
    grouped = care.group_by("PERIOD", maintain_order=True).agg(pl.col("DECOM"))
    return grouped["DECOM"].to_list()


def _scalar_periods(episodes: list[Episode]) -> list[list[date]]:
    return [[e.decom for e in period] for period in periods_of_care(episodes)]


D = date
HISTORIES = {
    "one open episode": [Episode(D(2020, 1, 6), None)],
    "a placement move (X1, next starts that day, RNE P)": [
        Episode(D(2020, 1, 6), D(2020, 5, 1)),
        Episode(D(2020, 5, 1), None, rne="P"),
    ],
    "RNE S restarts even after X1": [
        Episode(D(2020, 1, 6), D(2020, 5, 1)),
        Episode(D(2020, 5, 1), None, rne="S"),
    ],
    "REC other than X1 ends the period": [
        Episode(D(2020, 1, 6), D(2020, 5, 1), rec="E4A"),
        Episode(D(2020, 5, 1), None, rne="P"),
    ],
    "a gap of a day": [
        Episode(D(2020, 1, 6), D(2020, 5, 1)),
        Episode(D(2020, 5, 2), None, rne="P"),
    ],
    "an overlap": [
        Episode(D(2020, 1, 6), D(2020, 5, 1)),
        Episode(D(2020, 4, 1), None, rne="P"),
    ],
    "after an open episode": [
        Episode(D(2020, 1, 6), None),
        Episode(D(2020, 4, 1), None, rne="L"),
    ],
    "an empty REC ends the period": [
        Episode(D(2020, 1, 6), D(2020, 5, 1), rec=None),
        Episode(D(2020, 5, 1), None, rne="P"),
    ],
    "a V3 short break between two care episodes is dropped first": [
        Episode(D(2020, 1, 6), D(2020, 3, 1)),
        Episode(D(2020, 3, 1), D(2020, 3, 3), ls="V3", rec="E8"),
        Episode(D(2020, 3, 1) + timedelta(days=1), None, rne="P"),
        Episode(D(2021, 1, 1), D(2021, 1, 2), ls="V4"),
    ],
    "leap-day moves": [
        Episode(D(2016, 2, 29), D(2017, 2, 28), rne="S"),
        Episode(D(2017, 2, 28), D(2020, 2, 29), rne="L"),
        Episode(D(2020, 2, 29), None, rne="B"),
    ],
}


@pytest.mark.parametrize("episodes", HISTORIES.values(), ids=HISTORIES.keys())
def test_both_forms_group_the_same_periods(episodes: list[Episode]) -> None:
    assert _scalar_periods(episodes) == _vectorised_periods(episodes)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("one open episode", [[D(2020, 1, 6)]]),
        ("a placement move (X1, next starts that day, RNE P)", [[D(2020, 1, 6), D(2020, 5, 1)]]),
        ("RNE S restarts even after X1", [[D(2020, 1, 6)], [D(2020, 5, 1)]]),
        ("a gap of a day", [[D(2020, 1, 6)], [D(2020, 5, 2)]]),
        ("a V3 short break between two care episodes is dropped first",
         [[D(2020, 1, 6)], [D(2020, 3, 2)]]),
        ("leap-day moves", [[D(2016, 2, 29), D(2017, 2, 28), D(2020, 2, 29)]]),
    ],
)  # fmt: skip
def test_periods_of_care(name: str, expected: list[list[date]]) -> None:
    assert _scalar_periods(HISTORIES[name]) == expected


def test_an_overlap_and_an_open_previous_episode_are_flagged() -> None:
    assert _vectorised(HISTORIES["an overlap"])["overlap"].to_list() == [False, True]
    assert _vectorised(HISTORIES["after an open episode"])["overlap"].to_list() == [False, True]
    assert _vectorised(HISTORIES["a gap of a day"])["overlap"].to_list() == [False, False]


def _scalar_overlaps(episodes: list[Episode]) -> list[bool]:
    """`overlaps_previous` over the care episodes in the polars form's order."""
    care = sorted((e for e in episodes if e.ls not in ("V3", "V4")), key=lambda e: e.decom)
    return [overlaps_previous(e, care[i - 1] if i else None) for i, e in enumerate(care)]


@pytest.mark.parametrize("episodes", HISTORIES.values(), ids=HISTORIES.keys())
def test_both_forms_flag_the_same_overlaps(episodes: list[Episode]) -> None:
    assert _scalar_overlaps(episodes) == _vectorised(episodes)["overlap"].to_list()


@pytest.mark.parametrize(
    ("episodes", "expected"),
    [
        (HISTORIES["a gap of a day"], []),
        (HISTORIES["leap-day moves"], []),  # each starts the day the one before ceased
        (HISTORIES["an overlap"], [(D(2020, 1, 6), D(2020, 4, 1))]),
        (  # a DECOM corrected on a later import: the old row stays beside the new, both open
            [Episode(D(2024, 3, 1), None), Episode(D(2024, 2, 29), None)],
            [(D(2024, 2, 29), D(2024, 3, 1))],
        ),
        (  # ceased on 31 December, the next began on 31 December: no overlap
            [Episode(D(2023, 1, 2), D(2023, 12, 31)), Episode(D(2023, 12, 31), None, rne="P")],
            [],
        ),
        (  # one day over: ceased 1 January, the next began 31 December
            [Episode(D(2023, 1, 2), D(2024, 1, 1)), Episode(D(2023, 12, 31), None, rne="P")],
            [(D(2023, 1, 2), D(2023, 12, 31))],
        ),
        (  # short breaks are a series of their own: beside care they do not overlap it
            [Episode(D(2024, 1, 2), None), Episode(D(2024, 3, 1), D(2024, 3, 3), ls="V3")],
            [],
        ),
        (  # but two open short breaks do
            [Episode(D(2024, 3, 1), None, ls="V3"), Episode(D(2024, 2, 29), None, ls="V4")],
            [(D(2024, 2, 29), D(2024, 3, 1))],
        ),
    ],
)
def test_overlapping_episodes_are_paired_with_the_one_before(
    episodes: list[Episode], expected: list[tuple[date, date]]
) -> None:
    assert [(a.decom, b.decom) for a, b in overlapping_episodes(episodes)] == expected


def test_scalar_codes_are_compared_trimmed_and_upper_cased() -> None:
    episodes = [
        Episode(D(2020, 1, 6), D(2020, 5, 1), rec=" x1 "),
        Episode(D(2020, 5, 1), D(2020, 6, 1), rne=" s", rec="X1"),
        Episode(D(2020, 6, 1), None, rne="P", ls="v3 "),
    ]
    assert _scalar_periods(episodes) == [[D(2020, 1, 6)], [D(2020, 5, 1)]]


@pytest.mark.parametrize(
    ("episodes", "expected"),
    [
        ([Episode(D(2024, 1, 2), None)], OpenPeriod(D(2024, 1, 2), short_breaks=False)),
        ([Episode(D(2024, 1, 2), TODAY)], None),  # ended today: not looked after today
        ([Episode(D(2024, 6, 4), None)], None),  # starts tomorrow
        (
            [Episode(D(2023, 1, 2), D(2024, 1, 2)), Episode(D(2024, 1, 2), None, rne="P")],
            OpenPeriod(D(2023, 1, 2), short_breaks=False),
        ),
        (  # a series of short breaks after care ended: from the first break after care
            [
                Episode(D(2022, 1, 3), D(2023, 1, 2), rec="E4A"),
                Episode(D(2022, 6, 1), D(2022, 6, 3), ls="V3"),
                Episode(D(2023, 3, 1), D(2023, 3, 3), ls="V3"),
                Episode(D(2024, 6, 1), None, ls="V4"),
            ],
            OpenPeriod(D(2023, 3, 1), short_breaks=True),
        ),
        ([Episode(D(2024, 5, 1), D(2024, 5, 3), ls="V3")], None),  # the break is over
    ],
)
def test_open_period(episodes: list[Episode], expected: OpenPeriod | None) -> None:
    assert open_period(episodes, today=TODAY) == expected


@st.composite
def histories(draw: st.DrawFn, *, gaps: list[int], statuses: list[str]) -> list[Episode]:
    """One child's episodes, each starting a number of `gaps` days after the previous one ended
    (negative: an overlap), on a later day than the previous one started."""
    day = date(2020, 1, 1) + timedelta(days=draw(st.integers(0, 400)))
    episodes: list[Episode] = []
    for _ in range(draw(st.integers(1, 6))):
        length = draw(st.integers(1, 500))
        ended = draw(st.booleans()) or len(episodes) < 5
        dec = day + timedelta(days=length) if ended else None
        episodes.append(
            Episode(
                decom=day,
                dec=dec,
                rne=draw(st.sampled_from(["S", "P", "L", "T", "B", "U"])),
                rec=draw(st.sampled_from(["X1", "X1", "E4A", "E11", None])) if dec else None,
                ls=draw(st.sampled_from(statuses)),
            )
        )
        if dec is None:
            break
        day = max(dec + timedelta(days=draw(st.sampled_from(gaps))), day + timedelta(days=1))
    return episodes


@settings(max_examples=150, deadline=None)
@given(histories(gaps=[0, 0, 0, 1, 60, -10], statuses=["C2", "V2", "E1", "V3", "V4"]))
def test_both_forms_group_the_same_periods_for_any_history(episodes: list[Episode]) -> None:
    assert _scalar_periods(episodes) == _vectorised_periods(episodes)


@settings(max_examples=150, deadline=None)
@given(histories(gaps=[0, 0, 1, 60, -10, -400], statuses=["C2", "V2", "E1", "V3", "V4"]))
def test_both_forms_flag_the_same_overlaps_for_any_history(episodes: list[Episode]) -> None:
    assert _scalar_overlaps(episodes) == _vectorised(episodes)["overlap"].to_list()
    care = [b for _, b in overlapping_episodes(episodes) if b.ls not in ("V3", "V4")]
    assert len(care) == sum(_scalar_overlaps(episodes))


def _vectorised_open_period_start(episodes: list[Episode]) -> date | None:
    care = _vectorised(episodes)
    periods = care.group_by("PERIOD").agg(start=pl.col("DECOM").first(), end=pl.col("DEC").last())
    open_now = periods.filter(
        (pl.col("start") <= TODAY) & (pl.col("end").is_null() | (pl.col("end") > TODAY))
    )
    return open_now["start"].max() if open_now.height else None  # type: ignore[return-value]


@settings(max_examples=150, deadline=None)
@given(histories(gaps=[0, 0, 0, 1, 60], statuses=["C2", "V2", "E1"]))
def test_both_forms_agree_on_the_period_open_today(episodes: list[Episode]) -> None:
    """Without overlaps or short breaks (where `open_period` has rules of its own)."""
    period = open_period(episodes, today=TODAY)
    assert (period.start if period else None) == _vectorised_open_period_start(episodes)
