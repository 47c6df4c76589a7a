"""Triagedesk settings: one file, every knob read from the environment.

With no DATABASE_URL the desk runs on an SQLite file inside TRIAGEDESK_DATA_DIR
(default ./data), so that one command starts a working desk on a fresh machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env("TRIAGEDESK_DATA_DIR", str(Path.cwd() / "data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("TRIAGEDESK_DEBUG", False)
SECRET_KEY = env("TRIAGEDESK_SECRET_KEY") or "insecure-demo-key-set-TRIAGEDESK_SECRET_KEY-in-production"
ALLOWED_HOSTS = [h for h in env("TRIAGEDESK_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("TRIAGEDESK_CSRF_TRUSTED_ORIGINS").split(",") if o]
BASE_URL = env("TRIAGEDESK_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "triagedesk.core",
    "triagedesk.accounts",
    "triagedesk.triage",
    "triagedesk.tickets",
    "triagedesk.sla",
    "triagedesk.notify",
    "triagedesk.intake",
    "triagedesk.billing",
    "triagedesk.reports",
    "triagedesk.console",
    "triagedesk.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "triagedesk.console.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "triagedesk.urls"
WSGI_APPLICATION = "triagedesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    }
]

_default_db = f"sqlite:///{DATA_DIR / 'triagedesk.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL", _default_db), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let the web process, the task worker and the
    # scheduler share one SQLite file without "database is locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    DATABASES["default"].setdefault("TEST", {})
    if env("TRIAGEDESK_TEST_DB_NAME"):
        DATABASES["default"]["TEST"]["NAME"] = env("TRIAGEDESK_TEST_DB_NAME")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": env("TRIAGEDESK_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "mail", "sla"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("it", "Italiano"), ("fr", "Français"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TRIAGEDESK_TIME_ZONE", "Europe/Rome")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "files"

# Attachments are stored by content hash under MEDIA_ROOT/attachments.
ATTACHMENT_MAX_BYTES = env_int("TRIAGEDESK_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)

# Outbound mail. Every send goes out from a task worker, with retries.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("TRIAGEDESK_SMTP_HOST", "127.0.0.1")
EMAIL_PORT = env_int("TRIAGEDESK_SMTP_PORT", 2525)
EMAIL_HOST_USER = env("TRIAGEDESK_SMTP_USER")
EMAIL_HOST_PASSWORD = env("TRIAGEDESK_SMTP_PASSWORD")
EMAIL_USE_TLS = env_bool("TRIAGEDESK_SMTP_STARTTLS", False)
EMAIL_USE_SSL = env_bool("TRIAGEDESK_SMTP_TLS", False)
EMAIL_TIMEOUT = env_int("TRIAGEDESK_SMTP_TIMEOUT", 20)
SUPPORT_ADDRESS = env("TRIAGEDESK_SUPPORT_ADDRESS", "support@triagedesk.example")
DEFAULT_FROM_EMAIL = env("TRIAGEDESK_FROM", f"Triagedesk Support <{SUPPORT_ADDRESS}>")
MESSAGE_ID_DOMAIN = env("TRIAGEDESK_MESSAGE_ID_DOMAIN", SUPPORT_ADDRESS.rpartition("@")[2] or "triagedesk.local")

TRIAGEDESK = {
    "TICKET_PREFIX": env("TRIAGEDESK_TICKET_PREFIX", "TD"),
    "SLA_WARNING_FRACTION": 0.8,
    "SLA_SCAN_SECONDS": env_int("TRIAGEDESK_SLA_SCAN_SECONDS", 30),
    "REOPEN_DAYS": env_int("TRIAGEDESK_REOPEN_DAYS", 14),
    "MAX_NEW_TICKETS_PER_SENDER_HOUR": env_int("TRIAGEDESK_MAX_NEW_TICKETS_PER_SENDER_HOUR", 20),
    # The statement that writes a new ticket is prepared on PostgreSQL (core.rows). Turn it off
    # behind a pooler that cannot keep prepared statements (PgBouncer in transaction mode < 1.21).
    "PREPARE_STATEMENTS": env_bool("TRIAGEDESK_PREPARE_STATEMENTS", True),
}

# Inbound mail (docs/mail.md). IMAP mailboxes are rows (admin); these are the process knobs.
TRIAGEDESK_IMAP_POLL_SECONDS = env_int("TRIAGEDESK_IMAP_POLL_SECONDS", 60)
TRIAGEDESK_LMTP_PORT = env_int("TRIAGEDESK_LMTP_PORT", 2424)
# Extra periodic tasks for the scheduler: (name, dotted task path, period in seconds).
TRIAGEDESK_PERIODIC = [
    ("imap-poll", "triagedesk.intake.tasks.imap_poll_all", TRIAGEDESK_IMAP_POLL_SECONDS),
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("TRIAGEDESK_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("TRIAGEDESK_LOG_LEVEL", "WARNING")},
    "loggers": {
        "triagedesk": {"level": env("TRIAGEDESK_LOG_LEVEL", "INFO"), "propagate": True},
        # One INFO line per task run drowns the console; failures still show.
        "django_tasks": {"level": env("TRIAGEDESK_TASK_LOG_LEVEL", "WARNING"), "propagate": True},
        "django_tasks_db": {"level": env("TRIAGEDESK_TASK_LOG_LEVEL", "WARNING"), "propagate": True},
    },
}
