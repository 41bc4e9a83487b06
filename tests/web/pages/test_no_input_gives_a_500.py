"""Fuzz every form: whatever is typed into any field of any form, the answer is a page (a
redirect, the form with its errors, a refusal), never a server error.

Each form is posted by the role that uses it, with values drawn by hypothesis: text of every
kind, long digit runs (a 10-digit day once gave a 500), codes near the real ones. Django's
test client raises the view's exception, so a 500 fails the example that caused it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child
from iru.web.disputes.models import Escalation, RagRating, RagReason
from iru.web.meetings.models import Convening, Meeting
from iru.web.oversight.models import OversightNote
from iru.web.people.models import User
from iru.web.reports.models import Benchmark
from tests.web.fixtures.chair import child_awaiting_icpc, child_on_a_plan_awaiting_icpc, make_user

pytestmark = pytest.mark.django_db

NEAR = ["", "0", "1", "-1", "31", "13", "2024", "PN1", "PN0", "red", "amber", "lac", "cp",
        "lac_review", "icpc", "chair", "on", "yes", "na", "LAC-R-01", "999999"]  # fmt: skip
VALUES = st.one_of(
    st.sampled_from(NEAR),
    st.from_regex(r"\A[0-9]{1,20}\Z"),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40),
)
DATE_PARTS = ("_day", "_month", "_year")


def dated(*names: str) -> list[str]:
    return [f"{name}{part}" for name in names for part in DATE_PARTS]


def _a1() -> Child:
    return Child.objects.get(la_child_id="A1")


def _record_url() -> str:
    return reverse("meetings:record") + f"?kind=lac_review&children={_a1().pk}"


def _convening() -> Convening:
    made = Convening.objects.filter(date=date(2024, 6, 20)).first()
    if made is not None:
        return made
    convening = Convening.objects.create(kind="lac_review", date=date(2024, 6, 20))
    convening.children.set([_a1()], through_defaults={"kind": "lac_review", "date": convening.date})
    return convening


def _spell() -> Allocation:
    return Allocation.objects.filter(child=_a1()).order_by("-start").first()


def _note() -> OversightNote:
    return OversightNote.objects.get(external_id="N1")


def _benchmark() -> Benchmark:
    """A comparator value to correct or remove (a removal by a fuzzed reason may take it)."""
    found = Benchmark.objects.first()
    if found is not None:
        return found
    return Benchmark.objects.create(
        measure="cp.repeat", comparator="england", year_end=date(2023, 3, 31),
        value=Decimal("20.0"), source="DfE", recorded_at=timezone.now(),
    )  # fmt: skip


# (role, url, fields): the url is built once the data is imported.
FORMS: dict[str, tuple[str, Callable[[], str], list[str]]] = {
    "change password": (
        "chair",
        lambda: reverse("password-change"),
        ["old_password", "new_password1", "new_password2"],
    ),
    "meeting start": ("chair", lambda: reverse("meetings:start"), ["kind", "children"]),
    "meeting record": (
        "chair",
        _record_url,
        [*dated("held"), "attendees", "reports_shared", "participation_{a1}", "booklet_{a1}"],
    ),
    "meeting correct": (
        "head",
        lambda: reverse("meetings:correct", args=[Meeting.objects.get(external_id="M1").pk]),
        [
            *dated("held"),
            "attendees",
            "reports_shared",
            "participation_{a1}",
            "booklet_{a1}",
            "reason",
        ],
    ),
    "rag rating": (
        "chair",
        lambda: reverse("rag:rate", args=[Meeting.objects.get(external_id="M1").pk, _a1().pk]),
        ["rating", "reasons_red", "reasons_amber", "reasons_green", "comment"],
    ),
    "rating correct": (
        "head",
        lambda: reverse("rag:rating-correct", args=[RagRating.objects.get(external_id="R1").pk]),
        ["rating", "reasons_red", "reasons_amber", "reasons_green", "comment", "reason"],
    ),
    "rating cancel": (
        "head",
        lambda: reverse("rag:rating-cancel", args=[RagRating.objects.get(external_id="R1").pk]),
        ["reason"],
    ),
    "oversight": (
        "chair",
        lambda: reverse("rag:oversight", args=[_a1().pk]),
        [*dated("day"), "text"],
    ),
    "oversight correct": (
        "head",
        lambda: reverse("rag:oversight-correct", args=[_note().pk]),
        [*dated("day"), "text", "reason"],
    ),
    "oversight cancel": (
        "head",
        lambda: reverse("rag:oversight-cancel", args=[_note().pk]),
        ["reason"],
    ),
    "escalation raise": (
        "chair",
        lambda: reverse("rag:escalation-raise", args=[_a1().pk]),
        ["summary"],
    ),
    "escalation advance": (
        "chair",
        lambda: reverse(
            "rag:escalation-advance", args=[Escalation.objects.get(external_id="E1").pk]
        ),
        ["response"],
    ),
    "escalation reply": (
        "chair",
        lambda: reverse("rag:escalation-reply", args=[Escalation.objects.get(external_id="E1").pk]),
        ["response", "action_1", *dated("action_1_due"), "action_4", *dated("action_4_due")],
    ),
    "escalation resolve": (
        "chair",
        lambda: reverse(
            "rag:escalation-resolve", args=[Escalation.objects.get(external_id="E1").pk]
        ),
        ["outcome"],
    ),
    "rating response": (
        "tm_a",
        lambda: reverse("inbox:rating", args=[RagRating.objects.get(external_id="R1").pk]),
        ["response", "action_1", *dated("action_1_due"), "action_2", *dated("action_2_due")],
    ),
    "escalation response": (
        "tm_a",
        lambda: reverse("inbox:escalation", args=[Escalation.objects.get(external_id="E1").pk]),
        ["response", "action_1", *dated("action_1_due")],
    ),
    "convene": (
        "admin",
        lambda: reverse("unitadmin:convene", args=[_a1().pk]),
        [
            "kind",
            *dated("date", "booklets_sent", "booklets_returned"),
            "chair",
            "time",
            "venue",
            "invitees",
            "on_a_non_working_day",
        ],
    ),
    "convening change": (
        "head",
        lambda: reverse("unitadmin:convening-change", args=[_convening().pk]),
        [*dated("date"), "time", "venue", "chair", "invitees", "on_a_non_working_day", "reason"],
    ),
    "convening cancel": (
        "head",
        lambda: reverse("unitadmin:convening-cancel", args=[_convening().pk]),
        ["reason"],
    ),
    "booklets": (
        "admin",
        lambda: reverse("unitadmin:convening", args=[_convening().pk]),
        dated("booklets_sent", "booklets_returned"),
    ),
    "search": ("head", lambda: reverse("management:allocate"), ["query"]),
    "reallocate": (
        "head",
        lambda: reverse("management:child-allocations", args=[_a1().pk]),
        ["kind", "chair", "social_worker", "team", *dated("effective")],
    ),
    "allocation correct": (
        "head",
        lambda: reverse("management:allocation-correct", args=[_spell().pk]),
        ["chair", "social_worker", "team", *dated("start"), "reason"],
    ),
    "allocation cancel": (
        "head",
        lambda: reverse("management:allocation-cancel", args=[_spell().pk]),
        ["reason"],
    ),
    "reason add": (
        "head",
        lambda: reverse("management:reason-add"),
        ["meeting_type", "rating", "text"],
    ),
    "reason edit": (
        "head",
        lambda: reverse("management:reason-edit", args=[RagReason.objects.order_by("pk")[0].pk]),
        ["text"],
    ),
    "user add": (
        "head",
        lambda: reverse("management:user-add"),
        ["username", "role", "staff", "password"],
    ),
    "user role": (
        "head",
        lambda: reverse("management:user-role", args=[User.objects.get(username="admin").pk]),
        ["role", "staff"],
    ),
    "report narrative": (
        "head",
        lambda: reverse("reports:narrative", args=["2024-03-31", "summary"]),
        ["text", "action"],
    ),
    "RAG report commentary": (
        "head",
        lambda: reverse("reports:rag-narrative", args=["2023-04", "commentary"]),
        ["text", "action"],
    ),
    "comparator value": (
        "head",
        lambda: reverse("reports:benchmarks"),
        ["measure", "comparator", "year_end", "value", "source"],
    ),
    "comparator correct": (
        "head",
        lambda: reverse("reports:benchmark", args=[_benchmark().pk]),
        ["value", "source", "reason"],
    ),
    "comparator remove": (
        "head",
        lambda: reverse("reports:benchmark-remove", args=[_benchmark().pk]),
        ["reason"],
    ),
}
FILTERS: dict[str, tuple[str, str, list[str]]] = {
    "my children": ("chair", "children:mine", ["kind", "rag", "overdue", "sort", "page"]),
    "schedule": ("admin", "unitadmin:schedule", ["chair", "kind", "page"]),
    "children": ("admin", "children:list", ["page"]),
    "imports": ("admin", "imports:history", ["page"]),
    "RAG report": ("chair", "reports:rag-report", ["month"]),
    "reviews for the return": ("head", "imports:reviews-export", ["year"]),
}
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("name", list(FORMS))
@FUZZ
@given(data=st.data())
def test_no_post_to_any_form_gives_a_500(client, users, today, name, data):
    role, url, fields = FORMS[name]
    client.force_login(users[role])
    names = [field.replace("{a1}", str(_a1().pk)) for field in fields]
    posted = {field: data.draw(VALUES, label=field) for field in names}
    response = client.post(url(), posted)
    assert response.status_code in (200, 302, 400, 403, 404), response.status_code


@pytest.mark.parametrize("name", list(FILTERS))
@FUZZ
@given(data=st.data())
def test_no_filter_of_any_list_gives_a_500(client, users, today, name, data):
    role, url_name, fields = FILTERS[name]
    client.force_login(users[role])
    query = {field: data.draw(VALUES, label=field) for field in fields}
    response = client.get(reverse(url_name), query)
    assert response.status_code in (200, 302, 400, 404), response.status_code


# Each answer is mostly one of the field's own choices, so that whole forms reach the service
# and the "Check before you save" page; now and then anything at all.
CHOICES = {
    "attendees": ["parent", "child"],
    "reports_shared": ["yes", "no", "na"],
    "outcome": ["plan", "no_plan", "change_of_category", "child_died", ""],
    "category": ["", "NEG", "PHY", "MUL"],
    "participation": ["PN1", "PN0", "PN7"],
    "booklet": ["returned", "sent", "not_sent", ""],
}


def answers(name: str) -> st.SearchStrategy[str]:
    """Mostly one of the field's choices (`booklet_12` is a booklet), now and then anything."""
    question = name.rsplit("_", 1)[0] if name[-1].isdigit() else name
    near = st.sampled_from(CHOICES[question])
    return st.integers(0, 4).flatmap(lambda roll: VALUES if roll == 4 else near)


