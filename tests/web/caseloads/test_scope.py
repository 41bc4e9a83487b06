"""Who sees which child: one scoping function, and every URL walked for every role."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from iru.web.audit.models import AccessEvent
from iru.web.caseloads.scope import children_visible_to
from iru.web.children.models import Child
from iru.web.people.models import Staff, User
from tests.web.conftest import TODAY

pytestmark = pytest.mark.django_db

ROLES = {
    "chair": (User.Role.CHAIR, "S1"),  # Iris Reed: A1 (current); C3's allocation ended
    "team_manager": (User.Role.TEAM_MANAGER, "S4"),  # Tom Oak, South CP team: B2
    "admin": (User.Role.ADMIN, "S6"),
    "head_of_service": (User.Role.HEAD_OF_SERVICE, "S7"),
}
VISIBLE = {
    "chair": {"A1"},
    "team_manager": {"B2"},
    "admin": {"A1", "B2", "C3"},
    "head_of_service": {"A1", "B2", "C3"},
}


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY.isoformat() + " 12:00 +01:00", tick=False):
        yield


@pytest.fixture
def users(imported):
    made = {}
    for key, (role, staff_id) in ROLES.items():
        made[key] = User.objects.create_user(
            username=key,
            password="a long enough password",
            role=role,
            staff=Staff.objects.get(external_id=staff_id),
        )
    return made


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_sees_only_its_children(users, role):
    visible = children_visible_to(users[role], today=TODAY)
    assert set(visible.values_list("la_child_id", flat=True)) == VISIBLE[role]


def test_a_user_without_a_role_or_staff_record_sees_no_one(imported):
    nobody = User.objects.create_user(username="nobody", password="x")
    chair_without_staff = User.objects.create_user(username="c", password="x", role="chair")
    assert not children_visible_to(nobody, today=TODAY).exists()
    assert not children_visible_to(chair_without_staff, today=TODAY).exists()


def _url_names() -> list[str]:
    """Every named URL of the site; a URL without a sample below fails the sweep."""
    names = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{prefix}{p.namespace}:" if p.namespace else prefix)
            elif isinstance(p, URLPattern):
                assert p.name, f"unnamed URL {p.pattern}"
                names.append(prefix + p.name)

    walk(get_resolver().url_patterns)
    return names


PUBLIC = {"sign-in"}
MISSING_PK = 987654  # no object has it: a URL for it must never answer 200

# What each role gets from each URL that names no object (GET). 302 is a redirect to the
# role's own page; 403 a role that may not use the page; 405 a POST-only URL.
ROLE_PAGES = {
    "children:list": {"chair", "team_manager", "admin", "head_of_service"},
    "children:mine": {"chair"},
    "meetings:start": {"chair"},
    "inbox:inbox": {"team_manager"},
    "unitadmin:schedule": {"admin", "head_of_service"},
    "unitadmin:convenings": {"admin", "head_of_service"},
    "unitadmin:to-check": {"admin", "head_of_service"},
    "imports:history": {"admin", "head_of_service"},
    "imports:upload": {"admin"},
    "reports:rag-report": {"chair", "team_manager", "admin", "head_of_service"},
    "imports:reviews-export": {"admin", "head_of_service"},
    "reports:index": {"admin", "head_of_service"},
    "reports:benchmarks": {"admin", "head_of_service"},
    "reports:annual": {"admin", "head_of_service"},
    "reports:annual-download": {"admin", "head_of_service"},
    "reports:narrative": {"head_of_service"},
    "reports:publish": {"head_of_service"},
    "reports:rag-download": {"chair", "admin", "head_of_service"},
    "reports:rag-narrative": {"head_of_service"},
    "password-change": {"chair", "team_manager", "admin", "head_of_service"},
}
# Report URLs name a year, a month, a format or a section, not a primary key: real ones, so
# each role's answer on a real report is checked (a version or value that does not exist
# takes MISSING_PK). R1, the first RAG rating, is about A1 in April 2023.
REPORT_ARGS = {
    "reports:annual": ["2024-03-31"],
    "reports:annual-download": ["2024-03-31", "csv"],
    "reports:narrative": ["2024-03-31", "summary"],
    "reports:publish": ["2024-03-31"],
    "reports:published": ["2024-03-31", MISSING_PK],
    "reports:published-download": ["2024-03-31", MISSING_PK, "pdf", "full"],
    "reports:rag-download": ["2023-04", "csv"],
    "reports:rag-narrative": ["2023-04", "commentary"],
}
# A page the role may open, about children it does not see: not found, not forbidden.
NOT_FOUND = {("reports:rag-download", "team_manager")}  # A1 is team T1's, not theirs
REDIRECTS = {"home", "sign-in"}
NON_CHAIR_REDIRECT = {"children:mine"}  # other roles are sent to the children list


def _sample_urls() -> dict[str, str]:
    """A URL for every named URL of the site; one with arguments gets MISSING_PK for each.

    A new URL is in the sweep as soon as it exists: nothing to add here unless it takes an
    argument that is not a primary key.
    """
    samples = {}
    for name in _url_names():
        if name in REPORT_ARGS:
            samples[name] = reverse(name, args=REPORT_ARGS[name])
            continue
        try:
            samples[name] = reverse(name)
        except Exception:
            samples[name] = _with_pks(name)
    return samples


def _with_pks(name: str) -> str:
    for count in (1, 2):
        try:
            return reverse(name, args=[MISSING_PK] * count)
        except Exception:
            continue
    raise AssertionError(f"add a sample for the URL {name}: its arguments are not primary keys")


def test_anonymous_users_are_sent_to_sign_in_from_every_url(client, imported):
    sign_in = reverse("sign-in")
    for name, url in _sample_urls().items():
        if name in PUBLIC:
            assert client.get(url).status_code == 200
            continue
        responses = [client.get(url), client.post(url)]
        # Each method is either sent to sign in or refused as the wrong method (405 says
        # nothing about the data); at least one of them must be sent to sign in.
        to_sign_in = [
            r for r in responses if r.status_code == 302 and r["Location"].startswith(sign_in)
        ]
        assert to_sign_in, name
        assert all(r in to_sign_in or r.status_code == 405 for r in responses), name


def _expected_status(name: str, url: str, role: str) -> set[int]:
    if str(MISSING_PK) in url:
        return {403, 404, 405}  # never 200: the object does not exist or is not theirs
    if name in REDIRECTS or (name in NON_CHAIR_REDIRECT and role != "chair"):
        return {302}
    if name == "sign-out":
        return {405}
    if name.startswith("management:"):
        return {200} if role == "head_of_service" else {403}
    if name == "meetings:record":
        return {404} if role == "chair" else {403}  # needs the kind and children chosen first
    if (name, role) in NOT_FOUND:
        return {404}
    return {200} if role in ROLE_PAGES[name] else {403}


@pytest.mark.parametrize("role", list(ROLES))
def test_every_url_for_every_role(client, users, role):
    client.force_login(users[role])
    for name, url in _sample_urls().items():
        response = client.get(url)
        assert response.status_code in _expected_status(name, url, role), (name, role)
        assert "no-store" in response["Cache-Control"], name


@pytest.mark.parametrize("role", list(ROLES))
def test_a_child_page_is_shown_only_within_scope(client, users, role):
    client.force_login(users[role])
    for child in Child.objects.all():
        response = client.get(reverse("children:detail", args=[child.pk]))
        assert response.status_code == (200 if child.la_child_id in VISIBLE[role] else 404)


def test_every_read_of_a_child_is_logged(client, users):
    a1, b2 = Child.objects.get(la_child_id="A1"), Child.objects.get(la_child_id="B2")
    client.force_login(users["chair"])
    assert client.get(reverse("children:detail", args=[a1.pk])).status_code == 200
    assert client.get(reverse("children:detail", args=[b2.pk])).status_code == 404
    events = list(AccessEvent.objects.filter(action="view_child").order_by("pk"))
    assert [(e.child_id, e.outcome, e.username) for e in events] == [
        (a1.pk, "allowed", "chair"),
        (b2.pk, "denied", "chair"),
    ]
    assert events[0].at.utcoffset().total_seconds() == 0


def test_the_children_list_shows_name_id_age_status_and_chair(client, users):
    client.force_login(users["admin"])
    page = client.get(reverse("children:list")).content.decode()
    assert "Alfie Ash" in page
    assert "A1" in page
    assert "Iris Reed" in page
    assert "Looked after" in page
    assert "On a plan" in page
    assert ">12<" in page  # A1 born 2012-05-01, on 2024-06-03


def test_signing_in_and_out(client, users):
    response = client.post(
        reverse("sign-in"), {"username": "chair", "password": "a long enough password"}
    )
    assert response.status_code == 302
    assert client.get(reverse("children:list")).status_code == 200
    assert client.post(reverse("sign-out")).status_code == 302
    assert client.get(reverse("children:list")).status_code == 302


def test_sign_in_needs_the_csrf_token(users):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        reverse("sign-in"), {"username": "chair", "password": "a long enough password"}
    )
    assert response.status_code == 403
