"""Every table of a report as XLSX and CSV, read back: the values and their types, nothing
hidden, no formula anywhere, and the same bytes from the same document."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

import pytest
import time_machine
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from iru.reports.document import Chart, ReportDocument, Section, Series, Share, Table
from iru.reports.sheet_layout import safe_text
from iru.reports.spreadsheets import (
    csv_from_table,
    csv_zip_from_document,
    sheet_names,
    xlsx_from_document,
)

# What a user could type into a reason, a label or a narrative, meant to run on opening.
HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)", "\t=1"]

REVIEWS = Table(
    id="reviews/by:month",
    caption="Reviews held by month",
    columns=("Month", "Held", "In timescale", "Average days early"),
    rows=(
        ("April 2015", (12, Share(10, 12, 83.3), 4.5)),
        (HOSTILE[0], ("c", "c", None)),
        ("February 2016", (0, Share(0, 0, None), 0.25)),
        ("Total", (1234, Share(1100, 1234, 89.1), 2.0)),
    ),
    note=HOSTILE[2],
    source="reviews.by_month",
    total_row=True,
)
REASONS = Table(
    id="rag.red_reasons",
    caption=HOSTILE[1],
    columns=("Reason", HOSTILE[3]),
    rows=((HOSTILE[4], (7,)), ("Plan drifting", (2,))),
    counts_children=True,
)
POSTS = Table(
    id="rag.red_reasons",  # the same id again: a second sheet, a second file
    caption="Posts",
    columns=("Post", "FTE"),
    rows=(("IRO", (6.5,)),),
    counts_children=False,
)
DOCUMENT = ReportDocument(
    kind="annual",
    title="Annual Independent Chairperson's Report",
    subtitle="April 2015 to March 2016",
    council="Borsetshire County Council",
    period="2016-03-31",
    made_on=date(2016, 4, 30),
    edition="public",
    status="published",
    sections=(
        Section("reviews", "Reviews", (
            Chart("chart", "Reviews", "reviews/by:month", "line", (Series(0),)), REVIEWS)),
        Section("rag", HOSTILE[3], (REASONS, POSTS)),
    ),
)  # fmt: skip


def _workbook(document: ReportDocument = DOCUMENT) -> Workbook:
    return load_workbook(io.BytesIO(xlsx_from_document(document)))


def _values(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_safe_text_disarms_every_formula_start_and_leaves_other_words() -> None:
    assert [safe_text(text) for text in HOSTILE] == [f"'{text}" for text in HOSTILE]
    assert safe_text("\rx") == "'\rx"
    assert safe_text("Plan drifting - again") == "Plan drifting - again"
    assert safe_text("c") == "c"
    assert safe_text("a\x01b") == "ab"  # not allowed in an XLSX at all


def test_sheet_names_are_short_unique_and_without_forbidden_characters() -> None:
    ids = ["reviews/by:month", "a" * 40, "A" * 40, "contents", "[x]*?\\'", "history", ""]
    names = sheet_names(ids)
    assert names == [
        "reviews-by-month",
        "a" * 31,
        "A" * 29 + "-2",  # the same as the one before in Excel's eyes (any case)
        "contents-2",
        "-x-----",
        "history-2",
        "Table",
    ]
    assert all(len(name) <= 31 for name in names)


def test_the_contents_sheet_names_the_report_and_links_every_table() -> None:
    book = _workbook()
    assert book.sheetnames == ["Contents", "reviews-by-month", "rag.red_reasons",
                               "rag.red_reasons-2"]  # fmt: skip
    contents = book["Contents"]
    assert _values(contents) == [
        ["Annual Independent Chairperson's Report", None, None, None],
        ["April 2015 to March 2016", None, None, None],
        [None, None, None, None],
        ["Council", "Borsetshire County Council", None, None],
        ["Period", "2016-03-31", None, None],
        ["Edition", "For publication: small numbers suppressed", None, None],
        ["Status", "Published", None, None],
        ["Made on", datetime(2016, 4, 30), None, None],
        [None, None, None, None],
        ["Number", "Section", "Table", "Sheet"],
        [1, "Reviews", "Reviews held by month", "reviews-by-month"],
        [2, "'@SUM(A1)", "'+cmd|' /C calc'!A0", "rag.red_reasons"],
        [3, "'@SUM(A1)", "Posts", "rag.red_reasons-2"],
    ]
    links = [(cell.coordinate, cell.hyperlink) for row in contents.iter_rows() for cell in row
             if cell.hyperlink is not None]  # fmt: skip
    assert [(at, link.location, link.target) for at, link in links] == [
        ("C11", "'reviews-by-month'!A1", None),
        ("D11", "'reviews-by-month'!A1", None),
        ("C12", "'rag.red_reasons'!A1", None),
        ("D12", "'rag.red_reasons'!A1", None),
        ("C13", "'rag.red_reasons-2'!A1", None),
        ("D13", "'rag.red_reasons-2'!A1", None),
    ]
    assert book.properties.created == book.properties.modified == datetime(2016, 4, 30)


def test_a_table_sheet_holds_numbers_as_numbers_and_a_share_as_three_columns() -> None:
    sheet = _workbook()["reviews-by-month"]
    assert _values(sheet) == [
        ["Reviews held by month", None, None, None, None, None],
        ["Month", "Held", "In timescale (%)", "In timescale: numerator",
         "In timescale: denominator", "Average days early"],
        ["April 2015", 12, 83.3, 10, 12, 4.5],
        ['\'=HYPERLINK("http://x","y")', "c", "c", "c", "c", "No data"],
        ["February 2016", 0, "None to count", 0, 0, 0.25],
        ["Total", 1234, 89.1, 1100, 1234, 2],
        [None, None, None, None, None, None],
        ["'-1+1", None, None, None, None, None],
        ["Source: reviews.by_month", None, None, None, None, None],
    ]  # fmt: skip
    april, total = sheet[3], sheet[6]
    assert [type(cell.value) for cell in april] == [str, int, float, int, int, float]
    assert [cell.number_format for cell in april[1:]] == [
        "#,##0", "0.0", "#,##0", "#,##0", "#,##0.0"]  # fmt: skip
    assert sheet.freeze_panes == "A3"
    assert all(cell.font.b for cell in sheet[2])
    assert all(cell.font.b for cell in total)
    assert not any(cell.font.b for cell in april)


def test_nothing_is_hidden_and_nothing_is_a_formula() -> None:
    book = _workbook()
    assert [sheet.sheet_state for sheet in book] == ["visible"] * 4
    assert not book.defined_names
    for sheet in book:
        assert not any(d.hidden for d in sheet.column_dimensions.values()), sheet.title
        assert not any(d.hidden for d in sheet.row_dimensions.values()), sheet.title
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert {cell.data_type for cell in cells} <= {"s", "n", "d"}, sheet.title
        texts = [cell.value for cell in cells if isinstance(cell.value, str)]
        assert not [text for text in texts if text.startswith(("=", "+", "-", "@", "\t"))]
    with zipfile.ZipFile(io.BytesIO(xlsx_from_document(DOCUMENT))) as archive:
        names = archive.namelist()
        xml = b"".join(archive.read(name) for name in names)
    assert not [name for name in names if "vba" in name.lower() or "external" in name.lower()]
    assert b"<f>" not in xml
    assert b"<f " not in xml
    assert b"TargetMode" not in xml


def test_the_reasons_sheet_disarms_its_heading_label_and_caption() -> None:
    sheet = _workbook()["rag.red_reasons"]
    assert _values(sheet)[:4] == [
        ["'+cmd|' /C calc'!A0", None],
        ["Reason", "'@SUM(A1)"],
        ["'\t=1", 7],
        ["Plan drifting", 2],
    ]
    assert sheet.max_row == 4  # no note and no source: nothing below


def test_columns_are_as_wide_as_their_values() -> None:
    sheet = _workbook()["reviews-by-month"]
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEF"}
    # The widest value of each column (heading or cell) and 2 more; 8 at least.
    assert widths == {
        "A": len('\'=HYPERLINK("http://x","y")') + 2,
        "B": 8,  # "Held", "1,234"
        "C": len("In timescale (%)") + 2,
        "D": len("In timescale: numerator") + 2,
        "E": len("In timescale: denominator") + 2,
        "F": len("Average days early") + 2,
    }


def test_the_same_document_gives_the_same_bytes_whenever_it_is_made() -> None:
    with time_machine.travel(datetime(2020, 1, 1, 9, 0, 1), tick=False):
        first = xlsx_from_document(DOCUMENT), csv_zip_from_document(DOCUMENT)
    with time_machine.travel(datetime(2031, 7, 9, 17, 45, 59), tick=False):
        second = xlsx_from_document(DOCUMENT), csv_zip_from_document(DOCUMENT)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first[0])) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2016, 4, 30, 0, 0, 0)}


def test_a_table_as_csv_reads_back_with_the_same_values() -> None:
    text = csv_from_table(REVIEWS)
    assert text.endswith("\r\n")
    assert "\r\n" in text.removesuffix("\r\n")
    assert list(csv.reader(io.StringIO(text))) == [
        ["Month", "Held", "In timescale (%)", "In timescale: numerator",
         "In timescale: denominator", "Average days early"],
        ["April 2015", "12", "83.3", "10", "12", "4.5"],
        ['\'=HYPERLINK("http://x","y")', "c", "c", "c", "c", "No data"],
        ["February 2016", "0", "None to count", "0", "0", "0.25"],
        ["Total", "1234", "89.1", "1100", "1234", "2.0"],
    ]  # fmt: skip


def test_every_table_is_a_csv_in_the_zip_with_its_contents() -> None:
    with zipfile.ZipFile(io.BytesIO(csv_zip_from_document(DOCUMENT))) as archive:
        names = archive.namelist()
        files = {name: archive.read(name) for name in names}
    assert names == ["contents.csv", "01-reviews-by-month.csv", "02-rag.red_reasons.csv",
                     "03-rag.red_reasons.csv"]  # fmt: skip
    assert all(content.startswith("\ufeff".encode()) for content in files.values())
    contents = list(csv.DictReader(io.StringIO(files["contents.csv"].decode("utf-8-sig"))))
    assert [(row["number"], row["file"], row["section"], row["caption"]) for row in contents] == [
        ("1", "01-reviews-by-month.csv", "Reviews", "Reviews held by month"),
        ("2", "02-rag.red_reasons.csv", "'@SUM(A1)", "'+cmd|' /C calc'!A0"),
        ("3", "03-rag.red_reasons.csv", "'@SUM(A1)", "Posts"),
    ]
    assert {(row["edition"], row["status"], row["made_on"]) for row in contents} == {
        ("For publication: small numbers suppressed", "published", "2016-04-30")
    }
    assert contents[0]["note"] == "'-1+1"
    assert contents[0]["source"] == "reviews.by_month"
    reasons = files["02-rag.red_reasons.csv"].decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(reasons))) == [
        ["Reason", "'@SUM(A1)"], ["'\t=1", "7"], ["Plan drifting", "2"]]  # fmt: skip
    assert csv_from_table(POSTS) in files["03-rag.red_reasons.csv"].decode("utf-8-sig")


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("In timescale (%)", ["In timescale (%)", "In timescale: numerator",
                              "In timescale: denominator"]),
        ("Participation %", ["Participation %", "Participation: numerator",
                             "Participation: denominator"]),
        ("%", ["%", "Percentage: numerator", "Percentage: denominator"]),
    ],
)  # fmt: skip
def test_a_percentage_heading_is_not_marked_twice(heading: str, expected: list[str]) -> None:
    table = Table("t", "T", ("Month", heading), (("April", (Share(1, 2, 50.0),)),))
    assert next(csv.reader(io.StringIO(csv_from_table(table)))) == ["Month", *expected]
