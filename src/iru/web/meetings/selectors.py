"""Reads of meetings held and meetings convened, always through the user's scope."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from iru.web.audit.services import ALLOWED, DENIED, access_event_record, access_events_record
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.core.history import Change, record_history, rows_history
from iru.web.core.presenters import time_of_day
from iru.web.meetings.models import Convening, Invitee, Meeting, MeetingChild
from iru.web.meetings.presenters import attendee_labels, booklet_label
from iru.web.people.models import Staff, User

CONVENING_LABELS = {
    "date": "Date",
    "time": "Starts",
    "venue": "Venue",
    "chair": "Chair",
    "booklets_sent": "Booklets sent",
    "booklets_returned": "Booklets returned",
    "cancelled_on": "Cancelled on",
}


def meeting_for_user(
    user: User, pk: int, *, today: date, path: str = ""
) -> tuple[Meeting, list[MeetingChild]]:
    """The meeting `pk` and the children it covered that `user` may see (each read logged).

    A meeting with none of them in the user's scope is a 404, whether or not it exists.
    """
    meeting = Meeting.objects.select_related("chair").filter(pk=pk).first()
    visible = children_visible_to(user, today=today)
    links = (
        list(meeting.covered.filter(child__in=visible).select_related("child").order_by("pk"))
        if meeting
        else []
    )
    if meeting is None or not links:
        access_event_record(user=user, action="view_meeting", outcome=DENIED, path=path)
        raise Http404("No such meeting")
    access_events_record(
        user=user, action="view_meeting", outcome=ALLOWED, path=path,
        children=[link.child for link in links],
    )  # fmt: skip
    return meeting, links


def covered_meeting(meeting_pk: int, child: Child) -> Meeting | None:
    """The meeting `meeting_pk` if it covered `child` (a child already fetched for the user)
    and has not been cancelled."""
    found = Meeting.objects.filter(pk=meeting_pk, covered__child=child, cancelled_on=None)
    return found.first()


def meetings_of(child: Child) -> list[MeetingChild]:
    """The meetings that covered a visible child, newest first."""
    links = MeetingChild.objects.filter(child=child).select_related("meeting__chair")
    return list(links.order_by("-meeting__date", "-meeting_id"))


def meeting_pks_by_external_id() -> dict[str, int]:
    """The unit's files' meeting ids -> primary keys."""
    rows = Meeting.objects.exclude(external_id=None).values_list("external_id", "pk")
    return {external: pk for external, pk in rows if external}


def upcoming_convenings(*, today: date, child_ids: list[int]) -> dict[tuple[int, str], Convening]:
    """The earliest meeting convened from `today` on, by (child id, kind)."""
    found: dict[tuple[int, str], Convening] = {}
    convenings = (
        Convening.objects.filter(date__gte=today, children__in=child_ids, cancelled_on=None)
        .order_by("-date", "-pk")
        .prefetch_related("children")
        .distinct()
    )
    for convening in convenings:
        for child in convening.children.all():
            found[(child.pk, convening.kind)] = convening  # earliest wins: last written
    return found


def convenings_for(children: QuerySet[Child]) -> QuerySet[Convening]:
    """Convened meetings for any of `children` (already scoped), soonest first."""
    return (
        Convening.objects.filter(
            pk__in=Convening.objects.filter(children__in=children.values("pk")).values("pk")
        )
        .select_related("chair")
        .prefetch_related("children", "invitees")
        .order_by("date", "pk")
    )


def upcoming_convenings_for(user: User, *, today: date) -> QuerySet[Convening]:
    """Meetings convened from `today` on for children `user` may see (not those cancelled)."""
    visible = children_visible_to(user, today=today)
    return convenings_for(visible).filter(date__gte=today, cancelled_on=None)


def convening_for_user(user: User, pk: int, *, today: date, path: str = "") -> Convening:
    """The convened meeting `pk` if it is for a child `user` may see (each child's read
    logged); otherwise a 404, whether or not it exists."""
    convening = convenings_for(children_visible_to(user, today=today)).filter(pk=pk).first()
    if convening is None:
        access_event_record(user=user, action="view_convening", outcome=DENIED, path=path)
        raise Http404("No such meeting")
    access_events_record(
        user=user, action="view_convening", outcome=ALLOWED, path=path,
        children=list(convening.children.all()),
    )  # fmt: skip
    return convening


def convening_history(convening: Convening) -> list[Change]:
    """Every version of a convened meeting (moved, re-timed, re-chaired, cancelled) and of
    who was invited."""
    lines = record_history(
        convening,
        CONVENING_LABELS,
        shown={"time": lambda t: time_of_day(t) or "(none)", "chair": _chair_name},
    )
    invited = rows_history(
        Invitee.history.filter(convening_id=convening.pk), {"name": ""}, shown={},
        name=lambda version: f"Invitee {version.position}",
    )  # fmt: skip
    return sorted(lines + invited, key=lambda line: line.at)


def _chair_name(chair: Staff | None) -> str:
    return chair.full_name if chair else "Not yet decided"


MEETING_LABELS = {
    "date": "Date",
    "attendees": "Attended",
    "reports_shared_3_days": "Reports shared in time",
    "cancelled_on": "Cancelled on",
}


def meeting_history(meeting: Meeting) -> list[Change]:
    """Every version of a meeting, and each correction of how a child took part and of what
    became of their consultation booklet."""
    lines = record_history(
        meeting,
        MEETING_LABELS,
        shown={"attendees": lambda codes: attendee_labels(codes or []) or "(none)",
               "reports_shared_3_days": _yes_no},
    )  # fmt: skip
    versions = MeetingChild.history.filter(meeting_id=meeting.pk)
    taking_part = rows_history(
        versions, {"participation": "took part", "booklet": "consultation booklet"},
        name=_child_id, shown={"booklet": booklet_label},
    )  # fmt: skip
    corrected = [line for line in taking_part if line.kind == "corrected"]
    return sorted(lines + corrected, key=lambda line: line.at)


def _child_id(version: object) -> str:
    return str(getattr(getattr(version, "child", None), "la_child_id", ""))


def _yes_no(value: bool | None) -> str:
    return "Not applicable" if value is None else ("Yes" if value else "No")
