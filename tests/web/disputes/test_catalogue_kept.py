"""A later import must not undo the unit's edits to its RAG reason catalogue."""

import pytest

from iru.web.disputes.models import RagReason
from iru.web.disputes.services.ratings import rag_reasons_sync

pytestmark = pytest.mark.django_db


def test_sync_adds_missing_reasons_and_keeps_the_units_edits():
    rag_reasons_sync()
    reason = RagReason.objects.order_by("code").first()
    reason.text = "Our own wording"
    reason.in_catalogue = False
    reason.save()
    RagReason.objects.filter(code__endswith="-02").delete()  # never used by a rating here
    added = rag_reasons_sync()
    reason.refresh_from_db()
    assert reason.text == "Our own wording"
    assert reason.in_catalogue is False
    assert added == RagReason.objects.filter(code__endswith="-02").count() > 0
