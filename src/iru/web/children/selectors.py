"""Reads of children's statutory records (the DfE returns' data, and what the unit added).

These take children already scoped by `caseloads.scope.children_visible_to`, or one child
that was fetched through `caseloads.scope.child_for_user`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypedDict

import polars as pl
from django.db.models import Exists, F, Model, OuterRef, Q, QuerySet

from iru.data.dataset import SCHEMAS, conform, empty_frame
from iru.rules.periods import open_period, overlapping_episodes
from iru.web.children.columns import CHILD_TABLES, HEADER_COLUMNS
from iru.web.children.models import Child, CinDetail, CpPlan, CpPlanReview, Episode, Section47
from iru.web.core.upsert import chunked, load_by

_WHERE = {"_file": "source_file", "_row": "source_row"}


def with_status(children: QuerySet[Child], *, today: date) -> QuerySet[Child]:
    """Children annotated with whether they are looked after (`looked_after`) and on a plan
    (`on_plan`) on `today`, in the same query."""
    open_episode = Episode.objects.filter(
        Q(dec__isnull=True) | Q(dec__gt=today), child=OuterRef("pk"), decom__lte=today
    )
    plan = open_plans(today).filter(child=OuterRef("pk"))
    return children.annotate(looked_after=Exists(open_episode), on_plan=Exists(plan))


def open_plans(today: date) -> QuerySet[CpPlan]:
    """Child protection plans in force on `today` (inclusive start, exclusive end): not ended
    by the census, nor by the unit's own review conference (ADR 17)."""
    census = Q(end__isnull=True) | Q(end__gt=today)
    unit = Q(ended_by_conference__isnull=True) | Q(ended_by_conference__gt=today)
    return CpPlan.objects.filter(census & unit, start__lte=today)


def plans_to_check() -> QuerySet[CpPlan]:
    """Plans where the unit's review conference and the census disagree: the conference ended
    the plan and the census has it open or ended on another day, or the conference changed
    its category and the census says otherwise. For admin to settle (ADR 17)."""
    ended = Q(ended_by_conference__isnull=False) & (
        Q(end__isnull=True) | ~Q(end=F("ended_by_conference"))
    )
    category = ~Q(category_by_conference="") & ~Q(latest_category=F("category_by_conference"))
    return CpPlan.objects.filter(ended | category).select_related("child").order_by("start")


def pending_section47s(today: date) -> QuerySet[Section47]:
    """Section 47 enquiries still waiting for an initial conference on `today`.

    Not those with a conference date, marked "ICPC not required", whose CIN episode has
    closed, or followed by a plan (a plan means the conference was held).
    """
    closed = CinDetail.objects.filter(
        child=OuterRef("child"),
        referral_date=OuterRef("cin_referral_date"),
        closure_date__lte=today,
    )
    later_plan = CpPlan.objects.filter(child=OuterRef("child"), start__gte=OuterRef("start"))
    return (
        Section47.objects.filter(date_of_initial_cpc__isnull=True, start__lte=today)
        .exclude(icpc_not_required=True)
        .exclude(Exists(closed))
        .exclude(Exists(later_plan))
    )


def is_looked_after(child: Child, *, on: date) -> bool:
    """The child has a period of care open on `on` (a series of short breaks counts)."""
    return open_period(child.episodes.all(), today=on) is not None


def is_on_a_plan(child: Child, *, on: date) -> bool:
    return open_plans(on).filter(child=child).exists()


def awaits_a_conference(child: Child, *, on: date) -> bool:
    """A section 47 enquiry of the child's is waiting for its initial conference on `on`."""
    return pending_section47s(on).filter(child=child).exists()


def why_no_meeting(child: Child, kind: str, *, on: date) -> str | None:
    """Why the child's records allow no meeting of `kind` ("lac_review", "icpc", "rcpc") on
    `on`, or None when they do: a review needs a period of care, an initial conference an
    enquiry awaiting it, a review conference a plan."""
    if kind == "lac_review" and not is_looked_after(child, on=on):
        return "is not looked after"
    if kind == "icpc" and not awaits_a_conference(child, on=on):
        return "has no section 47 enquiry awaiting an initial conference"
    if kind == "rcpc" and not is_on_a_plan(child, on=on):
        return "is not on a child protection plan"
    return None


def open_plan_of(child: Child, *, on: date) -> CpPlan | None:
    """The child's plan in force on `on` (the latest started, should two overlap), or None."""
    return open_plans(on).filter(child=child).order_by("-start").first()


def plan_category(plan: CpPlan) -> str:
    """The plan's category now: the unit's conference's if it changed it (ADR 17), else the
    census's latest."""
    return plan.category_by_conference or plan.latest_category or ""


def overlapping_episodes_of(child_pks: Iterable[int]) -> dict[int, list[tuple[Episode, Episode]]]:
    """The children among `child_pks` whose stored episodes overlap (`iru.rules.periods`), each
    with its overlapping pairs (the episode before, the episode): every episode the database
    holds, whichever import brought it. A query per thousand children."""
    by_child: dict[int, list[Episode]] = {}
    for episode in load_by(Episode, "child_id", child_pks):
        by_child.setdefault(episode.child_id, []).append(episode)
    found = {pk: overlapping_episodes(episodes) for pk, episodes in by_child.items()}
    return {pk: pairs for pk, pairs in sorted(found.items()) if pairs}


