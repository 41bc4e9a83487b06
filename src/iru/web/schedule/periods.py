"""A child's open period of care from their episodes: pure, no database, no clock.

The same rules as `iru.figures.periods.care_episodes` (FIGURES.md "Period of care"), written
for one child's handful of episodes: V3/V4 (short breaks) episodes are not care episodes; a new
period starts at a child's first episode, at RNE "S", when the previous episode did not end
with REC "X1", or when it did not end on this episode's DECOM.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

SHORT_BREAKS = ("V3", "V4")


class EpisodeLike(Protocol):
    decom: date
    dec: date | None
    rne: str | None
    rec: str | None
    ls: str | None


E = TypeVar("E", bound=EpisodeLike)


@dataclass(frozen=True)
class OpenPeriod:
    """The start of the period of care open on a day, and whether it is a short-breaks series."""

    start: date
    short_breaks: bool


def _sort_key(episode: EpisodeLike) -> tuple[date, date]:
    return (episode.decom, episode.dec or date.max)


def _is_open(episode: EpisodeLike, today: date) -> bool:
    return episode.decom <= today and (episode.dec is None or episode.dec > today)


def _starts_period(episode: EpisodeLike, previous: EpisodeLike | None) -> bool:
    return (
        previous is None
        or (episode.rne or "").strip().upper() == "S"
        or (previous.rec or "").strip().upper() != "X1"
        or previous.dec != episode.decom
    )


def periods_of_care(episodes: Iterable[E]) -> list[list[E]]:
    """The child's care (non-V3/V4) episodes grouped into periods of care, oldest first."""
    periods: list[list[E]] = []
    previous: E | None = None
    for episode in sorted(episodes, key=_sort_key):
        if (episode.ls or "").strip().upper() in SHORT_BREAKS:
            continue
        if _starts_period(episode, previous):
            periods.append([])
        periods[-1].append(episode)
        previous = episode
    return periods


def _care_period_start(care: list[EpisodeLike], today: date) -> date | None:
    periods = periods_of_care(care)
    if not periods or not _is_open(periods[-1][-1], today):
        return None
    return periods[-1][0].decom


def open_period(episodes: Iterable[EpisodeLike], *, today: date) -> OpenPeriod | None:
    """The period of care open on `today`, or None when the child is not looked after.

    A child with no open care period but an open V3/V4 episode is in a series of short
    breaks (CPPCR 2010 reg 48): the series starts at the first short break after the child's
    last care episode ended.
    """
    ordered = sorted((e for e in episodes if e.decom <= today), key=_sort_key)
    care = [e for e in ordered if (e.ls or "").strip().upper() not in SHORT_BREAKS]
    start = _care_period_start(care, today)
    if start is not None:
        return OpenPeriod(start, short_breaks=False)
    breaks = [e for e in ordered if (e.ls or "").strip().upper() in SHORT_BREAKS]
    if not breaks or not _is_open(breaks[-1], today):
        return None
    care_ended = max((e.dec or e.decom for e in care), default=date.min)
    series = [e.decom for e in breaks if e.decom >= care_ended]
    return OpenPeriod(min(series), short_breaks=True)
