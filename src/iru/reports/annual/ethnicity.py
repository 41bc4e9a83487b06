"""Ethnicity of looked-after children and of children on plans at the year end, in the DfE's
words (FIGURES.md `lac.ethnicity_at_year_end`, `cp.ethnicity_at_year_end`)."""

from __future__ import annotations

from iru.reports.annual.layout import Years
from iru.reports.document import Block


def ethnicity(years: Years) -> tuple[Block, ...]:
    lac, cp = years.describe("ETHNIC"), years.describe("Ethnicity")
    return (
        years.breakdown(
            "ethnicity-lac",
            "Ethnicity of children looked after at the end of the year",
            "lac.ethnicity_at_year_end",
            [(lac(code), code) for code in years.by_code("lac.ethnicity_at_year_end")],
            source="SSDA903 Header (lac.ethnicity_at_year_end)",
        ),
        years.breakdown(
            "ethnicity-cp",
            "Ethnicity of children on a plan at the end of the year",
            "cp.ethnicity_at_year_end",
            [(cp(code), code) for code in years.by_code("cp.ethnicity_at_year_end")],
            source="CIN census (cp.ethnicity_at_year_end)",
        ),
    )
