"""The Annual Independent Chairperson's Report: its tables, from the figures engine's output.

`annual_report(this, last, year_end)` lays out the figures of the year ending `year_end`
(`this`, from `compute_figures`) beside the year before (`last`, or None when the data does
not cover it) as the seed report does: every number comes from the engine, none is computed
here but a difference or a percentage of two engine counts. Codes are given in the DfE's words
for the year's collection. Pure: the web app and the command line render it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from iru.rules.codes import code_list
from iru.rules.years import collection_year, month_label, reporting_year

Figures = dict[str, Any]
Cell = int | float | str | None  # None: the figure is not in the data ("No data")

AGE_BANDS = {
    "under_1": "Under 1",
    "1_4": "1 to 4",
    "5_9": "5 to 9",
    "10_14": "10 to 14",
    "15": "15",
    "16_plus": "16 and over",
}
DISTANCE_BANDS = {
    "under_20_in": "Under 20 miles, inside the authority",
    "under_20_out": "Under 20 miles, outside the authority",
    "over_20_in": "Over 20 miles, inside the authority",
    "over_20_out": "Over 20 miles, outside the authority",
    "unknown": "Distance not known",
}
PLACEMENT_GROUPS = {
    "foster": "Foster placements",
    "adoption": "Placed for adoption",
    "with_parents": "Placed with parents",
    "other_community": "Other placements in the community",
    "secure_homes_hostels": "Secure units, children's homes and hostels",
    "other_residential": "Other residential settings",
    "residential_schools": "Residential schools",
    "other": "Other placements",
}
CATEGORIES = ("NEG", "PHY", "SAB", "EMO", "MUL")


@dataclass(frozen=True)
class Table:
    """One table of the report: a caption, column headings, and rows of a label and cells."""

    id: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]
    note: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class AnnualReport:
    year_end: date
    sections: tuple[Section, ...]

    @property
    def year_label(self) -> str:
        return year_label(self.year_end)

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]


def year_label(year_end: date) -> str:
    """ "2015-16" for the year ending 31 March 2016."""
    start = reporting_year(year_end).start
    return (
        f"{start.year}-{str(year_end.year)[2:]}"
        if start.year != year_end.year
        else str(year_end.year)
    )


def year_before(year_end: date) -> date:
    """The year end a year earlier (29 February becomes 28 February)."""
    return reporting_year(year_end).start - timedelta(days=1)


def get(figures: Figures | None, dotted: str) -> Any:
    """The figure at a dotted key, or None when it (or its group) is absent."""
    value: Any = figures
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def percent(share: Any) -> Cell:
    """A {numerator, denominator, percent} figure's percent ("None to count": no denominator)."""
    if not isinstance(share, dict):
        return None
    return "None to count" if share.get("percent") is None else share["percent"]


def _rate(part: Any, whole: Any) -> Cell:
    if not isinstance(part, int) or not isinstance(whole, int):
        return None
    return round(100 * part / whole, 1) if whole else "None to count"


def annual_report(this: Figures, last: Figures | None, year_end: date) -> AnnualReport:
    """The report's tables for the year ending `year_end`, with the year before beside."""
    r = _Layout(this, last, year_end)
    return AnnualReport(
        year_end=year_end,
        sections=(
            Section("looked-after", "Looked-after children", r.looked_after()),
            Section("reviews", "Looked-after children's reviews", r.reviews()),
            Section("stability", "Placement stability", r.stability()),
            Section("child-protection", "Child protection", r.child_protection()),
            Section("ethnicity", "Ethnicity", r.ethnicity()),
        ),
    )


