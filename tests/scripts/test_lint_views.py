"""The page lint (scripts/lint_views.py) finds what a page module must not do, and the pages
as they are have none of it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "lint_views.py"
_spec = importlib.util.spec_from_file_location("lint_views", SCRIPT)
assert _spec is not None
assert _spec.loader is not None
lint_views = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lint_views)


def found(source: str, name: str = "views.py") -> list[str]:
    return [message for _, message in lint_views.findings(Path(name), source)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from iru.web.children.models import Child\n", "imports iru.web.children.models"),
        ("from iru.web.children import models\n", "imports iru.web.children.models"),
        ("import iru.web.meetings.models\n", "imports iru.web.meetings.models"),
        ("from iru.web.audit.services import access_event_record\n", "access log"),
        ("from django.db import transaction\n", "django.db"),
        ("def v(r):\n    return Child.objects.all()\n", "model manager"),
        ("def v(r, qs):\n    return qs.filter(pk=1)\n", ".filter()"),
        ("def v(r, child):\n    return child.episodes.order_by('decom')\n", ".order_by()"),
    ],
)
def test_each_kind_of_finding(source, expected):
    messages = found(source)
    assert messages, source
    assert expected in messages[0]


def test_forms_may_name_models_but_not_the_log():
    assert found("from iru.web.meetings.models import Meeting\n", "forms.py") == []
    assert found("queryset = Staff.objects.none()\n", "forms.py") == []
    assert found("from iru.web.audit import services\n", "forms.py")


def test_annotations_only_imports_and_plain_python_pass():
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from iru.web.children.models import Child\n"
        "def v(request, items: dict):\n"
        "    return items.get('a'), [1, 2].count(1), filter(None, [])\n"
        "@register.filter\n"
        "def words(code): return code\n"
    )
    assert found(source) == []


def test_the_pages_are_clean(capsys):
    assert lint_views.main([]) == 0, capsys.readouterr().out
