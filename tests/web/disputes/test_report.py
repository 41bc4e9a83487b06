"""The monthly RAG report's reads: the ratings frame scoped to each role, the escalations open
on a day by the stage reached then, and the names the report shows.

Over tests/web/conftest.py: A1 (team T1, chair S1 Iris Reed), B2 (team T2, chair S2), C3 (team
T1, allocation ended in 2021); R1 is a red rating of A1 after M1 (25 April 2023).
"""

from __future__ import annotations

from datetime import date

import pytest

from iru.web.caseloads.models import Allocation
from iru.web.children.models import Child
from iru.web.disputes.models import Escalation, EscalationStage, RagRating, RagReason
from iru.web.disputes.selectors.report import (
    open_escalations_by_stage,
    rag_first_day,
    rag_frame,
    reason_wordings,
    team_manager_names,
)
from iru.web.meetings.models import Meeting
from iru.web.people.models import Staff, Team
from tests.web.conftest import TODAY

pytestmark = pytest.mark.django_db


def staff(external_id: str) -> Staff:
    return Staff.objects.get(external_id=external_id)


def child(la_id: str) -> Child:
    return Child.objects.get(la_child_id=la_id)


def rate(la_id: str, *, kind: str | None, day: date, colour: str = "red", codes=(), **more):
    meeting = None
    if kind:
        meeting = Meeting.objects.create(kind=kind, date=day, chair=staff("S1"))
    made = RagRating.objects.create(meeting=meeting, child=child(la_id), rating=colour, **more)
    made.reasons.add(*RagReason.objects.filter(code__in=codes))
    return made


def ids(frame) -> set[int]:
    return set(frame["rating_id"].to_list())


def move(la_id: str, *, on: date, chair: str | None = None, team: str | None = None) -> None:
    """End the child's current allocation on `on` and start another (another chair or team)."""
    current = Allocation.objects.get(child__la_child_id=la_id, end__isnull=True)
    Allocation.objects.filter(pk=current.pk).update(end=on)
    Allocation.objects.create(
        child=current.child, kind=current.kind, start=on,
        chair=staff(chair) if chair else current.chair,
        team=Team.objects.get(external_id=team) if team else current.team,
    )  # fmt: skip


@pytest.fixture
def ratings(imported):
    return {
        "a1": rate("A1", kind="lac_review", day=date(2024, 5, 2), team_manager=staff("S3")),
        "b2": rate("B2", kind="rcpc", day=date(2024, 5, 3), team_manager=staff("S4")),
        "c3": rate("C3", kind="lac_review", day=date(2024, 5, 4)),
    }


def test_each_role_sees_its_children_s_ratings(users, ratings):
    r1 = RagRating.objects.get(external_id="R1").pk
    a1, b2, c3 = ratings["a1"].pk, ratings["b2"].pk, ratings["c3"].pk
    assert ids(rag_frame(users["head"], today=TODAY)) == {r1, a1, b2, c3}
    assert ids(rag_frame(users["admin"], today=TODAY)) == {r1, a1, b2, c3}
    assert ids(rag_frame(users["chair"], today=TODAY)) == {r1, a1}
    assert ids(rag_frame(users["tm_a"], today=TODAY)) == {r1, a1}
    assert ids(rag_frame(users["tm_b"], today=TODAY)) == {b2}


def test_a_child_moved_to_another_team_leaves_the_team_manager_s_report(users, ratings):
    move("B2", on=date(2024, 5, 20), team="T1")
    # The rating went to Tom Oak (T2), but B2 is T1's now: it counts for T1 only.
    assert ids(rag_frame(users["tm_b"], today=TODAY)) == set()
    assert ratings["b2"].pk in ids(rag_frame(users["tm_a"], today=TODAY))
    # Before the move, on 19 May, it was T2's.
    assert ids(rag_frame(users["tm_b"], today=date(2024, 5, 19))) == {ratings["b2"].pk}


