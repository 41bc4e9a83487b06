"""Settings shared by every environment. Values that differ come from environment variables."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parents[4]  # the checkout
VAR_DIR = Path(os.environ.get("IRU_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("IRU_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = [h for h in os.environ.get("IRU_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",  # the history of every correction (ADR 16)
    "csp",  # the Content-Security-Policy (ADR 28)
    "axes",  # sign-in lockout (ADR 29)
    # Domains, lowest first: each imports only those before it in this list.
    "iru.web.core",
    "iru.web.people",
    "iru.web.audit",
    "iru.web.children",
    "iru.web.caseloads",
    "iru.web.meetings",
    "iru.web.disputes",
    "iru.web.oversight",
    "iru.web.schedule",
    "iru.web.imports",
    "iru.web.reports",
    # The roles' pages (no models).
    "iru.web.pages",
]

AUTH_USER_MODEL = "people.User"
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "sign-in"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "iru.web.core.request_ids.request_id",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "iru.web.people.sessions.absolute_session_limit",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "iru.web.core.middleware.no_store_when_signed_in",
    # Last, as django-axes asks: it answers a locked-out sign-in with the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Sign-in lockout (ADR 29, SECURITY.md): 10 failures for one username, or from one address,
# pause signing in with it for 15 minutes from the last failure. Attempts while paused are
# refused without being counted, so nobody can keep a colleague locked out for longer.
# A username that has no account is counted the same, so the lockout never tells whether
# an account exists. A successful sign-in clears the account's failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "common/locked_out.html"
# The address a sign-in came from: the connection's, or behind IRU_PROXY_COUNT proxies of the
# council's, the one the outermost of them saw (`iru.web.core.addresses`).
AXES_CLIENT_IP_CALLABLE = "iru.web.core.addresses.client_address"
IRU_PROXY_COUNT = int(os.environ.get("IRU_PROXY_COUNT", "0"))
# Attempts are kept (who, from where, when) for the audit; passwords never are.
AXES_SENSITIVE_PARAMETERS = ["password"]

ROOT_URLCONF = "iru.web.urls"
WSGI_APPLICATION = "iru.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "iru.web.core.context_processors.council",
                "iru.web.core.context_processors.rules",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'iru.sqlite3'}"),
        conn_max_age=int(os.environ.get("IRU_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# GOV.UK Frontend's prebuilt CSS and assets, from npm (package.json pins the version).
# The council's build of its Sass (scripts/setup writes build/static/iru/council.css).
STATICFILES_DIRS = [
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    BASE_DIR / "build" / "static",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "iru.web.people.passwords.GuessablePasswordValidator"},  # ADR 30
]

# Sessions: short idle timeout for children's data (SECURITY.md R-SES-01).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
IRU_SESSION_ABSOLUTE_LIMIT = timedelta(hours=12)  # however active (iru.web.people.sessions)
CSRF_COOKIE_HTTPONLY = True

# The Content-Security-Policy of every response (ADR 28): the app runs no script and no
# inline style at all, loads nothing from elsewhere, and cannot be framed. Images may be
# data: URLs (a report's charts are images of their SVG, the council's logo one too).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}
# No page needs any powerful browser feature: each is refused for the app and anything in it.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "fullscreen", "geolocation", "gyroscope", "magnetometer", "microphone", "midi",
        "payment", "picture-in-picture", "publickey-credentials-get", "screen-wake-lock",
        "sync-xhr", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Logging (to standard error, for the service manager to keep): a server error with its
# request's reference and where it happened, never what the exception said or any value
# (`iru.web.core.request_ids`). django-axes' notes of each failed sign-in name the username:
# the attempts are kept in its tables, so its log says only what goes wrong with it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "iru.web.core.request_ids.RequestIdFilter"}},
    "formatters": {
        "no_data": {
            "()": "iru.web.core.request_ids.NoDataFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s request=%(request_id)s %(message)s",
        }
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "no_data",
        }
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "axes": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
    },
}

# The council whose unit this is: shown in the header of every page.
IRU_COUNCIL_NAME = os.environ.get("IRU_COUNCIL_NAME", "Borsetshire Council")

# The council's own report template for Word (a .docx whose styles, header and footer the
# report takes) and its logo for the reports' title page (PNG, JPEG or SVG): both optional.
IRU_REPORT_DOCX_TEMPLATE = os.environ.get("IRU_REPORT_DOCX_TEMPLATE", "")
IRU_COUNCIL_LOGO = os.environ.get("IRU_COUNCIL_LOGO", "")
