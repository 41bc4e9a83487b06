import pytest

from iru.rules.codes import ETHNIC_MAIN_GROUPS, code_list, ethnic_main_group


@pytest.mark.parametrize(
    ("code", "group"),
    [
        ("WBRI", "White"),
        ("WROM", "White"),
        ("mwbc", "Mixed"),  # compared upper-cased
        ("MOTH", "Mixed"),
        ("AIND", "Asian"),
        ("CHNE", "Asian"),  # data-to-insight's grouping; DfE tables may say Other
        ("BAFR", "Black"),
        ("OOTH", "Other"),
        ("REFU", "Refused / not obtained"),
        (" NOBT ", "Refused / not obtained"),
        ("", "Unknown"),
        ("XXXX", "Unknown"),
        (None, "Unknown"),
    ],
)
def test_ethnic_main_group(code: str | None, group: str) -> None:
    assert ethnic_main_group(code) == group


@pytest.mark.parametrize("name", ["ETHNIC", "Ethnicity"])
def test_every_ethnicity_code_has_a_main_group(name: str) -> None:
    codes = code_list(name, 2020).codes
    assert len(codes) == 20
    assert {ethnic_main_group(code) for code in codes} == set(ETHNIC_MAIN_GROUPS)
