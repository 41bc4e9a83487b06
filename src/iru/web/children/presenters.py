"""How a child and their records are shown: name, age, status tags, chair, episodes with the
DfE's descriptions of their codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iru.rules.codes.registry import code_list
from iru.rules.months import age_on
from iru.rules.periods import SHORT_BREAKS
from iru.rules.years import collection_year
from iru.web.children.models import Child, Episode
from iru.web.core.presenters import status_tag_class

NOT_NAMED = "Name not recorded"


def child_name(child: Child) -> str:
    """The child's name as staff recorded it, or a plain "Name not recorded"."""
    return f"{child.given_name} {child.family_name}".strip() or NOT_NAMED


def child_label(child: Child) -> str:
    """Name and LA child ID, for choosing among children: "Kit Birch (A1)"."""
    return f"{child_name(child)} ({child.la_child_id})"


@dataclass(frozen=True)
class ChildPresenter:
    """A child annotated by `children.selectors.with_status` (and, for the chair, prefetched
    by `caseloads.scope.with_current_allocations`), ready for a template."""

    child: Child
    today: date

    @property
    def name(self) -> str:
        return child_name(self.child)

    @property
    def dob(self) -> date | None:
        record = getattr(self.child, "cin_record", None) if self.child.dob is None else None
        return self.child.dob or (record.birth_date if record else None)

    @property
    def age(self) -> str:
        """Completed years today (FIGURES.md: a 29 February birthday falls on 28 February)."""
        dob = self.dob
        if dob is None or dob > self.today:
            return "Not known"
        return str(age_on(dob, self.today))

    @property
    def statuses(self) -> list[tuple[str, str]]:
        """(text, GOV.UK tag colour class) for each status the child has today."""
        tags = []
        if getattr(self.child, "looked_after", False):
            tags.append(("Looked after", status_tag_class("looked_after")))
        if getattr(self.child, "on_plan", False):
            tags.append(("On a plan", status_tag_class("on_plan")))
        return tags or [("Not open", status_tag_class("not_open"))]

    @property
    def chair(self) -> str:
        chairs = [a.chair.full_name for a in getattr(self.child, "current", []) if a.chair]
        return ", ".join(dict.fromkeys(chairs)) or "Not allocated"


def describe(list_name: str, code: str | None, day: date) -> str:
    """`code` with its DfE description in `day`'s collection year ("U3: Foster placement...")."""
    if not code:
        return ""
    description = code_list(list_name, collection_year(day)).description(code)
    return f"{code}: {description}" if description else code


@dataclass(frozen=True)
class EpisodeRow:
    """An episode of care with its codes described."""

    episode: Episode

    @property
    def legal_status(self) -> str:
        return describe("LS", self.episode.ls, self.episode.decom)

    @property
    def placement(self) -> str:
        return describe("PLACE", self.episode.place, self.episode.decom)

    @property
    def reason_ended(self) -> str:
        return describe("REC", self.episode.rec, self.episode.dec or self.episode.decom)

    @property
    def short_break(self) -> bool:
        return (self.episode.ls or "").strip().upper() in SHORT_BREAKS
