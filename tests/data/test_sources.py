from datetime import date

import polars as pl
import pytest

from iru.data import UnreadableFile, read_files, read_source
from tests.shared import SHARED

DATA = SHARED / "data"
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
    "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
)
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="shared data not mounted")


@needs_data
def test_every_d2i_file_reads_and_its_problems_are_reported():
    dataset = read_source(DATA / "d2i-fake-903-2018")
    assert dataset.has_header
    assert dataset.has_episodes
    assert dataset.has_reviews
    assert dataset.episodes.height == 5050
    assert set(dataset.tables_903) == {"UASC", "Missing"}
    assert dataset.problems
    assert all(p.file and p.message for p in dataset.problems)
    assert any("overlap" in str(p.value) for p in dataset.problems)


@needs_data
def test_lac_counts_example_reconciles_older_files():
    dataset = read_source(DATA / "figures-examples" / "03_lac_counts")
    episodes = dataset.episodes
    assert episodes.select("CHILD", "DECOM").is_unique().all()
    assert sorted(episodes["CHILD"].unique().to_list()) == [str(n) for n in range(301, 320)]
    # older/ sorts after episodes.csv, so its identical repeats replace the newer rows
    row_301 = episodes.filter(pl.col("CHILD") == "301")
    assert row_301["_file"].to_list() == ["older/SSDA903_Episodes_2016-17.csv"]
    child_310 = episodes.filter(pl.col("CHILD") == "310").sort("DECOM")
    assert child_310["DECOM"].to_list() == [date(2017, 8, 1), date(2017, 10, 1), date(2017, 11, 1)]
    assert dataset.header.height == 19
    assert dataset.reviews.height == 1
    assert any(p.file == "episodes.csv" and "more than once" in p.message for p in dataset.problems)
    assert not any("readme" in p.file for p in dataset.problems)


@needs_data
def test_leap_year_example_reads_the_cin_census():
    dataset = read_source(DATA / "figures-examples" / "08_year_2016_leap")
    assert dataset.has_cin
    assert dataset.has_episodes
    assert dataset.cin_children["Sex"].to_list()[:2] == ["M", "M"]
    plans = dataset.cp_plans
    assert plans["CPPstartDate"].to_list()[0] == date(2016, 1, 14)
    assert plans["CINreferralDate"].null_count() == 0
    assert dataset.section47["ICPCnotRequired"].to_list()[0] is False
    assert not dataset.problems


def test_later_files_replace_rows_blanks_included_and_never_remove():
    older = HEADER + "1,1,01/01/2010,WBRI,,,\n2,2,01/01/2011,WBRI,,,\n"
    newer = HEADER + "1,1,01/01/2010,,,,\n"
    dataset = read_files([("2018/header.csv", newer.encode()), ("2017/header.csv", older.encode())])
    header = dataset.header.sort("CHILD")
    assert header["ETHNIC"].to_list() == [None, "WBRI"]
    assert header["_file"].to_list() == ["2018/header.csv", "2017/header.csv"]


def test_path_order_is_folder_by_folder():
    first = HEADER + "1,1,01/01/2010,WBRI,,,\n"
    second = HEADER + "1,1,01/01/2010,WIRI,,,\n"
    # "a/header.csv" sorts before "a-b/header.csv" folder by folder ("a" < "a-b")
    dataset = read_files([("a-b/header.csv", second.encode()), ("a/header.csv", first.encode())])
    assert dataset.header["ETHNIC"].to_list() == ["WIRI"]


def test_episode_checks():
    episodes = EPISODES + (
        "1,01/01/2020,S,C1,N1,U4,PR1,01/06/2020,E11,,,,\n"
        "1,01/03/2020,P,C1,N1,U4,PR1,,,,,,\n"
        "2,01/03/2020,S,C1,N1,U4,PR1,01/02/2020,E11,,,,\n"
    )
    reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n1,,15/01/2020,PN1\n1,,15/01/2019,PN1\n"
    dataset = read_files([("episodes.csv", episodes.encode()), ("reviews.csv", reviews.encode())])
    found = {(p.file, p.row, p.column, p.rule) for p in dataset.problems if p.column}
    assert ("episodes.csv", 4, "DEC", "356") in found
    assert ("episodes.csv", 3, "DECOM", None) in found  # overlaps row 2
    assert ("reviews.csv", 3, "REVIEW", None) in found
    assert ("reviews.csv", 2, "REVIEW", None) not in found


