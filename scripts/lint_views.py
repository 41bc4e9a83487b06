"""Fail when a page module queries the database or writes the access log itself.

The roles' pages (`src/iru/web/pages/`) are thin: they call a domain's selectors (which scope
every query to the user and log the read) and services (which own every write). So a page
module may not import a domain's `models`, `django.db` or the access log (`iru.web.audit`),
use a model manager (`.objects`) or call a QuerySet method. Forms (`*forms.py`) may import
models for their choices and give a choice field its queryset; they may not touch the log.
Imports under `if TYPE_CHECKING:` are for annotations only and are allowed.

Usage: python scripts/lint_views.py [PATH ...]  (default: src/iru/web/pages); exit 1 on a
finding, each printed as `file:line: message`.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / "src" / "iru" / "web" / "pages"
# Methods only a QuerySet or manager has (dict.get, list.count and the like are left out).
QUERYSET_METHODS = frozenset(
    {
        "aggregate",
        "annotate",
        "bulk_create",
        "bulk_update",
        "exclude",
        "exists",
        "extra",
        "filter",
        "first",
        "get_or_create",
        "last",
        "order_by",
        "prefetch_related",
        "raw",
        "select_for_update",
        "select_related",
        "update_or_create",
        "values_list",
    }
)


def _is_form_module(path: Path) -> bool:
    return path.name.endswith("forms.py")


def _imported_modules(node: ast.AST) -> list[str]:
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return []


def _forbidden_import(module: str, *, form: bool) -> str | None:
    if module == "iru.web.audit" or module.startswith("iru.web.audit."):
        return "writes or reads the access log itself: ask a selector or service"
    if form:
        return None
    if module == "django.db" or module.startswith("django.db."):
        return "imports django.db: the database is the domains' business"
    parts = module.split(".")
    if module.startswith("iru.web.") and "models" in parts:
        return f"imports {module}: fetch records through a domain's selectors"
    return None


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the nodes inside `if TYPE_CHECKING:` blocks."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for child in node.body:
                inside.update(id(sub) for sub in ast.walk(child))
    return inside


def _is_template_library(value: ast.expr) -> bool:
    """`register.filter`: a template library's decorator, not a QuerySet's method."""
    return isinstance(value, ast.Name) and value.id == "register"


def findings(path: Path, source: str) -> Iterator[tuple[int, str]]:
    """(line, message) for each thing a page module must not do."""
    tree = ast.parse(source, filename=str(path))
    form = _is_form_module(path)
    annotations_only = _type_checking_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in annotations_only:
            continue
        for module in _imported_modules(node):
            message = _forbidden_import(module, form=form)
            if message:
                yield node.lineno, message
                break
        if form or not isinstance(node, ast.Attribute):
            continue
        if node.attr == "objects":
            yield node.lineno, "uses a model manager (.objects): ask a selector"
        elif node.attr in QUERYSET_METHODS and not _is_template_library(node.value):
            yield node.lineno, f"calls .{node.attr}(): queries belong in a selector"


def page_modules(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*.py")) if p.name != "apps.py")
        else:
            yield path


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or [DEFAULT]
    found = 0
    for path in page_modules(paths):
        for line, message in findings(path, path.read_text(encoding="utf-8")):
            print(f"{path}:{line}: {message}")
            found += 1
    if found:
        print(f"lint_views: {found} finding{'s' if found != 1 else ''}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
