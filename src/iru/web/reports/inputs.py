"""Everything an annual report is made of, read from the database: the returns' figures of the
year and the two before it, the unit's own figures, comparators, narrative, RAG reason wordings.

The statutory figures are the returns' (ADR 19): where the unit has recorded meetings that no
return holds yet, the report says so in a note rather than mixing the two.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings

from iru.reports.annual import AnnualInputs, year_before
from iru.web.disputes.models import RagReason
from iru.web.imports.selectors import YearFigures, report_year_ends, year_figures
from iru.web.reports.records import benchmarks, narrative_texts
from iru.web.reports.selectors import year_rag_figures, year_unit_figures

# Figures where the unit's records and the returns can differ (ADR 19), and how to say so.
DIFFERENCES = (
    ("reviews", "held", "looked-after children's reviews"),
    ("cp.icpc", "held", "initial conferences (each child)"),
    ("cp.rcpc", "held", "review conferences (each child)"),
)


def annual_inputs(*, year_end: date, today: date) -> AnnualInputs:
    """The report for the year ending `year_end`, as the database holds it on `today`.
    ValueError if the data does not cover that year."""
    covered = report_year_ends(today=today)
    if year_end not in covered:
        raise ValueError(f"the data does not cover the year ending {year_end:%-d %B %Y}")
    last = year_before(year_end)
    years = {day: year_figures(year_end=day, today=today)
             for day in (year_end, last, year_before(last)) if day in covered}  # fmt: skip
    figures = [
        _figures(day, today, years[day]) if day in years else None
        for day in (year_end, last, year_before(last))
    ]
    this = figures[0]
    assert this is not None
    return AnnualInputs(
        year_end=year_end, this=this, last=figures[1], before_last=figures[2],
        council=settings.IRU_COUNCIL_NAME, made_on=today, benchmarks=benchmarks(),
        narrative=narrative_texts(kind="annual", period=year_end.isoformat()),
        reason_words=reason_words(), notes=_differences(years[year_end]),
    )  # fmt: skip


def _figures(year_end: date, today: date, year: YearFigures) -> dict[str, Any]:
    """The returns' figures of a year with the unit's own beside them, under "unit": its
    records' (docs/figures.md `unit.*`) and its RAG ratings' (`unit.rag`), with the reasons
    given in the year's last month (`unit.rag.last_month`) for the seed's four charts."""
    statutory = dict(year.figures if year.returns is None else year.returns)
    unit = dict(year_unit_figures(year_end=year_end, today=today)["unit"])
    unit["rag"] = year_rag_figures(year_end=year_end, today=today)
    statutory["unit"] = unit
    return statutory


def _differences(year: YearFigures) -> tuple[str, ...]:
    """A note for each figure the unit's records hold more (or fewer) of than the returns."""
    if year.returns is None:
        return ()
    notes = []
    for group, key, words in DIFFERENCES:
        ours, returned = _at(year.figures, group, key), _at(year.returns, group, key)
        if isinstance(ours, int) and isinstance(returned, int) and ours != returned:
            notes.append(
                f"The unit recorded {ours:,} {words} in the year; the returns imported hold "
                f"{returned:,}. This report counts the returns', the statutory figures: the "
                "difference is meetings the case management system does not hold yet."
            )
    return tuple(notes)


def _at(figures: dict[str, Any], group: str, key: str) -> Any:
    value: Any = figures
    for part in (*group.split("."), key):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def reason_words() -> dict[str, str]:
    """Each RAG reason's code and the unit's wording of it."""
    return dict(RagReason.objects.values_list("code", "text"))