def _cin(body: str, year: int = 2022, child_ids: str = "<GenderCurrent>2</GenderCurrent>") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>{year}</Year>
<ReferenceDate>{year}-03-31</ReferenceDate></CollectionDetails></Header>
<Children><Child><ChildIdentifiers><LAchildID>0042</LAchildID>{child_ids}</ChildIdentifiers>
<ChildCharacteristics><Ethnicity>wbri</Ethnicity></ChildCharacteristics>
<CINdetails><CINreferralDate>2021-05-01</CINreferralDate><ReferralSource>1A</ReferralSource>
{body}<ReferralNFA>false</ReferralNFA></CINdetails></Child></Children></Message>""".encode()


def test_cin_checks_and_plan_reviews_union_over_files():
    plan = """<Section47><S47ActualStartDate>2021-06-10</S47ActualStartDate>
<DateOfInitialCPC>2021-06-01</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>
<ChildProtectionPlans><CPPstartDate>2021-06-01</CPPstartDate><InitialCategoryOfAbuse>XXX</InitialCategoryOfAbuse>
<NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews><CPPreviewDate>{review}</CPPreviewDate></Reviews>
</ChildProtectionPlans>"""
    older = _cin(plan.format(review="2021-06-01"))
    newer = _cin(plan.format(review="2021-09-01"), year=2025, child_ids="<Sex>f</Sex>")
    dataset = read_files([("2022/cin.xml", older), ("2025/cin.xml", newer)])
    assert dataset.cp_plans.height == 1
    assert sorted(dataset.cp_reviews["CPPreviewDate"].to_list()) == [
        date(2021, 6, 1),
        date(2021, 9, 1),
    ]
    assert dataset.cin_children["Sex"].to_list() == ["F"]
    assert dataset.cin_children["LAchildID"].to_list() == ["0042"]
    rules = {(p.file, p.column, p.rule) for p in dataset.problems}
    assert ("2022/cin.xml", "CPPreviewDate", "8841") in rules
    assert ("2025/cin.xml", "S47ActualStartDate", "8615") in rules
    assert any(p.column == "InitialCategoryOfAbuse" for p in dataset.problems)
    lines = {p.row for p in dataset.problems if p.rule == "8841"}
    assert lines == {10}  # the line of that CPPreviewDate element


def test_dates_on_one_line_keep_their_own_values():
    # Several rows on one line share `_row`: a date read in another form must go back to its own
    # row only (it used to overwrite its line-mates' dates, and repeat rows).
    plan = """<ChildProtectionPlans><CPPstartDate>2021-06-01</CPPstartDate><Reviews>
<CPPreviewDate>44378</CPPreviewDate><CPPreviewDate>2021-09-01</CPPreviewDate><CPPreviewDate>01/12/2021</CPPreviewDate></Reviews>
</ChildProtectionPlans>"""
    dataset = read_files([("cin.xml", _cin(plan))])
    reviews = dataset.cp_reviews
    assert reviews["CPPreviewDate"].to_list() == [
        date(2021, 7, 1),
        date(2021, 9, 1),
        date(2021, 12, 1),
    ]
    assert reviews["_row"].n_unique() == 1


def test_ssda903_xml():
    content = b"""<?xml version='1.0' encoding='us-ascii'?>
