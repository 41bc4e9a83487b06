"""Every response carries the security headers (ADR 28): a strict Content-Security-Policy (no
inline script or style, nothing from elsewhere, no framing), a Permissions-Policy refusing
every powerful feature, and the rest of Django's; every page holds to the policy (no inline
style or script in what it sends)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from tests.web.fixtures.roles import sign_in

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_the_sign_in_page_carries_every_security_header(client):
    response = client.get(reverse("sign-in"))
    policy = _policy(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    permissions = dict(
        part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert permissions[feature] == "()", feature
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def _inline_style_or_script(page: str) -> list[str]:
    tree = lxml_html.fromstring(page)
    found = [f"<{e.tag}>" for e in tree.iter("style")]
    found += [f"<script> {(e.text or '')[:30]}" for e in tree.iter("script") if not e.get("src")]
    found += [
        f"{e.tag} style=" for e in tree.iter() if isinstance(e.tag, str) and "style" in e.attrib
    ]
    found += [f"{e.tag} {a}=" for e in tree.iter() if isinstance(e.tag, str)
              for a in e.attrib if a.startswith("on")]  # fmt: skip
    return found


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("head", "reports:annual"),
        ("head", "reports:rag-report"),
        ("chair", "reports:rag-report"),
        ("head", "home"),
        ("admin", "home"),
    ],
)
def test_pages_hold_to_the_policy_with_no_inline_style_or_script(client, users, today, role, url):
    """The report pages draw charts: as images of their SVG, whose own styles the policy
    does not reach, so the page itself has none inline."""
    assert sign_in(client, role)
    args = ["2024-03-31"] if url == "reports:annual" else []
    response = client.get(reverse(url, args=args), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert _inline_style_or_script(page) == []
    if url == "reports:annual":
        assert re.search(r'<img class="iru-chart__image" src="data:image/svg\+xml;base64,', page)
