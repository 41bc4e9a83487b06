import dataclasses
import json
import re

import pytest

from iru.rules.rag import (
    MEETING_TYPES,
    RATINGS,
    RagReason,
    catalogue_from_json,
    default_catalogue,
    reasons_for,
)

_RATING_LETTER = {"red": "R", "amber": "A", "green": "G"}


def test_codes_are_unique_and_say_what_they_are() -> None:
    reasons = default_catalogue()
    assert len({reason.code for reason in reasons}) == len(reasons)
    for reason in reasons:
        # e.g. LAC-R-01: meeting type, rating letter, two-digit number
        prefix = f"{reason.meeting_type.upper()}-{_RATING_LETTER[reason.rating]}-"
        assert re.fullmatch(re.escape(prefix) + r"\d{2}", reason.code), reason.code


@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
@pytest.mark.parametrize("rating", RATINGS)
def test_every_meeting_type_and_rating_has_reasons(meeting_type: str, rating: str) -> None:
    reasons = reasons_for(meeting_type, rating)
    assert reasons
    assert all(r.meeting_type == meeting_type and r.rating == rating for r in reasons)


@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_amber_reasons_are_ours_and_red_green_come_from_the_seed(meeting_type: str) -> None:
    # The seed report charts list red and green reasons only.
    assert {r.source for r in reasons_for(meeting_type, "amber")} == {"iru"}
    assert {r.source for r in reasons_for(meeting_type, "red")} == {"seed"}
    assert {r.source for r in reasons_for(meeting_type, "green")} == {"seed"}


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("LAC-R-10", "Key people not invited to, or did not attend or contribute to, the review"),
        ("LAC-R-07", "Previous meeting rated red or amber and progress is unacceptable"),
        ("CP-R-06", "Delay in progressing assessments (state which)"),
        ("CP-G-02", "Good planning and preparation for the conference"),
    ],
)
def test_seed_reasons_are_tidied(code: str, text: str) -> None:
    reasons = {reason.code: reason for reason in default_catalogue()}
    assert reasons[code].text == text


def test_no_ocr_slips_remain() -> None:
    texts = " ".join(reason.text for reason in default_catalogue())
    for slip in ("Kep ", "taks", "permanance", "(circle)", "(REVIEW)", "a/c"):
        assert slip not in texts


def test_reasons_are_frozen() -> None:
    reason = default_catalogue()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        reason.text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(("meeting_type", "rating"), [("cla", "red"), ("lac", "RED"), ("cp", "")])
def test_reasons_for_rejects_unknown_values(meeting_type: str, rating: str) -> None:
    with pytest.raises(ValueError, match="unknown"):
        reasons_for(meeting_type, rating)


def _document(*records: dict[str, str]) -> str:
    return json.dumps({"reasons": list(records)})


_RECORD = {"code": "CP-R-01", "meeting_type": "cp", "rating": "red", "text": "x", "source": "iru"}


def test_catalogue_from_json_reads_records() -> None:
    assert catalogue_from_json(_document(_RECORD)) == (
        RagReason("CP-R-01", "cp", "red", "x", "iru"),
    )


def test_catalogue_from_json_rejects_duplicate_codes() -> None:
    with pytest.raises(ValueError, match="duplicate RAG reason codes: CP-R-01"):
        catalogue_from_json(_document(_RECORD, _RECORD))


@pytest.mark.parametrize(
    ("field", "value"), [("meeting_type", "cla"), ("rating", "blue"), ("source", "web")]
)
def test_catalogue_from_json_rejects_bad_values(field: str, value: str) -> None:
    with pytest.raises(ValueError, match="is not one of"):
        catalogue_from_json(_document({**_RECORD, field: value}))
