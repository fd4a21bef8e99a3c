"""One settings file, driven by the environment (architecture.md, Habit 8)."""

import hashlib
import hmac
import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from thidua.rulebook.errors import RulebookError
from thidua.rulebook.settings import settings_from_json

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean, got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_choices(name: str, default: list[str], allowed: set[str]) -> list[str]:
    values = env_list(name, default)
    unknown = sorted(set(values) - allowed)
    if unknown:
        raise ImproperlyConfigured(f"{name}: unknown values {unknown}; allowed: {sorted(allowed)}")
    return values


def env_json_object(name: str) -> dict:
    raw = os.environ.get(name, "")
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a JSON object: {exc}") from exc
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object, got {type(value).__name__}")
    return value


DEBUG = env_bool("DEBUG", False)
# The secret: from the environment, else from the file `make run` generates once (SECRET_KEY_FILE,
# default .secret_key beside manage.py, ignored by git, readable by its owner only).
SECRET_KEY_FILE = Path(os.environ.get("SECRET_KEY_FILE") or BASE_DIR / ".secret_key")
SECRET_KEY = os.environ.get("SECRET_KEY", "") or (
    SECRET_KEY_FILE.read_text().strip() if SECRET_KEY_FILE.is_file() else "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            f"SECRET_KEY is required when DEBUG is off: set it, or write one to {SECRET_KEY_FILE} (make run does)")
    SECRET_KEY = "dev-only-insecure-key-change-me"
# The key that seals a secret ballot until the count (council.ballot_box): outside the database, so
# nothing stored there links a choice to its voter. Changing it while a round is open breaks its seals.
BALLOT_SEAL_KEY = os.environ.get("BALLOT_SEAL_KEY") or hmac.new(
    SECRET_KEY.encode(), b"thidua/ballot-seal", hashlib.sha256
).hexdigest()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "thidua.core",
    "thidua.audit",
    "thidua.org",
    "thidua.imports",
    "thidua.notifications",
    "thidua.accounts",
    "thidua.emulation",
    "thidua.awards",
    "thidua.council",
    "thidua.eligibility",
    "thidua.reports",
    "thidua.portal",
    "thidua.api",
    "thidua.home",
]

MIDDLEWARE = [
    "thidua.core.request_log.RequestLog",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "thidua.core.middleware.RefuseNulBytes",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "thidua.accounts.sessions.AbsoluteSessionLimit",
    "thidua.core.dbrouter.ReportReads",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "thidua" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thidua.home.context.navigation",
            ],
            # |vnd and |vndate everywhere, without a {% load %} in every fragment.
            "builtins": ["thidua.core.templatetags.vn"],
        },
    }
]

# Persistent connections (issue 11: a new PostgreSQL connection per request cost a third of the throughput of
# the nomination list, 74 → 114 req/s), checked before reuse; 0 closes after each request, as a pooler in
# transaction mode (PgBouncer) wants (docs/deploy.md).
DB_CONN_MAX_AGE = env_int("DB_CONN_MAX_AGE", 60)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=DB_CONN_MAX_AGE, conn_health_checks=DB_CONN_MAX_AGE > 0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while a writer holds the lock; IMMEDIATE makes
    # write transactions take the lock up front so number allocation serialises.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# A read replica for the report pages and exports (thidua.core.dbrouter), when there is one. In tests it
