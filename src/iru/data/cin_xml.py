"""Reading a CIN census XML file (root `Message`, DOMAIN.md 3.1) of any year into raw rows.

One Python pass over the elements that hold rows (XML has no vectorised reader), touching each
element once and building one list of text cells per row; the rows are then typed column-wise by
`cin_types`. `_row` is the line of the element each row came from. Section 47 and plan rows keep
the `CINreferralDate` of the `CINdetails` block they sit in.

A field is the text of a direct child element (the last of repeated tags wins); a child's
identifiers and characteristics come from its first `ChildIdentifiers` and
`ChildCharacteristics` blocks, its disabilities from all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from iru.data.dataset import SCHEMAS
from iru.data.xml_safe import child_texts

CIN_TABLES = ("cin_children", "cin_details", "section47", "cp_plans", "cp_reviews")
# Raw text columns of each table: its schema's columns, plus those it is typed from.
_EXTRA_RAW = {"cin_children": ("GenderCurrent",)}
RAW_COLUMNS: dict[str, tuple[str, ...]] = {
    name: (
        *(col for col in SCHEMAS[name] if col not in ("_file", "_row")),
        *_EXTRA_RAW.get(name, ()),
    )
    for name in CIN_TABLES
}


@dataclass
class Table:
    """Raw rows of one table: text cells in `RAW_COLUMNS` order, and each row's line."""

    rows: list[tuple[str | None, ...]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


Rows = dict[str, Table]


def cin_rows(root: Any) -> Rows:
    """Raw text rows for cin_children, cin_details, section47, cp_plans and cp_reviews."""
    rows: Rows = {name: Table() for name in CIN_TABLES}
    for children in root.iterchildren("Children"):
        for child in children.iterchildren("Child"):
            _child_rows(child, rows)
    return rows


def _child_rows(child: Any, rows: Rows) -> None:
    ids: dict[str, str | None] | None = None
    traits: dict[str, str | None] | None = None
    disabilities: list[str] = []
    details: list[Any] = []
    for element in child.iterchildren():
        tag = element.tag
        if tag == "ChildIdentifiers":
            if ids is None:
                ids = child_texts(element)
        elif tag == "ChildCharacteristics":
            if traits is None:
                traits = child_texts(element)
            for block in element.iterchildren("Disabilities"):
                disabilities += [
                    (item.text or "").strip() for item in block.iterchildren("Disability")
                ]
        elif tag == "CINdetails":
            details.append(element)
    # Only identifiers, GenderCurrent and Sex are taken from ChildIdentifiers; both others
    # below are always set, so a stray element of that name there is never read.
    record = dict(ids) if ids is not None else {}
    record["Ethnicity"] = traits.get("Ethnicity") if traits is not None else None
    record["Disabilities"] = ";".join(code for code in disabilities if code) or None
    _add(rows["cin_children"], record, child.sourceline, "cin_children")
    child_id = record.get("LAchildID")
    for block in details:
        _details_rows(block, child_id, rows)


def _details_rows(details: Any, child_id: str | None, rows: Rows) -> None:
    own: dict[str, str | None] = {}
    enquiries: list[Any] = []
    plans: list[Any] = []
    for element in details.iterchildren():
        tag = element.tag
        if isinstance(tag, str):
            own[tag] = element.text
            if tag == "Section47":
                enquiries.append(element)
            elif tag == "ChildProtectionPlans":
                plans.append(element)
    referral = own.get("CINreferralDate")
    own["LAchildID"] = child_id
    _add(rows["cin_details"], own, details.sourceline, "cin_details")
    for enquiry in enquiries:
        fields = child_texts(enquiry)
        fields["LAchildID"] = child_id
        fields["CINreferralDate"] = referral
        _add(rows["section47"], fields, enquiry.sourceline, "section47")
    reviews = rows["cp_reviews"]
    for plan in plans:
        fields = child_texts(plan)
        start = fields.get("CPPstartDate")
        fields["LAchildID"] = child_id
        fields["CINreferralDate"] = referral
        _add(rows["cp_plans"], fields, plan.sourceline, "cp_plans")
        for block in plan.iterchildren("Reviews"):
            for review in block.iterchildren("CPPreviewDate"):
                reviews.rows.append((child_id, start, review.text))
                reviews.lines.append(review.sourceline)


def _add(table: Table, record: dict[str, str | None], line: int, name: str) -> None:
    # Tuples of strings are dropped from the garbage collector's watch: cheap to hold by the
    # hundred thousand.
    table.rows.append(tuple(map(record.get, RAW_COLUMNS[name])))
    table.lines.append(line)


def collection_year(root: Any) -> int | None:
    """The collection year named by its 31 March (2016 = 2015-16), from the file's header:
    `ReferenceDate` (a 31 March) where readable, else `Year`."""
    details = root.find("Header/CollectionDetails")
    texts = child_texts(details) if details is not None else {}
    reference = (texts.get("ReferenceDate") or "").strip()
    if len(reference) >= 4 and reference[:4].isdigit():
        year = int(reference[:4])
        return year if reference[5:7] in ("", "01", "02", "03") else year + 1
    year_text = (texts.get("Year") or "").strip()
    return int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
