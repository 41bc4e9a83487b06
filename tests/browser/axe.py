"""axe-core accessibility checks (WCAG 2.2 AA) for pages in browser tests."""

from __future__ import annotations

import functools
from pathlib import Path

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def assert_accessible(page) -> None:  # type: ignore[no-untyped-def]
    """Run axe-core on the page as it is now; fail listing each WCAG 2.2 AA violation."""
    # Evaluated by the browser's debugging protocol, not added as a <script>: the app's
    # Content-Security-Policy refuses inline scripts, as it should.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
    assert not violations, f"axe found on {page.url}:\n" + "\n".join(violations)
