"""The unit itself: its posts, caseloads against the IRO Handbook, meetings a month, children's
participation and the dispute resolution process (docs/figures.md `unit.*`)."""

from __future__ import annotations

from iru.reports.annual.layout import Figures, Years, count, get, line_chart, share_at
from iru.reports.document import Block, Cell, Table
from iru.rules.caseloads import HANDBOOK_HIGH, HANDBOOK_LOW

POSTS = (
    ("Independent Reviewing Officers", "iro"),
    ("Independent Conference Chairs", "icc"),
    ("Local Authority Designated Officer", "lado"),
    ("Managers", "manager"),
    ("Administrators", "admin"),
    ("Minute takers", "minute_taker"),
)
CHAIRS = (("Independent Reviewing Officers (looked-after children)", "iro"),
          ("Independent Conference Chairs (children on plans)", "icc"))  # fmt: skip
MEETING_KINDS = (
    ("Looked-after children's reviews", "lac_review"),
    ("Initial child protection conferences", "icpc"),
    ("Review child protection conferences", "rcpc"),
    ("All child protection conferences", "conferences"),
)
STAFFING = "The unit's posts and who held them"
MEETINGS = "The unit's meetings"


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def staffing(years: Years) -> Table:
    """Posts and FTE at the year end; not counts of children, so never suppressed."""
    fields = ("fte", "filled_fte", "vacant_fte", "on_leave_fte", "agency_fte")
    rows: list[tuple[str, tuple[Cell, ...]]] = []
    for label, kind in POSTS:
        base = f"unit.staffing.at_year_end.{kind}"
        ftes = (_number(get(years.this, f"{base}.{name}")) for name in fields)
        rows.append((label, (count(years.this, f"{base}.posts"), *ftes)))
    return Table(
        "unit-staffing", f"The unit's posts on {years.year_end:%-d %B %Y}",
        ("Posts", "Number", "FTE", "Filled (FTE)", "Vacant (FTE)", "Holder on leave (FTE)",
         "Agency cover (FTE)"),
        tuple(rows), source=f"{STAFFING} (unit.staffing.at_year_end)",
        note="FTE: full-time equivalent (1.0 is a full-time post).", counts_children=False,
    )  # fmt: skip


def caseloads(years: Years) -> tuple[Block, ...]:
    this, last, _ = years.labels
    rows = []
    for label, kind in CHAIRS:
        base = f"unit.caseload.{kind}.at_year_end"
        rows.append((label, (count(years.this, f"{base}.children"),
                             _number(get(years.this, f"{base}.fte")),
                             _number(get(years.this, f"{base}.per_fte")),
                             _number(get(years.last, f"{base}.per_fte")))))  # fmt: skip
    year_end = Table(
        "unit-caseload", f"Average caseload per full-time chair on {years.year_end:%-d %B %Y}",
        ("Chairs", "Children", "Chairs working (FTE)", f"Per full-time chair, {this}",
         f"Per full-time chair, {last}"), tuple(rows),
        source="Allocations and posts (unit.caseload)",
        note=f"The IRO Handbook recommends {HANDBOOK_LOW} to {HANDBOOK_HIGH} children per "
        "full-time IRO. Chairs working: posts held by someone not on leave, agency cover "
        "included.",
    )  # fmt: skip
    by_month = years.monthly(
        "unit-caseload-month", "Children per full-time chair at each month end",
        ("IROs", "Conference chairs", "Handbook: lowest", "Handbook: highest"),
        lambda f, m: (_number(get(f, f"unit.caseload.iro.by_month.{m}.per_fte")),
                      _number(get(f, f"unit.caseload.icc.by_month.{m}.per_fte")),
                      float(HANDBOOK_LOW), float(HANDBOOK_HIGH)),
        with_last_year=False, source="Allocations and posts (unit.caseload.*.by_month)",
    )  # fmt: skip
    return (
        year_end,
        line_chart(
            "unit-caseload-chart",
            "Children per full-time chair against the IRO Handbook",
            by_month,
            ("ours", "last_year", "comparator", "comparator"),
            y_label="Children",
            summary=f"The average caseload per full-time IRO and per full-time conference chair "
            f"at each month end of {this}, against the IRO Handbook's {HANDBOOK_LOW} to "
            f"{HANDBOOK_HIGH}.",
        ),
        by_month,
    )


def meetings_a_month(years: Years) -> Table:
    this, last, _ = years.labels
    rows = []
    for label, kind in MEETING_KINDS:
        key = f"unit.meetings.average_per_month.{kind}"
        held = (count(years.this, f"unit.meetings.held.{kind}") if kind != "conferences"
                else _sum(years.this, "icpc", "rcpc"))  # fmt: skip
        rows.append((label, (held, _number(get(years.this, key)), _number(get(years.last, key)))))
    return Table(
        "unit-meetings", "Meetings the unit chaired",
        ("Meetings", f"Held, {this}", f"A month, {this}", f"A month, {last}"), tuple(rows),
        source=f"{MEETINGS} (unit.meetings.held, unit.meetings.average_per_month)",
        note="A meeting is counted once, however many children it was about.",
    )  # fmt: skip


def _sum(figures: Figures | None, *kinds: str) -> int | None:
    counts = [count(figures, f"unit.meetings.held.{kind}") for kind in kinds]
    return None if any(c is None for c in counts) else sum(c for c in counts if c)


def participation(years: Years) -> tuple[Block, ...]:
    booklets = (
        ("Returned", "returned"), ("Sent, not returned", "sent"), ("Not sent", "not_sent"),
        ("Not recorded", "not_recorded"),
    )  # fmt: skip
    booklet_rows = tuple(
        (label, tuple(count(years.this, f"unit.participation.booklets.{kind}.{key}")
                      for kind in ("lac_review", "cp_conference")))
        for label, key in booklets
    )  # fmt: skip
    present = tuple(
        (label, (count(years.this, f"unit.meetings.held.{kind}"),
                 share_at(years.this, f"unit.participation.child_attended.{kind}"),
                 share_at(years.this, f"unit.participation.advocate.{kind}")))
        for label, kind in MEETING_KINDS[:3]
    )  # fmt: skip
    this, _, _ = years.labels
    return (
        Table(
            "participation-booklets", f"Consultation booklets, {this}",
            ("Booklet", "Looked-after children's reviews", "Child protection conferences"),
            booklet_rows, source=f"{MEETINGS} (unit.participation.booklets)",
            note="Each child at each meeting is counted once.",
        ),
        Table(
            "participation-present", f"Children and advocates at meetings, {this}",
            ("Meetings", "Held", "A child attended", "An advocate attended"), present,
            source=f"{MEETINGS} (unit.participation.child_attended, unit.participation.advocate)",
        ),
    )  # fmt: skip


def escalations(years: Years) -> Table:
    stages = [(f"Reached stage {n}", f"unit.escalations.by_stage_reached.{n}") for n in range(1, 5)]
    table = years.compare(
        "disputes-escalations", "Escalations through the dispute resolution process", [
            ("Raised in the year", "unit.escalations.raised"),
            ("Resolved", "unit.escalations.resolved"),
            ("Open at the end of the year", "unit.escalations.open_at_year_end"),
            *stages,
            ("Referred to Cafcass", "unit.escalations.cafcass_referrals"),
            ("Working days to resolve (median)", "unit.escalations.median_working_days_to_resolve"),
        ], source="The unit's escalations (unit.escalations)",
    )  # fmt: skip
    return table
