"""A realistic report to render in tests: invented numbers for an invented council.

Sections with Markdown narrative (one holding a hostile `<script>`), month tables with
percentages and a total row, a line chart with our line, England's and last year's, a column
chart, a bar chart of RAG reasons with long labels, hidden (`c`) and missing (None) cells, and
a public edition in which the small counts are hidden.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from iru.reports.document import (
    Chart,
    ReportDocument,
    Section,
    Series,
    Table,
    share,
)

MONTHS = (
    "April 2015", "May 2015", "June 2015", "July 2015", "August 2015", "September 2015",
    "October 2015", "November 2015", "December 2015", "January 2016", "February 2016",
    "March 2016",
)  # fmt: skip

HELD = (70, 74, 69, 81, 62, 77, 73, 75, 66, 79, 71, 85)
IN_TIME = (63, 68, 61, 75, 55, 70, 66, 69, 60, 72, 65, 80)
LAST_YEAR = (84.1, 85.0, 83.3, 86.2, 82.0, 87.5, 85.9, 86.0, 84.4, 88.1, 86.7, 89.0)
ENGLAND = 88.0

SUMMARY = """\
The unit chaired **874 reviews** of looked-after children this year, *more* than last year.

# What went well

- Reviews in timescale rose to [the highest rate](https://example.org/irus) in five years.
- Every child aged 4 or over was consulted.

1. Keep caseloads within the IRO Handbook's range.
2. Improve the timeliness of initial conferences.

> Children told us they want to know their IRO.

<script>alert("hostile")</script>
"""


def reviews_table() -> Table:
    rows = [
        (month, (held, in_time, share(in_time, held), ENGLAND, last))
        for month, held, in_time, last in zip(MONTHS, HELD, IN_TIME, LAST_YEAR, strict=True)
    ]
    rows[4] = (MONTHS[4], (62, 55, share(55, 62), None, LAST_YEAR[4]))  # England not yet out
    total = ("Total", (sum(HELD), sum(IN_TIME), share(sum(IN_TIME), sum(HELD)), ENGLAND, 85.7))
    return Table(
        id="reviews-month",
        caption="Reviews of looked-after children held each month, and in timescale",
        columns=("Month", "Reviews held", "In timescale", "% in timescale",
                 "England %", "Last year %"),
        rows=(*rows, total),
        note="A review is in timescale when it is held by its due date (IRO Handbook).",
        source="reviews.by_month; England from the DfE's SSDA903 statistics",
        total_row=True,
    )  # fmt: skip


def reviews_chart() -> Chart:
    return Chart(
        id="reviews-chart",
        title="Reviews in timescale each month",
        table_id="reviews-month",
        kind="line",
        series=(Series(2, "ours"), Series(3, "comparator"), Series(4, "last_year")),
        y_label="% of reviews in timescale",
        percent=True,
        summary="The share of reviews held in timescale each month, with England and last year.",
    )


ICPC = (9, 12, 7, 14, 3, 11, 10, 13, 8, 12, 9, 15)
ICPC_LAST = (10, 9, 11, 12, 8, 9, 13, 10, 7, 11, 12, 14)


def conferences_table() -> Table:
    rows = [(m, (n, last)) for m, n, last in zip(MONTHS, ICPC, ICPC_LAST, strict=True)]
    return Table(
        id="icpc-month",
        caption="Initial child protection conferences held each month",
        columns=("Month", "This year", "Last year"),
        rows=(*rows, ("Total", (sum(ICPC), sum(ICPC_LAST)))),
        source="cp.icpc.by_month",
        total_row=True,
    )


def conferences_chart() -> Chart:
    return Chart(
        id="icpc-chart",
        title="Initial conferences each month, this year and last",
        table_id="icpc-month",
        kind="column",
        series=(Series(0, "ours"), Series(1, "last_year")),
        y_label="Conferences",
        summary="Initial child protection conferences held each month.",
    )


REASONS = (
    ("The care plan does not reflect the child's current needs or wishes", 14),
    ("Statutory visits by the social worker are not up to date", 11),
    ("The child's views have not been sought before the review", 9),
    ("Actions from the previous review have not been completed within timescale", 7),
    ("Health assessment overdue", 4),
    ("Personal education plan not available for the review", 0),
)


def reasons_table() -> Table:
    return Table(
        id="red-reasons",
        caption="Reasons for red ratings, March 2016",
        columns=("Reason", "Ratings"),
        rows=tuple((reason, (count,)) for reason, count in REASONS),
        source="The unit's RAG ratings",
    )


def reasons_chart() -> Chart:
    return Chart(
        id="red-reasons-chart",
        title="Reasons for red ratings, March 2016",
        table_id="red-reasons",
        kind="bar",
        series=(Series(0),),
        y_label="Ratings",
        summary="The reasons given for red ratings in March 2016, most frequent first.",
    )


def staffing_table() -> Table:
    return Table(
        id="staffing",
        caption="The unit's staffing at 31 March 2016",
        columns=("Post", "Posts", "Full-time equivalent"),
        rows=(("Independent Reviewing Officers", (8, 7.4)),
              ("Conference chairs", (5, 4.6)),
              ("Business support", (3, 2.5))),
        note="Agency cover is counted in the post it covers.",
        source="The unit's posts",
        counts_children=False,
    )  # fmt: skip


def sample_document() -> ReportDocument:
    """The full edition of a draft annual report."""
    return ReportDocument(
        kind="annual",
        title="Annual Independent Chairperson's Report 2015-16",
        subtitle="April 2015 to March 2016",
        council="Borsetshire Council",
        period="2016-03-31",
        made_on=date(2016, 4, 29),
        sections=(
            Section("summary", "Summary", (), "summary", SUMMARY),
            Section("reviews", "Reviews of looked-after children",
                    (reviews_chart(), reviews_table()), "reviews", "Reviews are *on time*."),
            Section("conferences", "Child protection conferences",
                    (conferences_chart(), conferences_table())),
            Section("disputes", "Dispute resolution", (reasons_chart(), reasons_table()),
                    "disputes", "The **most frequent** reason was the care plan."),
            Section("unit", "The unit", (staffing_table(),)),
        ),
        notes=("Figures from the SSDA903 and CIN census returns.",),
    )  # fmt: skip


def with_broken_charts() -> ReportDocument:
    """The sample with one more section of two charts that cannot be drawn: one names a
    table the report does not have, the other plots a column its table does not have."""
    lost = Chart("lost", "A lost chart", "no-such-table", "line", (Series(0),))
    odd = Chart("odd", "An odd chart", "staffing", "bar", (Series(7),))
    document = sample_document()
    extra = Section("extra", "Extra", (lost, odd))
    return replace(document, sections=(*document.sections, extra))


def _hide(table: Table, hidden: dict[tuple[int, int], str]) -> Table:
    rows = tuple(
        (label, tuple(hidden.get((r, c), cell) for c, cell in enumerate(cells)))
        for r, (label, cells) in enumerate(table.rows)
    )
    return replace(table, rows=rows)


def public_document() -> ReportDocument:
    """The public edition, published: August's 3 conferences and the 4 health reasons
    are `c` (and, so neither can be worked out, the next smallest beside them)."""
    full = sample_document()
    hidden = {
        "icpc-month": {(4, 0): "c", (2, 0): "c"},
        "red-reasons": {(4, 0): "c", (3, 0): "c"},
    }
    sections = tuple(
        replace(section, blocks=tuple(
            _hide(block, hidden[block.id])
            if isinstance(block, Table) and block.id in hidden else block
            for block in section.blocks))
        for section in full.sections
    )  # fmt: skip
    return replace(full, sections=sections, edition="public", status="published")
