"""Publishing the annual report from its page: confirmed first, frozen with its files, and the
same bytes downloaded after the data has changed; a new version needs a reason."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from django.urls import reverse

from iru.reports.document import content_hash, from_json
from iru.web.audit.models import AccessEvent
from iru.web.imports.services.dataset import import_dataset
from iru.web.pages.reports import publish_views
from iru.web.reports.models import PublishedFile, PublishedReport
from tests.web.conftest import TODAY, small_dataset

pytestmark = [pytest.mark.django_db, pytest.mark.renders]

YEAR = "2024-03-31"
PUBLISH = reverse("reports:publish", args=[YEAR])


def _download(client, format: str, edition: str = "full") -> bytes:
    url = reverse("reports:published-download", args=[YEAR, 1, format, edition])
    response = client.get(url)
    assert response.status_code == 200
    return response.content


def test_a_published_report_is_downloaded_unchanged_after_the_data_changes(head_client):
    confirm = head_client.get(PUBLISH).content.decode()
    assert "Publish the report?" in confirm
    response = head_client.post(PUBLISH, {})
    assert response["Location"] == reverse("reports:published", args=[YEAR, 1])
    report = PublishedReport.objects.get()
    files = {(f.format, f.edition): bytes(f.content) for f in PublishedFile.objects.all()}
    assert set(files) == {(f, e) for f in ("html", "pdf", "docx", "xlsx", "csv")
                          for e in ("full", "public")}  # fmt: skip
    assert report.content_hash == content_hash(from_json(report.document))
    kept = {format: _download(head_client, format) for format in ("pdf", "docx", "xlsx")}

    # Later, a corrected return brings a third review of the year: the draft moves with it.
    later = small_dataset()
    third = later.reviews.head(1).with_columns(pl.lit(date(2023, 12, 1)).alias("REVIEW"))
    import_dataset(dataset=replace(later, reviews=pl.concat([later.reviews, third])), unit=None,
                   today=TODAY)  # fmt: skip
    draft = head_client.get(reverse("reports:annual", args=[YEAR])).context["document"]
    published = head_client.get(reverse("reports:published", args=[YEAR, 1]))
    frozen = published.context["document"]
    assert dict(draft.table("reviews-year").rows)["Reviews held"][0] == 3
    assert dict(frozen.table("reviews-year").rows)["Reviews held"][0] == 2
    assert report.content_hash in published.content.decode()
    for format, content in kept.items():
        again = _download(head_client, format)
        assert again == content
        stored = PublishedFile.objects.get(report=report, format=format, edition="full")
        assert stored.sha256 == hashlib.sha256(again).hexdigest()
    assert AccessEvent.objects.filter(action="download_annual_report").count() == 6


def test_a_second_version_needs_a_reason_and_keeps_the_first(head_client, monkeypatch):
    # The files are the test above's business: here, publishing's rules alone.
    monkeypatch.setattr(publish_views, "every_file", lambda document: {("pdf", "full"): b"%PDF"})
    head_client.post(PUBLISH, {})
    page = head_client.post(PUBLISH, {"reason": ""}).content.decode()
    assert "Enter why you are publishing a new version" in page
    assert PublishedReport.objects.count() == 1
    head_client.post(PUBLISH, {"reason": "A late return for March"})
    assert list(PublishedReport.objects.values_list("version", "reason").order_by("version")) == [
        (1, ""), (2, "A late return for March"),
    ]  # fmt: skip
    index = head_client.get(reverse("reports:index")).content.decode()
    assert "version 2" in index
