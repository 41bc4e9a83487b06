"""Property-based checks: the figures depend on the rows, not on how they are arranged."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from iru.data import read_source
from iru.data.dataset import Dataset
from iru.figures import compute_figures
from tests.figures.builders import dataset

YE = date(2016, 3, 31)
EPISODES = "CHILD,DECOM,RNE,LS,PLACE,PL_POST,DEC,REC"
BASE = date(2013, 1, 1)


@st.composite
def child_rows(draw: st.DrawFn, child: int) -> tuple[list[str], list[str]]:
    """One child's episodes (consecutive, gaps or overlaps) and reviews, as CSV lines."""
    day = BASE + timedelta(days=draw(st.integers(0, 1000)))
    episodes = []
    for index in range(draw(st.integers(1, 4))):
        length = draw(st.integers(2, 400))
        last = index == 3 or draw(st.booleans())
        end = None if last and draw(st.booleans()) else day + timedelta(days=length)
        rne = "S" if index == 0 else draw(st.sampled_from("SPLTUB"))
        ls = draw(st.sampled_from(["C2", "C2", "V3"]))
        place = draw(st.sampled_from(["U1", "U2", "T1", "A3", "R1", ""]))
        rec = "" if end is None else draw(st.sampled_from(["X1", "X1", "E11", ""]))
        dec = end.strftime("%d/%m/%Y") if end else ""
        post = draw(st.sampled_from(["AA1 1AA", "BB1 1BB", ""]))
        episodes.append(f"{child},{day:%d/%m/%Y},{rne},{ls},{place},{post},{dec},{rec}")
        if end is None:
            break
        # 0: an X1 link, 3: a gap, -1: an overlap
        day = end + timedelta(days=draw(st.sampled_from([0, 0, 3, -1])))
    reviews = sorted(
        {
            f"{child},{BASE + timedelta(days=offset):%d/%m/%Y},PN{draw(st.integers(0, 7))}"
            for offset in draw(st.lists(st.integers(0, 1500), max_size=4))
        }
    )
    return episodes, reviews


@st.composite
def authorities(draw: st.DrawFn) -> tuple[list[str], list[str], list[str]]:
    episodes: list[str] = []
    reviews: list[str] = []
    header: list[str] = []
    for child in range(draw(st.integers(1, 6))):
        rows, child_reviews = draw(child_rows(child))
        episodes += rows
        reviews += child_reviews
        dob = BASE - timedelta(days=draw(st.integers(0, 6500)))
        header.append(f"{child},{dob:%d/%m/%Y},{draw(st.sampled_from(['WBRI', 'AIND', '']))}")
    return episodes, reviews, header


def without_warnings(figures: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in figures.items() if key != "warnings"}


def built(episodes: list[str], reviews: list[str], header: list[str]) -> Dataset:
    return dataset(
        episodes="\n".join([EPISODES, *episodes]),
        reviews="\n".join(["CHILD,REVIEW,REVIEW_CODE", *reviews]),
        header="\n".join(["CHILD,DOB,ETHNIC", *header]),
    )


@settings(max_examples=25, deadline=None)
@given(authorities(), st.randoms(use_true_random=False))
def test_figures_do_not_depend_on_row_order(authority, random):
    episodes, reviews, header = authority
    expected = compute_figures(built(episodes, reviews, header), YE)
    for rows in (episodes, reviews, header):
        random.shuffle(rows)
    shuffled = compute_figures(built(episodes, reviews, header), YE)
    assert without_warnings(shuffled) == without_warnings(expected)

    # The same warnings, at other rows: a row number is the row's line in its file.
    def messages(figures: dict) -> list[tuple[str, str]]:
        return sorted((w["column"] or "", w["message"]) for w in figures["warnings"])

    assert messages(shuffled) == messages(expected)


def _write(folder: Path, name: str, columns: str, rows: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n".join([columns, *rows]) + "\n")


@settings(max_examples=10, deadline=None)
@given(authorities(), st.data())
def test_figures_are_the_same_when_rows_are_split_across_years_files(authority, data):
    """Every row in one file, or each row in one or more of three years' files (a later
    year's file repeating it unchanged): the reconciled dataset and the figures are equal."""
    episodes, reviews, header = authority
    with tempfile.TemporaryDirectory() as tmp:
        one, split = Path(tmp, "one"), Path(tmp, "split")
        _write(one, "header.csv", "CHILD,DOB,ETHNIC", header)
        _write(one, "episodes.csv", EPISODES, episodes)
        _write(one, "reviews.csv", "CHILD,REVIEW,REVIEW_CODE", reviews)
        years: list[dict[str, list[str]]] = [{"h": [], "e": [], "r": []} for _ in range(3)]
        for kind, rows in (("h", header), ("e", episodes), ("r", reviews)):
            for row in rows:
                chosen = data.draw(st.sets(st.integers(0, 2), min_size=1))
                for year in chosen:
                    years[year][kind].append(row)
        for index, rows_by_kind in enumerate(years):
            folder = split / f"201{index + 4}"
            _write(folder, f"header_{index}.csv", "CHILD,DOB,ETHNIC", rows_by_kind["h"])
            _write(folder, f"episodes_{index}.csv", EPISODES, rows_by_kind["e"])
            _write(folder, f"reviews_{index}.csv", "CHILD,REVIEW,REVIEW_CODE", rows_by_kind["r"])
        whole = compute_figures(read_source(one), YE)
        parts = compute_figures(read_source(split), YE)
    assert without_warnings(parts) == without_warnings(whole)


def test_the_generated_rows_are_valid_csv():
    # A smoke check of the strategy's row shape against the dataset builder.
    frame = built(["1,01/01/2015,S,C2,U1,AA1 1AA,,"], [], ["1,01/01/2010,WBRI"]).episodes
    assert frame.select(pl.col("DECOM").is_not_null()).item()
