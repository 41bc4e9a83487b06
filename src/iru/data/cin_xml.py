"""Reading a CIN census XML file (root `Message`, DOMAIN.md 3.1) of any year into raw columns.

One flat Python pass over the elements whose tags matter (XML has no vectorised reader; lxml skips
the others in C), appending each row's text cells straight into per-column lists; the columns are
then typed column-wise by `cin_types`. `_row` is the line of the element each row came from.
Section 47 and plan rows keep the `CINreferralDate` of the `CINdetails` block they sit in, plan
reviews the `CPPstartDate` of their plan, every row below a child its `LAchildID`.

A field is the text of a direct child element (the last of repeated tags wins); a child's
identifiers and characteristics come from its first `ChildIdentifiers` and
`ChildCharacteristics` blocks, its disabilities from all of them.

Each element's place is checked by its parent: rows hang at fixed depths (`Message/Children/Child/
CINdetails/Section47`...), so the parent of a wanted element can only be the latest block of its
kind begun before it, and an identity test against that block is exact (lxml hands back the same
proxy for an element while one is held). A tag out of place is skipped, as a walk from the root
down would never reach it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from iru.data.dataset import SCHEMAS
from iru.data.xml_safe import child_texts
from iru.rules.years import collection_year

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

# Columns not read from the row's own element: filled from the block above it.
_INHERITED = {
    "cin_children": ("Ethnicity", "Disabilities"),
    "cin_details": ("LAchildID",),
    "section47": ("LAchildID", "CINreferralDate"),
    "cp_plans": ("LAchildID", "CINreferralDate"),
    "cp_reviews": ("LAchildID", "CPPstartDate", "CPPreviewDate"),
}
# Where a field's parent must be: the child's first ChildIdentifiers, its first
# ChildCharacteristics, or the row's own element.
_IDS, _TRAITS, _DETAILS, _S47, _PLAN = range(5)
_FIELD_TABLES = {
    _IDS: "cin_children",
    _DETAILS: "cin_details",
    _S47: "section47",
    _PLAN: "cp_plans",
}
_OWN_FIELDS: dict[int, tuple[str, ...]] = {
    context: tuple(col for col in RAW_COLUMNS[table] if col not in _INHERITED[table])
    for context, table in _FIELD_TABLES.items()
}
# Element kinds other than fields, by tag.
_CHILDREN, _CHILD, _IDENTIFIERS, _CHARACTERISTICS, _CINDETAILS = range(10, 15)
_SECTION47, _PLANS, _REVIEWS, _REVIEW, _DISABILITIES, _DISABILITY = range(15, 21)
_BLOCKS = {
    "Children": _CHILDREN,
    "Child": _CHILD,
    "ChildIdentifiers": _IDENTIFIERS,
    "ChildCharacteristics": _CHARACTERISTICS,
    "CINdetails": _CINDETAILS,
    "Section47": _SECTION47,
    "ChildProtectionPlans": _PLANS,
    "Reviews": _REVIEWS,
    "CPPreviewDate": _REVIEW,
    "Disabilities": _DISABILITIES,
    "Disability": _DISABILITY,
}
_FIELD_TAGS = {"Ethnicity"} | {col for cols in _OWN_FIELDS.values() for col in cols}
_TAGS = (*_BLOCKS, *sorted(_FIELD_TAGS - set(_BLOCKS)))


@dataclass
class Table:
    """Raw text columns of one table (named as in `RAW_COLUMNS`), and each row's line."""

    columns: dict[str, list[str | None]] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)


Rows = dict[str, Table]


