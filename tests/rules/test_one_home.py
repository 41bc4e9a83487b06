"""Each rule has one home: outside `iru.rules` no code moves a date by a number typed in, and no
page states a timescale the rules do not supply."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "iru"
DATE_MOVERS = {"add_working_days", "add_working_days_expr", "add_months", "add_months_expr", "add"}
TIMESCALE_TEXT = re.compile(r"\b\d+\s+(working\s+)?(days?|months?)\b", re.IGNORECASE)


def _literal_moves(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        numbers = [
            arg
            for arg in node.args[1:]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, int) and arg.value
        ]
        if name in DATE_MOVERS and numbers:
            found.append(f"{path}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_date_is_moved_by_a_literal_outside_the_rules():
    modules = [p for p in SRC.rglob("*.py") if "rules" not in p.relative_to(SRC).parts[:1]]
    assert modules
    found = [line for path in modules for line in _literal_moves(path)]
    assert found == []


def test_the_check_would_see_one(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("x = add_working_days(start, 20)\ny = wd.add(day, 3)\nz = add_months(d, n)\n")
    assert len(_literal_moves(sample)) == 2


def test_no_template_types_a_timescale():
    templates = list(SRC.joinpath("web").rglob("*.html"))
    assert templates
    found = [
        f"{path.relative_to(SRC)}: {match.group(0)!r}"
        for path in templates
        for match in TIMESCALE_TEXT.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


RULES = {
    "add_months",
    "add_working_days",
    "age_on",
    "collection_year",
    "complete_month_ends",
    "current_year_end",
    "is_month_end",
    "open_period",
    "participation_error",
    "periods_of_care",
    "reporting_year",
    "working_days_between",
}


def test_no_rule_is_written_again_outside_the_rules():
    found = [
        f"{path.relative_to(SRC)}:{node.lineno}: def {node.name}"
        for path in SRC.rglob("*.py")
        if path.relative_to(SRC).parts[0] != "rules"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name.lstrip("_") in RULES
    ]
    assert found == []
