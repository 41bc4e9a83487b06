"""`iru.rules` is the pure core's base: it imports only the standard library, polars, the
`holidays` package and itself (no Django, nothing else of ours), and never reads the clock."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import iru.rules

RULES = Path(iru.rules.__file__).parent
ALLOWED = {"polars", "holidays", "iru"}
CLOCK = {"today", "now", "utcnow", "time", "monotonic", "perf_counter"}
MODULES = sorted(RULES.rglob("*.py"))


def _imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(RULES)) for p in MODULES])
def test_rules_import_only_the_standard_library_polars_holidays_and_rules(path: Path) -> None:
    for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        top = name.split(".")[0]
        if top == "iru":
            assert name == "iru.rules" or name.startswith("iru.rules."), name
        else:
            assert top in sys.stdlib_module_names or top in ALLOWED, name


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(RULES)) for p in MODULES])
def test_rules_never_read_the_clock(path: Path) -> None:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert node.func.attr not in CLOCK, f"{path.name}:{node.lineno} {node.func.attr}()"