# mirrors the default database.
if os.environ.get("REPLICA_DATABASE_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["REPLICA_DATABASE_URL"],
                                                 conn_max_age=DB_CONN_MAX_AGE,
                                                 conn_health_checks=DB_CONN_MAX_AGE > 0)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["thidua.core.dbrouter.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Tests set PASSWORD_HASHERS to a fast hasher (pyproject.toml); production keeps Django's default.
if os.environ.get("PASSWORD_HASHERS"):
    PASSWORD_HASHERS = env_list("PASSWORD_HASHERS", [])
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 12)}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# The name an authenticator app shows beside the account (django-otp's TOTP issuer).
OTP_TOTP_ISSUER = "ThiĐua"
# The acts that need the second factor besides voting (always) and the admin site (always): signing
# (approving a nomination) and issuing (numbering a decision or a revocation). thidua.accounts.second_factor.
SECOND_FACTOR_CAPABILITIES = env_choices(
    "SECOND_FACTOR_CAPABILITIES", ["nomination.approve", "decision.issue"],
    {"nomination.approve", "decision.issue", "nomination.manage", "org.manage", "emulation.manage", "council.manage",
     "role.manage"})

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
# The first lock-out lasts AXES_COOLOFF_MINUTES; each further one of the same pair within a day doubles it,
# up to AXES_COOLOFF_MAX_HOURS (thidua.accounts.lockout, from axes' failure log).
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 15)
AXES_COOLOFF_MAX_HOURS = env_int("AXES_COOLOFF_MAX_HOURS", 24)
AXES_COOLOFF_TIME = "thidua.accounts.lockout.cool_off"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Lock the pair (this username from this address), never a whole address: behind one office's NAT or a
# proxy, one person's five mistakes must not lock everyone out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# How many reverse proxies in front append to X-Forwarded-For (thidua.core.clientip); 0: use REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "thidua.core.clientip.client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "thidua" / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Without DEBUG the static files are collected (make run: collectstatic) and served by whitenoise from
# STATIC_ROOT with hashed names and compression; with DEBUG, straight from the app folders.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG
                    else "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded and generated files on S3-compatible object storage (django-storages) when MEDIA_S3_BUCKET is set,
# so that any number of web nodes and workers share them; otherwise in MEDIA_ROOT. They are always served
# through the scoped views (never a public URL); backup and restore go through the same storage.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": MEDIA_S3_BUCKET,
        "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,  # MinIO, Ceph, a Vietnamese cloud…
        "region_name": os.environ.get("MEDIA_S3_REGION") or None,
        "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY") or None,
        "secret_key": os.environ.get("MEDIA_S3_SECRET_KEY") or None,
        "location": os.environ.get("MEDIA_S3_PREFIX", ""),
        "default_acl": "private", "querystring_auth": True, "file_overwrite": False,
    }}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
# Above these sizes the pages make the file on the background worker (notifications.files) and show its
# progress, instead of answering with it: a decision's certificates (pages), a report's units in the subtree.
# Dashboard figures cached per scope until the next change (thidua.audit.cache), at most this long.
SCOPE_CACHE_SECONDS = env_int("SCOPE_CACHE_SECONDS", 600)
CERTIFICATES_INLINE_MAX = env_int("CERTIFICATES_INLINE_MAX", 50)
REPORT_INLINE_UNITS = env_int("REPORT_INLINE_UNITS", 40)
# Candidate lists read stored verdicts (awards.verdicts): a subtree of at most this many people is computed at once
# when its verdicts are missing or out of date (and exported at once); a larger one on the worker, which also
# computes the stored verdicts again this many seconds after a change.
VERDICTS_INLINE_PEOPLE = env_int("VERDICTS_INLINE_PEOPLE", 2000)
VERDICTS_REFRESH_DELAY_SECONDS = env_int("VERDICTS_REFRESH_DELAY_SECONDS", 60)
UPLOAD_ALLOWED_EXTENSIONS = env_list(
    "UPLOAD_ALLOWED_EXTENSIONS", ["pdf", "docx", "doc", "xlsx", "xls", "jpg", "jpeg", "png"]
)
# Certificates (PDF) are signed when set: "pkcs12:/path/to/signer.p12"; the passphrase is read from
# the environment variable named by CERTIFICATE_SIGNER_PASSPHRASE_ENV (awards.documents).
CERTIFICATE_SIGNER = os.environ.get("CERTIFICATE_SIGNER") or None
CERTIFICATE_SIGNER_PASSPHRASE_ENV = "CERTIFICATE_SIGNER_PASSPHRASE"
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
# Excel imports: a file whose sheet has more than IMPORT_BACKGROUND_ROWS rows is read, checked
# and written by the background worker, in chunks of IMPORT_CHUNK_ROWS (rows are staged in the database: only
# calamine's copy of the sheet grows with it, ≈ 160 MB in all at 100,000 rows); IMPORT_MAX_ROWS caps one file,
# checked before its rows are read.
IMPORT_BACKGROUND_ROWS = env_int("IMPORT_BACKGROUND_ROWS", 500)
IMPORT_CHUNK_ROWS = env_int("IMPORT_CHUNK_ROWS", 2000)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 200_000)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
# A login ends after SESSION_IDLE_MINUTES without a request (the cookie's age, renewed by the requests at most
# once every SESSION_RENEW_SECONDS: not a session write per page) and in any case SESSION_MAX_HOURS after it
# began (thidua.accounts.sessions).
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_RENEW_SECONDS = 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 10)
# A deployment with a public host name (anything but this machine's own names, DEBUG off) is served over TLS:
# secure cookies, the https redirect and HSTS are on unless set otherwise. `make run` on 127.0.0.1 stays
# plain http and logs in.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]", "testserver"}
PUBLIC_HOST = not DEBUG and any(h not in LOCAL_HOSTS for h in ALLOWED_HOSTS)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PUBLIC_HOST)
# Behind trusted proxies that terminate TLS, their X-Forwarded-Proto says the request was https.
if env_int("TRUSTED_PROXY_COUNT", 0) > 0:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if PUBLIC_HOST else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# ---------------------------------------------------------------------------- the procedure's local settings
# The law lives in thidua.rulebook; what follows is what a province or ministry decides for itself.