def child_records(child: Child) -> dict[str, Any]:
    """A visible child's statutory records for the child's page, newest first (episodes in
    date order, for grouping into periods of care)."""
    return {
        "episodes": list(child.episodes.order_by("decom")),
        "reviews": list(child.lac_reviews.order_by("-review")),
        "plans": list(child.cp_plans.prefetch_related("reviews").order_by("-start")),
        "section47s": list(child.section47s.order_by("-start")),
    }


def child_pks_by_la_id(ids: list[str] | set[str]) -> dict[str, int]:
    """Primary keys of the children with these LA child IDs (in chunks: SQLite's limit)."""
    found: dict[str, int] = {}
    for chunk in chunked(sorted(ids)):
        found.update(Child.objects.filter(la_child_id__in=chunk).values_list("la_child_id", "pk"))
    return found


class ReturnsFrames(TypedDict):
    """The `iru.data.Dataset`'s frames of the returns, as `returns_frames` reads them back."""

    header: pl.DataFrame
    episodes: pl.DataFrame
    reviews: pl.DataFrame
    cin_children: pl.DataFrame
    cin_details: pl.DataFrame
    section47: pl.DataFrame
    cp_plans: pl.DataFrame
    cp_reviews: pl.DataFrame


@dataclass(frozen=True)
class UnitWrites:
    """What the unit's meetings wrote in place into imported rows that no return has brought
    since: each row's primary key and the initial conference date its return has (ADR 19)."""

    section47_dates: Mapping[int, date | None] = field(default_factory=dict)
    cin_detail_dates: Mapping[int, date | None] = field(default_factory=dict)


# The tables the unit's meetings add rows to; a row no return has brought has no source file.
UNIT_ADDS_TO = ("reviews", "cp_plans", "cp_reviews")


_CP_REVIEW_COLUMNS = {
    "LAchildID": "plan__child__la_child_id",
    "CPPstartDate": "plan__start",
    "CPPreviewDate": "review_date",
    **_WHERE,
}


def plan_frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every plan and plan review (the returns' and those the unit's meetings added) as the
    Dataset's `cp_plans` and `cp_reviews`, without the rest of the returns: all the review
    conferences' timeliness needs (`iru.figures.cp`)."""
    plans = next(table for table in CHILD_TABLES if table.name == "cp_plans")
    columns = {plans.id_column: "child__la_child_id", **plans.columns, **_WHERE}
    return (
        _frame("cp_plans", CpPlan.objects.all(), columns),
        _frame("cp_reviews", CpPlanReview.objects.all(), _CP_REVIEW_COLUMNS),
    )


def returns_frames(*, returns_only: UnitWrites | None = None) -> ReturnsFrames:
    """Every child's records as the `iru.data.Dataset`'s frames, with the DfE column names
    (`children.columns` maps both ways, so the import and this read cannot drift apart).

    With `returns_only`, what the returns alone say: the rows the unit's meetings added and no
    return holds are left out, and the dates they wrote in place put back (ADR 19)."""
    frames: dict[str, pl.DataFrame] = {
        "header": _frame(
            "header",
            Child.objects.filter(in_ssda903=True),
            {"CHILD": "la_child_id", **HEADER_COLUMNS, **_WHERE},
        )
    }
    patches = {
        "section47": {} if returns_only is None else returns_only.section47_dates,
        "cin_details": {} if returns_only is None else returns_only.cin_detail_dates,
    }
    for table in CHILD_TABLES:
        query = table.model._default_manager.all()
        if returns_only is not None and table.name in UNIT_ADDS_TO:
            query = query.exclude(source_file="")
        frames[table.name] = _frame(
            table.name,
            query,
            {table.id_column: "child__la_child_id", **table.columns, **_WHERE},
            initial_cpc=patches.get(table.name, {}),
        )
    plan_reviews = CpPlanReview.objects.all()
    if returns_only is not None:
        plan_reviews = plan_reviews.exclude(source_file="").exclude(plan__source_file="")
    frames["cp_reviews"] = _frame("cp_reviews", plan_reviews, _CP_REVIEW_COLUMNS)
    return ReturnsFrames(
        header=frames["header"],
        episodes=frames["episodes"],
        reviews=frames["reviews"],
        cin_children=frames["cin_children"],
        cin_details=frames["cin_details"],
        section47=frames["section47"],
        cp_plans=frames["cp_plans"],
        cp_reviews=frames["cp_reviews"],
    )


def _frame(
    name: str,
    query: QuerySet[Model],
    columns: dict[str, str],
    *,
    initial_cpc: Mapping[int, date | None] | None = None,
) -> pl.DataFrame:
    """The frame `name` of `query`'s rows; `initial_cpc` puts back, by row, the initial
    conference date the return has where a meeting recorded here wrote over it."""
    fields = ["pk", *columns.values()]
    rows = list(query.order_by("pk").values_list(*fields))
    if not rows:
        return empty_frame(name)
    if initial_cpc:
        at = 1 + list(columns).index("DateOfInitialCPC")
        rows = [_put_back(row, at, initial_cpc) for row in rows]
    data: dict[str, list[Any]] = {
        col: [row[i + 1] for row in rows] for i, col in enumerate(columns)
    }
    data["_file"] = [value or None for value in data["_file"]]
    schema = {col: SCHEMAS[name][col] for col in columns}
    return conform(name, pl.DataFrame(data, schema=schema))


def _put_back(row: tuple[Any, ...], at: int, dates: Mapping[int, date | None]) -> tuple[Any, ...]:
    if row[0] not in dates:
        return row
    return (*row[:at], dates[row[0]], *row[at + 1 :])
