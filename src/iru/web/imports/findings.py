"""What an import tells admin besides its counts and the files' problems (ADR 0018): the
children it leaves with overlapping episodes, and every next due date it moved.

The import service works both out inside its transaction and keeps them on the `ImportRun`
(`as_json`), so the result page and the history read the same lists back (`from_json`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from iru.web.schedule.selectors.due import KIND_LABELS, StoredDue


class StoredEpisode(Protocol):
    decom: date
    dec: date | None
    source_file: str
    source_row: int | None


@dataclass(frozen=True)
class EpisodeSeen:
    """An episode as the database holds it after the import, and where it was last read from.
    `in_import`: the import's own files have it (CHILD + DECOM); if not, an earlier import
    brought it and no later file replaced it (an import never deletes, ADR 0008)."""

    decom: date
    dec: date | None
    file: str
    row: int | None
    in_import: bool

    def as_json(self) -> dict[str, Any]:
        dec = self.dec.isoformat() if self.dec else None
        return {"decom": self.decom.isoformat(), "dec": dec, "file": self.file,
                "row": self.row, "in_import": self.in_import}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EpisodeSeen:
        dec = date.fromisoformat(data["dec"]) if data.get("dec") else None
        decom = date.fromisoformat(data["decom"])
        return cls(decom, dec, data.get("file") or "", data.get("row"), bool(data["in_import"]))


@dataclass(frozen=True)
class Overlap:
    """A child left with overlapping episodes (`iru.rules.periods.overlaps_previous`): every
    episode of an overlapping pair, in DECOM order."""

    child: str  # the LA's child ID (CHILD, LAchildID)
    child_pk: int
    episodes: tuple[EpisodeSeen, ...]

    def as_json(self) -> dict[str, Any]:
        episodes = [e.as_json() for e in self.episodes]
        return {"child": self.child, "child_pk": self.child_pk, "episodes": episodes}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Overlap:
        episodes = tuple(EpisodeSeen.from_json(e) for e in data["episodes"])
        return cls(data["child"], data["child_pk"], episodes)


def overlaps_of(
    pairs: Mapping[int, Iterable[tuple[StoredEpisode, StoredEpisode]]],
    *,
    child_ids: Mapping[int, str],
    in_import: set[tuple[str, date]],
) -> list[Overlap]:
    """`children.selectors.overlapping_episodes_of`'s pairs as overlaps, by child ID.

    `child_ids` maps a child's primary key to its LA child ID; `in_import` holds the (CHILD,
    DECOM) of every episode in the import's files.
    """
    found = []
    for pk, child_pairs in pairs.items():
        child = child_ids[pk]
        episodes = {e.decom: e for pair in child_pairs for e in pair}.values()  # one per DECOM
        seen = tuple(
            EpisodeSeen(e.decom, e.dec, e.source_file, e.source_row, (child, e.decom) in in_import)
            for e in sorted(episodes, key=lambda e: e.decom)
        )
        found.append(Overlap(child, pk, seen))
    return sorted(found, key=lambda o: o.child)


@dataclass(frozen=True)
class Due:
    """A next statutory meeting: its kind and last day."""

    kind: str
    due: date

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "due": self.due.isoformat()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Due | None:
        return cls(data["kind"], date.fromisoformat(data["due"])) if data else None


@dataclass(frozen=True)
class DueChange:
    """A child whose next due meeting the import changed; None: nothing was, or is, due."""

    child: str
    child_pk: int
    before: Due | None
    after: Due | None

    def as_json(self) -> dict[str, Any]:
        before = self.before.as_json() if self.before else None
        after = self.after.as_json() if self.after else None
        return {"child": self.child, "child_pk": self.child_pk, "before": before, "after": after}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DueChange:
        before, after = Due.from_json(data.get("before")), Due.from_json(data.get("after"))
        return cls(data["child"], data["child_pk"], before, after)


def due_changes(before: Mapping[int, StoredDue], after: Mapping[int, StoredDue]) -> list[DueChange]:
    """The children whose next meeting (kind or day) differs between two snapshots of the stored
    schedule (`schedule.selectors.due.stored_next_due`), soonest due after the import first
    (those with nothing due any more last), then by child ID."""
    changes = []
    for pk in before.keys() | after.keys():
        old, new = _due(before.get(pk)), _due(after.get(pk))
        if old != new:
            child = (after.get(pk) or before[pk]).la_child_id
            changes.append(DueChange(child, pk, old, new))
    return sorted(changes, key=lambda c: (c.after.due if c.after else date.max, c.child))


def _due(stored: StoredDue | None) -> Due | None:
    return Due(stored.kind, stored.due) if stored else None
