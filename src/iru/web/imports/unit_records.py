"""What the unit has recorded in the app that no return holds yet (ADR 19).

A meeting recorded here writes into the child's statutory record at once (a LAC review, a plan,
a plan review: new rows with no source file; an initial conference: a date written into the
imported section 47 enquiry). The returns are the statutory source, so the dashboard shows what
they alone say beside what the unit knows: these reads tell the two apart.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Max, OuterRef, Subquery

from iru.web.children.models import CpPlan, CpPlanReview, LacReview
from iru.web.children.selectors import UnitWrites
from iru.web.imports.models import ImportRun
from iru.web.meetings.models import Meeting, MeetingChild


def records_version() -> tuple[int | None, int | None]:
    """Moves on whenever a meeting is recorded, corrected or cancelled: the latest change in
    the meetings' history and their children's (each save writes one)."""
    meetings = Meeting.history.aggregate(latest=Max("history_id"))["latest"]
    links = MeetingChild.history.aggregate(latest=Max("history_id"))["latest"]
    return meetings, links


def _latest_census_import() -> datetime | None:
    """When the latest successful import carrying the CIN census finished."""
    runs = ImportRun.objects.filter(status=ImportRun.Status.SUCCEEDED, finished_at__isnull=False)
    finished = [at for at, inputs in runs.values_list("finished_at", "inputs")
                if at is not None and inputs.get("has_cin")]  # fmt: skip
    return max(finished, default=None)


def unit_writes() -> UnitWrites:
    """The initial conference dates meetings wrote into imported rows that no census import
    has brought since: once one has, the row holds the census's word (the import writes every
    field it carries, the date too), whatever the meeting wrote."""
    since = _latest_census_import()
    latest_save = MeetingChild.history.filter(id=OuterRef("pk")).order_by("-history_date")
    links = MeetingChild.objects.filter(
        meeting__cancelled_on__isnull=True,
        meeting__kind=Meeting.Kind.ICPC,
        records__has_key="section47",
    ).annotate(written=Subquery(latest_save.values("history_date")[:1]))
    if since is not None:
        links = links.filter(written__gt=since)
    section47: dict[int, date | None] = {}
    details: dict[int, date | None] = {}
    for records in links.values_list("records", flat=True):
        section47[records["section47"]] = None  # an enquiry awaiting its conference had none
        for pk, was in records.get("cin_details", []):
            details[pk] = date.fromisoformat(was) if was else None
    return UnitWrites(section47_dates=section47, cin_detail_dates=details)


def unit_records_exist(writes: UnitWrites) -> bool:
    """Anything the unit recorded that the returns do not hold: then the two views differ."""
    added = (
        LacReview.objects.filter(source_file="").exists()
        or CpPlan.objects.filter(source_file="").exists()
        or CpPlanReview.objects.filter(source_file="").exists()
    )
    return added or bool(writes.section47_dates) or bool(writes.cin_detail_dates)
