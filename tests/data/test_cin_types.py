"""`cin_types`' shortcut for plain ISO dates reads exactly as `cells.parse_dates`."""

import polars as pl

from iru.data import cells
from iru.data.cin_types import _parse_dates

ODD = [
    "2020-01-05",
    None,
    "",
    " ",
    "1799-12-31",
    "1800-01-01",
    "0001-01-01",
    "2020-02-30",
    " 2020-01-05",
    "2020-01-05 ",
    "2020-1-5",
    "+2020-01-05",
    "2020-01-05 00:00",
    "2020-01-05T00:00:00",
    "05/01/2020",
    "43835",
    "43835.0",
    "２０２０-01-05",
    "abc",
]


def test_plain_iso_dates_read_as_parse_dates_reads_them():
    raw = pl.DataFrame(
        {
            "A": ODD,
            "B": list(reversed(ODD)),
            "C": ["2021-03-04"] * len(ODD),
            "_file": ["f.xml"] * len(ODD),
            "_row": list(range(len(ODD))),
        }
    )
    dates = {"A": None, "B": "8615", "C": None}
    ours, our_findings = _parse_dates(raw, dates)
    theirs, their_findings = cells.parse_dates(raw, dates, iso_expected=True)
    assert ours.equals(theirs, null_equal=True)
    assert our_findings.equals(their_findings, null_equal=True)
    clean = raw.select("C", "_file", "_row")
    assert _parse_dates(clean, {"C": None})[0].equals(
        cells.parse_dates(clean, {"C": None}, iso_expected=True)[0]
    )
