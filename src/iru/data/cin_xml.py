"""Reading a CIN census XML file (root `Message`, DOMAIN.md 3.1) of any year into raw rows.

One Python pass over the elements (XML has no vectorised reader); the rows are then typed
column-wise by `cin_types`. `_row` is the line of the element each row came from. Section 47
and plan rows keep the `CINreferralDate` of the `CINdetails` block they sit in.
"""

from __future__ import annotations

from typing import Any

from iru.data.xml_safe import child_texts

Rows = dict[str, list[dict[str, str | None]]]

_IDENTIFIERS = ("LAchildID", "UPN", "PersonBirthDate", "ExpectedPersonBirthDate", "PersonDeathDate")


def cin_rows(root: Any) -> Rows:
    """Raw text rows for cin_children, cin_details, section47, cp_plans and cp_reviews."""
    rows: Rows = {
        name: [] for name in ("cin_children", "cin_details", "section47", "cp_plans", "cp_reviews")
    }
    for child in root.iterfind("Children/Child"):
        child_id = _child_row(child, rows)
        for details in child.iterfind("CINdetails"):
            _details_rows(details, child_id, rows)
    return rows


def _child_row(child: Any, rows: Rows) -> str | None:
    identifiers = child.find("ChildIdentifiers")
    ids = child_texts(identifiers) if identifiers is not None else {}
    characteristics = child.find("ChildCharacteristics")
    traits = child_texts(characteristics) if characteristics is not None else {}
    disabilities = [
        (element.text or "").strip()
        for element in child.iterfind("ChildCharacteristics/Disabilities/Disability")
    ]
    row = {name: ids.get(name) for name in _IDENTIFIERS}
    row |= {
        "GenderCurrent": ids.get("GenderCurrent"),
        "Sex": ids.get("Sex"),
        "Ethnicity": traits.get("Ethnicity"),
        "Disabilities": ";".join(code for code in disabilities if code) or None,
        "_row": str(child.sourceline),
    }
    rows["cin_children"].append(row)
    return row["LAchildID"]


def _details_rows(details: Any, child_id: str | None, rows: Rows) -> None:
    own = child_texts(details)
    link = {"LAchildID": child_id, "CINreferralDate": own.get("CINreferralDate")}
    rows["cin_details"].append({**own, "LAchildID": child_id, "_row": str(details.sourceline)})
    for enquiry in details.iterfind("Section47"):
        rows["section47"].append({**child_texts(enquiry), **link, "_row": str(enquiry.sourceline)})
    for plan in details.iterfind("ChildProtectionPlans"):
        fields = child_texts(plan)
        rows["cp_plans"].append({**fields, **link, "_row": str(plan.sourceline)})
        for review in plan.iterfind("Reviews/CPPreviewDate"):
            rows["cp_reviews"].append(
                {
                    "LAchildID": child_id,
                    "CPPstartDate": fields.get("CPPstartDate"),
                    "CPPreviewDate": review.text,
                    "_row": str(review.sourceline),
                }
            )


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
