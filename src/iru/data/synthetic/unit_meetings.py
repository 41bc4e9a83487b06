"""The unit's meetings (matching the SSDA903 reviews and CIN conferences), RAG ratings, team
managers' responses, escalations and the chairs' oversight notes.

RAG ratings begin on 1 November 2015, when the seed's dispute resolution process began; early on
many cases are red, fewer as practice improves. Most team managers respond within 5 working days,
some late, a few not at all; a red rating left without an adequate response may be escalated
stage by stage (Cafcass referrals are rare).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from iru.data.synthetic.calendar import Day, WorkingDays, ordinal, years_old
from iru.data.synthetic.model import Child, Conference
from iru.data.synthetic.unit_allocations import Allocator
from iru.data.synthetic.unit_booklets import booklet
from iru.data.synthetic.unit_staff import Staff, Team

RAG_FROM = ordinal(2015, 11, 1)
# Share red and amber at the start of the process and, after IMPROVE_DAYS, at their best.
RED_AMBER = {"lac": ((0.40, 0.20), (0.10, 0.25)), "cp": ((0.25, 0.25), (0.08, 0.22))}
IMPROVE_DAYS = 3 * 365
RESPONSE = {"on_time": 0.72, "late": 0.21}  # the rest: no response
ESCALATE = {"unanswered": 0.45, "late": 0.15, "answered": 0.02}
NEXT_STAGE = 0.35
CAFCASS_AT_STAGE_4 = 0.15
NOTE_TEXTS = (
    "Spoke with the social worker about progress on the plan; actions on track.",
    "Visited the child at placement; the child's views noted for the next review.",
    "Chased the outstanding assessment with the team manager.",
    "Checked the case file: plan and chronology up to date.",
    "Discussed contact arrangements with the carer.",
    "Reviewed the minutes and recommendations; no drift identified.",
    "Raised concern about delay with the team manager; to follow up in two weeks.",
    "Consultation booklet returned; the child would like to attend the next meeting.",
)
RESPONSES = (
    "Actions agreed with the social worker; will update by the next review.",
    "Assessment now allocated and due to complete within 20 working days.",
    "Accepted; legal planning meeting booked.",
    "Visits brought up to date; frequency to be monitored in supervision.",
    "Noted; placement support meeting arranged.",
)
COMMENTS = {
    "red": "Serious concerns: please respond within 5 working days.",
    "amber": "Some concerns: please confirm the actions and timescales.",
    "green": "Good progress; thank you to the team.",
}


@dataclass(slots=True)
class Meeting:
    id: str
    kind: str
    date: Day
    chair_id: str
    child_ids: list[str]
    attendees: list[str]
    reports_shared: bool
    outcome: str = ""
    category: str = ""
    team_ids: list[str] = field(default_factory=list)  # each child's team, for the RAG rating


@dataclass(slots=True)
class UnitRecords:
    meetings: list[Meeting] = field(default_factory=list)
    participation: list[tuple[str, str, str, str]] = field(default_factory=list)
    ratings: list[list[str]] = field(default_factory=list)
    escalations: list[list[str]] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)


class Recorder:
    def __init__(
        self, rng: random.Random, wd: WorkingDays, today: Day, allocator: Allocator
    ) -> None:
        self.rng, self.wd, self.today = rng, wd, today
        self.allocator = allocator
        self.records = UnitRecords()

    def lac_reviews(self, child: Child, window: Day) -> None:
        for period in child.periods:
            for review in period.reviews:
                if review.date < window:
                    continue
                allocation = self.allocator.at(child.id, "lac", review.date)
                if allocation is None:
                    continue
                age = years_old(child.dob, review.date)
                meeting = self._meeting("lac_review", review.date, allocation.chair_id, [child.id])
                meeting.attendees = self._lac_attendees(review.code, age)
                meeting.team_ids = [allocation.team_id]
                sent = booklet(self.rng, "lac", age, review.code, review.date)
                self.records.participation.append((meeting.id, child.id, review.code, sent))

    def conference(self, conference: Conference, chair: Staff, team: Team, ages: list[int]) -> None:
        """A conference, and a participation row (no PN code, a booklet) for each child."""
        meeting = self._meeting(conference.kind, conference.date, chair.id, conference.child_ids)
        meeting.outcome, meeting.category = conference.outcome, conference.category
        meeting.attendees = self._cp_attendees(conference.kind, max(ages))
        meeting.team_ids = [team.id] * len(conference.child_ids)
        for child_id, age in zip(conference.child_ids, ages, strict=True):
            sent = booklet(self.rng, "cp", age, "", conference.date)
            self.records.participation.append((meeting.id, child_id, "", sent))

    def _meeting(self, kind: str, day: Day, chair_id: str, child_ids: list[str]) -> Meeting:
        shared = self.rng.random() < (0.7 if day < RAG_FROM else 0.88)
        meeting_id = f"M{len(self.records.meetings) + 1:07d}"
        meeting = Meeting(meeting_id, kind, day, chair_id, list(child_ids), [], shared)
        self.records.meetings.append(meeting)
        return meeting

    def _lac_attendees(self, code: str, age: int) -> list[str]:
        rng = self.rng
        present = ["child"] if code in {"PN1", "PN2", "PN3", "PN4"} else []
        present += [
            role for role, share in (("parent", 0.45), ("carer", 0.9)) if rng.random() < share
        ]
        present += ["social_worker"] if rng.random() < 0.95 else []
        present += ["advocate"] if code in {"PN2", "PN5"} else []
        present += ["health"] if rng.random() < 0.15 else []
        present += ["school"] if 5 <= age < 16 and rng.random() < 0.35 else []
        return present

    def _cp_attendees(self, kind: str, oldest: int) -> list[str]:
        rng = self.rng
        present = ["child"] if oldest >= 12 and rng.random() < 0.3 else []
        present += ["parent"] if rng.random() < 0.9 else []
        present += ["social_worker"]
        present += ["health"] if rng.random() < 0.8 else []
        present += ["school"] if rng.random() < 0.6 else []
        present += ["police"] if rng.random() < (0.7 if kind == "icpc" else 0.25) else []
        return present
