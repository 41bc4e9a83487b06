"""Reading an SSDA903 XML file (root `EXPSSDA903`, DOMAIN.md 2.1) into the 903 tables.

Each `CHILD` has a `HEADER` (with `CHILDID` for CSV `CHILD`, repeating `AREVIEW` reviews and
nested `OC2`, `OC3`, `AMISSING` blocks) and repeating `EPISODE`s (`PL` for CSV `PLACE`). `_row` is
the line of the element a row came from.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from iru.data.read903 import TableRead, text_frame, type_903
from iru.data.tables903 import REVIEWS, TABLES, Table903
from iru.data.xml_safe import child_texts

_RENAMES = {"CHILDID": "CHILD", "PL": "PLACE"}
# Blocks nested in HEADER that are tables of their own, by element name.
_NESTED = {
    "AREVIEW": REVIEWS,
    "OC2": TABLES["OC2"],
    "OC3": TABLES["OC3"],
    "AMISSING": TABLES["Missing"],
}


def read_903_xml(file: str, root: Any) -> list[TableRead]:
    """The tables of a parsed `EXPSSDA903` document (only those with rows, Header and Episodes
    always). Values are cleaned and checked exactly as for the CSV files."""
    rows: dict[str, list[dict[str, str | None]]] = {"Header": [], "Episodes": []}
    for child in root.iterfind("CHILD"):
        header = child.find("HEADER")
        texts = _texts(header) if header is not None else {}
        person = {"CHILD": texts.get("CHILD"), "DOB": texts.get("DOB")}
        rows["Header"].append({**texts, "_row": str(_line(header, child))})
        for episode in child.iterfind("EPISODE"):
            rows["Episodes"].append(
                {**_texts(episode), "CHILD": person["CHILD"], "_row": str(episode.sourceline)}
            )
        for tag, table in _NESTED.items():
            for block in header.iterfind(tag) if header is not None else ():
                record = {**person, **_texts(block), "_row": str(block.sourceline)}
                rows.setdefault(table.name, []).append(record)
    return [_typed(file, TABLES[name], records) for name, records in rows.items()]


def _texts(element: Any) -> dict[str, str | None]:
    return {_RENAMES.get(tag, tag): value for tag, value in child_texts(element).items()}


def _line(element: Any, fallback: Any) -> int:
    line = element.sourceline if element is not None else None
    return int(line if line is not None else fallback.sourceline or 0)


def _typed(file: str, table: Table903, records: list[dict[str, str | None]]) -> TableRead:
    schema = {col: pl.String() for col in (*table.columns, "_row")}
    raw = pl.DataFrame(
        [{col: record.get(col) for col in schema} for record in records],
        schema=schema,
        orient="row",
    ).with_columns(pl.col("_row").cast(pl.Int64))
    frame, findings = type_903(text_frame(table, file, raw), table)
    return TableRead(table, file, frame, findings)
