"""The dispute resolution process in the year: RAG ratings by month and meeting type, the red
and green reasons of the year's last month (the seed's four charts), escalations
(docs/figures.md `unit.rag`, `unit.escalations`)."""

from __future__ import annotations

from iru.reports.annual.layout import Figures, Years, count, get, month_row_label
from iru.reports.annual.unit import escalations
from iru.reports.document import Block, Cell, Chart, Series, Table

TYPES = (("cp", "Child protection conferences"), ("lac", "Looked-after children's reviews"))
COLOURS = ("red", "amber", "green")
RAG = "The unit's RAG ratings"


def disputes(years: Years, reason_words: dict[str, str]) -> tuple[Block, ...]:
    blocks: list[Block] = [_by_month(years)]
    last_month = years.month_ends[-1]
    for type_key, type_words in TYPES:
        for colour in ("red", "green"):
            table = _reasons(years, reason_words, type_key, type_words, colour)
            blocks += [
                Chart(
                    f"{table.id}-chart",
                    table.caption,
                    table.id,
                    "bar",
                    (Series(0),),
                    "Ratings",
                    summary=f"How many {colour} ratings of "
                    f"{type_words.lower()} in {last_month:%B %Y} gave each reason.",
                ),
                table,
            ]
    blocks.append(escalations(years))
    return tuple(blocks)


def _by_month(years: Years) -> Table:
    def month(figures: Figures | None, m: str) -> tuple[Cell, ...]:
        return tuple(count(figures, f"unit.rag.by_month.{m}.{kind}.{colour}")
                     for kind, _ in TYPES for colour in COLOURS)  # fmt: skip

    totals = tuple(count(years.this, f"unit.rag.total.{kind}.{colour}")
                   for kind, _ in TYPES for colour in COLOURS)  # fmt: skip
    this, _, _ = years.labels
    return years.monthly(
        "rag-month", f"RAG ratings by month and meeting type, {this}",
        ("Conferences: red", "Conferences: amber", "Conferences: green",
         "Reviews: red", "Reviews: amber", "Reviews: green"),
        month, with_last_year=False, total_row=totals,
        source=f"{RAG} (unit.rag.by_month, unit.rag.total)",
        note="A rating is counted in the month of the meeting it follows.",
    )  # fmt: skip


def _reasons(
    years: Years, words: dict[str, str], type_key: str, type_words: str, colour: str
) -> Table:
    """The reasons given for one colour of one meeting type in the year's last month."""
    group = f"unit.rag.last_month.{type_key}.{colour}"
    given = get(years.this, group) or {}
    codes = sorted(given, key=lambda code: (-(count(years.this, f"{group}.{code}") or 0), code))
    month = month_row_label(years.month_ends[-1])
    return Table(
        f"rag-reasons-{type_key}-{colour}",
        f"{month}: {type_words}, {colour} ratings by reason",
        ("Reason", "Ratings"),
        tuple((words.get(code, code), (count(years.this, f"{group}.{code}"),)) for code in codes),
        source=f"{RAG} (unit.rag.last_month)",
        note="A rating may give several reasons: each is counted.",
    )  # fmt: skip