<EXPSSDA903><CHILD><HEADER><CHILDID>0947</CHILDID><SEX>1</SEX><DOB>02/03/2013</DOB>
<ETHNIC>BOTH</ETHNIC><AREVIEW><REVIEW>28/01/2016</REVIEW><REVIEW_CODE>PN3</REVIEW_CODE></AREVIEW>
</HEADER><EPISODE><DECOM>11/11/2015</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U3</PL>
<DEC/><REC/></EPISODE></CHILD></EXPSSDA903>"""
    dataset = read_files([("ssda903.xml", content)])
    assert dataset.header["CHILD"].to_list() == ["0947"]
    assert dataset.episodes["PLACE"].to_list() == ["U3"]
    assert dataset.episodes["_row"].to_list() == [4]
    assert dataset.reviews["REVIEW"].to_list() == [date(2016, 1, 28)]
    assert dataset.has_reviews


def test_read_source_single_file_and_missing_path(tmp_path):
    path = tmp_path / "Header_2016-17.csv"
    path.write_text(HEADER + "1,1,01/01/2010,WBRI,,,\n")
    assert read_source(path).header.height == 1
    other = tmp_path / "notes.csv"
    other.write_text("a\n")
    with pytest.raises(UnreadableFile):
        read_source(other)
    with pytest.raises(UnreadableFile, match="does not exist"):
        read_source(tmp_path / "nowhere")


def test_an_xml_of_another_kind_in_a_folder_is_skipped_with_a_problem(tmp_path):
    (tmp_path / "2017").mkdir()
    (tmp_path / "2017" / "header.csv").write_text(HEADER + "1,1,01/01/2010,WBRI,,,\n")
    (tmp_path / "2017" / "settings.xml").write_text("<Config><Child/></Config>")
    dataset = read_source(tmp_path)
    assert dataset.header.height == 1
    assert not dataset.has_cin
    message = "not a CIN census or SSDA903 XML file (root element Config); ignored"
    assert [(p.file, p.row, p.column, p.message) for p in dataset.problems] == [
        ("2017/settings.xml", None, None, message)
    ]
    uploaded = read_files([("a.xml", b"<Config/>"), ("header.csv", HEADER.encode())])
    assert [p.message for p in uploaded.problems] == [
        "not a CIN census or SSDA903 XML file (root element Config); ignored"
    ]


def test_an_xml_of_another_kind_given_alone_is_unreadable(tmp_path):
    path = tmp_path / "settings.xml"
    path.write_text("<Config/>")
    with pytest.raises(UnreadableFile, match="root element <Config>") as raised:
        read_source(path)
    assert raised.value.file == "settings.xml"
    with pytest.raises(UnreadableFile, match="root element <Config>"):
        read_files([("settings.xml", b"<Config/>")])


def test_a_not_well_formed_xml_in_a_folder_still_stops_the_read(tmp_path):
    (tmp_path / "header.csv").write_text(HEADER + "1,1,01/01/2010,WBRI,,,\n")
    (tmp_path / "broken.xml").write_text("<Message><Children>")
    with pytest.raises(UnreadableFile, match="not well-formed") as raised:
        read_source(tmp_path)
    assert raised.value.file == "broken.xml"


def test_cin_census_with_a_namespace_on_one_line():
    content = (
        b'<?xml version="1.0"?><Message xmlns="http://www.dcsf.gov.uk/schemas/cbds">'
        b"<Header><CollectionDetails><Year>2022</Year></CollectionDetails></Header><Children>"
        b"<Child><ChildIdentifiers><LAchildID>7</LAchildID><LAchildID> 8 </LAchildID>"
        b"<PersonBirthDate>2010-01-02</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>"
        b"<ChildIdentifiers><LAchildID>9</LAchildID></ChildIdentifiers>"
        b"<ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>MOB"
        b"</Disability><Disability> </Disability><Disability>HAND</Disability></Disabilities>"
        b"</ChildCharacteristics><ChildCharacteristics><Ethnicity>WIRI</Ethnicity><Disabilities>"
        b"<Disability>VIS</Disability></Disabilities></ChildCharacteristics>"
        b"<CINdetails><CINreferralDate>2021-05-01</CINreferralDate><ChildProtectionPlans>"
        b"<CPPstartDate>2021-06-01</CPPstartDate><Reviews><CPPreviewDate>2021-07-01"
        b"</CPPreviewDate><CPPreviewDate>2021-08-01</CPPreviewDate></Reviews>"
        b"</ChildProtectionPlans></CINdetails></Child></Children></Message>"
    )
    dataset = read_files([("cin.xml", content)])
    children = dataset.cin_children
    assert children["LAchildID"].to_list() == ["8"]  # first block, last of a repeated tag
    assert children["Ethnicity"].to_list() == ["WBRI"]
    assert children["Disabilities"].to_list() == ["MOB;HAND;VIS"]
    assert children["PersonBirthDate"].to_list() == [date(2010, 1, 2)]
    plans = dataset.cp_plans
    assert plans["CINreferralDate"].to_list() == [date(2021, 5, 1)]
    assert dataset.cp_reviews["LAchildID"].to_list() == ["8", "8"]
    assert dataset.cp_reviews["CPPstartDate"].to_list() == [date(2021, 6, 1)] * 2
    assert set(dataset.cp_reviews["_row"].to_list()) == {1}
