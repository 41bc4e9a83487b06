"""Every page of the site, for every role, over a realistic small authority, checked by axe-core.

The synthetic authority (seed 2016, scale "tiny") is generated and read once per module, then
imported afresh for each role's test (the live server needs a transactional database). Each
role signs in through the sign-in page and visits every named URL: a page the role may GET must
answer 200 and pass axe, and so must its form's error state (submitted empty); every other
URL must refuse the role. `test_every_named_url_is_visited` fails when a new URL is in no
role's list, so no page escapes the check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import time_machine
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from iru.cli.importer import read_path
from iru.data.dataset import Dataset
from iru.data.synthetic import generate
from iru.reports.annual import annual_document
from iru.web.caseloads.models import Allocation
from iru.web.caseloads.scope import children_visible_to, current_allocations
from iru.web.caseloads.selectors import demo_staff
from iru.web.disputes.models import RagRating, RagReason
from iru.web.disputes.services.escalations import escalation_raise
from iru.web.disputes.services.ratings import meeting_type, rag_rating_send, rag_reasons_sync
from iru.web.disputes.services.responses import (
    ActionInput,
    escalation_stage_respond,
    rag_rating_respond,
)
from iru.web.meetings.models import Meeting
from iru.web.meetings.services.convening import meeting_convene
from iru.web.oversight.services import oversight_note_add
from iru.web.people.models import Staff, User
from iru.web.people.services import user_set_up
from iru.web.reports.inputs import annual_inputs
from iru.web.reports.services.benchmarks import benchmark_add
from iru.web.reports.services.publishing import report_publish
from iru.web.schedule.selectors.caseload import my_caseload

from .axe import assert_accessible

TODAY = date(2024, 6, 3)  # a Monday
PASSWORD = "a long enough password"
ROLES = {
    "chair": User.Role.CHAIR,
    "team_manager": User.Role.TEAM_MANAGER,
    "admin": User.Role.ADMIN,
    "head_of_service": User.Role.HEAD_OF_SERVICE,
}

# The pages each role may GET; every other named URL must refuse the role (403, 404, 405 or a
# redirect elsewhere). "home" and "sign-in" are checked for every role (a redirect, and the
# sign-in page before signing in).
EVERYONE = {
    "password-change",
    "children:list",
    "children:detail",
    "meetings:detail",
    "rag:escalation",
    "reports:rag-report",
    "reports:rag-download",
}
MANAGEMENT = {
    "management:dashboard",
    "management:caseloads",
    "management:allocate",
    "management:child-allocations",
    "management:allocation-correct",
    "management:allocation-cancel",
    "management:reasons",
    "management:reason-add",
    "management:reason-edit",
    "management:reason-retire",
    "management:users",
    "management:user-add",
    "management:user-role",
    "management:user-deactivate",
}
# The report pages: admin reads what the Head of Service writes.
REPORTS_READ = {
    "reports:index",
    "reports:annual",
    "reports:annual-download",
    "reports:published",
    "reports:published-download",
    "reports:benchmarks",
}
REPORTS_WRITE = {
    "reports:narrative",
    "reports:rag-narrative",
    "reports:publish",
    "reports:benchmark",
    "reports:benchmark-remove",
}
PAGES = {
    "chair": EVERYONE
    | {
        "children:mine",
        "meetings:start",
        "meetings:record",
        "meetings:correct",
        "meetings:cancel",
        "rag:rate",
        "rag:oversight",
        "rag:oversight-correct",
        "rag:oversight-cancel",
        "rag:rating-correct",
        "rag:rating-cancel",
        "rag:escalation-raise",
    },
    "team_manager": EVERYONE
    | {
        "inbox:inbox",
        "inbox:rating",
        "inbox:escalation",
        "rag:response-correct",
        "rag:reply-correct",
    },
    "admin": EVERYONE
    | {
        "unitadmin:schedule",
        "unitadmin:convene",
        "unitadmin:convenings",
        "unitadmin:to-check",
        "unitadmin:convening",
        "unitadmin:convening-change",
        "unitadmin:convening-cancel",
        "imports:history",
        "imports:upload",
        "imports:run",
        "imports:overlaps",
        "imports:due-dates",
        "imports:reviews-export",
    }
    | REPORTS_READ,
    "head_of_service": EVERYONE
    | MANAGEMENT
    | REPORTS_READ
    | REPORTS_WRITE
    | {
        "rag:oversight-correct",
        "rag:oversight-cancel",
        "meetings:correct",
        "meetings:cancel",
        "rag:rating-correct",
        "rag:rating-cancel",
        "rag:response-correct",
        "rag:reply-correct",
        "unitadmin:schedule",
        "unitadmin:convenings",
        "unitadmin:to-check",
        "unitadmin:convening",
        "unitadmin:convening-change",
        "unitadmin:convening-cancel",
        "imports:history",
        "imports:run",
        "imports:overlaps",
        "imports:due-dates",
        "imports:reviews-export",
    },
}
ALWAYS = {"home", "sign-in"}
# POST-only URLs: their forms are on pages above (the escalation page holds all three).
POST_ONLY = {
    "sign-out",
    "rag:escalation-reply",
    "rag:escalation-advance",
    "rag:escalation-resolve",
    "rag:escalation-cafcass",
}

# What each URL's arguments name, in order; a new URL with arguments needs a line here.
ARGUMENTS = {
    "children:detail": ("child",),
    "meetings:detail": ("meeting",),
    "meetings:correct": ("meeting",),
    "meetings:cancel": ("meeting",),
    "rag:rate": ("meeting", "child"),
    "rag:oversight": ("child",),
    "rag:oversight-correct": ("note",),
    "rag:oversight-cancel": ("note",),
    "rag:rating-correct": ("own_rating",),
    "rag:rating-cancel": ("own_rating",),
    "rag:response-correct": ("answered_rating",),
    "rag:reply-correct": ("reply",),
    "rag:escalation-reply": ("escalation",),
    "rag:escalation-raise": ("child",),
    "rag:escalation": ("escalation",),
    "rag:escalation-advance": ("escalation",),
    "rag:escalation-resolve": ("escalation",),
    "rag:escalation-cafcass": ("escalation",),
    "inbox:rating": ("rating",),
    "inbox:escalation": ("escalation",),
    "unitadmin:convene": ("child",),
    "unitadmin:convening": ("convening",),
    "unitadmin:convening-change": ("convening",),
    "unitadmin:convening-cancel": ("convening",),
    "imports:run": ("import_run",),
    "imports:overlaps": ("import_run",),
    "imports:due-dates": ("import_run",),
    "management:child-allocations": ("child",),
    "management:allocation-correct": ("spell",),
    "management:allocation-cancel": ("spell",),
    "management:reason-edit": ("reason",),
    "management:reason-retire": ("reason",),
    "management:user-role": ("user",),
    "management:user-deactivate": ("user",),
    "reports:annual": ("year_end",),
    "reports:annual-download": ("year_end", "format"),
    "reports:narrative": ("year_end", "section"),
    "reports:publish": ("year_end",),
    "reports:published": ("year_end", "version"),
    "reports:published-download": ("year_end", "version", "kept_format", "edition"),
    "reports:benchmark": ("benchmark",),
    "reports:benchmark-remove": ("benchmark",),
    "reports:rag-download": ("month", "format"),
    "reports:rag-narrative": ("month", "commentary"),
}
QUERIES = {"meetings:record": "?kind=lac_review&children={child}"}


def _button(text: str) -> Callable[[Any], None]:
    return lambda page: page.click(f"main button:has-text('{text}')")


def _blank_then(selector: str, text: str) -> Callable[[Any], None]:
    def submit(page: Any) -> None:
        page.fill(selector, "")
        _button(text)(page)

    return submit


def _impossible_date(prefix: str, text: str) -> Callable[[Any], None]:
    def submit(page: Any) -> None:
        page.fill(f"#{prefix}_day", "31")
        page.fill(f"#{prefix}_month", "2")
        page.fill(f"#{prefix}_year", "2024")
        _button(text)(page)

    return submit


def _query(text: str) -> Callable[[Any], None]:
    """The page again with `text` as its query string (a GET form's answer)."""
    return lambda page: page.goto(page.url.split("?")[0] + text)


def _role_without_staff(page: Any) -> None:
    page.check("input[name=role][value=chair]")
    page.select_option("#id_staff", "")
    _button("Save")(page)


# How to show each form's error state without changing anything: submit it empty (or with
# an impossible value where empty is a valid answer). Confirmation pages (retire a reason,
# deactivate a user) have nothing to get wrong.
ERROR_STATES: dict[str, Callable[[Any], None]] = {
    "sign-in": _button("Sign in"),
    "password-change": _button("Change password"),
    "meetings:start": _button("Continue"),
    "meetings:record": _button("Save the meeting"),
    "meetings:correct": _button("Save the correction"),  # no reason given
    "meetings:cancel": _button("Cancel the meeting"),
    "rag:rate": _button("Send to the team manager"),
    "rag:oversight": _button("Save the note"),
    "rag:oversight-correct": _button("Save the correction"),  # no reason given
    "rag:oversight-cancel": _button("Cancel the note"),
    "rag:rating-correct": _button("Save the correction"),  # no reason given
    "rag:rating-cancel": _button("Cancel the rating"),
    "rag:response-correct": _button("Save the correction"),  # no reason given
    "rag:reply-correct": _button("Save the correction"),
    "rag:escalation-raise": _button("Raise the escalation"),
    "rag:escalation": _button("Mark as resolved"),  # the chair's: resolving needs an outcome
    "inbox:rating": _button("Send response"),
    "inbox:escalation": _button("Send response"),
    "unitadmin:convene": _button("Convene meeting"),
    "unitadmin:convening": _impossible_date("id_booklets_sent", "Save booklet dates"),
    "unitadmin:convening-change": _button("Save the change"),  # no reason given
    "unitadmin:convening-cancel": _button("Cancel the meeting"),
    "imports:upload": _button("Upload and import"),
    "imports:reviews-export": _query("?year=1900"),  # a year not offered
    "management:allocate": _button("Find child"),
    "management:child-allocations": _button("Reallocate"),
    "management:allocation-correct": _button("Save the correction"),  # no reason given
    "management:allocation-cancel": _button("Cancel the allocation"),
    "management:reason-add": _button("Add reason"),
    "management:reason-edit": _blank_then("#id_text", "Save"),
    "management:user-add": _button("Create user"),
    "management:user-role": _role_without_staff,
    "reports:rag-report": _query("?month=1999-01"),  # a month the data does not cover
    "reports:benchmarks": _button("Save the value"),
    "reports:benchmark": _blank_then("#id_value", "Save the correction"),
    "reports:benchmark-remove": _button("Remove the value"),  # no reason given
    "reports:publish": _button("Publish"),  # version 1 is published: a reason is needed
}
# Forms only some roles see: others read the escalation and the convened meeting.
FORM_ROLES = {
    "rag:escalation": {"chair"},
    "unitadmin:convening": {"admin"},
    "reports:benchmarks": {"head_of_service"},
}
# URLs that answer with a file, not a page: each role that may is checked for a 200 only.
FILES = {"reports:annual-download", "reports:published-download", "reports:rag-download"}


def _url_names() -> list[str]:
    names = []

    def walk(patterns: list[Any], prefix: str = "") -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{prefix}{p.namespace}:" if p.namespace else prefix)
            elif isinstance(p, URLPattern):
                names.append(prefix + p.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_named_url_is_visited() -> None:
    """A URL in no role's list (and not POST-only) would escape the axe check: add it."""
    visited = set().union(*PAGES.values()) | ALWAYS | POST_ONLY
    assert set(_url_names()) - visited == set()
    assert set(ARGUMENTS) | set(QUERIES) <= set(_url_names())
    assert set(ERROR_STATES) <= visited


@pytest.mark.django_db
def test_post_only_urls_refuse_get(client, django_user_model) -> None:
    user = django_user_model.objects.create_user(username="x", password="x", role="chair")
    client.force_login(user)
    for name in POST_ONLY:
        args = [987654] * len(ARGUMENTS.get(name, ()))
        assert client.get(reverse(name, args=args)).status_code == 405, name


# --- the authority ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def returns(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, Any]:
    """The synthetic authority's files, generated and read once for the module."""
    folder = tmp_path_factory.mktemp("authority")
    generate(folder, seed=2016, scale="tiny", today=TODAY)
    dataset, unit = read_path(folder)
    return folder, dataset, unit


@pytest.fixture
def frozen_today() -> Any:
    # time-machine travels process-wide, so the live server's thread sees this day too.
    with time_machine.travel(TODAY.isoformat() + " 12:00 +01:00", tick=False):
        yield


@dataclass
class Authority:
    users: dict[str, User]
    samples: dict[str, dict[str, int | str]]  # role -> what the URLs' arguments name -> value


@pytest.fixture
def authority(returns, transactional_db, frozen_today) -> Authority:
    from iru.web.imports.services.dataset import import_dataset

    folder, dataset, unit = returns
    rag_reasons_sync()  # a transactional test before this one may have flushed the catalogue
    import_dataset(dataset=dataset, unit=unit, source=str(folder), label="every page", today=TODAY)
    # Then one child's DECOM corrected a day later: the run's pages have something to check.
    run = import_dataset(
        dataset=_decom_corrected(dataset), unit=None, source="corrected", today=TODAY
    )
    assert len(run.overlaps) == len(run.due_changes) == 1
    users = {
        key: user_set_up(
            username=key, role=role, staff=demo_staff(role=role, today=TODAY), password=PASSWORD
        )
        for key, role in ROLES.items()
    }
    chair, manager, admin = users["chair"], users["team_manager"], users["admin"]

    # The chair's: a child in their caseload, a meeting they chaired for that child, and an
    # escalation they raised about that child.
    chaired = Meeting.objects.filter(
        chair=chair.staff,
        covered__child__in=[row.child.pk for row in my_caseload(chair, today=TODAY)],
    )
    meeting = chaired.order_by("-date", "pk").first()
    child = meeting.covered.order_by("child__pk").first().child
    escalation = escalation_raise(
        user=chair, child=child, summary="Care plan not reviewed", today=TODAY
    )
    RagRating.objects.filter(meeting=meeting, child=child).delete()  # the chair's own, below
    own_rating = rag_rating_send(
        user=chair, meeting=meeting, child=child, rating="green", reason_codes=[],
        comment="Plan on track", today=TODAY,
    )  # fmt: skip

    # The team manager's: a child of their team with a meeting, and an escalation and an
    # amber rating about that child from the child's chair, both waiting in the inbox.
    allocation = (
        current_allocations(TODAY)
        .filter(
            child__in=children_visible_to(manager, today=TODAY),
            chair__isnull=False,
            child__meeting_links__isnull=False,
        )
        .select_related("child", "chair")
        .order_by("child__pk")
        .first()
    )
    assert isinstance(allocation, Allocation), "no child of the team manager's has a meeting"
    team_child = allocation.child
    escalating = _chair_user(allocation.chair, chair)
    team_escalation = escalation_raise(
        user=escalating, child=team_child, summary="No permanence plan", today=TODAY
    )
    team_meeting = Meeting.objects.filter(covered__child=team_child).order_by("-date").first()
    # A case is rated once after a meeting: the generated rating makes way for this one.
    RagRating.objects.filter(meeting=team_meeting, child=team_child).delete()
    amber = RagReason.objects.filter(
        meeting_type=meeting_type(team_meeting.kind), rating="amber", in_catalogue=True
    ).first()
    rating = rag_rating_send(
        user=escalating, meeting=team_meeting, child=team_child, rating="amber",
        reason_codes=[amber.code], comment="Plan drifting", today=TODAY,
    )  # fmt: skip

    # Answers the team manager has given, to correct: to an earlier rating and escalation.
    answered = RagRating.objects.create(child=team_child, rating="red", sent=TODAY,
                                        team_manager=manager.staff)  # fmt: skip
    visit = ActionInput(text="Visit", due=TODAY + timedelta(days=7))
    rag_rating_respond(rating=answered, user=manager, response="Visit booked", today=TODAY,
                       actions=[visit])  # fmt: skip
    earlier = escalation_raise(user=escalating, child=team_child, summary="Contact", today=TODAY)
    reply = escalation_stage_respond(escalation=earlier, user=manager, response="Agreed",
                                     today=TODAY)  # fmt: skip

    convening = meeting_convene(
        user=admin, children=[child], kind="lac_review", date=TODAY + timedelta(days=14),
        chair=chair.staff, invitees=["Jo Ash (mother)"], booklets_sent=None,
        booklets_returned=None, today=TODAY,
    )  # fmt: skip
    unit_wide = {
        "child": child.pk,
        "meeting": meeting.pk,
        "escalation": escalation.pk,
        "rating": rating.pk,
        "own_rating": own_rating.pk,
        "answered_rating": answered.pk,
        "spell": Allocation.objects.filter(child=child).order_by("-start").first().pk,
        "reply": reply.pk,
        "convening": convening.pk,
        "import_run": run.run_id,
        "reason": RagReason.objects.filter(in_catalogue=True).order_by("pk").first().pk,
        "user": manager.pk,
        "note": oversight_note_add(
            user=chair, child=child, day=TODAY, text="Visited", today=TODAY
        ).pk,
        **_report_samples(users["head_of_service"]),
    }
    team = {
        "child": team_child.pk,
        "meeting": team_meeting.pk,
        "escalation": team_escalation.pk,
    }
    samples = {
        "chair": unit_wide,
        "team_manager": unit_wide | team,
        "admin": unit_wide,
        "head_of_service": unit_wide,
    }
    return Authority(users=users, samples=samples)


def _report_samples(head: User) -> dict[str, int | str]:
    """A report to read, write and download: the year to 31 March 2024, published once
    (with one small file, so nothing is rendered here), a comparator value, and this month's
    RAG ratings (the chair's and the team manager's ratings above are dated today)."""
    year_end = date(2024, 3, 31)
    document = replace(annual_document(annual_inputs(year_end=year_end, today=TODAY)),
                       status="published")  # fmt: skip
    now = timezone.now()
    report = report_publish(user=head, document=document, files={("pdf", "full"): b"%PDF-1.7"},
                            reason="", now=now)  # fmt: skip
    value = benchmark_add(user=head, measure="cp.repeat", comparator="england",
                          year_end=date(2023, 3, 31), value=Decimal("20.0"), source="DfE",
                          today=TODAY, now=now)  # fmt: skip
    return {
        "year_end": year_end.isoformat(), "format": "csv", "section": "summary",
        "version": report.version, "kept_format": "pdf", "edition": "full", "benchmark": value.pk,
        "month": f"{TODAY:%Y-%m}", "commentary": "commentary",
    }  # fmt: skip


def _decom_corrected(dataset: Dataset) -> Dataset:
    """The returns' latest open episode of care alone, starting a week later (moving its
    child's period of care, and so the next review due)."""
    open_care = dataset.episodes.filter(
        pl.col("DEC").is_null()
        & ~pl.col("LS").is_in(["V3", "V4"])
        & (pl.col("DECOM") < TODAY - timedelta(days=7))
    )
    latest = open_care.sort("DECOM", "CHILD").tail(1)
    later = latest.with_columns(pl.col("DECOM") + timedelta(days=7))
    return Dataset(episodes=later, has_episodes=True)


def _chair_user(staff: Staff, demo_chair: User) -> User:
    if staff.pk == demo_chair.staff_id:
        return demo_chair
    return user_set_up(username="escalating-chair", role="chair", staff=staff, password=PASSWORD)


def _url(name: str, sample: dict[str, int]) -> str:
    url = reverse(name, args=[sample[kind] for kind in ARGUMENTS.get(name, ())])
    return url + QUERIES.get(name, "").format(**sample)


# --- the sweep -------------------------------------------------------------------------------


def _check(problems: list[str], page: Any, label: str) -> None:
    try:
        assert_accessible(page)
    except AssertionError as error:
        problems.append(f"{label}: {error}")


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_passes_axe(role, authority, live_server, browser) -> None:
    """Every page each role may see passes axe, and none breaks the Content-Security-Policy
    (the browser reports each thing it refused on the console)."""
    problems: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("console", lambda message: _refused(problems, page, message.text))
    base = live_server.url
    try:
        page.goto(f"{base}{reverse('sign-in')}")
        _check(problems, page, "sign-in")
        ERROR_STATES["sign-in"](page)
        page.wait_for_load_state()
        _check_error_state(problems, page, "sign-in")
        _sign_in(page, role)

        sample = authority.samples[role]
        for name in _url_names():
            if name in POST_ONLY or name == "sign-in":
                continue
            url = f"{base}{_url(name, sample)}"
            if name == "home":  # sends each role to its own first page, checked below
                response = page.goto(url)
                if response is None or response.status != 200 or page.url == url:
                    problems.append(f"home: did not send {role} on to a page")
            elif name in PAGES[role] and name in FILES:
                status = page.request.get(url).status
                if status != 200:
                    problems.append(f"{name}: {url} answered {status} to {role}")
            elif name in PAGES[role]:
                _visit(problems, page, name, url, role)
            else:
                status = page.request.get(url, max_redirects=0).status
                if status == 200:
                    problems.append(f"{name}: {role} may GET it; add it to PAGES[{role!r}]")
    finally:
        context.close()
    assert not problems, f"{len(problems)} problems for {role}:\n\n" + "\n\n".join(problems)


@pytest.mark.parametrize("role", list(ROLES))
def test_the_rag_report_passes_axe(role, authority, live_server, browser) -> None:
    """The monthly RAG report alone for each role (`-k rag`); the sweep above visits it too."""
    problems: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(f"{live_server.url}{reverse('sign-in')}")
        _sign_in(page, role)
        url = f"{live_server.url}{reverse('reports:rag-report')}"
        _visit(problems, page, "reports:rag-report", url, role)
    finally:
        context.close()
    assert not problems, f"{len(problems)} problems for {role}:\n\n" + "\n\n".join(problems)


def _refused(problems: list[str], page: Any, text: str) -> None:
    if "Content Security Policy" in text:
        problems.append(f"{page.url}: {text[:300]}")


def _sign_in(page: Any, role: str) -> None:
    page.fill("#id_username", role)
    page.fill("#id_password", PASSWORD)
    page.click("main button:has-text('Sign in')")
    page.wait_for_load_state()
    if reverse("sign-in") in page.url:
        pytest.fail(f"{role} could not sign in")


def _visit(problems: list[str], page: Any, name: str, url: str, role: str) -> None:
    response = page.goto(url)
    if response is None or response.status != 200:
        problems.append(f"{name}: {url} answered {response and response.status}")
        return
    _check(problems, page, name)
    submit = ERROR_STATES.get(name)
    if submit is None or role not in FORM_ROLES.get(name, {role}):
        return
    submit(page)
    page.wait_for_load_state()
    _check_error_state(problems, page, name)


def _check_error_state(problems: list[str], page: Any, name: str) -> None:
    """GOV.UK's error pattern: a summary whose links reach the fields, "Error: " in the title."""
    if not page.locator(".govuk-error-summary").is_visible():
        problems.append(f"{name}: no error summary after submitting the form empty")
        return
    if not page.title().startswith("Error: "):
        problems.append(f"{name}: the title of a page with errors must start 'Error: '")
    for link in page.locator(".govuk-error-summary a").all():
        target = (link.get_attribute("href") or "").removeprefix("#")
        if not target or page.locator(f"[id='{target}']").count() != 1:
            problems.append(f"{name}: the error summary's link to #{target} reaches no field")
    _check(problems, page, f"{name} (errors)")
