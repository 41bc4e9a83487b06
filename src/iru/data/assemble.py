"""From the tables read out of each file to one reconciled `Dataset`."""

from __future__ import annotations

import polars as pl

from iru.data import checks
from iru.data.dataset import Dataset, conform, empty_frame
from iru.data.discovery import FileReads
from iru.data.findings import as_problems
from iru.data.reconcile import latest_rows, repeated_keys, union_rows
from iru.data.tables903 import TABLES

_MAIN_903 = {"Header": "header", "Episodes": "episodes", "Reviews": "reviews"}
_S47_KEY = [
    pl.col("LAchildID"),
    pl.coalesce(pl.col("S47ActualStartDate"), pl.col("DateOfInitialCPC")),
    pl.col("S47ActualStartDate").is_null(),
]
_CIN_KEYS = {
    "cin_children": [pl.col("LAchildID")],
    "cin_details": [pl.col("LAchildID"), pl.col("CINreferralDate")],
    "section47": _S47_KEY,
    "cp_plans": [pl.col("LAchildID"), pl.col("CPPstartDate")],
}


def assemble(reads: FileReads) -> Dataset:
    """Reconcile every table across files, run the cross-row checks, and build the Dataset."""
    findings = list(reads.findings)
    frames_903 = {}
    for name, frames in reads.tables_903.items():
        key = [pl.col(col) for col in TABLES[name].key]
        findings += [repeated_keys(frame, key, " and ".join(TABLES[name].key)) for frame in frames]
        frames_903[name] = latest_rows(frames, key)
    cin = _reconcile_cin(reads, findings)
    main = {field: frames_903.get(name, empty_frame(field)) for name, field in _MAIN_903.items()}
    main = {field: conform(field, frame) for field, frame in main.items()}
    findings += _checks(main, cin, has_episodes="Episodes" in frames_903)
    return Dataset(
        **main,
        **cin,
        tables_903={name: frame for name, frame in frames_903.items() if name not in _MAIN_903},
        has_header="Header" in frames_903,
        has_episodes="Episodes" in frames_903,
        has_reviews="Reviews" in frames_903,
        has_cin=bool(reads.cin),
        problems=as_problems(findings),
    )


def _reconcile_cin(reads: FileReads, findings: list[pl.DataFrame]) -> dict[str, pl.DataFrame]:
    reconciled = {}
    for name, key in _CIN_KEYS.items():
        frames = reads.cin.get(name, [])
        findings += [repeated_keys(frame, key, _label(name)) for frame in frames]
        reconciled[name] = conform(name, latest_rows(frames, key)) if frames else empty_frame(name)
    reviews = reads.cin.get("cp_reviews", [])
    review_key = ["LAchildID", "CPPstartDate", "CPPreviewDate"]
    reconciled["cp_reviews"] = (
        conform("cp_reviews", union_rows(reviews, review_key))
        if reviews
        else empty_frame("cp_reviews")
    )
    return reconciled


def _label(name: str) -> str:
    return {
        "cin_children": "LAchildID",
        "cin_details": "LAchildID and CINreferralDate",
        "section47": "LAchildID and S47ActualStartDate",
        "cp_plans": "LAchildID and CPPstartDate",
    }[name]


def _checks(
    main: dict[str, pl.DataFrame], cin: dict[str, pl.DataFrame], *, has_episodes: bool
) -> list[pl.DataFrame]:
    found = [
        checks.ceased_before_commenced(main["episodes"]),
        checks.overlapping_episodes(main["episodes"]),
        checks.plan_reviews_on_or_before_start(cin["cp_reviews"]),
        checks.enquiry_started_after_conference(cin["section47"]),
    ]
    if has_episodes:  # without Episodes every review would be "outside care"
        found.append(checks.reviews_outside_care(main["reviews"], main["episodes"]))
    return found
