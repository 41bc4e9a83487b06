"""Publishing a report: freezing it as it is today, with its content hash and the files made
from it, so that it can be downloaded again unchanged a year later whatever is imported since.

A published report is never changed or deleted (the models refuse it). Publishing again makes
a new version, which needs a reason; every version stays downloadable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from iru.reports.document import ReportDocument, content_hash, to_json
from iru.web.people.models import User
from iru.web.reports.models import PublishedFile, PublishedReport

Files = Mapping[tuple[str, str], bytes]  # (format, edition) -> the file's bytes


@transaction.atomic
def report_publish(
    *, user: User, document: ReportDocument, files: Files, reason: str, now: datetime
) -> PublishedReport:
    """Keep `document` (the full edition, marked published) and its files as a new version."""
    if user.role != User.Role.HEAD_OF_SERVICE:
        raise PermissionDenied("Only the Head of Service publishes reports")
    if document.status != "published" or document.edition != "full":
        raise ValueError("publish the full edition, marked published")
    latest = (
        PublishedReport.objects.select_for_update()
        .filter(kind=document.kind, period=document.period)
        .aggregate(version=Max("version"))["version"]
    )
    if latest is not None and not reason.strip():
        raise ValidationError(
            {"reason": f"Version {latest} is already published: enter why you are publishing "
                       "a new version"}
        )  # fmt: skip
    report = PublishedReport.objects.create(
        kind=document.kind, period=document.period, version=(latest or 0) + 1,
        document=to_json(document), content_hash=content_hash(document),
        reason=reason.strip() if latest is not None else "", published_by=user,
        published_at=now,
    )  # fmt: skip
    PublishedFile.objects.bulk_create(
        PublishedFile(report=report, format=format, edition=edition, content=content,
                      sha256=hashlib.sha256(content).hexdigest())
        for (format, edition), content in sorted(files.items())
    )  # fmt: skip
    return report