DAYS = st.integers(0, 4).flatmap(
    lambda roll: VALUES if roll == 4 else st.sampled_from(["30", "31", "29", "1"])
)


def _conference_children() -> list[Child]:
    """Colin's children for a conference: one on a plan awaiting an initial conference, one
    awaiting its first (so a change of category is refused for one of them)."""
    return [
        Child.objects.filter(la_child_id=la_id).first() or make(la_id)
        for la_id, make in (("T1", child_on_a_plan_awaiting_icpc), ("P1", child_awaiting_icpc))
    ]


@pytest.mark.parametrize("kind", ["icpc", "rcpc", "lac_review"])
@FUZZ
@given(data=st.data())
def test_no_answer_to_record_a_meeting_gives_a_500(client, users, today, kind, data):
    """The record-a-meeting form of each kind, with a date that may be right, so the outcome,
    the category and the booklets reach the service and the "Check before you save" page."""
    if kind == "lac_review":
        chair, children = users["chair"], [_a1()]
    else:
        chair = User.objects.filter(username="colin").first() or make_user("colin", "chair", "S2")
        picked = [Child.objects.get(la_child_id="B2")] if kind == "rcpc" else []
        children = picked or _conference_children()
    client.force_login(chair)
    query = "&".join(f"children={child.pk}" for child in children)
    names = ["attendees", "reports_shared", "outcome", "category"] + [
        f"{question}_{child.pk}" for child in children for question in ("participation", "booklet")
    ]
    posted = {name: data.draw(answers(name), label=name) for name in names}
    posted |= {"held_day": data.draw(DAYS, label="day"), "held_month": "5", "held_year": "2024"}
    if data.draw(st.booleans(), label="confirmed"):
        posted["confirmed"] = "1"
    response = client.post(f"{reverse('meetings:record')}?kind={kind}&{query}", posted)
    assert response.status_code in (200, 302), response.status_code
