"""How a caseload is shown: against the IRO Handbook's range for the chair's full-time share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from iru.rules.caseloads import HANDBOOK_HIGH, HANDBOOK_LOW
from iru.web.core.presenters import status_tag_class
from iru.web.people.models import Staff

_TAGS = {
    "under": ("Under range", status_tag_class("under_range")),
    "within": ("Within range", status_tag_class("within_range")),
    "over": ("Over range", status_tag_class("over_range")),
    None: ("FTE not recorded", status_tag_class("not_recorded")),
}


@dataclass(frozen=True)
class Caseload:
    """A chair's (or the unit's) caseload against the Handbook's range weighted by FTE.

    The caseload is the number of children currently allocated, each once (a child both
    looked after and on a plan with the same chair counts once); the range is inclusive.
    """

    name: str
    role: str
    lac: int
    cp: int
    children: int
    fte: Decimal | None

    @property
    def low(self) -> Decimal | None:
        return None if not self.fte else self.fte * HANDBOOK_LOW

    @property
    def high(self) -> Decimal | None:
        return None if not self.fte else self.fte * HANDBOOK_HIGH

    @property
    def per_fte(self) -> Decimal | None:
        if not self.fte:
            return None
        return (Decimal(self.children) / self.fte).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def band(self) -> str | None:
        if self.low is None or self.high is None:
            return None
        if self.children < self.low:
            return "under"
        return "over" if self.children > self.high else "within"

    @property
    def tag(self) -> tuple[str, str]:
        return _TAGS[self.band]

    @property
    def fte_text(self) -> str:
        return "Not recorded" if self.fte is None else _number(self.fte)

    @property
    def range_text(self) -> str:
        if self.low is None or self.high is None:
            return "Not known"
        return f"{_number(self.low)} to {_number(self.high)}"


def caseload_rows(chairs: Iterable[Staff]) -> list[Caseload]:
    """One row per chair annotated by `selectors.chair_caseloads`."""
    return [
        Caseload(
            name=chair.full_name,
            role=chair.get_role_display(),
            lac=chair.lac,  # type: ignore[attr-defined]
            cp=chair.cp,  # type: ignore[attr-defined]
            children=chair.children,  # type: ignore[attr-defined]
            fte=chair.fte,
        )
        for chair in chairs
    ]


def caseload_total(rows: list[Caseload]) -> Caseload:
    """The unit's totals; the FTE is the sum of the recorded FTEs."""
    ftes = [row.fte for row in rows if row.fte]
    return Caseload(
        name="Total",
        role="",
        lac=sum(row.lac for row in rows),
        cp=sum(row.cp for row in rows),
        children=sum(row.children for row in rows),
        fte=sum(ftes, Decimal(0)) or None,
    )


def _number(value: Decimal) -> str:
    """40.00 as "40", 40.50 as "40.5"."""
    return f"{value.normalize():f}"