def cin_rows(root: Any) -> Rows:
    """Raw text columns for cin_children, cin_details, section47, cp_plans and cp_reviews."""
    rows: Rows = {name: Table({col: [] for col in RAW_COLUMNS[name]}) for name in CIN_TABLES}
    children, details = rows["cin_children"], rows["cin_details"]
    enquiries, plans, reviews = rows["section47"], rows["cp_plans"], rows["cp_reviews"]
    # Each field tag's places: (context, column list); the current row is a list's last.
    places: dict[str, list[tuple[int, list[str | None]]]] = {tag: [] for tag in _FIELD_TAGS}
    for context, own in _OWN_FIELDS.items():
        table = rows[_FIELD_TABLES[context]]
        for col in own:
            places[col].append((context, table.columns[col]))
    places["Ethnicity"].append((_TRAITS, children.columns["Ethnicity"]))
    # Row-starting columns (pre-filled with None per row) of each table.
    child_cols = list(children.columns.values())
    details_cols = [details.columns[col] for col in _OWN_FIELDS[_DETAILS]]
    enquiry_cols = [enquiries.columns[col] for col in _OWN_FIELDS[_S47]]
    plan_cols = [plans.columns[col] for col in _OWN_FIELDS[_PLAN]]
    review_dates = reviews.columns["CPPreviewDate"]
    # The row above each row: its child (details), its CINdetails (section47, plans), its plan.
    child_of_details: list[int] = []
    details_of_enquiry: list[int] = []
    details_of_plan: list[int] = []
    plan_of_review: list[int] = []
    # A child's disability codes (a list only for a child with any: fewer objects for the GC).
    disabilities: list[list[str] | None] = []

    current: list[Any] = [None] * 5  # by context: the element a field's parent must be
    children_block: Any = None  # the latest Children under the root
    child: Any = None
    traits_any: Any = None
    disabilities_block: Any = None
    plan: Any = None
    reviews_block: Any = None
    # Each field tag's usual place (context, column), and its other places (only
    # DateOfInitialCPC has one); the current row is a column's last.
    usual = {tag: found[0] for tag, found in places.items()}
    other = {tag: found[1:] for tag, found in places.items() if len(found) > 1}
    kinds = _BLOCKS
    child_at = details_at = plan_at = -1  # the index of the latest row of each
    for element in root.iterdescendants(*_TAGS):
        tag = element.tag
        place = usual.get(tag)
        if place is not None:
            context, column = place
            if element.getparent() is current[context]:
                column[-1] = element.text
            elif tag in other:
                parent = element.getparent()
                for context, column in other[tag]:
                    if parent is current[context]:
                        column[-1] = element.text
            continue
        kind = kinds[tag]
        parent = element.getparent()
        # Most frequent first.
        if kind == _CINDETAILS:
            if parent is child:
                current[_DETAILS] = element
                for column in details_cols:
                    column.append(None)
                details.lines.append(element.sourceline)
                child_of_details.append(child_at)
                details_at += 1
        elif kind == _CHILD:
            if parent is children_block:
                child = element
                current[_IDS] = current[_TRAITS] = traits_any = None
                for column in child_cols:
                    column.append(None)
                children.lines.append(element.sourceline)
                disabilities.append(None)
                child_at += 1
        elif kind == _IDENTIFIERS:
            if parent is child and current[_IDS] is None:
                current[_IDS] = element
        elif kind == _CHARACTERISTICS:
            if parent is child:
                traits_any = element
                if current[_TRAITS] is None:
                    current[_TRAITS] = element
        elif kind == _REVIEW:
            if parent is reviews_block:
                review_dates.append(element.text)
                reviews.lines.append(element.sourceline)
                plan_of_review.append(plan_at)
        elif kind == _PLANS:
            if parent is current[_DETAILS]:
                current[_PLAN] = plan = element
                for column in plan_cols:
                    column.append(None)
                plans.lines.append(element.sourceline)
                details_of_plan.append(details_at)
                plan_at += 1
        elif kind == _REVIEWS:
            if parent is plan:
                reviews_block = element
        elif kind == _SECTION47:
            if parent is current[_DETAILS]:
                current[_S47] = element
                for column in enquiry_cols:
                    column.append(None)
                enquiries.lines.append(element.sourceline)
                details_of_enquiry.append(details_at)
        elif kind == _DISABILITIES:
            if parent is traits_any:
                disabilities_block = element
        elif kind == _DISABILITY:
            if parent is disabilities_block:
                codes = disabilities[-1]
                if codes is None:
                    disabilities[-1] = codes = []
                codes.append((element.text or "").strip())
        elif kind == _CHILDREN and parent is root:
            children_block = element

    children.columns["Disabilities"] = [
        None if codes is None else ";".join(code for code in codes if code) or None
        for codes in disabilities
    ]
    child_ids = children.columns["LAchildID"]
    details.columns["LAchildID"] = details_ids = [child_ids[at] for at in child_of_details]
    referrals = details.columns["CINreferralDate"]
    for table, above in ((enquiries, details_of_enquiry), (plans, details_of_plan)):
        table.columns["LAchildID"] = [details_ids[at] for at in above]
        table.columns["CINreferralDate"] = [referrals[at] for at in above]
    plan_ids, starts = plans.columns["LAchildID"], plans.columns["CPPstartDate"]
    reviews.columns["LAchildID"] = [plan_ids[at] for at in plan_of_review]
    reviews.columns["CPPstartDate"] = [starts[at] for at in plan_of_review]
    return rows


def header_collection_year(root: Any) -> int | None:
    """The collection year named by its 31 March (2016 = 2015-16), from the file's header:
    `ReferenceDate` (normally a 31 March; `iru.rules.years.collection_year` of it) where it is a
    date, else the year it starts with, else `Year`."""
    details = root.find("Header/CollectionDetails")
    texts = child_texts(details) if details is not None else {}
    reference = (texts.get("ReferenceDate") or "").strip()
    try:
        return collection_year(date.fromisoformat(reference[:10]))
    except ValueError:
        pass
    if len(reference) >= 4 and reference[:4].isdigit():
        return int(reference[:4])
    year_text = (texts.get("Year") or "").strip()
    return int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
