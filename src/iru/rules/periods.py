"""Periods of care from SSDA903 episodes (FIGURES.md "Conventions", "Period of care").

Drop V3/V4 (short breaks) episodes first. Take a child's remaining episodes by DECOM (ties:
earlier DEC first, empty DEC last). An episode starts a new period when it is the child's first,
its RNE is "S", the previous episode's REC is not "X1", or the previous episode's DEC is not
its DECOM (a gap, an overlap or an open previous episode). A period starting with an RNE other
than "S", and an overlap (`overlaps_previous`: an episode starting before the one before it
has ceased, or while it is open), are data-quality warnings.

The scalar form takes one child's episodes (any objects with `decom`, `dec`, `rne`, `rec`,
`ls`); the polars form is a set of column expressions over SSDA903 Episodes (`CHILD`, `DECOM`,
`DEC`, `RNE`, `REC`, `LS`) for `iru.figures.periods`. `tests/rules/test_periods.py` runs both on
the same histories.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Protocol, TypeVar

import polars as pl

SHORT_BREAKS = ("V3", "V4")
_NEW_PERIOD_RNE = "S"  # RNE S: started to be looked after
_SAME_PERIOD_REC = "X1"  # REC X1: episode ceased and a new one began in the same period

_CHILD, _DECOM, _DEC = pl.col("CHILD"), pl.col("DECOM"), pl.col("DEC")


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


def _code(value: str | None) -> str:
    return (value or "").strip().upper()


def is_short_break(episode: EpisodeLike) -> bool:
    """Whether the episode's legal status is V3 or V4 (an agreed series of short breaks)."""
    return _code(episode.ls) in SHORT_BREAKS


def starts_new_period(episode: EpisodeLike, previous: EpisodeLike | None) -> bool:
    """Whether `episode` starts a new period of care, `previous` being the child's care episode
    before it (None for the child's first); codes are compared trimmed and upper-cased."""
    return (
        previous is None
        or _code(episode.rne) == _NEW_PERIOD_RNE
        or _code(previous.rec) != _SAME_PERIOD_REC
        or previous.dec != episode.decom
    )


def overlaps_previous(episode: EpisodeLike, previous: EpisodeLike | None) -> bool:
    """The data-quality warning "overlap": `episode` starts before `previous` (the child's
    episode before it by DECOM; None for the first) has ended, or `previous` is still open.
    An episode starting on the day the previous one ceased does not overlap it."""
    return previous is not None and (previous.dec is None or previous.dec > episode.decom)


def _sort_key(episode: EpisodeLike) -> tuple[date, date]:
    return (episode.decom, episode.dec or date.max)


def overlapping_episodes(episodes: Iterable[E]) -> list[tuple[E, E]]:
    """Each of a child's episodes that overlaps the episode before it, as (before, it).

    Care episodes are taken in the period-of-care order, V3/V4 short breaks dropped first
    (FIGURES.md); the short breaks, a series of their own (`open_period`), are checked among
    themselves in the same way. Two open episodes always overlap.
    """
    ordered = sorted(episodes, key=_sort_key)
    pairs: list[tuple[E, E]] = []
    for series in (
        [e for e in ordered if not is_short_break(e)],
        [e for e in ordered if is_short_break(e)],
    ):
        pairs += [(a, b) for a, b in pairwise(series) if overlaps_previous(b, a)]
    return sorted(pairs, key=lambda pair: _sort_key(pair[0]))


def _is_open(episode: EpisodeLike, today: date) -> bool:
    return episode.decom <= today and (episode.dec is None or episode.dec > today)


def periods_of_care(episodes: Iterable[E]) -> list[list[E]]:
    """The child's care (non-V3/V4) episodes grouped into periods of care, oldest first."""
    periods: list[list[E]] = []
    previous: E | None = None
    for episode in sorted(episodes, key=_sort_key):
        if is_short_break(episode):
            continue
        if starts_new_period(episode, previous):
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
    care = [e for e in ordered if not is_short_break(e)]
    start = _care_period_start(care, today)
    if start is not None:
        return OpenPeriod(start, short_breaks=False)
    breaks = [e for e in ordered if is_short_break(e)]
    if not breaks or not _is_open(breaks[-1], today):
        return None
    care_ended = max((e.dec or e.decom for e in care), default=date.min)
    series = [e.decom for e in breaks if e.decom >= care_ended]
    return OpenPeriod(min(series), short_breaks=True)


# The polars form. Codes in a `Dataset` are already trimmed and upper-cased (`iru.data`), so
# the expressions compare them as they are; a null LS, RNE or REC matches no code.


def is_short_break_expr(ls: pl.Expr) -> pl.Expr:
    """`is_short_break` for a column of legal statuses (False for a null LS)."""
    return ls.is_in(SHORT_BREAKS).fill_null(False)


def first_episode_of_child_expr() -> pl.Expr:
    """True on each child's first row, for care episodes sorted by CHILD, DECOM."""
    return (_CHILD.shift(1) != _CHILD).fill_null(True)


def starts_new_period_expr() -> pl.Expr:
    """`starts_new_period` for care (non-V3/V4) episodes sorted by CHILD, DECOM, one per
    CHILD + DECOM: the previous row is the child's previous care episode."""
    return (
        first_episode_of_child_expr()
        | (pl.col("RNE") == _NEW_PERIOD_RNE).fill_null(False)
        | (pl.col("REC").shift(1) != _SAME_PERIOD_REC).fill_null(True)
        | (_DEC.shift(1) != _DECOM).fill_null(True)
    )


def overlaps_previous_expr() -> pl.Expr:
    """`overlaps_previous` for care episodes (same frame as `starts_new_period_expr`): the
    episode starts before the child's previous care episode ended, or that one is open."""
    previous_end = _DEC.shift(1)
    overlap = (previous_end.is_null() | (previous_end > _DECOM)).fill_null(True)
    return ~first_episode_of_child_expr() & overlap
