"""The reports domain's writes: narrative with its versions, comparators with their sources,
and publication, frozen and append-only."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from iru.reports.document import ReportDocument, Section, Table, content_hash, from_json
from iru.reports.narrative import MAX_LENGTH
from iru.web.reports.models import AppendOnlyError, Benchmark, PublishedFile, PublishedReport
from iru.web.reports.records import benchmarks, narrative_history, narrative_texts
from iru.web.reports.services.benchmarks import benchmark_add, benchmark_correct, benchmark_remove
from iru.web.reports.services.narrative import narrative_save
from iru.web.reports.services.publishing import report_publish

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2024, 6, 3, 12, 0))
TODAY = date(2024, 6, 3)
YEAR = "2024-03-31"


def test_each_save_of_a_section_is_a_version_with_who_and_when(head):
    narrative_save(user=head, kind="annual", period=YEAR, key="summary", text="First.", now=NOW)
    record = narrative_save(user=head, kind="annual", period=YEAR, key="summary",
                            text="Second.\r\n", now=NOW)  # fmt: skip
    narrative_save(user=head, kind="annual", period=YEAR, key="summary", text="Second.", now=NOW)
    assert narrative_texts(kind="annual", period=YEAR) == {"summary": "Second."}
    assert record.history.count() == 2  # the unchanged third save kept no version
    changes = narrative_history(record)
    assert [f.after for f in changes[-1].fields] == ["Second."]


@pytest.mark.parametrize(
    ("key", "text", "field"),
    [("no-such", "Words", "key"), ("summary", "x" * (MAX_LENGTH + 1), "text")],
)
def test_a_section_that_does_not_exist_or_is_too_long_is_refused(head, key, text, field):
    with pytest.raises(ValidationError) as refused:
        narrative_save(user=head, kind="annual", period=YEAR, key=key, text=text, now=NOW)
    assert field in refused.value.message_dict


def test_only_the_head_of_service_writes_the_narrative_or_comparators(users):
    for role in ("admin", "chair", "team_manager"):
        with pytest.raises(PermissionDenied):
            narrative_save(user=users[role], kind="annual", period=YEAR, key="summary",
                           text="x", now=NOW)  # fmt: skip
        with pytest.raises(PermissionDenied):
            benchmark_add(user=users[role], measure="stability.long_term", comparator="england",
                          year_end=date(2023, 3, 31), value=Decimal("68.0"), source="DfE",
                          today=TODAY, now=NOW)  # fmt: skip


def _add(head, **changes):
    values = {
        "measure": "stability.long_term",
        "comparator": "england",
        "year_end": date(2023, 3, 31),
        "value": Decimal("68.5"),
        "source": "DfE SFR",
    }
    return benchmark_add(user=head, **(values | changes), today=TODAY, now=NOW)  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"value": Decimal("100.1")}, "value"),
        ({"value": Decimal("-1")}, "value"),
        ({"value": Decimal("68.55")}, "value"),
        ({"value": Decimal("NaN")}, "value"),
        ({"source": "  "}, "source"),
        ({"measure": "lac.secret"}, "measure"),
        ({"comparator": "wales"}, "comparator"),
        ({"year_end": date(2023, 3, 30)}, "year_end"),  # not a month's end
        ({"year_end": date(2025, 3, 31)}, "year_end"),  # after today
    ],
)
def test_a_comparator_value_must_mean_something(head, changes, field):
    with pytest.raises(ValidationError) as refused:
        _add(head, **changes)
    assert field in refused.value.message_dict
    assert not Benchmark.objects.exists()


def test_a_comparator_is_entered_once_then_corrected_with_its_history(head):
    value = _add(head)
    with pytest.raises(ValidationError, match="already entered"):
        _add(head, value=Decimal("70.0"))
    benchmark_correct(user=head, benchmark=value, value=Decimal("58.6"), source="DfE SFR 2023",
                      reason="Typed 68.5 for 58.6", today=TODAY, now=NOW)  # fmt: skip
    assert [float(b.value) for b in benchmarks().values] == [58.6]
    assert list(value.history.values_list("value", flat=True).order_by("history_id")) == [
        Decimal("68.5"), Decimal("58.6"),
    ]  # fmt: skip
    with pytest.raises(ValidationError):
        benchmark_remove(user=head, benchmark=value, reason=" ")
    pk = value.pk
    benchmark_remove(user=head, benchmark=value, reason="Wrong year")
    assert not Benchmark.objects.exists()
    removed = Benchmark.history.filter(id=pk).latest()
    assert removed.history_type == "-"
    assert removed.history_change_reason == "Wrong year"


def _document(status="published", numbers=(5,)) -> ReportDocument:
    table = Table("t", "Table", ("", "2023-24"), (("Row", numbers),))
    return ReportDocument("annual", "Report", "Year", "Council", YEAR, TODAY,
                          (Section("s", "S", (table,)),), status=status)  # fmt: skip


def test_publishing_freezes_the_document_and_its_files_append_only(head):
    document = _document()
    report = report_publish(user=head, document=document,
                            files={("pdf", "full"): b"%PDF-1", ("pdf", "public"): b"%PDF-2"},
                            reason="", now=NOW)  # fmt: skip
    assert report.version == 1
    assert from_json(report.document) == document
    assert report.content_hash == content_hash(document)
    stored = PublishedFile.objects.get(report=report, format="pdf", edition="public")
    assert bytes(stored.content) == b"%PDF-2"
    assert len(stored.sha256) == 64
    with pytest.raises(AppendOnlyError):
        report.save()
    with pytest.raises(AppendOnlyError):
        report.delete()
    with pytest.raises(AppendOnlyError):
        stored.delete()


def test_a_second_version_needs_a_reason_and_keeps_the_first(head):
    report_publish(user=head, document=_document(), files={}, reason="", now=NOW)
    with pytest.raises(ValidationError, match="already published"):
        report_publish(user=head, document=_document(numbers=(6,)), files={}, reason="",
                       now=NOW)  # fmt: skip
    second = report_publish(user=head, document=_document(numbers=(6,)), files={},
                            reason="A late return", now=NOW)  # fmt: skip
    assert second.version == 2
    first = PublishedReport.objects.get(version=1)
    assert from_json(first.document).tables[0].rows == (("Row", (5,)),)


def test_only_a_published_full_edition_of_the_head_of_service_s_is_kept(head, users):
    with pytest.raises(ValueError, match="published"):
        report_publish(user=head, document=_document(status="draft"), files={}, reason="",
                       now=NOW)  # fmt: skip
    with pytest.raises(PermissionDenied):
        report_publish(user=users["admin"], document=_document(), files={}, reason="", now=NOW)
