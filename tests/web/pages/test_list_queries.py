"""Every list page costs the same number of queries for a few rows as for many.

Each case grows the thing its page lists (children, ratings, escalations, convened meetings,
import runs, chairs, RAG reasons, users) by a few and then by many more, over the hand-made
authority of conftest.py, and counts the queries of one GET at each size: the counts must be
equal. A page that queries per row fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child, CinChild, CpPlan, Episode, LacReview
from iru.web.disputes.models import Escalation, EscalationStage, RagRating, RagReason
from iru.web.imports.models import ImportRun
from iru.web.meetings.models import Convening, Invitee, Meeting, MeetingChild
from iru.web.oversight.models import OversightNote
from iru.web.people.models import Post, PostHolding, Staff, Team, User
from iru.web.reports.models import Benchmark
from tests.web.conftest import TODAY

pytestmark = pytest.mark.django_db

FEW, MANY = 3, 30
PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY.isoformat() + " 12:00 +01:00", tick=False):
        yield


@dataclass
class Unit:
    """The hand-made authority's people: chair S1 (Iris Reed), team T1 (manager S3)."""

    users: dict[str, User]
    chair: Staff
    team: Team
    manager: Staff


@pytest.fixture
def unit(imported) -> Unit:
    staff = {s.external_id: s for s in Staff.objects.all()}
    users = {
        role: User.objects.create_user(
            username=role, password=PASSWORD, role=role, staff=staff[staff_id]
        )
        for role, staff_id in (
            ("chair", "S1"),
            ("team_manager", "S3"),
            ("admin", "S6"),
            ("head_of_service", "S7"),
        )
    }
    return Unit(users, staff["S1"], Team.objects.get(external_id="T1"), staff["S3"])


