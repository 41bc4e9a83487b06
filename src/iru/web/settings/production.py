"""Settings for production: every secret and host from the environment, HTTPS only.

The app refuses to start without a secret key of a real length and the host names it is
served as: a default for either would be a hole nobody sees (ADR 28)."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from iru.web.settings.base import *  # noqa: F403

# Django's own check (security.W009) asks for 50 characters, 5 of them different.
MINIMUM_SECRET_KEY_LENGTH = 50


def _secret_key() -> str:
    key = os.environ.get("IRU_SECRET_KEY", "")
    if len(key) < MINIMUM_SECRET_KEY_LENGTH or len(set(key)) < 5:
        raise ImproperlyConfigured(
            f"IRU_SECRET_KEY must be set to a random value of at least "
            f"{MINIMUM_SECRET_KEY_LENGTH} characters (for example: python -c "
            '"import secrets; print(secrets.token_urlsafe(50))")'
        )
    return key


def _allowed_hosts() -> list[str]:
    hosts = [h.strip() for h in os.environ.get("IRU_ALLOWED_HOSTS", "").split(",") if h.strip()]
    if not hosts or "*" in hosts:
        raise ImproperlyConfigured(
            "IRU_ALLOWED_HOSTS must list the host names the app is served as, separated by "
            'commas (for example: iru.council.gov.uk), and may not be "*"'
        )
    return hosts


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = _allowed_hosts()
DEBUG = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix: the browser keeps the cookie only if it is Secure, for "/" and for this
# host alone (no Domain), so no other site of the council's can set or read it.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
