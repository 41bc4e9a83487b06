"""How a child is shown: name, age, status tags, chair."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iru.web.children.models import Child


def age_on(dob: date | None, today: date) -> int | None:
    if dob is None:
        return None
    return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))


@dataclass(frozen=True)
class ChildPresenter:
    """A child annotated by `selectors.with_status`, ready for a template."""

    child: Child
    today: date

    @property
    def name(self) -> str:
        full = f"{self.child.given_name} {self.child.family_name}".strip()
        return full or "Name not recorded"

    @property
    def dob(self) -> date | None:
        record = getattr(self.child, "cin_record", None) if self.child.dob is None else None
        return self.child.dob or (record.birth_date if record else None)

    @property
    def age(self) -> str:
        years = age_on(self.dob, self.today)
        return "Not known" if years is None else str(years)

    @property
    def statuses(self) -> list[tuple[str, str]]:
        """(text, GOV.UK tag colour class) for each status the child has today."""
        tags = []
        if getattr(self.child, "looked_after", False):
            tags.append(("Looked after", "govuk-tag--blue"))
        if getattr(self.child, "on_plan", False):
            tags.append(("On a plan", "govuk-tag--purple"))
        return tags or [("Not open", "govuk-tag--grey")]

    @property
    def chair(self) -> str:
        chairs = [a.chair.full_name for a in getattr(self.child, "current", []) if a.chair]
        return ", ".join(dict.fromkeys(chairs)) or "Not allocated"
