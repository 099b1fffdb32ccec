"""Settings for the KL tutor, read from the environment.

DATABASE_URL  default sqlite:///<project>/db.sqlite3 (PostgreSQL in production)
SECRET_KEY    required when DEBUG is off
DEBUG         "1"/"true" to enable; default on for local development
ALLOWED_HOSTS comma-separated; default "127.0.0.1,localhost" ("*" in DEBUG)
CACHE_URL     "redis://..." for a shared cache; default local memory
Limits (RATE_LIMIT_*, LOGIN_*, *SESSION*, CLIENT_IP_HEADER): see the README's table.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise ImproperlyConfigured(f"{name} must be a whole number of at least 1, not {value!r}")
    return int(value)


def env_seconds(name: str, default: float) -> float:
    """A positive number of seconds, fractions allowed ("0.2", "30")."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < 3600:
        raise ImproperlyConfigured(f"{name} must be a number of seconds above 0, not {value!r}")
    return seconds


def env_rate(name: str, default: str) -> str:
    """A rate limit, "count/period": "10/h", "30/m", "5/10m" (s, m, h or d)."""
    value = os.environ.get(name, "").strip() or default
    if not re.fullmatch(r"[1-9]\d*/\d*[smhd]", value):
        raise ImproperlyConfigured(f"{name} must look like 10/h, 30/m or 5/10m, not {value!r}")
    return value


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on-0123456789abcdef"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_ratelimit",
    "learning.apps.LearningConfig",
    "learners",
    "knowledge_graph",
    "practice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.NulInAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.middleware.MethodNotAllowedPageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.throttle.ThrottleMiddleware",
    # Last, as django-axes asks: turns a locked-out log-in into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A Redis that stops answering costs a request at most CACHE_TIMEOUT_SECONDS per call
# (to connect, and to read an answer); after CACHE_BREAKER_FAILURES failed calls in a row
# a process leaves the cache alone for CACHE_BREAKER_SECONDS (core/caching.py).
CACHE_TIMEOUT_SECONDS = env_seconds("CACHE_TIMEOUT_SECONDS", 0.2)
CACHE_BREAKER_FAILURES = env_int("CACHE_BREAKER_FAILURES", 3)
CACHE_BREAKER_SECONDS = env_seconds("CACHE_BREAKER_SECONDS", 30)


def redis_cache(url: str) -> dict:
    """Django's Redis cache at ``url``, with socket timeouts (CACHE_TIMEOUT_SECONDS)."""
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "socket_connect_timeout": CACHE_TIMEOUT_SECONDS,
            "socket_timeout": CACHE_TIMEOUT_SECONDS,
        },
    }


# Plots have a cache of their own ("plots"), so that many distinct plots cannot push the
# pages' parts out of theirs: an entry lives PLOT_CACHE_SECONDS (also the browsers'
# max-age); in local memory a process keeps at most PLOT_CACHE_ENTRIES. In Redis the
# lifetime and the cold-render limit (RATE_LIMIT_PLOT_RENDERS) bound it; give Redis a
# maxmemory with an LRU policy too (README).
PLOT_CACHE_SECONDS = env_int("PLOT_CACHE_SECONDS", 60 * 60)
PLOT_CACHE_ENTRIES = env_int("PLOT_CACHE_ENTRIES", 1000)
LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"


def cache_settings(url: str) -> dict:
    """``CACHES`` for ``CACHE_URL`` (Redis when it names one, else local memory)."""
    if url.startswith("redis://"):
        plots = {**redis_cache(url), "KEY_PREFIX": "plots", "TIMEOUT": PLOT_CACHE_SECONDS}
        return {"default": redis_cache(url), "plots": plots}
    return {
        "default": {"BACKEND": LOCAL_MEMORY},
        "plots": {
            "BACKEND": LOCAL_MEMORY,
            "LOCATION": "plots",
            "TIMEOUT": PLOT_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": PLOT_CACHE_ENTRIES},
        },
    }


CACHES = cache_settings(os.environ.get("CACHE_URL", ""))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out client first
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Content Security Policy: everything from this origin, scripts only with a nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True


# --- Limits (core/throttle.py; the README's configuration table lists them) ---------------
# The client's address: REMOTE_ADDR, or behind a proxy the header it sets (e.g.
# HTTP_X_REAL_IP); of a list, the last address counts (the one the proxy added).
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "REMOTE_ADDR").strip() or "REMOTE_ADDR"
# Requests per client address (answers: per account when signed in), in fixed windows.
RATE_LIMITS = {
    "signup": env_rate("RATE_LIMIT_SIGNUP", "10/h"),
    "anonymous-write": env_rate("RATE_LIMIT_ANONYMOUS_WRITES", "60/m"),
    "answer": env_rate("RATE_LIMIT_ANSWERS", "30/m"),
    "plot-render": env_rate("RATE_LIMIT_PLOT_RENDERS", "120/m"),
}
RATELIMIT_IP_META_KEY = "core.throttle.client_ip"
RATELIMIT_FAIL_OPEN = True  # a cache that cannot count lets requests through
# The counters live in the cache; LocMemCache (the default without CACHE_URL) keeps them
# per process, and Django's own Redis backend (atomic increments) is not on
# django-ratelimit's list of the ones it knows.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Log-in lockout (django-axes): after LOGIN_FAILURE_LIMIT failures for one username from
# one address, that pair is refused until LOGIN_COOLOFF_MINUTES pass without another try.
# Students and staff alike, the admin's log-in included.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.throttle.client_ip"
AXES_USERNAME_CALLABLE = "core.throttle.login_username"
AXES_LOCKOUT_CALLABLE = "core.throttle.login_locked_out"

# Sessions: students stay signed in for SESSION_DAYS; staff (instructors, the admin)
# for STAFF_SESSION_HOURS after their last request that changed the session.
SESSION_COOKIE_AGE = env_int("SESSION_DAYS", 14) * 24 * 60 * 60
STAFF_SESSION_SECONDS = env_int("STAFF_SESSION_HOURS", 8) * 60 * 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