def test_a_child_moved_to_another_chair_leaves_the_chair_s_report(users, ratings):
    move("A1", on=date(2024, 6, 1), chair="S2")
    assert ids(rag_frame(users["chair"], today=TODAY)) == set()
    assert ratings["a1"].pk in ids(rag_frame(users["head"], today=TODAY))


def test_the_frame_s_day_type_reasons_and_default_deadline(users, imported):
    meeting_rating = rate(
        "A1", kind="icpc", day=date(2024, 2, 29), codes=["CP-R-01", "CP-R-02"],
        sent=date(2024, 3, 1), cancelled_on=date(2024, 3, 2), cancel_reason="Wrong child",
    )  # fmt: skip
    # No meeting: its day is the day sent, its type its reasons', its deadline the default
    # (Fri 1 March 2024 + 5 working days = Fri 8 March).
    loose = rate("A1", kind=None, day=date(2024, 3, 1), colour="amber", codes=["LAC-A-01"],
                 sent=date(2024, 3, 1))  # fmt: skip
    bare = rate("A1", kind=None, day=date(2024, 3, 1), colour="green", sent=date(2024, 3, 4))
    frame = rag_frame(users["head"], today=TODAY)
    rows = {row["rating_id"]: row for row in frame.iter_rows(named=True)}
    first = rows[meeting_rating.pk]
    assert (first["day"], first["meeting_type"], first["cancelled"]) == (
        date(2024, 2, 29), "cp", True
    )  # fmt: skip
    assert sorted(first["reasons"]) == ["CP-R-01", "CP-R-02"]
    second = rows[loose.pk]
    assert (second["day"], second["meeting_type"], second["response_due"]) == (
        date(2024, 3, 1), "lac", date(2024, 3, 8)
    )  # fmt: skip
    third = rows[bare.pk]
    assert (third["day"], third["meeting_type"], third["response_due"]) == (
        date(2024, 3, 4), None, None
    )  # fmt: skip
    assert (
        rows[RagRating.objects.get(external_id="R1").pk]["team_id"]
        == Team.objects.get(external_id="T1").pk
    )


def escalate(la_id: str, *, raised: date, stages: list[tuple[int, date, date]], **more):
    escalation = Escalation.objects.create(
        child=child(la_id), raised=raised, stage=stages[-1][0], stage_due=stages[-1][2], **more
    )
    for stage, started, due in stages:
        EscalationStage.objects.create(escalation=escalation, stage=stage, started=started,
                                       due=due)  # fmt: skip
    return escalation


def test_escalations_open_on_a_day_by_the_stage_reached_then(users, imported):
    # Reached stage 2 on 10 May, after the month end of April: at stage 1 on 30 April,
    # past its due date (25 April).
    escalate("A1", raised=date(2024, 4, 18),
             stages=[(1, date(2024, 4, 18), date(2024, 4, 25)), (2, date(2024, 5, 10),
                                                                 date(2024, 5, 24))])  # fmt: skip
    # Resolved on 2 May: still open on 30 April; at stage 1, due on the day itself.
    escalate("B2", raised=date(2024, 4, 23), resolved=date(2024, 5, 2),
             stages=[(1, date(2024, 4, 23), date(2024, 4, 30))])  # fmt: skip
    # Raised after 30 April: not open then.
    escalate("B2", raised=date(2024, 5, 1), stages=[(1, date(2024, 5, 1), date(2024, 5, 8))])
    on_april_30 = open_escalations_by_stage(users["head"], on=date(2024, 4, 30), today=TODAY)
    # E1 (A1, raised 10 May 2023, unresolved, stage 1 due 17 May 2023) is open too.
    assert [(row.open, row.past_due) for row in on_april_30] == [(3, 2), (0, 0), (0, 0), (0, 0)]
    assert on_april_30[0].stage == "Stage 1: informal (team manager)"
    today = open_escalations_by_stage(users["head"], on=TODAY, today=TODAY)
    assert [(row.open, row.past_due) for row in today] == [(2, 2), (1, 1), (0, 0), (0, 0)]
    # Tom Oak's team has B2: only the escalation raised on 1 May is open today.
    assert [row.open for row in open_escalations_by_stage(users["tm_b"], on=TODAY,
                                                          today=TODAY)] == [1, 0, 0, 0]  # fmt: skip


