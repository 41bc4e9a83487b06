"""Sizes of the synthetic authority, and the yearly flows that shape it.

The default scale imitates the seed's authority (Shropshire 2015-16: about 300 looked after,
265 on plans). Every other scale multiplies its flows. The yearly tables are the main levers:
they set how many children start to be looked after and how many initial conferences are held in
each collection year (named by its start year, 2015 for 2015-16).
"""

from __future__ import annotations

from dataclasses import dataclass

# Children starting a period of care (fresh entrants, before re-entries) per collection year.
LAC_ENTRIES: dict[int, float] = {2011: 104, 2012: 108, 2013: 114, 2014: 124, 2015: 80, 2016: 96}
LAC_ENTRIES_OTHERWISE = 97.0
# Families brought to an initial conference (not counting those whose children then come into
# care, and repeat conferences) per collection year. With `authority.CP_SIBLINGS` (about 2.45
# children a family) they give the seed's 286 children at initial conferences and 299 review
# conferences (a family's children share one) in 2015-16: docs/synthetic.md.
CP_FAMILIES: dict[int, float] = {}
CP_FAMILIES_OTHERWISE = 100.0
# Children referred and assessed without a section 47 enquiry, per collection year.
CIN_ONLY_CHILDREN = 150.0


@dataclass(frozen=True)
class Scale:
    """`multiplier` scales every flow; `history_years` counts the collection years written up to
    the one holding `today` (None: from `first_year`)."""

    name: str
    multiplier: float
    first_year: int = 2011
    history_years: int | None = None

    def written_from(self, today_year: int) -> int:
        """The first collection year written, as its start year."""
        if self.history_years is None:
            return self.first_year
        return today_year - self.history_years + 1


SCALES: dict[str, Scale] = {
    "tiny": Scale("tiny", 0.08, first_year=2013),
    "default": Scale("default", 1.0),
    "x10": Scale("x10", 10.0),
    "national": Scale("national", 15.0, history_years=10),
}


def lac_entries(year: int) -> float:
    return LAC_ENTRIES.get(year, LAC_ENTRIES_OTHERWISE)


def cp_families(year: int) -> float:
    return CP_FAMILIES.get(year, CP_FAMILIES_OTHERWISE)
