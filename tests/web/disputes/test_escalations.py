"""Escalations up the stages of the dispute resolution process."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from iru.rules.timescales import (
    dispute_resolution_deadline,
    dispute_stage_response_due,
)
from iru.web.disputes.models import EscalationStage
from iru.web.disputes.services import escalations
from iru.web.people.models import Staff
from tests.web.conftest import TODAY, d

pytestmark = pytest.mark.django_db


HELD = d("2024-05-30")


def test_an_escalation_moves_up_the_stages_within_20_working_days(chair, a1):
    raised = escalations.escalation_raise(user=chair, child=a1, summary="Drift", today=TODAY)
    first = EscalationStage.objects.get(escalation=raised)
    assert first.addressed_to == Staff.objects.get(external_id="S3")
    assert first.due == raised.stage_due == dispute_stage_response_due(TODAY, TODAY)
    later = d("2024-06-27")
    with pytest.raises(ValidationError, match="who the escalation is going to"):
        escalations.escalation_advance(user=chair, escalation=raised, today=later)
    for stage in (2, 3, 4):
        escalations.escalation_advance(
            user=chair, escalation=raised, response="No", to=f"Manager {stage}", today=later
        )
        assert raised.stage == stage
    assert raised.stage_due == dispute_resolution_deadline(TODAY)  # capped at 20 working days
    assert raised.stage_due < dispute_stage_response_due(later, later)
    with pytest.raises(ValidationError):
        escalations.escalation_advance(user=chair, escalation=raised, to="Anyone", today=later)
    escalations.escalation_refer_to_cafcass(user=chair, escalation=raised, today=later)
    escalations.escalation_resolve(user=chair, escalation=raised, outcome="Agreed", today=later)
    stages = list(raised.stages.all())
    assert [s.stage for s in stages] == [1, 2, 3, 4]
    assert [s.addressed_to_name for s in stages] == ["", "Manager 2", "Manager 3", "Manager 4"]
    assert all(s.ended == later for s in stages)
    assert stages[-1].response == "Agreed"
    assert raised.cafcass_referral
    assert raised.resolved == later
    with pytest.raises(ValidationError):
        escalations.escalation_refer_to_cafcass(user=chair, escalation=raised, today=later)