def test_the_names_the_report_shows(imported):
    managers, teams = team_manager_names([staff("S3").pk, staff("S4").pk, None])
    assert managers == {staff("S3").pk: "Tess Mann", staff("S4").pk: "Tom Oak"}
    assert set(teams.values()) == {"North LAC team", "South CP team"}
    wordings = reason_wordings()
    assert wordings["LAC-R-01"] == RagReason.objects.get(code="LAC-R-01").text
    assert wordings["NOT-A-CODE"] == "NOT-A-CODE"  # seen in a file, never catalogued


def test_a_month_s_report_reads_only_its_ratings_and_counts_the_same(users):
    """Across a month boundary, the month before, a rating without a meeting sent in the month
    for a meeting of the month before, and an old red one still unanswered (overdue now)."""
    from iru.figures.rag import month_span, months_covered, rag_month_figures

    head = users["head"]
    rate("A1", kind="lac_review", day=date(2024, 3, 31), colour="amber", sent=date(2024, 4, 2))
    rate("A1", kind="lac_review", day=date(2024, 4, 1), colour="green")
    rate("B2", kind=None, day=date(2024, 4, 30), colour="red", sent=date(2024, 4, 30))
    old = rate("A1", kind="lac_review", day=date(2023, 1, 10), sent=date(2023, 1, 11),
               response_due=date(2023, 1, 18))  # fmt: skip
    answered = rate("B2", kind="rcpc", day=date(2023, 2, 1), sent=date(2023, 2, 1),
                    response_due=date(2023, 2, 8), responded=date(2023, 2, 7))  # fmt: skip
    full = rag_frame(head, today=TODAY)
    for month in (date(2024, 4, 1), date(2024, 3, 1), date(2023, 4, 1)):
        part = rag_frame(head, today=TODAY, month=month)
        as_at = min(month_span(month)[1], TODAY)
        assert rag_month_figures(part, month, as_at=as_at) == rag_month_figures(
            full, month, as_at=as_at
        ), month
    april = ids(rag_frame(head, today=TODAY, month=date(2024, 4, 1)))
    assert old.pk in april  # overdue since January 2023
    assert answered.pk not in april  # answered long ago, of no month the report reads
    assert rag_first_day(head, today=TODAY) == date(2023, 1, 10)
    assert months_covered(full, today=TODAY)[-1] == date(2023, 1, 1)


def test_reasons_are_read_in_batches_and_none_is_lost(users, imported, monkeypatch):
    """The reasons come by the ratings' ids in batches: with batches of 2, every rating still
    has all its reasons, in a frame equal to one read in a single batch."""
    from iru.web.disputes.selectors import report

    for day in range(1, 6):
        rate("A1", kind="lac_review", day=date(2024, 3, day), codes=["LAC-R-01", "LAC-R-02"])
    whole = rag_frame(users["head"], today=TODAY)
    monkeypatch.setattr(report, "REASON_BATCH", 2)
    batched = rag_frame(users["head"], today=TODAY)
    assert batched.sort("rating_id").equals(whole.sort("rating_id"))
    assert batched["reasons"].list.len().to_list() == [2] * 6  # R1's two reasons, and these


def test_the_whole_unit_s_first_day_is_cached_until_a_rating_is_saved(users, imported):
    from django.core.cache import cache

    from iru.web.reports.rag import rag_months

    cache.clear()
    head = users["head"]
    assert rag_months(head, today=TODAY).months[-1] == date(2023, 4, 1)  # R1, April 2023
    # A rating saved (the services save through the model, which writes history) moves the
    # key on: the earlier month appears at once.
    made = RagRating(child=child("A1"), rating="green", sent=date(2022, 11, 3))
    made.save()
    assert rag_months(head, today=TODAY).months[-1] == date(2022, 11, 1)
    # A chair's months are never cached: their children's ratings, read each time.
    assert rag_months(users["chair"], today=TODAY).months[-1] == date(2022, 11, 1)
