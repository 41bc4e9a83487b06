"""The dispute resolution process (IRO Handbook ch. 6), stage by stage up the management line.

Stage 1 is informal, with the team manager; stages 2-4 go to the service manager, the head of
service and the director. Each stage's response is due by `dispute_stage_response_due` (never
after the whole process's 20-working-day deadline, `dispute_resolution_deadline`). A referral
to Cafcass can be made at any stage. Every change is dated and kept in `EscalationStage`.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from iru.rules.timescales import dispute_resolution_deadline, dispute_stage_response_due
from iru.web.audit.services import ALLOWED, access_event_record
from iru.web.caseloads.scope import require_in_scope
from iru.web.caseloads.selectors import responsible_team_manager
from iru.web.children.models import Child
from iru.web.disputes.models import Escalation, EscalationStage
from iru.web.people.access import chair_staff
from iru.web.people.models import Staff, User

LAST_STAGE = Escalation.Stage.DIRECTOR


def escalation_deadline(escalation: Escalation) -> date:
    """The last day for the whole dispute to be resolved."""
    return dispute_resolution_deadline(escalation.raised)


def _log(user: User, action: str, child: Child) -> None:
    access_event_record(user=user, action=action, outcome=ALLOWED, child=child)


def _open(user: User, escalation: Escalation, today: date) -> Staff:
    require_in_scope(user, [escalation.child], today=today)
    staff = chair_staff(user)
    if escalation.resolved is not None:
        raise ValidationError({"__all__": "This escalation has been resolved"})
    return staff


def _start_stage(escalation: Escalation, stage: int, by: Staff, addressed_to: Staff | None,
                 today: date, *, to: str = "") -> EscalationStage:  # fmt: skip
    due = dispute_stage_response_due(today, escalation.raised)
    escalation.stage, escalation.stage_due = stage, due
    escalation.save(update_fields=["stage", "stage_due"])
    return EscalationStage.objects.create(
        escalation=escalation, stage=stage, addressed_to=addressed_to, started_by=by,
        started=today, due=due, addressed_to_name=to,
    )  # fmt: skip


def _end_stage(escalation: Escalation, response: str, today: date) -> None:
    # The stage's response may already hold the team manager's answer (services.responses):
    # the chair's closing note fills it only when it is empty, never overwrites it.
    current = escalation.stages.filter(stage=escalation.stage, ended__isnull=True)
    if response.strip():
        current.filter(response="").update(response=response.strip())
    current.update(ended=today)


@transaction.atomic
def escalation_raise(*, user: User, child: Child, summary: str, today: date) -> Escalation:
    """Raise a dispute at stage 1, informally with the child's team manager."""
    require_in_scope(user, [child], today=today)
    chair = chair_staff(user)
    if not summary.strip():
        raise ValidationError({"summary": "Enter what the dispute is about"})
    escalation = Escalation.objects.create(
        child=child, raised_by=chair, raised=today, summary=summary.strip()
    )
    manager = responsible_team_manager(child, kind="lac", today=today)
    _start_stage(escalation, Escalation.Stage.INFORMAL, chair, manager, today)
    _log(user, "escalation_raise", child)
    return escalation


@transaction.atomic
def escalation_advance(
    *, user: User, escalation: Escalation, response: str = "", to: str = "", today: date
) -> Escalation:
    """Close the current stage (with the response it got, if any) and move up a stage, to the
    person `to` names ("Sam Lee, service manager")."""
    chair = _open(user, escalation, today)
    if escalation.stage >= LAST_STAGE:
        raise ValidationError({"__all__": "Stage 4 (director) is the last stage"})
    if not to.strip():
        raise ValidationError({"to": "Enter who the escalation is going to"})
    _end_stage(escalation, response, today)
    _start_stage(escalation, escalation.stage + 1, chair, None, today, to=to.strip())
    _log(user, "escalation_advance", escalation.child)
    return escalation


@transaction.atomic
def escalation_resolve(
    *, user: User, escalation: Escalation, outcome: str, today: date
) -> Escalation:
    """Record how the dispute was resolved, closing its current stage."""
    _open(user, escalation, today)
    if not outcome.strip():
        raise ValidationError({"outcome": "Enter how the dispute was resolved"})
    _end_stage(escalation, outcome, today)
    escalation.resolved, escalation.outcome = today, outcome.strip()
    escalation.save(update_fields=["resolved", "outcome"])
    _log(user, "escalation_resolve", escalation.child)
    return escalation


@transaction.atomic
def escalation_refer_to_cafcass(*, user: User, escalation: Escalation, today: date) -> Escalation:
    """Mark the dispute referred to Cafcass (possible at any stage, once)."""
    _open(user, escalation, today)
    if escalation.cafcass_referral:
        raise ValidationError({"__all__": "This escalation has already been referred to Cafcass"})
    escalation.cafcass_referral, escalation.cafcass_referred = True, today
    escalation.save(update_fields=["cafcass_referral", "cafcass_referred"])
    _log(user, "escalation_refer_to_cafcass", escalation.child)
    return escalation
