from datetime import date

import polars as pl
import pytest

from iru.data import UnreadableFile, read_files
from iru.data.tables903 import table_for_file_name

EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("header.csv", "Header"),
        ("SSDA903_Episodes_2016-17.csv", "Episodes"),
        ("Header_2016-17.csv", "Header"),
        ("REVIEWS.CSV", "Reviews"),
        ("header_episodes.csv", "Header"),
        ("episodes_reviews.csv", "Episodes"),
        ("SSDA903_SWEpisodes_2024.csv", "SWEpisodes"),
        ("uasc.csv", "UASC"),
        ("OC2.csv", "OC2"),
        ("placed_adoption.csv", "PlacedAdoption"),
        ("missing.csv", "Missing"),
        ("readme.txt", None),
        ("children.csv", None),
        ("episodes.xlsx", None),
    ],
)
def test_files_are_recognised_by_name(name, table):
    found = table_for_file_name(name)
    assert (found.name if found else None) == table


def test_episodes_are_read_as_authorities_tools_write_them():
    content = (
        "\ufeffchild,Decom,rne,ls,cin,place,dec,rec,EXTRA\r\n"
        "007.0, 2020-01-05 ,s,c1,n1, u4 ,,,x\r\n"
        "\r\n"
        "8,43835,S,C1,N1,U4,01/02/2020,e11,x\r\n"
        "9,31/02/2020,S,C1\r\n"
    ).encode()
    dataset = read_files([("2019-20/episodes.csv", content)])
    episodes = dataset.episodes
    assert episodes["CHILD"].to_list() == ["007", "8", "9"]
    assert episodes["DECOM"].to_list() == [date(2020, 1, 5), date(2020, 1, 5), None]
    assert episodes["PLACE"].to_list() == ["U4", "U4", None]
    assert episodes["REC"].to_list() == [None, "E11", None]
    assert episodes["_row"].to_list() == [2, 4, 5]
    assert episodes["_file"].unique().to_list() == ["2019-20/episodes.csv"]
    messages = [(p.row, p.column, p.rule, p.message) for p in dataset.problems]
    assert (5, "DECOM", "141", "DECOM is not a valid date (expected DD/MM/YYYY)") in messages
    assert any(row == 2 and "ISO" in message for row, _, _, message in messages)
    assert any(row == 4 and "Excel" in message for row, _, _, message in messages)
    assert any(row == 5 and "fewer cells" in message for row, _, _, message in messages)


def test_windows_1252_is_read_with_a_warning():
    content = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2010,WBRI,Zoë,,\n".encode("cp1252")
    dataset = read_files([("header.csv", content)])
    assert dataset.header["UPN"].to_list() == ["Zoë"]
    assert any("Windows-1252" in p.message for p in dataset.problems)


def test_missing_required_column_is_unreadable():
    with pytest.raises(UnreadableFile, match="no DECOM column") as raised:
        read_files([("episodes.csv", b"CHILD,DEC\n1,01/01/2020\n")])
    assert raised.value.file == "episodes.csv"


def test_binary_content_is_unreadable():
    with pytest.raises(UnreadableFile, match="not a text"):
        read_files([("header.csv", b"\x00\x01\x02CHILD")])


def test_an_empty_file_is_a_problem_not_an_input():
    dataset = read_files([("header.csv", b"")])
    assert dataset.header.height == 0
    assert [p.message for p in dataset.problems] == ["the file is empty"]


def test_optional_distance_columns_and_bad_numbers():
    content = f"{EPISODES},PL_DISTANCE,PL_LOCATION\n1,01/01/2020,S,C1,N1,U4,PR1,,,,,,,far,in\n"
    dataset = read_files([("episodes.csv", content.encode())])
    assert dataset.episodes["PL_DISTANCE"].to_list() == [None]
    assert dataset.episodes["PL_LOCATION"].to_list() == ["IN"]
    assert any(p.column == "PL_DISTANCE" and p.row == 2 for p in dataset.problems)
    without = read_files(
        [("episodes.csv", f"{EPISODES}\n1,01/01/2020,S,C1,N1,U4,PR1,,,,,,\n".encode())]
    )
    assert without.episodes.schema["PL_DISTANCE"] == pl.Float64
    assert not without.problems


def test_other_tables_are_kept_by_name():
    dataset = read_files([("uasc.csv", b"CHILD,SEX,DOB,DUC\n01,1,01/01/2010,01/01/2028\n")])
    uasc = dataset.tables_903["UASC"]
    assert uasc["CHILD"].to_list() == ["01"]
    assert uasc["DUC"].to_list() == [date(2028, 1, 1)]
    assert not dataset.has_header


def test_unrelated_files_are_ignored_in_uploads():
    dataset = read_files([("notes.txt", b"hello"), ("children.csv", b"a,b\n")])
    assert not dataset.has_header
    assert not dataset.problems
