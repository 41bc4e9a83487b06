"""Settings for the demo and local development: SQLite in var/, served on 127.0.0.1."""

from __future__ import annotations

import os

from iru.web.settings.base import *  # noqa: F403
from iru.web.settings.base import VAR_DIR

# The demo runs on the developer's own machine only; a per-checkout key is written once.
_key_file = VAR_DIR / "secret_key"
if not _key_file.exists():
    import secrets

    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _key_file.write_text(secrets.token_urlsafe(50))
SECRET_KEY = os.environ.get("IRU_SECRET_KEY") or _key_file.read_text().strip()
DEBUG = os.environ.get("IRU_DEBUG", "") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# `iru demo --today D`: the demo's pages count from D too (the demo clock, `iru.web.clock`).
# Only these settings read it: the production settings never set a day.
IRU_DEMO_TODAY = os.environ.get("IRU_DEMO_TODAY") or None

# Demo and development: no collectstatic step; whitenoise serves straight from the finders.
WHITENOISE_USE_FINDERS = True