def _day(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


def add_children(unit: Unit, n: int, start: int = 0) -> list[Child]:
    """`n` children looked after by team T1, chaired by S1, each with everything a list shows:
    an episode, reviews, a CP plan, a meeting, a red rating awaiting the team manager's
    answer, an open escalation, an oversight note and a meeting convened for next month."""
    made = []
    for i in range(start, start + n):
        child = Child.objects.create(
            la_child_id=f"G{i}",
            given_name="Grow",
            family_name=f"Row {i:03}",
            dob=date(2014, 1, 1) + timedelta(days=i),
            in_ssda903=True,
            sex="1",
        )
        Episode.objects.create(child=child, decom=_day(400), rne="S", ls="C2", place="U1")
        LacReview.objects.create(child=child, review=_day(380), review_code="PN1")
        LacReview.objects.create(child=child, review=_day(200), review_code="PN3")
        CinChild.objects.create(child=child)
        CpPlan.objects.create(child=child, start=_day(300), cin_referral_date=_day(320))
        Allocation.objects.create(
            child=child, kind="lac", chair=unit.chair, team=unit.team, start=_day(400)
        )
        Allocation.objects.create(
            child=child, kind="cp", chair=unit.chair, team=unit.team, start=_day(300)
        )
        meeting = Meeting.objects.create(
            kind="lac_review",
            date=_day(200),
            chair=unit.chair,
            attendees=["child"],
            reports_shared_3_days=True,
        )
        MeetingChild.objects.create(meeting=meeting, child=child, participation="PN3")
        RagRating.objects.create(
            meeting=meeting,
            child=child,
            rating="red",
            team_manager=unit.manager,
            sent=_day(199),
            response_due=_day(194),
            comment="Drift",
        )
        escalation = Escalation.objects.create(
            child=child, raised_by=unit.chair, raised=_day(5), stage_due=_day(-10), summary="Plan"
        )
        EscalationStage.objects.create(
            escalation=escalation,
            stage=1,
            addressed_to=unit.manager,
            started_by=unit.chair,
            started=_day(5),
            due=_day(-10),
        )
        OversightNote.objects.create(child=child, author=unit.chair, date=_day(10), text="Seen")
        convening = Convening.objects.create(
            kind="lac_review",
            date=_day(-30 - i),
            chair=unit.chair,
            convened_by=unit.users["admin"],
            convened_at=timezone.now(),
        )
        convening.children.add(
            child, through_defaults={"kind": "lac_review", "date": convening.date}
        )
        Invitee.objects.create(convening=convening, position=1, name=f"Carer {i}")
        made.append(child)
    return made


def add_import_runs(unit: Unit, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        ImportRun.objects.create(
            user=unit.users["admin"],
            started_at=timezone.now() - timedelta(hours=i + 1),
            finished_at=timezone.now(),
            source=f"upload {i}",
            status="succeeded",
            counts={"children": {"added": 1, "updated": 0, "unchanged": 0}},
        )


def add_chairs(unit: Unit, n: int, start: int = 0) -> None:
    """`n` more chairs, each in a post, with a child allocated, a meeting and a user."""
    for i in range(start, start + n):
        chair = Staff.objects.create(
            external_id=f"SC{i}", given_name="Chair", family_name=f"{i}", role="iro", fte="1.0"
        )
        post = Post.objects.create(title=f"IRO {i}", kind="iro", fte="1.0", start=_day(400))
        PostHolding.objects.create(post=post, staff=chair, kind="substantive", start=_day(400))
        User.objects.create_user(username=f"chair{i}", password=PASSWORD, role="chair", staff=chair)
        child = Child.objects.create(la_child_id=f"H{i}", given_name="Held", family_name=f"{i}")
        Episode.objects.create(child=child, decom=_day(100), rne="S", ls="C2", place="U1")
        Allocation.objects.create(
            child=child, kind="lac", chair=chair, team=unit.team, start=_day(100)
        )
        meeting = Meeting.objects.create(kind="lac_review", date=_day(30), chair=chair)
        MeetingChild.objects.create(meeting=meeting, child=child, participation="PN1")
        RagRating.objects.create(
            meeting=meeting, child=child, rating="amber", team_manager=unit.manager, sent=_day(29)
        )


def add_reasons(unit: Unit, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        reason = RagReason.objects.create(
            code=f"LAC-A-X{i}", meeting_type="lac", rating="amber", text=f"Reason {i}", source="iru"
        )
        rating = RagRating.objects.filter(rating="red").first()
        rating.reasons.add(reason)


def add_users(unit: Unit, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        staff = Staff.objects.create(
            given_name="Team", family_name=f"Manager {i}", role="team_manager", team=unit.team
        )
        User.objects.create_user(
            username=f"user{i}", password=PASSWORD, role="team_manager", staff=staff
        )


def add_to_one_child(unit: Unit, n: int, start: int = 0) -> None:
    """`n` more meetings, ratings, notes, escalations, reviews and episodes for A1."""
    a1 = Child.objects.get(la_child_id="A1")
    for i in range(start, start + n):
        meeting = Meeting.objects.create(kind="lac_review", date=_day(1000 + i), chair=unit.chair)
        MeetingChild.objects.create(meeting=meeting, child=a1, participation="PN1")
        rating = RagRating.objects.create(
            meeting=meeting,
            child=a1,
            rating="amber",
            team_manager=unit.manager,
            sent=_day(999 + i),
            comment=f"Row {i:03}",
        )
        rating.reasons.add(*RagReason.objects.filter(rating="amber")[:2])
        OversightNote.objects.create(child=a1, author=unit.chair, date=_day(900 + i), text="n")
        escalation = Escalation.objects.create(
            child=a1, raised_by=unit.chair, raised=_day(800 + i), resolved=_day(790 + i)
        )
        EscalationStage.objects.create(
            escalation=escalation,
            stage=1,
            addressed_to=unit.manager,
            started=_day(800 + i),
            due=_day(795 + i),
        )
        LacReview.objects.create(child=a1, review=_day(1000 + i), review_code="PN1")
        Episode.objects.create(
            child=a1,
            decom=_day(3000 + 2 * i),
            dec=_day(2999 + 2 * i),
            rne="S",
            ls="C2",
            place="U1",
            rec="E11",
        )


def add_siblings(unit: Unit, n: int, start: int = 0) -> None:
    """`n` more children covered by one meeting (M1) and one convened meeting."""
    meeting = Meeting.objects.get(external_id="M1")
    convening = Convening.objects.filter(children__la_child_id="G0").first()
    for child in add_children(unit, n, start):
        MeetingChild.objects.create(meeting=meeting, child=child, participation="PN1")
        if convening is None:
            convening = child.convenings.get()
        else:
            convening.children.add(
                child, through_defaults={"kind": convening.kind, "date": convening.date}
            )
            Invitee.objects.create(
                convening=convening, position=100 + child.pk, name=f"Row {child.family_name}"
            )


def add_problems(unit: Unit, n: int, start: int = 0) -> None:
    run = ImportRun.objects.order_by("pk").first()
    run.problems += [
        {"file": "header.csv", "row": i, "column": "SEX", "message": f"Row {i:03} problem"}
        for i in range(start, start + n)
    ]
    run.save()


def add_to_check(unit: Unit, n: int, start: int = 0) -> None:
    """`n` more children the first import left with overlapping episodes and moved the next
    due date of (ADR 0018)."""
    run = ImportRun.objects.order_by("pk").first()
    for i in range(start, start + n):
        episodes = [
            {"decom": day, "dec": None, "file": "episodes.csv", "row": i, "in_import": new}
            for day, new in (("2024-02-29", False), ("2024-03-01", True))
        ]
        run.overlaps.append({"child": f"L{i:03}", "child_pk": i + 1, "episodes": episodes})
        run.due_changes.append({
            "child": f"L{i:03}", "child_pk": i + 1, "before": None,
            "after": {"kind": "lac_review", "due": f"2024-{1 + i % 12:02}-28"},
        })  # fmt: skip
    run.overlap_count, run.due_change_count = len(run.overlaps), len(run.due_changes)
    run.save()


def add_plans_to_check(unit: Unit, n: int, start: int = 0) -> None:
    """`n` more children whose plan a review conference here ended, the census not."""
    for child in add_children(unit, n, start):
        CpPlan.objects.filter(child=child).update(ended_by_conference=_day(10))


def add_benchmarks(unit: Unit, n: int, start: int = 0) -> None:
    """`n` more comparator values, each a year of its own."""
    for i in range(start, start + n):
        Benchmark.objects.create(
            measure="cp.repeat", comparator="england", year_end=date(1990 + i, 3, 31),
            value=Decimal("10.0"), source=f"Value {i:02}", recorded_at=timezone.now(),
        )  # fmt: skip


Grow = Callable[[Unit, int, int], object]


@dataclass(frozen=True)
class ListPage:
    url_name: str
    role: str
    grow: Grow
    shows: str = "Row 029"  # text the page shows only once it lists the many rows
    method: str = "get"
    data: dict[str, str] | None = None
    args: Callable[[], list[int | str]] = list


LIST_PAGES = {
    "children list": ListPage("children:list", "head_of_service", add_children),
    "children list (team manager)": ListPage("children:list", "team_manager", add_children),
    "my children": ListPage("children:mine", "chair", add_children),
    "record a meeting (the caseload)": ListPage("meetings:start", "chair", add_children),
    "schedule": ListPage("unitadmin:schedule", "admin", add_children),
    "inbox": ListPage("inbox:inbox", "team_manager", add_children),
    "meetings convened": ListPage("unitadmin:convenings", "admin", add_children),
    "records to check": ListPage("unitadmin:to-check", "admin", add_plans_to_check),
    "import history": ListPage("imports:history", "admin", add_import_runs, "upload 29"),
    "reviews for the return (the years)": ListPage(
        "imports:reviews-export", "admin", add_children, ""
    ),
    "reviews for the return (the file)": ListPage(
        "imports:reviews-export", "head_of_service", add_children, "G29,", "get", {"year": "2024"}
    ),
    "caseloads": ListPage("management:caseloads", "head_of_service", add_chairs, "Chair 29"),
    "dashboard": ListPage("management:dashboard", "head_of_service", add_children, ""),
    "dashboard (chairs)": ListPage("management:dashboard", "head_of_service", add_chairs, ""),
    "annual report": ListPage(
        "reports:annual", "head_of_service", add_children, "", args=lambda: ["2024-03-31"]
    ),
    "annual report (admin)": ListPage(
        "reports:annual", "admin", add_children, "", args=lambda: ["2024-03-31"]
    ),
    "reports": ListPage("reports:index", "head_of_service", add_children, ""),
    "comparators": ListPage("reports:benchmarks", "head_of_service", add_benchmarks, "Value 29"),
    "monthly RAG report": ListPage("reports:rag-report", "head_of_service", add_children, ""),
    "monthly RAG report (team manager)": ListPage(
        "reports:rag-report", "team_manager", add_children, ""
    ),
    "monthly RAG report (chair)": ListPage("reports:rag-report", "chair", add_children, ""),
    "find a child": ListPage(
        "management:allocate",
        "head_of_service",
        add_children,
        "Row 019",
        "post",
        {"query": "grow"},
    ),
    "RAG reasons": ListPage("management:reasons", "head_of_service", add_reasons, "Reason 29"),
    "users": ListPage("management:users", "head_of_service", add_users, "user29"),
    "reallocate (choices)": ListPage(
        "management:child-allocations",
        "head_of_service",
        add_chairs,
        "Chair 29",
        args=lambda: [Child.objects.get(la_child_id="A1").pk],
    ),
    # Pages about one thing that list its rows.
    "a child's record": ListPage(
        "children:detail",
        "chair",
        add_to_one_child,
        args=lambda: [Child.objects.get(la_child_id="A1").pk],
    ),
    "a meeting's children": ListPage(
        "meetings:detail",
        "head_of_service",
        add_siblings,
        args=lambda: [Meeting.objects.get(external_id="M1").pk],
    ),
    "a convened meeting": ListPage(
        "unitadmin:convening",
        "admin",
        add_siblings,
        args=lambda: [Convening.objects.filter(children__la_child_id="G0").get().pk],
    ),
    "an import's problems": ListPage(
        "imports:run", "admin", add_problems, args=lambda: [ImportRun.objects.first().pk]
    ),
    "what an import left to check": ListPage(
        "imports:run", "admin", add_to_check, "L019", args=lambda: [ImportRun.objects.first().pk]
    ),
    "an import's overlapping episodes": ListPage(
        "imports:overlaps",
        "head_of_service",
        add_to_check,
        "L029",
        args=lambda: [ImportRun.objects.first().pk],
    ),
    "an import's changed due dates": ListPage(
        "imports:due-dates",
        "admin",
        add_to_check,
        "L029",
        args=lambda: [ImportRun.objects.first().pk],
    ),
}


def _queries(client, page: ListPage, *, many: bool = False) -> int:
    url = reverse(page.url_name, args=page.args())
    cache.clear()  # the dashboard's figures are cached per import: count their queries too
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, page.method)(url, page.data or {})
    assert response.status_code == 200, page.url_name
    if many:
        assert page.shows in response.content.decode(), f"{page.url_name} lists too few rows"
    return len(captured)


@pytest.mark.parametrize("name", list(LIST_PAGES))
def test_a_list_page_does_not_query_per_row(client, unit, name):
    page = LIST_PAGES[name]
    client.force_login(unit.users[page.role])
    page.grow(unit, FEW, 0)
    few = _queries(client, page)
    page.grow(unit, MANY - FEW, FEW)
    many = _queries(client, page, many=True)
    assert many == few, f"{name}: {few} queries for {FEW} rows, {many} for {MANY}"


def _url_names() -> list[str]:
    names = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{prefix}{p.namespace}:" if p.namespace else prefix)
            elif isinstance(p, URLPattern):
                names.append(prefix + p.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_list_page_is_counted():
    """A list page added to the site needs a case above (or a reason it is not a list)."""
    not_lists = {
        "home",
        "sign-in",
        "sign-out",
        "password-change",  # a form about oneself
        "children:detail",
        "meetings:record",
        "meetings:detail",
        "rag:rate",
        "rag:oversight",
        "rag:oversight-correct",  # one note and its own versions
        "rag:oversight-cancel",
        "meetings:correct",  # one meeting and its own versions
        "meetings:cancel",
        "rag:rating-correct",  # one rating and its own versions
        "rag:rating-cancel",
        "management:allocation-correct",  # one spell and its own versions
        "management:allocation-cancel",
        "rag:response-correct",  # one answer and its own versions
        "rag:reply-correct",
        "rag:escalation-reply",  # a POST that redirects
        "unitadmin:convening-change",  # one meeting and its own versions
        "unitadmin:convening-cancel",
        "rag:escalation-raise",
        "rag:escalation",
        "rag:escalation-advance",
        "rag:escalation-resolve",
        "rag:escalation-cafcass",
        "inbox:rating",
        "inbox:escalation",
        "unitadmin:convene",
        "unitadmin:convening",
        "imports:upload",
        "imports:run",
        "management:reason-add",
        "management:reason-edit",
        "management:reason-retire",
        "management:user-add",
        "management:user-role",
        "management:user-deactivate",
        "reports:annual-download",  # files: the same tables whatever the data's size
        "reports:rag-download",
        "reports:published-download",
        "reports:published",  # a frozen document, read from its JSON: one query
        "reports:narrative",  # one section and its own versions
        "reports:rag-narrative",
        "reports:publish",  # a confirmation
        "reports:benchmark",  # one value and its own versions
        "reports:benchmark-remove",
    }
    counted = {page.url_name for page in LIST_PAGES.values()}
    assert set(_url_names()) - not_lists - counted == set()
