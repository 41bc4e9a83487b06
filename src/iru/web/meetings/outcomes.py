"""A conference's outcome: its words for each kind of conference, which outcomes take a
category of abuse or end a plan, and what each will do to each child's plan, in words, for
the chair to check before it is saved (ADR 17, ADR 27).

An initial conference's outcomes are the seed's ("Initial CP Conference Outcomes"): the child
became subject to a plan, was not made subject to one, the category of the plan the child
was already on changed (a child transferred in, say), or the child died. A review
conference's say what became of the plan: it continues, it ends, its category changed, or it
ends because the child died.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from iru.web.children.models import Child, CpPlan
from iru.web.children.presenters import child_label, describe
from iru.web.children.selectors import is_on_a_plan, open_plan_of, plan_category
from iru.web.core.presenters import long_date
from iru.web.meetings.models import Meeting

Kind, Outcome = Meeting.Kind, Meeting.Outcome

LABELS: dict[str, dict[str, str]] = {
    Kind.ICPC: {
        Outcome.PLAN: "Child protection plan",
        Outcome.NO_PLAN: "No plan",
        Outcome.CHANGE_OF_CATEGORY: "Change of category",
        Outcome.CHILD_DIED: "Child died",
    },
    Kind.RCPC: {
        Outcome.PLAN: "The plan continues",
        Outcome.NO_PLAN: "The plan ends",
        Outcome.CHANGE_OF_CATEGORY: "Change of category",
        Outcome.CHILD_DIED: "Child died",
    },
}


def outcome_choices(kind: str) -> list[tuple[str, str]]:
    """The outcomes a conference of `kind` may record, in words; none for a LAC review."""
    return list(LABELS.get(kind, {}).items())


def outcome_label(kind: str, outcome: str) -> str:
    """The outcome in the words of its kind of conference; "" for none (a LAC review, or a
    conference from the unit's files that did not say); an unknown code as it is."""
    return LABELS.get(kind, {}).get(outcome, outcome)


def takes_category(kind: str, outcome: str) -> bool:
    """A category of abuse means something for a new plan and for a change of category."""
    return outcome == Outcome.CHANGE_OF_CATEGORY or (kind == Kind.ICPC and outcome == Outcome.PLAN)


def ends_plan(kind: str, outcome: str) -> bool:
    """The plan the child is on ends: a review conference ended it, or the child died."""
    return outcome == Outcome.CHILD_DIED or (kind == Kind.RCPC and outcome == Outcome.NO_PLAN)


def is_checked_first(kind: str, outcome: str) -> bool:
    """An outcome that ends a plan, changes its category or says the child died is shown on
    "Check before you save" first: a mistake there ends something."""
    return ends_plan(kind, outcome) or outcome == Outcome.CHANGE_OF_CATEGORY


def not_on_a_plan(children: Sequence[Child], held: date) -> str:
    """Why a change of category at an initial conference on `held` is refused, naming each
    child on no plan that day; "" when every child is on one."""
    names = [child_label(child) for child in children if not is_on_a_plan(child, on=held)]
    if not names:
        return ""
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    was = "was" if len(names) == 1 else "were"
    return (
        f"{who} {was} not subject to a plan on {long_date(held)}: change of category is only "
        "for a child already subject to a plan"
    )


def outcome_effects(
    kind: str, outcome: str, category: str, children: Sequence[Child], held: date
) -> list[tuple[str, str]]:
    """What the outcome will do to each child's record, child by child: (the child, what it
    does), for an outcome checked first; [] for any other."""
    if not is_checked_first(kind, outcome):
        return []
    effects = []
    for child in children:
        plan = open_plan_of(child, on=held)
        effect = _effect(outcome, category, plan, held)
        if effect:
            effects.append((child_label(child), effect))
    return effects


def _effect(outcome: str, category: str, plan: CpPlan | None, held: date) -> str:
    if plan is None:
        return "Child died: no plan starts" if outcome == Outcome.CHILD_DIED else ""
    started = f"the plan that started on {long_date(plan.start)}"
    if outcome == Outcome.CHILD_DIED:
        return f"Child died: {started} ends"
    if outcome != Outcome.CHANGE_OF_CATEGORY:
        return f"{started[0].upper()}{started[1:]} ends"
    new, now = describe("CategoryOfAbuse", category, held), plan_category(plan)
    if category == now:
        return f"Change of category: {started} is already under {new}, so nothing changes"
    before = describe("CategoryOfAbuse", now, held) if now else "no category recorded"
    return f"Change of category: {started} changes from {before} to {new}"
