"""Looked-after children: the population month by month, who started and ceased, where they
live (FIGURES.md "Looked-after children")."""

from __future__ import annotations

from iru.reports.annual.layout import Years, count, line_chart
from iru.reports.document import Block, Chart, Series

AGE_BANDS = (
    ("Under 1", "under_1"), ("1 to 4", "1_4"), ("5 to 9", "5_9"), ("10 to 14", "10_14"),
    ("15", "15"), ("16 and over", "16_plus"),
)  # fmt: skip
DISTANCE_BANDS = (
    ("Under 20 miles, inside the authority", "under_20_in"),
    ("Under 20 miles, outside the authority", "under_20_out"),
    ("Over 20 miles, inside the authority", "over_20_in"),
    ("Over 20 miles, outside the authority", "over_20_out"),
    ("Distance not known", "unknown"),
)
PLACEMENT_GROUPS = (
    ("Foster placements", "foster"),
    ("Placed for adoption", "adoption"),
    ("Placed with parents", "with_parents"),
    ("Other placements in the community", "other_community"),
    ("Secure units, children's homes and hostels", "secure_homes_hostels"),
    ("Other residential settings", "other_residential"),
    ("Residential schools", "residential_schools"),
    ("Other placements", "other"),
)
SOURCE = "SSDA903 Header and Episodes"


def looked_after(years: Years) -> tuple[Block, ...]:
    this, last, _ = years.labels
    month_end = years.monthly(
        "lac-month-end", "Children looked after at the end of each month", (this, last),
        lambda f, m: (count(f, f"lac.month_end.{m}"),), source=f"{SOURCE} (lac.month_end)",
    )  # fmt: skip
    placements = years.breakdown(
        "lac-placements", "Children looked after at the end of the year by placement",
        "lac.placement_at_year_end", PLACEMENT_GROUPS,
        source=f"{SOURCE} (lac.placement_at_year_end)",
    )  # fmt: skip
    return (
        line_chart(
            "lac-month-end-chart", "Children looked after at each month end", month_end,
            ("ours", "last_year"), y_label="Children",
            summary=f"The number of children looked after at the end of each month of "
            f"{this}, with {last} beside it.",
        ),
        month_end,
        years.compare("lac-year", "Children looked after: the year in numbers", [
            ("At the start of the year", "lac.at_year_start"),
            ("At the end of the year", "lac.at_year_end"),
            ("Started to be looked after", "lac.started"),
            ("Ceased to be looked after", "lac.ceased"),
        ], source=f"{SOURCE} (lac.at_year_start, lac.at_year_end, lac.started, lac.ceased)"),
        years.breakdown(
            "lac-started-distance", "Children who started to be looked after: how far from "
            "home their first placement was", "lac.started_by_distance", DISTANCE_BANDS,
            source=f"{SOURCE} (lac.started_by_distance)",
        ),
        years.breakdown(
            "lac-started-age", "Children who started to be looked after: age on starting",
            "lac.started_by_age", AGE_BANDS, source=f"{SOURCE} (lac.started_by_age)",
        ),
        years.breakdown(
            "lac-ceased-reason", "Children who ceased to be looked after: why care ceased",
            "lac.ceased_by_reason",
            [(years.describe("REC")(code), code) for code in years.by_code("lac.ceased_by_reason")],
            source=f"{SOURCE} (lac.ceased_by_reason)",
        ),
        years.breakdown(
            "lac-ceased-age", "Children who ceased to be looked after: age on ceasing",
            "lac.ceased_by_age", AGE_BANDS, source=f"{SOURCE} (lac.ceased_by_age)",
        ),
        Chart(
            "lac-placements-chart",
            f"Children looked after on {years.year_end:%-d %B %Y} by placement (%)",
            placements.id, "bar", (Series(1),), "%", percent=True,
            summary=f"The share of children looked after at the end of {this} in each kind "
            "of placement.",
        ),
        placements,
    )  # fmt: skip
