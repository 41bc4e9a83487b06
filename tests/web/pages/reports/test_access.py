"""Who may use each report page, GET and POST: every URL of the `reports` namespace (the
resolver's own list, so a new URL without a sample fails), anonymous and each role."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from iru.web.pages.urls import reports as report_patterns
from iru.web.reports.models import Benchmark, NarrativeText, PublishedReport
from iru.web.reports.services.benchmarks import benchmark_add

pytestmark = pytest.mark.django_db

YEAR = "2024-03-31"
MONTH = "2023-04"  # R1, the first RAG rating (A1, team T1, chair S1)


@pytest.fixture
def value(head):
    return benchmark_add(
        user=head, measure="stability.long_term", comparator="england",
        year_end=date(2023, 3, 31), value=Decimal("68.0"), source="DfE", today=date(2024, 6, 3),
        now=timezone.make_aware(datetime(2024, 6, 3, 12)),
    )  # fmt: skip


def _urls(value) -> dict[str, str]:
    samples = {
        "index": reverse("reports:index"),
        "annual": reverse("reports:annual", args=[YEAR]),
        "annual-download": reverse("reports:annual-download", args=[YEAR, "html"]),
        "narrative": reverse("reports:narrative", args=[YEAR, "summary"]),
        "publish": reverse("reports:publish", args=[YEAR]),
        "published": reverse("reports:published", args=[YEAR, 1]),
        "published-download": reverse("reports:published-download", args=[YEAR, 1, "pdf", "full"]),
        "benchmarks": reverse("reports:benchmarks"),
        "benchmark": reverse("reports:benchmark", args=[value.pk]),
        "benchmark-remove": reverse("reports:benchmark-remove", args=[value.pk]),
        "rag-report": reverse("reports:rag-report"),
        "rag-download": reverse("reports:rag-download", args=[MONTH, "csv"]),
        "rag-narrative": reverse("reports:rag-narrative", args=[MONTH, "commentary"]),
    }
    assert {p.name for p in report_patterns} == set(samples), "add a sample for every URL"
    return samples


WRITES = {"narrative", "publish", "benchmarks", "benchmark", "benchmark-remove", "rag-narrative"}
POSTED = {
    "text": "Words", "action": "save", "reason": "Because", "measure": "cp.repeat",
    "comparator": "england", "year_end": "2023-03-31", "value": "20.0", "source": "DfE",
}  # fmt: skip


def _state():
    return (
        list(NarrativeText.objects.values_list("key", "text")),
        list(Benchmark.objects.values_list("measure", "value", "source")),
        PublishedReport.objects.count(),
    )


def test_anonymous_users_are_sent_to_sign_in(client, users, value):
    for name, url in _urls(value).items():
        for response in (client.get(url), client.post(url, POSTED)):
            assert response.status_code in (302, 405), name
            if response.status_code == 302:
                assert response["Location"].startswith(reverse("sign-in")), name


@pytest.mark.parametrize("role", ["chair", "team_manager", "admin"])
def test_no_one_but_the_head_of_service_writes_or_publishes(client, users, value, role):
    client.force_login(users[role])
    before = _state()
    for name, url in _urls(value).items():
        if name in WRITES:
            assert client.post(url, POSTED).status_code == 403, name
    assert _state() == before


@pytest.mark.parametrize("role", ["chair", "team_manager"])
def test_chairs_and_team_managers_reach_only_the_rag_report(client, users, value, role):
    client.force_login(users[role])
    for name, url in _urls(value).items():
        status = client.get(url).status_code
        if name == "rag-report":
            assert status == 200
        elif name == "rag-download":
            # their own children's month: the chair has A1; this team manager has team T2's
            assert status == (200 if role == "chair" else 404), name
        else:
            assert status == 403, name


def test_admin_reads_every_report_page_but_writes_none(client, users, value):
    client.force_login(users["admin"])
    for name, url in _urls(value).items():
        status = client.get(url).status_code
        if name in WRITES - {"benchmarks"}:
            assert status == 403, name
        elif name.startswith("published"):
            assert status == 404, name  # nothing published yet
        else:
            assert status == 200, name
