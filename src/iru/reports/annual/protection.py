"""Child protection: plans, initial conferences with their outcomes, review conferences per child
(the census) and per conference (the unit's meetings), categories, long and repeat plans
(FIGURES.md "Child protection"; docs/figures.md `unit.icpc`, `unit.rcpc`)."""

from __future__ import annotations

from iru.reports.annual.layout import (
    Figures,
    Years,
    count,
    line_chart,
    month_row_label,
    share_at,
    share_of,
    total,
)
from iru.reports.document import Block, Cell, Chart, Row, Series, Table
from iru.rules.years import month_label

CENSUS = "CIN census"
MEETINGS = "The unit's meetings"
CATEGORIES = ("NEG", "PHY", "SAB", "EMO", "MUL")
ICPC_OUTCOMES = (
    ("Child became subject to a plan", "plan"),
    ("Child not made subject to a plan", "no_plan"),
    ("Change of category", "change_of_category"),
    ("Child died", "child_died"),
    ("Outcome not recorded", "not_recorded"),
)


def child_protection(years: Years) -> tuple[Block, ...]:
    this, last, _ = years.labels
    categories = years.breakdown(
        "cp-category", "Plans at the end of the year by category of abuse",
        "cp.category_at_year_end",
        [(years.describe("CategoryOfAbuse")(code), code) for code in CATEGORIES],
        source=f"{CENSUS} (cp.category_at_year_end)",
    )  # fmt: skip
    long_plans, repeats = _long_plans(years), _repeats(years)
    return (
        years.compare("cp-year", "Children subject to a child protection plan", [
            ("At the start of the year", "cp.at_year_start"),
            ("At the end of the year", "cp.at_year_end"),
            ("Plans started", "cp.started"),
            ("Plans ended", "cp.ended"),
        ], source=f"{CENSUS} (cp.at_year_start, cp.at_year_end, cp.started, cp.ended)"),
        _icpc_outcomes(years),
        _timeliness(years, "cp-initial-month", "Initial conferences by month, counting each "
                    "child", "cp.icpc.by_month", "within_15_working_days", "cp.icpc.held",
                    "cp.icpc.within_15_working_days", "Within 15 working days"),
        _timeliness(years, "cp-review-month", "Review conferences by month, counting each "
                    "child (the census)", "cp.rcpc.by_month", "in_timescale", "cp.rcpc.held",
                    "cp.rcpc.in_timescale", "In timescale"),
        _conferences(years),
        Chart("cp-category-chart", f"Plans on {years.year_end:%-d %B %Y} by category of abuse (%)",
              categories.id, "bar", (Series(1),), "%", percent=True,
              summary=f"The share of plans open at the end of {this} under each category of "
              "abuse."),
        categories,
        line_chart("cp-long-plans-chart", "Plans lasting 2 years or more (%)", long_plans,
                   ("ours", "ours", "last_year", "last_year"), percent=True, y_label="%",
                   summary=f"Of plans open at each month end, the share open for two years or "
                   f"more; of plans ended since the start of the year, the share that had lasted "
                   f"two years or more; {this} and {last}."),
        long_plans,
        line_chart("cp-repeats-chart", "Second or subsequent plans (%)", repeats,
                   ("ours", "ours", "last_year", "last_year"), percent=True, y_label="%",
                   summary=f"Of plans started since the start of the year, the share that were "
                   f"a second or subsequent plan, and the share within two years of the last; "
                   f"{this} and {last}."),
        repeats,
    )  # fmt: skip


def _icpc_outcomes(years: Years) -> Table:
    """The seed's table: outcomes down the side, months across, each child counted."""
    months = [month_label(day) for day in years.month_ends]
    grid: list[list[int | None]] = []
    for _, key in ICPC_OUTCOMES:
        cells = [count(years.this, f"unit.icpc.outcomes.by_month.{m}.{key}") for m in months]
        grid.append([*cells, total(cells)])
    sums = [total(line[column] for line in grid) for column in range(len(months) + 1)]
    rows: list[Row] = [(label, tuple(line)) for (label, _), line in zip(ICPC_OUTCOMES, grid,
                                                                      strict=True)]  # fmt: skip
    rows.append(("Total", tuple(sums)))
    this, _, _ = years.labels
    return Table(
        "cp-initial-outcomes", f"Initial conferences by month and outcome, {this}",
        ("Outcome", *(month_row_label(day) for day in years.month_ends), "Total"), tuple(rows),
        source=f"{MEETINGS} (unit.icpc.outcomes)",
        note="Each child the conference was about is counted once (siblings share a "
        "conference). The outcome is the one the chair recorded.",
        total_row=True, total_column=True,
    )  # fmt: skip


