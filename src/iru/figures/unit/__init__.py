"""The unit's own figures (`unit.*`, docs/figures.md "The unit's own records"): meetings held,
conference outcomes and timeliness per conference, children's participation, caseloads per
full-time chair, staffing, escalations. Pure polars, no Django, no clock.

`unit_figures(unit, returns, year_end)` counts one reporting year from the unit's records
(`UnitDataset`) and the returns (`Dataset`, or `Prepared` when the returns' figures are being
computed too), the returns only for the review conferences' timeliness.
"""

from __future__ import annotations

from datetime import date

from iru.data.dataset import Dataset
from iru.figures.compute import Prepared
from iru.figures.unit.caseloads import caseload_figures
from iru.figures.unit.conferences import census_review_conferences, rcpc_conference_figures
from iru.figures.unit.dataset import UNIT_SCHEMAS, UnitDataset
from iru.figures.unit.escalations import escalation_figures
from iru.figures.unit.meetings import held_meetings, icpc_outcome_figures, meeting_figures
from iru.figures.unit.participation import participation_figures
from iru.figures.unit.staffing import staffing_on
from iru.rules.years import reporting_year

__all__ = ["UNIT_SCHEMAS", "UnitDataset", "unit_figures"]


def unit_figures(
    unit: UnitDataset, returns: Dataset | Prepared, year_end: date
) -> dict[str, object]:
    """Every `unit.*` figure for the year ending `year_end` (a month's last day), nested as
    `iru figures` prints them: `{"unit": {"meetings": {...}, ...}}`. Raises ValueError for
    any other `year_end`."""
    year = reporting_year(year_end)
    held = held_meetings(unit.meetings, year)
    covered = unit.meeting_children
    census = census_review_conferences(returns)
    return {
        "unit": {
            "meetings": meeting_figures(held, year),
            "icpc": {"outcomes": icpc_outcome_figures(held, covered, year)},
            "rcpc": {"conferences": rcpc_conference_figures(held, covered, census, year)},
            "participation": participation_figures(held, covered),
            "caseload": caseload_figures(unit, year),
            "staffing": {"at_year_end": staffing_on(unit, year.end)},
            "escalations": escalation_figures(unit.escalations, unit.escalation_stages, year),
        }
    }
