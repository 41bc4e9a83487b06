import pytest

from iru.rules.codes import (
    FIRST_COLLECTION_YEAR,
    LAST_COLLECTION_YEAR,
    PLACEMENT_GROUPS,
    code_list,
    placement_group,
)


@pytest.mark.parametrize(
    ("place", "group"),
    [
        ("U1", "foster"),
        ("U6", "foster"),
        ("Q1", "foster"),  # historic foster code
        ("Q2", "foster"),
        ("A1", "adoption"),  # historic adoption code
        ("A6", "adoption"),
        ("P1", "with_parents"),
        ("P2", "other_community"),
        ("P3", "other_community"),
        ("K1", "secure_homes_hostels"),
        ("K3", "secure_homes_hostels"),  # registered supported accommodation, from 2025
        ("H5", "secure_homes_hostels"),
        ("R5", "other_residential"),
        ("S1", "residential_schools"),
        ("Z1", "other"),
        ("Z11", "other"),
        ("T0", "other"),  # temporary placements open on the year end
        ("XX", "other"),  # any other non-empty code
        (" u3 ", "foster"),  # trimmed, upper-cased
        ("", "unknown"),
        ("   ", "unknown"),
        (None, "unknown"),
    ],
)
def test_placement_group(place: str | None, group: str) -> None:
    assert placement_group(place) == group


def test_groups_are_in_the_report_order() -> None:
    assert list(PLACEMENT_GROUPS) == [
        "foster",
        "adoption",
        "with_parents",
        "other_community",
        "secure_homes_hostels",
        "other_residential",
        "residential_schools",
        "other",
        "unknown",
    ]


def test_no_code_is_in_two_groups() -> None:
    codes = [code for group in PLACEMENT_GROUPS.values() for code in group]
    assert len(codes) == len(set(codes))


def test_every_grouped_code_is_a_placement_type_in_some_year() -> None:
    every_year = set().union(
        *(
            code_list("PLACE", year).codes
            for year in range(FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR + 1)
        )
    )
    for group, codes in PLACEMENT_GROUPS.items():
        assert set(codes) <= every_year, group
