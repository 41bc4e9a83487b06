"""Which collection year's code lists apply to a file (2016 = 2015-16, named by its 31 March).

A CIN census file says so in its header (`cin_xml.header_collection_year`). An SSDA903 file
does not, so we take it from a year in its name or its folders' names, innermost first:
`2016-17`, `2016_17` or `201617` is 2017, a lone `2017` is 2017; failing that, from the latest
date in the file
(`iru.rules.years.collection_year`: a date from April on belongs to the next year's collection).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePosixPath

import polars as pl

from iru.rules.years import collection_year

_SPAN = re.compile(r"(?<!\d)(20\d{2})[-_ ]?(\d{2})(?!\d)")
_LONE = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def year_from_path(relative_path: str) -> int | None:
    """The collection year written in a file's name or folder names, or None."""
    for part in reversed(PurePosixPath(relative_path).parts):
        for start, end in _SPAN.findall(part):
            if int(end) == (int(start) + 1) % 100:
                return int(start) + 1
        lone = _LONE.search(part)
        if lone:
            return int(lone.group(1))
    return None


def year_from_dates(frame: pl.DataFrame, columns: list[str]) -> int | None:
    """The collection year of the latest date in `columns` of `frame`, or None if none."""
    present = [col for col in columns if col in frame.columns]
    if not present or not frame.height:
        return None
    latest = frame.select(pl.max_horizontal([pl.col(col).max() for col in present])).item()
    if not isinstance(latest, date):
        return None
    return collection_year(latest)
