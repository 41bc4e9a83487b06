"""RAG ratings after each meeting, team managers' responses, escalations, oversight notes."""

from __future__ import annotations

import random
from datetime import date
from functools import cache

from iru.data.synthetic.calendar import Day, WorkingDays, iso
from iru.data.synthetic.unit_meetings import (
    CAFCASS_AT_STAGE_4,
    COMMENTS,
    ESCALATE,
    IMPROVE_DAYS,
    NEXT_STAGE,
    NOTE_TEXTS,
    RAG_FROM,
    RED_AMBER,
    RESPONSE,
    RESPONSES,
    Meeting,
    UnitRecords,
)
from iru.data.synthetic.unit_staff import Allocation, Unit
from iru.rules.rag import reasons_for
from iru.rules.timescales import (
    RAG_RESPONSE_WORKING_DAYS,
    dispute_stage_response_due,
    rag_response_due,
)

# Working days after a meeting that its RAG form is sent; between dispute stages.
FORM_SENT_WORKING_DAYS, STAGE_GAP_WORKING_DAYS = (1, 3), (3, 5)
# A rating still unanswered this many working days after its response was due is chased (a
# choice of the generator, not a timescale).
CHASED_AFTER_WORKING_DAYS = 20


class RagProcess:
    def __init__(
        self, rng: random.Random, wd: WorkingDays, today: Day, unit: Unit, records: UnitRecords
    ) -> None:
        self.rng, self.wd, self.today, self.unit, self.records = rng, wd, today, unit, records
        self._reasons = {
            (kind, rating): [r.code for r in reasons_for(kind, rating)]
            for kind in ("lac", "cp")
            for rating in ("red", "amber", "green")
        }

    def rate(self, meeting: Meeting) -> None:
        if meeting.date < RAG_FROM or meeting.outcome == "child_died":
            return
        kind = "lac" if meeting.kind == "lac_review" else "cp"
        sent = self.wd.add(meeting.date, self.rng.randint(*FORM_SENT_WORKING_DAYS))
        if sent > self.today:
            return
        for child_id, team_id in zip(meeting.child_ids, meeting.team_ids, strict=True):
            self._rating(meeting, kind, child_id, team_id, sent)

    def _rating(self, meeting: Meeting, kind: str, child_id: str, team_id: str, sent: Day) -> None:
        rng = self.rng
        rating = self._colour(kind, meeting.date)
        codes = self._reasons[(kind, rating)]
        reasons = rng.sample(codes, min(len(codes), rng.randint(1, 3 if rating != "green" else 4)))
        manager = self.unit.manager_of(team_id)
        rating_id = f"R{len(self.records.ratings) + 1:07d}"
        due = _rag_response_due(sent, rating)
        responded = None
        response = ""
        if due is not None:
            roll = rng.random()
            if roll < RESPONSE["on_time"]:
                responded = self.wd.add(sent, rng.randint(1, RAG_RESPONSE_WORKING_DAYS))
            elif roll < RESPONSE["on_time"] + RESPONSE["late"]:
                responded = self.wd.add(due, rng.randint(1, 15))
            if responded is None and self.wd.add(due, CHASED_AFTER_WORKING_DAYS) < self.today:
                # Left unanswered, a rating is chased: the answer comes, very late (16-40
                # working days after the deadline), so only recent ones are still open.
                responded = self.wd.add(due, 16 + len(self.records.ratings) % 25)
            if responded is not None and responded > self.today:
                responded = None
            response = rng.choice(RESPONSES) if responded is not None else ""
        self.records.ratings.append([
            rating_id, meeting.id, child_id, rating, ";".join(sorted(reasons)), COMMENTS[rating],
            manager.id, iso(sent), _day(due), _day(responded), response,
        ])  # fmt: skip
        if rating == "red" and due is not None:
            self._maybe_escalate(child_id, meeting.chair_id, due, responded)

    def _colour(self, kind: str, day: Day) -> str:
        (red0, amber0), (red1, amber1) = RED_AMBER[kind]
        progress = min(1.0, (day - RAG_FROM) / IMPROVE_DAYS)
        red = red0 + (red1 - red0) * progress
        amber = amber0 + (amber1 - amber0) * progress
        roll = self.rng.random()
        return "red" if roll < red else "amber" if roll < red + amber else "green"

    def _maybe_escalate(
        self, child_id: str, chair_id: str, due: Day, responded: Day | None
    ) -> None:
        rng = self.rng
        state = "unanswered" if responded is None else "late" if responded > due else "answered"
        if rng.random() >= ESCALATE[state]:
            return
        raised = self.wd.add(responded if responded is not None else due, rng.randint(1, 3))
        if raised > self.today:
            return
        starts = [raised]
        while len(starts) < 4 and rng.random() < NEXT_STAGE:
            starts.append(self.wd.add(starts[-1], rng.randint(*STAGE_GAP_WORKING_DAYS)))
        reached = [day for day in starts if day <= self.today]
        stage, stage_start = len(reached), reached[-1]
        resolved: Day | None = self.wd.add(starts[-1], rng.randint(1, 5))
        if stage < len(starts) or (resolved is not None and resolved > self.today):
            resolved = None
        cafcass = stage == 4 and rng.random() < CAFCASS_AT_STAGE_4
        outcome = f"Resolved at stage {stage}" if resolved is not None else ""
        if cafcass:
            outcome = "Referred to Cafcass"
        escalation_id = f"E{len(self.records.escalations) + 1:06d}"
        self.records.escalations.append([
            escalation_id, child_id, chair_id, iso(raised), str(stage),
            iso(_stage_response_due(stage_start, raised)), _day(resolved), outcome,
            "true" if cafcass else "false",
            "Red RAG rating without an adequate response from the team manager.",
        ])  # fmt: skip

    def notes(self, allocation: Allocation) -> None:
        """The chair's oversight notes between meetings, from the start of the RAG process."""
        rng = self.rng
        end = min(allocation.end if allocation.end is not None else self.today, self.today)
        day = max(allocation.start, RAG_FROM) + rng.randint(20, 90)
        while day <= end:
            note_id = f"N{len(self.records.notes) + 1:07d}"
            self.records.notes.append([
                note_id, allocation.child_id, allocation.chair_id, iso(day), rng.choice(NOTE_TEXTS),
            ])  # fmt: skip
            day += rng.randint(45, 120)


def _day(day: Day | None) -> str:
    return iso(day) if day is not None else ""


@cache
def _rag_response_due(sent: Day, rating: str) -> Day | None:
    due = rag_response_due(date.fromordinal(sent), rating)
    return due.toordinal() if due is not None else None


def _stage_response_due(stage_start: Day, raised: Day) -> Day:
    due = dispute_stage_response_due(date.fromordinal(stage_start), date.fromordinal(raised))
    return due.toordinal()