@dataclass(frozen=True)
class _Layout:
    this: Figures
    last: Figures | None
    year_end: date

    @property
    def months(self) -> tuple[date, ...]:
        return reporting_year(self.year_end).month_ends

    @property
    def years(self) -> tuple[str, str]:
        return year_label(self.year_end), year_label(year_before(self.year_end))

    def _describe(self, list_name: str) -> Callable[[str], str]:
        codes = code_list(list_name, collection_year(self.year_end))
        return lambda code: codes.description(code) or code

    def _both(self, dotted: str) -> tuple[Cell, Cell]:
        return get(self.this, dotted), get(self.last, dotted)

    def _compare(
        self, id: str, caption: str, rows: Iterable[tuple[str, str]], note: str = ""
    ) -> Table:
        """A table of this year and last year for each (label, dotted key)."""
        this_year, last_year = self.years
        return Table(
            id, caption, ("", this_year, last_year),
            tuple((label, self._both(key)) for label, key in rows), note,
        )  # fmt: skip

    def _by_code(self, id: str, caption: str, group: str, words: Callable[[str], str]) -> Table:
        """Counts by code in either year, described, largest first this year."""
        codes = set(get(self.this, group) or {}) | set(get(self.last, group) or {})
        ordered = sorted(codes, key=lambda c: (-(get(self.this, f"{group}.{c}") or 0), c))
        return self._compare(id, caption, [(f"{words(c)} ({c})", f"{group}.{c}") for c in ordered])

    def _monthly(
        self, id: str, caption: str, columns: tuple[str, ...],
        cells: Callable[[Figures | None, str], tuple[Cell, ...]], note: str = "",
    ) -> Table:  # fmt: skip
        rows = []
        for month in self.months:
            key = month_label(month)
            before = month_label(month.replace(year=month.year - 1, day=28))
            label = month.strftime("%B %Y")
            rows.append((label, (*cells(self.this, key), *cells(self.last, before))))
        return Table(id, caption, ("Month", *columns), tuple(rows), note)

    def looked_after(self) -> tuple[Table, ...]:
        this_year, last_year = self.years
        return (
            self._monthly(
                "lac-month-end", "Children looked after at the end of each month",
                (this_year, last_year), lambda f, m: (get(f, f"lac.month_end.{m}"),),
            ),
            self._compare("lac-year", "Children looked after at the start and end of the year", [
                ("At the start of the year", "lac.at_year_start"),
                ("At the end of the year", "lac.at_year_end"),
                ("Started to be looked after", "lac.started"),
                ("Ceased to be looked after", "lac.ceased"),
            ]),
            self._compare(
                "lac-started-distance", "Children who started to be looked after: distance "
                "from home of their first placement",
                [(words, f"lac.started_by_distance.{band}")
                 for band, words in DISTANCE_BANDS.items()],
            ),
            self._compare(
                "lac-started-age", "Children who started to be looked after: age on starting",
                [(words, f"lac.started_by_age.{band}") for band, words in AGE_BANDS.items()],
            ),
            self._by_code(
                "lac-ceased-reason", "Reasons care ceased", "lac.ceased_by_reason",
                self._describe("REC"),
            ),
            self._compare(
                "lac-ceased-age", "Children who ceased to be looked after: age on ceasing",
                [(words, f"lac.ceased_by_age.{band}") for band, words in AGE_BANDS.items()],
            ),
            self._compare(
                "lac-placements", "Placements of children looked after at the end of the year",
                [(words, f"lac.placement_at_year_end.{group}")
                 for group, words in PLACEMENT_GROUPS.items()],
            ),
        )  # fmt: skip

    def reviews(self) -> tuple[Table, ...]:
        def held(f: Figures | None, m: str) -> tuple[Cell, ...]:
            month = get(f, f"reviews.by_month.{m}") or {}
            count, timely = month.get("held"), month.get("in_timescale")
            return count, timely, _rate(timely, count)

        this_year, last_year = self.years
        totals = Table(
            "reviews-year", "Reviews held in the year and their timeliness",
            ("", this_year, last_year),
            (
                ("Reviews held", self._both("reviews.held")),
                ("Held in timescale (%)", (percent(get(self.this, "reviews.in_timescale")),
                                           percent(get(self.last, "reviews.in_timescale")))),
                ("Children who took part (PN1-PN6, %)",
                 (percent(get(self.this, "reviews.participation_rate")),
                  percent(get(self.last, "reviews.participation_rate")))),
            ),
        )  # fmt: skip
        return (
            self._monthly(
                "reviews-month", "Reviews by month",
                (f"Held {this_year}", "In timescale", "%",
                 f"Held {last_year}", "In timescale", "%"),
                held,
            ),
            totals,
            self._by_code(
                "reviews-participation", "How children took part in their reviews",
                "reviews.participation", self._describe("REVIEW_CODE"),
            ),
        )  # fmt: skip

    def stability(self) -> tuple[Table, ...]:
        def measures(f: Figures | None, m: str) -> tuple[Cell, ...]:
            return (
                percent(get(f, f"stability.three_plus_placements_by_month.{m}")),
                percent(get(f, f"stability.long_term_by_month.{m}")),
            )

        this_year, last_year = self.years
        return (
            self._monthly(
                "stability-month",
                "Placement stability by month (3 or more placements: cumulative from the "
                "start of the year)",
                (f"3+ placements {this_year} (%)", f"Long-term {this_year} (%)",
                 f"3+ placements {last_year} (%)", f"Long-term {last_year} (%)"),
                measures,
            ),
        )  # fmt: skip

    def child_protection(self) -> tuple[Table, ...]:
        def initial(f: Figures | None, m: str) -> tuple[Cell, ...]:
            month = get(f, f"cp.icpc.by_month.{m}") or {}
            count, timely = month.get("held"), month.get("within_15_working_days")
            return count, timely, _rate(timely, count)

        def review(f: Figures | None, m: str) -> tuple[Cell, ...]:
            month = get(f, f"cp.rcpc.by_month.{m}") or {}
            count, timely = month.get("held"), month.get("in_timescale")
            return count, timely, _rate(timely, count)

        def long_plans(f: Figures | None, m: str) -> tuple[Cell, ...]:
            return (percent(get(f, f"cp.open_2_years_plus_by_month.{m}")),
                    percent(get(f, f"cp.ended_2_years_plus_by_month.{m}")))  # fmt: skip

        def repeats(f: Figures | None, m: str) -> tuple[Cell, ...]:
            return (percent(get(f, f"cp.repeat_by_month.{m}")),
                    percent(get(f, f"cp.repeat_within_2_years_by_month.{m}")))  # fmt: skip

        this_year, last_year = self.years
        categories = self._describe("CategoryOfAbuse")
        return (
            self._compare("cp-year", "Children subject to a child protection plan", [
                ("At the start of the year", "cp.at_year_start"),
                ("At the end of the year", "cp.at_year_end"),
                ("Plans started", "cp.started"),
                ("Plans ended", "cp.ended"),
            ]),
            self._monthly(
                "cp-initial-month", "Initial child protection conferences by month",
                (f"Held {this_year}", "Within 15 working days", "%",
                 f"Held {last_year}", "Within 15 working days", "%"),
                initial,
            ),
            self._monthly(
                "cp-review-month",
                "Review child protection conferences by month (each child counted)",
                (f"Held {this_year}", "In timescale", "%",
                 f"Held {last_year}", "In timescale", "%"),
                review,
            ),
            self._compare(
                "cp-category", "Plans at the end of the year by category of abuse",
                [(f"{categories(c)} ({c})", f"cp.category_at_year_end.{c}")
                 for c in CATEGORIES],
            ),
            self._monthly(
                "cp-long-plans", "Plans lasting 2 years or more",
                (f"Open at month end {this_year} (%)", f"Ended in the year {this_year} (%)",
                 f"Open at month end {last_year} (%)", f"Ended in the year {last_year} (%)"),
                long_plans, "Ended: cumulative from the start of the year.",
            ),
            self._monthly(
                "cp-repeats", "Second or subsequent plans",
                (f"Any earlier plan {this_year} (%)", f"Within 2 years {this_year} (%)",
                 f"Any earlier plan {last_year} (%)", f"Within 2 years {last_year} (%)"),
                repeats, "Of plans started: cumulative from the start of the year.",
            ),
        )  # fmt: skip

    def ethnicity(self) -> tuple[Table, ...]:
        return (
            self._by_code(
                "ethnicity-lac",
                "Ethnicity of children looked after at the end of the year",
                "lac.ethnicity_at_year_end",
                self._describe("ETHNIC"),
            ),
            self._by_code(
                "ethnicity-cp",
                "Ethnicity of children on a plan at the end of the year",
                "cp.ethnicity_at_year_end",
                self._describe("Ethnicity"),
            ),
        )
