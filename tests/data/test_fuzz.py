"""Property tests (SECURITY.md R-IN-06): mutated files never raise anything but UnreadableFile,
and every problem about a cell says where it is."""

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iru.data import UnreadableFile, read_files

COLUMNS = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "DEC", "REC", "PL_DISTANCE"]
cell = st.one_of(
    st.sampled_from(["", " ", "001", "12.0", "U4", "x1", "S", "V3", "E11", "4.5", "far"]),
    st.sampled_from(["01/02/2020", "31/02/2020", "2020-02-01", "43835", "43835.0", "1/2/20"]),
    st.text(max_size=8),
)
row = st.lists(cell, min_size=0, max_size=len(COLUMNS) + 2)
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(files):
    names = {name for name, _ in files}
    try:
        dataset = read_files(files)
    except UnreadableFile as error:
        unreadable = error
    else:
        unreadable = None
    if unreadable is not None:
        assert unreadable.file in names
        return
    for problem in dataset.problems:
        assert problem.file in {name for name, _ in files}
        if problem.column is not None:
            assert problem.row is not None
        if problem.value not in (None, "") and problem.row is not None:
            assert problem.column is not None or "first at row" in problem.value


@SETTINGS
@given(
    columns=st.permutations(COLUMNS),
    extra=st.booleans(),
    rows=st.lists(row, max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    cut=st.integers(min_value=0, max_value=400),
)
def test_mutated_episode_files(columns, extra, rows, encoding, newline, cut):
    header = [c.lower() if i % 2 else c for i, c in enumerate(columns)] + (
        ["EXTRA"] if extra else []
    )
    text = newline.join([",".join(header), *(",".join(cells) for cells in rows)]) + newline
    content = text.encode(encoding, errors="replace")
    _check([("episodes_2019-20.csv", content)])
    _check([("episodes_2019-20.csv", content[:cut])])


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["header.csv", "reviews.csv", "cin.xml", "x.xml"]))
def test_random_bytes(content, name):
    _check([(name, content)])
    _check([(name, codecs.BOM_UTF8 + content)])


@SETTINGS
@given(
    st.lists(st.sampled_from(["CHILD", "DOB", "REVIEW", "REVIEW_CODE", "child"]), max_size=5),
    st.lists(row, max_size=5),
)
def test_reviews_with_any_header(header, rows):
    text = "\n".join([",".join(header), *(",".join(cells) for cells in rows)])
    _check([("reviews.csv", text.encode())])


CIN = b"""<?xml version="1.0"?><Message><Header><CollectionDetails><Year>2023</Year>
<ReferenceDate>2023-03-31</ReferenceDate></CollectionDetails></Header><Children><Child>
<ChildIdentifiers><LAchildID>1</LAchildID><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
<CINdetails><CINreferralDate>2022-05-01</CINreferralDate><Section47><S47ActualStartDate>2022-05-02
</S47ActualStartDate></Section47><ChildProtectionPlans><CPPstartDate>2022-06-01</CPPstartDate>
<NumberOfPreviousCPP>x</NumberOfPreviousCPP><Reviews><CPPreviewDate>bad</CPPreviewDate></Reviews>
</ChildProtectionPlans></CINdetails></Child></Children></Message>"""


@SETTINGS
@given(
    st.integers(min_value=0, max_value=len(CIN)), st.binary(max_size=5), st.integers(0, len(CIN))
)
def test_mutated_cin_xml(cut, junk, where):
    _check([("cin.xml", CIN[:cut])])
    _check([("cin.xml", CIN[:where] + junk + CIN[where:])])