# Province/ministry overrides of the rulebook's [S]/[M] settings (JSON object), e.g.
# {"disclosure_days_other": 5}. Parsed here once, so a bad key or value stops the process at start-up
# with a message naming it; thidua.core.conf.rulebook_settings() reads the same value afterwards.
RULEBOOK_OVERRIDES = os.environ.get("RULEBOOK_OVERRIDES", "")
try:
    settings_from_json(RULEBOOK_OVERRIDES)
except RulebookError as exc:
    raise ImproperlyConfigured(f"RULEBOOK_OVERRIDES is invalid: {exc}") from exc

# A cluster's reviewed ranking proposes its first unit for Cờ thi đua and the next N for Bằng khen.
EMULATION_BK_COUNT = env_int("EMULATION_BK_COUNT", 2)
# Equal totals are ordered by these, in turn (higher first): discipline points, bonus points, women-led.
EMULATION_TIE_BREAK = env_choices("EMULATION_TIE_BREAK", ["discipline", "bonus", "women_led"],
                                  {"discipline", "bonus", "women_led"})
# Rotation of cluster leaders: a unit that led within this many years is passed over.
EMULATION_ROTATION_YEARS = env_int("EMULATION_ROTATION_YEARS", 3)
# The public's comments on a disclosed list: size, and how many per client address in how many seconds.
DISCLOSURE_COMMENT_MAX_CHARS = env_int("DISCLOSURE_COMMENT_MAX_CHARS", 2000)
DISCLOSURE_COMMENT_RATE = (env_int("DISCLOSURE_COMMENT_RATE_COUNT", 5),
                           env_int("DISCLOSURE_COMMENT_RATE_SECONDS", 3600))
# Unit codes of the central deciders (orders by the President, Prime Minister's awards), JSON object.
AWARDS_CENTRAL_UNITS = {"prime_minister": "CP", "president": "CTN", **env_json_object("AWARDS_CENTRAL_UNITS")}

# ---------------------------------------------------------------------------- background work, mail
# Tasks (django-tasks with its database backend) are rows written in the transaction of the door that
# enqueues them; `manage.py db_worker` (started by `make run`) runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Mail: the console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ThiĐua <khong-tra-loi@thidua.local>")
# Reminders go out this many days before each deadline of the year's plan.
DEADLINE_REMINDER_DAYS = [int(d) for d in env_list("DEADLINE_REMINDER_DAYS", ["7", "1"])]
# The to-do list warns of a disclosure ending within this many days.
TODO_DISCLOSURE_WARN_DAYS = env_int("TODO_DISCLOSURE_WARN_DAYS", 3)

# /healthz: the worker's heartbeat (manage.py worker) must be this recent, the media disk this free.
WORKER_HEARTBEAT_SECONDS = env_int("WORKER_HEARTBEAT_SECONDS", 30)
HEALTH_WORKER_MAX_AGE_SECONDS = env_int("HEALTH_WORKER_MAX_AGE_SECONDS", 120)
HEALTH_DISK_MIN_FREE_MB = env_int("HEALTH_DISK_MIN_FREE_MB", 500)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # One JSON line per request (thidua.core.request_log); REQUEST_LOG=0 turns it off.
    "loggers": {"thidua.request": {"handlers": ["console"], "propagate": False,
                                   "level": "INFO" if env_bool("REQUEST_LOG", not DEBUG) else "WARNING"}},
}
