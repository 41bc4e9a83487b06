"""The production settings: Django's deployment checks pass, and the app refuses to start
without a real secret key or with no (or any) allowed host (ADR 28)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = {
    "IRU_SECRET_KEY": secrets.token_urlsafe(50),
    "IRU_ALLOWED_HOSTS": "iru.borsetshire.gov.uk",
}


def _check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items()
        # the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process: not a deployment's
        if not key.startswith("IRU_")
        and key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    } | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        "IRU_VAR_DIR": str(tmp_path),
    } | env  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING",
         "--settings", "iru.web.settings.production"],
        env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_the_deployment_checks_pass(tmp_path):
    result = _check(tmp_path, **GOOD)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"IRU_ALLOWED_HOSTS": "iru.borsetshire.gov.uk"}, "IRU_SECRET_KEY must be set"),
        (GOOD | {"IRU_SECRET_KEY": "short"}, "IRU_SECRET_KEY must be set"),
        (GOOD | {"IRU_SECRET_KEY": "a" * 60}, "IRU_SECRET_KEY must be set"),
        ({"IRU_SECRET_KEY": GOOD["IRU_SECRET_KEY"]}, "IRU_ALLOWED_HOSTS must list"),
        (GOOD | {"IRU_ALLOWED_HOSTS": "*"}, "IRU_ALLOWED_HOSTS must list"),
    ],
)
def test_the_app_refuses_to_start_without_a_key_or_its_hosts(tmp_path, env, says):
    result = _check(tmp_path, **env)
    assert result.returncode != 0
    assert says in result.stderr
    key = env.get("IRU_SECRET_KEY")
    if key:
        assert key not in result.stderr  # a key is never printed
