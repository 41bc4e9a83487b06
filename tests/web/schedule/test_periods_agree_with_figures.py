"""The schedule's one-child period-of-care rule (`iru.web.schedule.periods`) and the figures'
vectorised one (`iru.figures.periods`) are two writings of FIGURES.md's "Period of care": this
property test keeps them from drifting apart on well-formed episode histories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from iru.data.dataset import conform
from iru.figures.periods import care_episodes, periods
from iru.web.schedule.periods import open_period

TODAY = date(2024, 6, 3)


@dataclass(frozen=True)
class Episode:
    decom: date
    dec: date | None
    rne: str | None
    rec: str | None
    ls: str | None


@st.composite
def histories(draw: st.DrawFn) -> list[Episode]:
    """Consecutive episodes without overlaps: each starts on or after the previous one ended."""
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
                ls=draw(st.sampled_from(["C2", "V2", "E1"])),
            )
        )
        if dec is None:
            break
        day = dec + timedelta(days=draw(st.sampled_from([0, 0, 0, 1, 60])))
    return episodes


def _figures_open_period_start(episodes: list[Episode]) -> date | None:
    frame = conform(
        "episodes",
        pl.DataFrame(
            {
                "CHILD": ["1"] * len(episodes),
                "DECOM": [e.decom for e in episodes],
                "DEC": [e.dec for e in episodes],
                "RNE": [e.rne for e in episodes],
                "REC": [e.rec for e in episodes],
                "LS": [e.ls for e in episodes],
            }
        ),
    )
    open_now = periods(care_episodes(frame)).filter(
        (pl.col("start") <= TODAY) & (pl.col("end").is_null() | (pl.col("end") > TODAY))
    )
    return open_now["start"].max() if open_now.height else None  # type: ignore[return-value]


@settings(max_examples=150, deadline=None)
@given(histories())
def test_the_schedule_and_the_figures_agree_on_the_period_open_today(episodes):
    period = open_period(episodes, today=TODAY)
    assert (period.start if period else None) == _figures_open_period_start(episodes)
