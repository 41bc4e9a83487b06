"""Simple counts from the generator's own output, computed with polars as FIGURES.md defines them.

Deliberately independent of `iru.figures`: these check the generator against the seed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
from lxml import etree

DATE = "%d/%m/%Y"


def _read(out: Path, kind: str, key: list[str]) -> pl.DataFrame:
    frames = [
        pl.read_csv(path, infer_schema=False)
        for path in sorted(out.glob(f"*/SSDA903_*_{kind}.csv"))
    ]
    frame = pl.concat(frames)
    return frame.unique(subset=key, keep="last", maintain_order=True)


def episodes(out: Path) -> pl.DataFrame:
    frame = _read(out, "Episodes", ["CHILD", "DECOM"])
    return frame.with_columns(
        pl.col("DECOM").str.to_date(DATE), pl.col("DEC").str.to_date(DATE, strict=False)
    )


def reviews(out: Path) -> pl.DataFrame:
    frame = _read(out, "Reviews", ["CHILD", "REVIEW"])
    return frame.with_columns(pl.col("REVIEW").str.to_date(DATE))


def looked_after_on(eps: pl.DataFrame, day: date) -> int:
    open_on = eps.filter(
        (pl.col("DECOM") <= day)
        & (pl.col("DEC").is_null() | (pl.col("DEC") > day))
        & ~pl.col("LS").is_in(["V3", "V4"])
    )
    return open_on["CHILD"].n_unique()


def periods(eps: pl.DataFrame) -> pl.DataFrame:
    """Episodes (no short breaks) with a `period` number per child (FIGURES.md)."""
    frame = eps.filter(~pl.col("LS").is_in(["V3", "V4"])).sort(["CHILD", "DECOM"])
    prev_rec = pl.col("REC").shift(1).over("CHILD")
    prev_dec = pl.col("DEC").shift(1).over("CHILD")
    new = (
        prev_rec.is_null()
        | (pl.col("RNE") == "S")
        | (prev_rec != "X1")
        | (prev_dec != pl.col("DECOM"))
    )
    return frame.with_columns(new.cum_sum().over("CHILD").alias("period"))


def started(eps: pl.DataFrame, first: date, last: date) -> int:
    frame = periods(eps)
    starts = frame.group_by(["CHILD", "period"]).agg(pl.col("DECOM").min())
    return starts.filter(pl.col("DECOM").is_between(first, last))["CHILD"].n_unique()


def ceased(eps: pl.DataFrame, first: date, last: date) -> int:
    frame = eps.filter(
        ~pl.col("LS").is_in(["V3", "V4"])
        & pl.col("DEC").is_between(first, last)
        & (pl.col("REC") != "X1")
    )
    return frame["CHILD"].n_unique()


def reviews_held(out: Path, first: date, last: date) -> int:
    return reviews(out).filter(pl.col("REVIEW").is_between(first, last)).height


def census(out: Path, year: int) -> etree._ElementTree:
    return etree.parse(str(out / f"{year - 1}-{year % 100:02d}" / f"CIN_Census_{year}.xml"))


def on_plans_at(out: Path, year: int, day: date) -> int:
    tree = census(out, year)
    count = 0
    for child in tree.iter("Child"):
        for plan in child.iter("ChildProtectionPlans"):
            start = date.fromisoformat(plan.findtext("CPPstartDate") or "")
            end = plan.findtext("CPPendDate")
            if start <= day and (end is None or date.fromisoformat(end) > day):
                count += 1
                break
    return count


def icpcs_held(
    out: Path, year: int, first: date, last: date
) -> tuple[int, list[tuple[date, date]]]:
    tree = census(out, year)
    held = []
    for s47 in tree.iter("Section47"):
        icpc = s47.findtext("DateOfInitialCPC")
        if icpc and first <= date.fromisoformat(icpc) <= last:
            start = date.fromisoformat(s47.findtext("S47ActualStartDate") or "")
            held.append((start, date.fromisoformat(icpc)))
    return len(held), held


def plans(out: Path, year: int) -> list[tuple[date, date | None, list[date], int]]:
    """Each plan in a census year: start, end, review dates in the year, NumberOfPreviousCPP."""
    found = []
    for plan in census(out, year).iter("ChildProtectionPlans"):
        start = date.fromisoformat(plan.findtext("CPPstartDate") or "")
        end_text = plan.findtext("CPPendDate")
        reviews = sorted(date.fromisoformat(r.text or "") for r in plan.iter("CPPreviewDate"))
        previous = int(plan.findtext("NumberOfPreviousCPP") or "0")
        found.append((start, date.fromisoformat(end_text) if end_text else None, reviews, previous))
    return found
