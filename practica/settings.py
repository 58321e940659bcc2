"""Practica's one settings module: everything comes from environment variables.

Each variable is documented in the README. The defaults give the embedded mode: SQLite in
./var/, local files, local-memory cache, plain http on 127.0.0.1.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("PRACTICA_VAR_DIR", Path.cwd() / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """The key from the environment, else one generated once and kept in ./var/."""
    if key := os.environ.get("PRACTICA_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("PRACTICA_DEBUG", False)
ALLOWED_HOSTS = env_list("PRACTICA_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("PRACTICA_CSRF_TRUSTED_ORIGINS")
HTTPS = env_bool("PRACTICA_HTTPS", False)
SITE_NAME = os.environ.get("PRACTICA_SITE_NAME", "Practica")
HOST_ORGANISATION_NAME = os.environ.get("PRACTICA_HOST_ORGANISATION", "Host organisation")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "django_htmx",
    "template_partials",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "practica.core",
    "practica.accounts",
    "practica.taxonomy",
    "practica.communities",
    "practica.content",
    "practica.discussions",
    "practica.notifications",
    "practica.search",
    "practica.people",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "practica.core.middleware.member_preferences",
]

ROOT_URLCONF = "practica.urls"
WSGI_APPLICATION = "practica.wsgi.application"

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
                "practica.core.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'practica.sqlite3'}"),
        conn_max_age=int(os.environ.get("PRACTICA_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run while one writer writes; IMMEDIATE avoids lock upgrades failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
            " PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("PRACTICA_CACHE_PREFIX", "practica"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "practica.accounts.backends.MemberBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

# allauth: sign in with username or e-mail, verified e-mail, sign-up gated by our adapter.
ACCOUNT_ADAPTER = "practica.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "practica.accounts.adapters.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("PRACTICA_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
}
SOCIALACCOUNT_PROVIDERS: dict[str, dict[str, object]] = {}
if os.environ.get("PRACTICA_OIDC_CLIENT_ID"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": os.environ.get("PRACTICA_OIDC_PROVIDER_ID", "sso"),
                "name": os.environ.get("PRACTICA_OIDC_NAME", "Single sign-on"),
                "client_id": os.environ["PRACTICA_OIDC_CLIENT_ID"],
                "secret": os.environ.get("PRACTICA_OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": os.environ.get("PRACTICA_OIDC_SERVER_URL", "")},
            }
        ]
    }
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing root before collectstatic
NODE_MODULES = Path(os.environ.get("PRACTICA_NODE_MODULES", Path.cwd() / "node_modules"))
STATICFILES_DIRS: list[Path | tuple[str, Path]] = [BASE_DIR / "static"]
if (NODE_MODULES / "htmx.org").exists():
    STATICFILES_DIRS.append(("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("PRACTICA_MEDIA_ROOT", VAR_DIR / "media"))
MAX_UPLOAD_BYTES = int(float(os.environ.get("PRACTICA_MAX_UPLOAD_MB", "10")) * 1024 * 1024)
ALLOWED_UPLOAD_TYPES = env_list(
    "PRACTICA_ALLOWED_UPLOAD_TYPES",
    ".pdf,.png,.jpg,.jpeg,.gif,.txt,.csv,.md,.docx,.xlsx,.pptx,.odt,.ods,.odp,.zip",
)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024

# Search: "embedded" (tantivy files under SEARCH_INDEX_DIR, for one machine) or "postgres"
# (a table in the PostgreSQL database, shared by many app servers).
SEARCH_BACKEND = os.environ.get("PRACTICA_SEARCH_BACKEND", "embedded")
SEARCH_INDEX_DIR = Path(os.environ.get("PRACTICA_SEARCH_INDEX_DIR", VAR_DIR / "search"))
SEARCH_MODEL_DIR = Path(
    os.environ.get("PRACTICA_SEARCH_MODEL_DIR", VAR_DIR / "models" / "minilm-static")
)

TASKS = {
    "default": {
        "BACKEND": os.environ.get("PRACTICA_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

EMAIL_BACKEND = os.environ.get(
    "PRACTICA_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("PRACTICA_EMAIL_HOST")
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("PRACTICA_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("PRACTICA_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("PRACTICA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("PRACTICA_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("PRACTICA_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("PRACTICA_FROM_EMAIL", "Practica <practica@localhost>")

# Plain http on 127.0.0.1 must work, so cookies are Secure only when HTTPS is configured.
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = HTTPS and env_bool("PRACTICA_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

RATELIMIT_ENABLE = env_bool("PRACTICA_RATELIMIT", True)
RATELIMIT_VIEW = "practica.core.views.rate_limited"
POST_RATE = os.environ.get("PRACTICA_POST_RATE", "30/m")
API_RATE = os.environ.get("PRACTICA_API_RATE", "300/m")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PRACTICA_LOG_LEVEL", "WARNING")},
}
SITE_URL = os.environ.get("PRACTICA_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
