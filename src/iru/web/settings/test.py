"""Settings for the test suite: SQLite in memory unless DATABASE_URL names another database."""

from __future__ import annotations

import os

import dj_database_url

from iru.web.settings.base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-not-for-any-real-deployment"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {
    "default": dj_database_url.parse(os.environ.get("DATABASE_URL", "sqlite://:memory:")),
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
