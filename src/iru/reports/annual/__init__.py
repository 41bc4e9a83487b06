"""The Annual Independent Chairperson's Report as a `ReportDocument`, in the seed's order.

`annual_document(inputs)` lays out the figures of the year ending `year_end` beside the year
before (and, for reviews, the year before that) as the seed's report does. Every number comes
from a figure: the returns' (FIGURES.md) and the unit's own records' (`unit.*`, merged into the
same dictionary under "unit"); nothing is computed here but a year's total and the share of a
breakdown. The narrative is the Head of Service's, by section key (`iru.reports.narrative`).
Pure: the web app and the command line render it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from iru.reports.annual.disputes import disputes
from iru.reports.annual.ethnicity import ethnicity
from iru.reports.annual.layout import Figures, Years, year_before, year_label
from iru.reports.annual.looked_after import looked_after
from iru.reports.annual.protection import child_protection
from iru.reports.annual.reviews import reviews
from iru.reports.annual.stability import stability
from iru.reports.annual.unit import caseloads, meetings_a_month, participation, staffing
from iru.reports.benchmarks import Benchmarks
from iru.reports.document import Block, ReportDocument, Section, Table
from iru.reports.narrative import ANNUAL
from iru.rules.years import reporting_year

__all__ = ["AnnualInputs", "annual_document", "year_before", "year_label"]

TITLE = "Annual Independent Chairperson's Report"


@dataclass(frozen=True)
class AnnualInputs:
    """Everything the report is made of. `this`, `last`, `before_last`: the figures of the
    year and the two before it (None where the data does not cover a year)."""

    year_end: date
    this: Figures
    last: Figures | None
    before_last: Figures | None
    council: str
    made_on: date
    benchmarks: Benchmarks = field(default_factory=Benchmarks)
    narrative: dict[str, str] = field(default_factory=dict)
    reason_words: dict[str, str] = field(default_factory=dict)  # RAG reason code -> wording
    notes: tuple[str, ...] = ()


def annual_document(inputs: AnnualInputs) -> ReportDocument:
    years = Years(inputs.year_end, inputs.this, inputs.last, inputs.before_last, inputs.benchmarks)
    blocks: dict[str, tuple[Block, ...]] = {
        "summary": (_key_figures(years),),
        "profile": (staffing(years), *caseloads(years), meetings_a_month(years)),
        "looked_after": looked_after(years),
        "reviews": reviews(years),
        "stability": stability(years),
        "child_protection": child_protection(years),
        "participation": participation(years),
        "disputes": disputes(years, inputs.reason_words),
    }
    sections = [
        Section(narrative.key.replace("_", "-"), _title(narrative.key, narrative.title),
                blocks.get(narrative.key, ()), narrative.key,
                inputs.narrative.get(narrative.key, ""))
        for narrative in ANNUAL
    ]  # fmt: skip
    # A section with neither words nor figures (a narrative not written) is left out.
    sections = [section for section in sections if section.blocks or section.narrative]
    # Ethnicity has no narrative of its own: it follows child protection, as in the seed.
    at = next(i for i, s in enumerate(sections) if s.id == "child-protection") + 1
    sections.insert(at, Section("ethnicity", "Ethnicity of the children", ethnicity(years)))
    start = reporting_year(inputs.year_end).start
    return ReportDocument(
        kind="annual", title=TITLE, subtitle=f"{start:%B %Y} to {inputs.year_end:%B %Y}",
        council=inputs.council, period=inputs.year_end.isoformat(), made_on=inputs.made_on,
        sections=tuple(sections), notes=inputs.notes,
    )  # fmt: skip


def _title(key: str, title: str) -> str:
    """A quantitative section's title (its narrative is titled "Commentary: ...")."""
    return {
        "looked_after": "Looked-after children",
        "reviews": "Care plan reviews",
        "stability": "Placement stability",
        "child_protection": "Child protection",
    }.get(key, title)


def _key_figures(years: Years) -> Table:
    return years.compare(
        "key-figures", "Key figures", [
            ("Children looked after at the end of the year", "lac.at_year_end"),
            ("Children who started to be looked after", "lac.started"),
            ("Children who ceased to be looked after", "lac.ceased"),
            ("Looked-after children's reviews held", "reviews.held"),
            ("Reviews held in timescale", "reviews.in_timescale"),
            ("Children subject to a plan at the end of the year", "cp.at_year_end"),
            ("Initial conferences (each child)", "cp.icpc.held"),
            ("Initial conferences within 15 working days", "cp.icpc.within_15_working_days"),
            ("Review conferences (each child)", "cp.rcpc.held"),
            ("Review conferences (each conference)", "unit.rcpc.conferences.total.held"),
            ("Review conferences in timescale (each child)", "cp.rcpc.in_timescale"),
        ], source="The figures of each section below",
    )  # fmt: skip