def _timeliness(
    years: Years, id: str, caption: str, group: str, timely_key: str, held_key: str,
    share_key: str, timely_words: str,
) -> Table:  # fmt: skip
    def month(figures: Figures | None, m: str) -> tuple[Cell, ...]:
        held = count(figures, f"{group}.{m}.held")
        timely = count(figures, f"{group}.{m}.{timely_key}")
        return held, timely, share_of(timely, held)

    timely_share = share_at(years.this, share_key)
    this, _, _ = years.labels
    return years.monthly(
        id, f"{caption}, {this}", ("Held", timely_words, f"{timely_words} (%)"), month,
        with_last_year=False,
        total_row=(count(years.this, held_key),
                   None if timely_share is None else timely_share.numerator, timely_share),
        source=f"{CENSUS} ({group}, {held_key}, {share_key})",
    )  # fmt: skip


def _conferences(years: Years) -> Table:
    def month(figures: Figures | None, m: str) -> tuple[Cell, ...]:
        base = f"unit.rcpc.conferences.by_month.{m}"
        held, timely = count(figures, f"{base}.held"), count(figures, f"{base}.in_timescale")
        unmatched = count(figures, f"{base}.unmatched")
        matched = None if held is None or unmatched is None else held - unmatched
        return held, timely, share_of(timely, matched), unmatched

    this, _, _ = years.labels
    base = "unit.rcpc.conferences.total"
    timely = share_at(years.this, "unit.rcpc.conferences.in_timescale")
    return years.monthly(
        "cp-review-conferences", f"Review conferences by month, counting each conference once, "
        f"{this}", ("Conferences", "In timescale", "In timescale (%)", "Not in the census"),
        month, with_last_year=False,
        total_row=(count(years.this, f"{base}.held"), count(years.this, f"{base}.in_timescale"),
                   timely, count(years.this, f"{base}.unmatched")),
        source=f"{MEETINGS} and {CENSUS} (unit.rcpc.conferences)",
        note="A family's children share one conference, as the seed's report counts them. A "
        "conference is in timescale when every child's review was. Not in the census: a child "
        "the conference covered has no review conference that day in the census; such "
        "conferences are left out of the percentage.",
    )  # fmt: skip


def _long_plans(years: Years) -> Table:
    this, last, _ = years.labels
    return years.monthly(
        "cp-long-plans", "Plans lasting 2 years or more",
        (f"Open, {this} (%)", f"Ended, {this} (%)", f"Open, {last} (%)", f"Ended, {last} (%)"),
        lambda f, m: (share_at(f, f"cp.open_2_years_plus_by_month.{m}"),
                      share_at(f, f"cp.ended_2_years_plus_by_month.{m}")),
        source=f"{CENSUS} (cp.open_2_years_plus_by_month, cp.ended_2_years_plus_by_month)",
        note="Open: of plans open at the month end. Ended: of plans ended from the start of the "
        "year to the month end.",
    )  # fmt: skip


def _repeats(years: Years) -> Table:
    this, last, _ = years.labels
    return years.monthly(
        "cp-repeats", "Second or subsequent plans",
        (f"Any earlier plan, {this} (%)", f"Within 2 years, {this} (%)",
         f"Any earlier plan, {last} (%)", f"Within 2 years, {last} (%)"),
        lambda f, m: (share_at(f, f"cp.repeat_by_month.{m}"),
                      share_at(f, f"cp.repeat_within_2_years_by_month.{m}")),
        source=f"{CENSUS} (cp.repeat_by_month, cp.repeat_within_2_years_by_month)",
        note="Of plans started from the start of the year to the month end.",
    )  # fmt: skip
