import pytest

from iru.rules.codes import FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR, LIST_NAMES, code_list

SSDA903_NAMES = {
    "LS", "RNE", "CIN", "PLACE", "PLACE_PROVIDER", "REC", "REASON_PLACE_CHANGE",
    "REVIEW_CODE", "ETHNIC", "SEX", "UPN_UNKNOWN", "MISSING",
}  # fmt: skip
CIN_CENSUS_NAMES = {
    "CategoryOfAbuse", "ReasonForClosure", "ReferralSource", "PrimaryNeedCode",
    "Disability", "GenderCurrent", "Sex", "Ethnicity",
}  # fmt: skip


def test_the_lists_others_depend_on_exist() -> None:
    assert set(LIST_NAMES) == SSDA903_NAMES | CIN_CENSUS_NAMES


@pytest.mark.parametrize("year", range(FIRST_COLLECTION_YEAR, LAST_COLLECTION_YEAR + 1))
def test_every_list_has_codes_and_descriptions_each_year(year: int) -> None:
    for name in LIST_NAMES:
        if (name, year >= 2025) in {("GenderCurrent", True), ("Sex", False)}:
            continue  # not collected that year
        codes = code_list(name, year)
        assert codes.name == name
        assert codes.codes
        assert all(codes.description(code) for code in codes.codes)


@pytest.mark.parametrize(
    ("name", "year", "code", "valid"),
    [
        # SSDA903 SEX: 1/2 to 2023-24, M/F/U from 2024-25 (validator lac2024_25 rule 101).
        ("SEX", 2024, "1", True),
        ("SEX", 2025, "1", False),
        ("SEX", 2024, "M", False),
        ("SEX", 2025, "U", True),
        # PLACE: K3 from 2025; H5, P2, Z1 out and Z11-Z14 in from 2026.
        ("PLACE", 2024, "K3", False),
        ("PLACE", 2025, "K3", True),
        ("PLACE", 2025, "H5", True),
        ("PLACE", 2026, "H5", False),
        ("PLACE", 2025, "P2", True),
        ("PLACE", 2026, "P2", False),
        ("PLACE", 2025, "Z1", True),
        ("PLACE", 2026, "Z1", False),
        ("PLACE", 2025, "Z11", False),
        ("PLACE", 2026, "Z14", True),
        ("PLACE", 2027, "Z12", True),  # 2027 repeats 2026
        # Historic adoption and foster codes, valid to 2015-16.
        ("PLACE", 2014, "A1", True),
        ("PLACE", 2016, "Q2", True),
        ("PLACE", 2017, "Q1", False),
        ("PLACE", 2017, "A2", False),
        ("PLACE", 2014, "U1", True),
        # Collection years before 2014 use 2014's lists; after 2027, 2027's.
        ("PLACE", 2010, "Q1", True),
        ("PLACE", 2035, "Z13", True),
        # REC: E43/E44 replaced by E45-E48 in 2018-19 (schema 2019 diff).
        ("REC", 2018, "E43", True),
        ("REC", 2019, "E43", False),
        ("REC", 2018, "E45", False),
        ("REC", 2019, "E48", True),
        ("REC", 2026, "X1", True),
        ("REASON_PLACE_CHANGE", 2018, "CUSTOD", False),
        ("REASON_PLACE_CHANGE", 2019, "CUSTOD", True),
        ("LS", 2016, "V4", True),
        ("LS", 2016, "V1", False),
        ("REVIEW_CODE", 2020, "PN7", True),
        ("REVIEW_CODE", 2020, "PN8", False),
        ("MISSING", 2020, "A", True),
        ("UPN_UNKNOWN", 2020, "UN5", True),
        ("ETHNIC", 2016, "WROM", True),
        # CIN census: early help codes from 2022-23 (CIN_schema_2023.xsd).
        ("ReferralSource", 2022, "5D", False),
        ("ReferralSource", 2023, "5D", True),
        ("ReasonForClosure", 2022, "RC9", False),
        ("ReasonForClosure", 2023, "RC9", True),
        ("GenderCurrent", 2024, "9", True),
        ("Sex", 2025, "F", True),
        ("CategoryOfAbuse", 2016, "MUL", True),
        ("PrimaryNeedCode", 2016, "N0", True),
        ("Disability", 2016, "DDA", True),
        ("Ethnicity", 2026, "CHNE", True),
        # Codes are compared trimmed and upper-cased.
        ("PLACE", 2020, " u1 ", True),
        ("PLACE", 2020, "", False),
    ],
)
def test_valid_codes_change_by_year(name: str, year: int, code: str, valid: bool) -> None:
    assert code_list(name, year).is_valid(code) is valid


@pytest.mark.parametrize(
    ("name", "year", "code", "expected"),
    [
        ("PLACE", 2025, "k3", "Registered supported accommodation"),
        ("PLACE", 2026, "H5", None),  # no longer a code that year
        ("PLACE", 2026, "ZZ", None),
        ("SEX", 2016, "2", "Female"),
        ("CategoryOfAbuse", 2016, "NEG", "Neglect"),
        ("REVIEW_CODE", 2016, "PN0", "Child aged under 4 at the time of the review"),
        ("REC", 2016, "X1", "Episode ceases, and new episode begins on same day, for any reason"),
        ("GenderCurrent", 2020, "0", "Not recorded or unborn"),
    ],
)
def test_description(name: str, year: int, code: str, expected: str | None) -> None:
    assert code_list(name, year).description(code) == expected


def test_an_unknown_list_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="unknown code list"):
        code_list("PLACEMENT", 2020)


@pytest.mark.parametrize(("name", "year"), [("GenderCurrent", 2025), ("Sex", 2024)])
def test_a_cin_item_not_collected_that_year_is_a_key_error(name: str, year: int) -> None:
    with pytest.raises(KeyError, match="not collected"):
        code_list(name, year)


def test_the_list_says_which_year_rules_applied() -> None:
    assert code_list("LS", 2010).collection_year == 2014
    assert code_list("LS", 2020).collection_year == 2020
    assert code_list("LS", 2040).collection_year == 2027


def test_code_lists_are_read_only() -> None:
    place = code_list("PLACE", 2020)
    assert isinstance(place.codes, frozenset)
    with pytest.raises(TypeError):
        place.descriptions["XX"] = "invented"  # type: ignore[index]
