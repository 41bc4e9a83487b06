"""Write the SSDA903 CSVs of each collection year, as the authority keeps them.

Each year's files hold that year's rows as the DfE return does: Header, the children looked after
at any time in the year; Episodes, those open at any time in the year (one still open on 31 March
is written without DEC, REC or reason, and closed in a later year's file); Reviews, those held in
the year. Dates are DD/MM/YYYY.
"""

from __future__ import annotations

import csv
from pathlib import Path

from iru.data.synthetic.calendar import Day, collection_year_days, dmy, years_old
from iru.data.synthetic.model import Child, Episode

HEADER = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
EPISODES = [
    "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
    "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN", "PL_DISTANCE", "PL_LOCATION",
]  # fmt: skip
REVIEWS = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
SEX_CODED_FROM = 2024  # from 2024-25, SEX is M/F/U rather than 1/2
# Before 2018-19, special guardianship was E43 (former foster carers) or E44 (other carers).
SGO_SPLIT_FROM = 2018
OLD_SGO = {"E45": "E43", "E46": "E43", "E47": "E44", "E48": "E44"}
# From 2025-26 H5 and P2 are gone: a placement still open is recorded as K3 (cf. rule 503D).
K3_ONLY_FROM = 2025


def year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def write_ssda903_year(folder: Path, year: int, children: list[Child]) -> dict[str, int]:
    """Write one collection year's Header, Episodes and Reviews; return their row counts."""
    first, last = collection_year_days(year)
    headers: list[list[str]] = []
    episodes: list[list[str]] = []
    reviews: list[list[str]] = []
    for child in children:
        rows = [
            _episode_row(child.id, episode, year, last)
            for period in child.periods
            for episode in period.episodes
            if episode.decom <= last and (episode.dec is None or episode.dec >= first)
        ]
        if not rows:
            continue
        episodes += rows
        headers.append(_header_row(child, year, last))
        reviews += [
            [child.id, dmy(child.dob), dmy(review.date), review.code]
            for period in child.periods
            for review in period.reviews
            if first <= review.date <= last
        ]
    label = year_label(year)
    _write(folder / f"SSDA903_{label}_Header.csv", HEADER, headers)
    _write(folder / f"SSDA903_{label}_Episodes.csv", EPISODES, episodes)
    _write(folder / f"SSDA903_{label}_Reviews.csv", REVIEWS, reviews)
    return {"header": len(headers), "episodes": len(episodes), "reviews": len(reviews)}


def _header_row(child: Child, year: int, year_end: Day) -> list[str]:
    sex = child.sex if year >= SEX_CODED_FROM else "1" if child.sex == "M" else "2"
    mother = "0" if child.sex == "F" and years_old(child.dob, year_end) >= 12 else ""
    return [child.id, sex, dmy(child.dob), child.ethnic, child.upn or "UN1", mother, ""]


def _episode_row(child_id: str, episode: Episode, year: int, year_end: Day) -> list[str]:
    closed = episode.dec is not None and episode.dec <= year_end
    where = episode.placement
    place = where.place
    if year >= K3_ONLY_FROM and place in {"H5", "P2"}:
        place = "K3"
    rec = episode.rec if closed else ""
    if year < SGO_SPLIT_FROM:
        rec = OLD_SGO.get(rec, rec)
    return [
        child_id, dmy(episode.decom), episode.rne, episode.ls, episode.cin, place,
        where.provider, dmy(episode.dec) if closed and episode.dec is not None else "",
        rec, episode.reason_place_change if closed else "",
        episode.home_post, where.post, where.urn, where.distance, where.location,
    ]  # fmt: skip


def _write(path: Path, columns: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
