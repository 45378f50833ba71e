"""Settings shared by every environment; each optional service switches on from its own variable."""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import environ

from cms.languages import CONTENT_LANGUAGES, DEFAULT_LANGUAGE_CODE

from .storage import storage_settings
from .secret_key import development_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env is a convenience for developers; real deployments set the environment itself.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
# What the embedded defaults write: the SQLite database, uploads, the development secret key.
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "production"}:
    raise environ.ImproperlyConfigured(f"DJANGO_ENV must be 'development' or 'production', not {DJANGO_ENV!r}")

DEBUG = env.bool("DEBUG", default=DJANGO_ENV == "development")
# Production refuses to start without its own (production.py); development makes one per checkout in var/.
SECRET_KEY = env.str("SECRET_KEY", default="") or (
    development_secret_key(VAR_DIR) if DJANGO_ENV == "development" else ""
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Read before INSTALLED_APPS, which has the CDN purge app only when a cache to purge is configured.
_frontend_cache_purge_url = env.str("FRONTEND_CACHE_PURGE_URL", default="")
_frontend_cache_cloudflare_zone = env.str("FRONTEND_CACHE_CLOUDFLARE_ZONEID", default="")

INSTALLED_APPS = [
    "cms",  # first: its db_worker command extends django-tasks-db's (cms/tasks_recovery.py)
    "content_models",
    "media",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "multiselectfield",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "newsletter",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "insights",
    # After Wagtail's: their signal receivers run after Wagtail's own (a deleted live page is unpublished first,
    # so distribution's webhooks say "unpublished" before "deleted").
    "associations",
    "graphql_api",
    "corsheaders",  # CORS for the API (below)
    "distribution",
    # The portal's CDN purge (distribution, below), off unless configured.
    *(["wagtail.contrib.frontend_cache"] if _frontend_cache_purge_url or _frontend_cache_cloudflare_zone else []),
    "operations",  # backups, logs, metrics (cms/settings/operations.py)
    "printing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.NulCharactersRejectMiddleware",  # a NUL is a typed 400 everywhere, never a 500 on PostgreSQL
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A database outage in any view: 503 with Retry-After instead of a server error (cms/unavailable.py).
    "cms.unavailable.DatabaseUnavailableMiddleware",
    # Outside the admin, reads never make renditions: missing ones go to a background task (media/middleware.py).
    "media.middleware.RenditionsReadOnlyMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
ASGI_APPLICATION = "cms.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------------
# Embedded default: SQLite in WAL mode under var/. DATABASE_URL (postgres://..., sqlite:///...) replaces it.
VAR_DIR.mkdir(exist_ok=True)
EMBEDDED_SQLITE = {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": str(VAR_DIR / "db.sqlite3"),
    "OPTIONS": {
        # WAL lets the dev server read while a seed or a worker writes; IMMEDIATE avoids "database is locked"
        # on lock upgrades inside transactions.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    },
}
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
    if DATABASES["default"]["ENGINE"] == EMBEDDED_SQLITE["ENGINE"]:
        # A SQLite file named by URL gets the same WAL and locking options as the embedded one.
        DATABASES["default"]["OPTIONS"] = {**EMBEDDED_SQLITE["OPTIONS"], **DATABASES["default"].get("OPTIONS", {})}
    else:
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
        if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
            # PostgreSQL's JIT compiles a query whose estimated cost is high: a page read that joins every page
            # type's table (one row each) is estimated at millions of rows, and compiling it took 0.7 s for a
            # 1 ms query (benchmarks/README.md). Short OLTP queries never gain from it.
            DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
else:
    DATABASES = {"default": EMBEDDED_SQLITE}
# Persistent connections, SQLite included: opening one costs more than a cached API response (connect, then the
# PRAGMAs above), measured in benchmarks/ as half the cached rate over HTTP.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
# PostgreSQL: each process keeps the content generation row and a thread LISTENs for writers' NOTIFY, so a cached
# response needs no query (content_models/kernel/generation_push.py); off, every reader reads the row.
CONTENT_GENERATION_LISTEN = env.bool("CONTENT_GENERATION_LISTEN", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Login throttling (django-axes) --------------------------------------------------------------------------
# Failed admin logins are counted per username *and* client network (an IPv6 /64, an IPv4 address): after
# AXES_FAILURE_LIMIT of them that pair waits AXES_COOLOFF_MINUTES. Keyed on the pair, so guessing an editor's
# password from one network never locks the editor out of theirs (the lock-out is not a weapon).
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # answers a locked-out login with the template below
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_network_of"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cms/login_locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ------------------------------------------------------------------------------------------------
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Rome"
LANGUAGE_CODE = DEFAULT_LANGUAGE_CODE
# The admin interface and the content share the same list: editors work in the languages they publish.
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [(lang.code, lang.name) for lang in CONTENT_LANGUAGES]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and uploaded files --------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "static_collected"))
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if DJANGO_ENV == "production"
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # complex page forms exceed Django's default of 1,000

# --- Cache, email, tasks --------------------------------------------------------------------------------------
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://interazioni")}
if env.str("REDIS_URL", default=""):
    # Redis only saves work and counts: down or hung, it costs speed, never an error (cms/redis_cache.py).
    _redis_options = {
        "socket_connect_timeout": env.float("REDIS_CONNECT_TIMEOUT_SECONDS", default=0.1),
        "socket_timeout": env.float("REDIS_SOCKET_TIMEOUT_SECONDS", default=0.25),
        "CIRCUIT_FAILURES": env.int("REDIS_CIRCUIT_FAILURES", default=2),
        "CIRCUIT_OPEN_SECONDS": env.float("REDIS_CIRCUIT_OPEN_SECONDS", default=10.0),
        "WARNING_INTERVAL_SECONDS": env.float("REDIS_WARNING_INTERVAL_SECONDS", default=60.0),
    }
    CACHES = {
        "default": {"BACKEND": "cms.redis_cache.ResilientRedisCache", "LOCATION": env.str("REDIS_URL"),
                    "OPTIONS": _redis_options},
    }
    # Rate-limit counters: while Redis is unreachable they count in each process's memory, so limits keep
    # holding (per process) instead of refusing everybody (django-ratelimit's fail-closed default) or nobody.
    CACHES["ratelimit"] = {**CACHES["default"], "OPTIONS": {**_redis_options, "LOCAL_FALLBACK": True}}
else:
    # The same memory as the default cache (LocMemCache instances with one LOCATION share it).
    CACHES["ratelimit"] = CACHES["default"]
RATELIMIT_USE_CACHE = "ratelimit"
# The API's stored responses and persisted queries (graphql_api/caching) have a cache of their own, bounded, so that
# a flood of distinct queries evicts API entries only, never rate-limit counters, sessions or renditions. Local
# memory keeps at most GRAPHQL_CACHE_MAX_ENTRIES; Redis is bounded by its maxmemory: GRAPHQL_CACHE_URL can point
# at an instance of its own (docs/api.md, "Caching").
if env.str("GRAPHQL_CACHE_URL", default=""):
    CACHES["graphql"] = env.cache("GRAPHQL_CACHE_URL")
elif env.str("REDIS_URL", default=""):
    CACHES["graphql"] = {**CACHES["default"], "KEY_PREFIX": "graphql"}
else:
    CACHES["graphql"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "interazioni-graphql",
        "OPTIONS": {"MAX_ENTRIES": env.int("GRAPHQL_CACHE_MAX_ENTRIES", default=2000)},
    }

# SMTP waits at most this long per operation (Django's default: for ever), so a hung mail server cannot hold a
# request, nor a newsletter send past its lease.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT_SECONDS", default=10.0)
if env.str("EMAIL_URL", default=""):
    vars().update(env.email("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Behind a reverse proxy REMOTE_ADDR is the proxy: name the META key it fills (e.g. HTTP_X_FORWARDED_FOR);
# the last address in it, the one our proxy appended, is the client (cms/client_ip.py).
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="InterAzioni <no-reply@localhost>")

# Immediate tasks by default (nothing to start); the database backend with `manage.py db_worker` in production.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}
# Work a killed worker left behind, resumed by every `db_worker` when it starts and every few seconds after:
# each app lists its own recovery (cms/tasks_recovery.py).
TASKS_RECOVERY = ["newsletter.sending.dispatches_resume_abandoned"]
TASKS_RECOVERY_SECONDS = env.float("TASKS_RECOVERY_SECONDS", default=10.0)

# --- Wagtail --------------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "InterAzioni - Regione Liguria"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no internet on our machines: the admin must never wait on avatars
WAGTAILIMAGES_IMAGE_MODEL = "media.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media.CustomDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "csv", "txt", "rtf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # refuses decompression bombs
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the update check calls out to the internet
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# A requested translation starts as a draft with the source's (Italian) text, even when the source is live: it
# goes live when an editor publishes it. wagtail-localize's default publishes it at once, and readers would get
# Italian text labelled as Arabic. (Snippets without drafts, such as topics, are saved live regardless.)
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Headless and one Site for every language: an automatic redirect made when a translated slug changes would be
# site-wide (no locale in the path) and clash across languages. Portals handle their own redirects.
WAGTAILREDIRECTS_AUTO_CREATE = False

# The portal that renders our content; a page's public URL is <portal base URL for its locale><page path>.
# PORTAL_BASE_URL may hold "{locale}"; PORTAL_BASE_URL_<CODE> (e.g. PORTAL_BASE_URL_AR) overrides one locale.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://localhost:3000/{locale}")
PORTAL_BASE_URLS = {
    lang.code: env.str(f"PORTAL_BASE_URL_{lang.code.replace('-', '_').upper()}", default="")
    or PORTAL_BASE_URL.format(locale=lang.code)
    for lang in CONTENT_LANGUAGES
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A database outage is one throttled line per minute, not a traceback per request (cms/unavailable.py).
    "filters": {"database_outage": {"()": "cms.unavailable.DatabaseOutageLogFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["database_outage"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # One line per task state change is noise at INFO; failures still log as errors.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        # Wagtail logs every page save at INFO; the audit log in the admin already records them.
        "wagtail": {"level": env.str("WAGTAIL_LOG_LEVEL", default="WARNING")},
        # WeasyPrint announces every step of every typesetting at INFO; its warnings still show (printing app).
        "weasyprint.progress": {"level": "WARNING"},

        # django-axes logs every login and every reset of counters at INFO; lock-outs are warnings.
        "axes": {"level": "WARNING"},
    },
}

# --- Newsletter (owned by the newsletter app; see docs/newsletter.md) ------------------------------------------
# Messages go through Django's email backends: set EMAIL_URL (smtp+tls://user:pass@host:587) for real delivery.
# NEWSLETTER_EMAIL_BACKEND only exists to route bulk mail through a different backend than transactional mail.
NEWSLETTER_EMAIL_BACKEND = env.str("NEWSLETTER_EMAIL_BACKEND", default="") or None
NEWSLETTER_FROM_EMAIL = env.str("NEWSLETTER_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
NEWSLETTER_REPLY_TO = env.list("NEWSLETTER_REPLY_TO", default=[])
# Public base URL of this server: one-click unsubscribe, web view and images are served from it.
NEWSLETTER_PUBLIC_BASE_URL = env.str("NEWSLETTER_PUBLIC_BASE_URL", default=WAGTAILADMIN_BASE_URL)
# Portal pages that call the confirmSubscription / updateSubscription mutations; {token} is replaced.
NEWSLETTER_CONFIRM_PATH = env.str("NEWSLETTER_CONFIRM_PATH", default="/newsletter/confirm?token={token}")
NEWSLETTER_PREFERENCES_PATH = env.str("NEWSLETTER_PREFERENCES_PATH", default="/newsletter/preferences?token={token}")
NEWSLETTER_UNSUBSCRIBE_MAILTO = env.str("NEWSLETTER_UNSUBSCRIBE_MAILTO", default="")  # empty: HTTPS link only
NEWSLETTER_LIST_ID = env.str("NEWSLETTER_LIST_ID", default="InterAzioni <newsletter.interazioni.regione.liguria.it>")
NEWSLETTER_MESSAGES_PER_SECOND = env.float("NEWSLETTER_MESSAGES_PER_SECOND", default=10.0)  # 0: no throttle
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)
# The lease of a send (newsletter/lease.py): a run renews it every third of this; a send silent for longer lost
# its worker and is taken over by the next db_worker that looks (every TASKS_RECOVERY_SECONDS). Keep it above
# the longest a single message can take (EMAIL_TIMEOUT, the throttle's spacing).
NEWSLETTER_CLAIM_TIMEOUT_SECONDS = env.int("NEWSLETTER_CLAIM_TIMEOUT_SECONDS", default=30)
NEWSLETTER_RETRY_DELAY_SECONDS = env.int("NEWSLETTER_RETRY_DELAY_SECONDS", default=300)
NEWSLETTER_MAX_ATTEMPTS = env.int("NEWSLETTER_MAX_ATTEMPTS", default=5)
# PostgreSQL: whether each message's delivery mark waits for the disk flush (synchronous_commit). Off by default:
# a killed worker still leaves at most one message of unknown outcome; only a crash of the database server itself
# can lose the last fraction of a second of marks, and those messages are sent again (never skipped), as SQLite's
# embedded WAL/synchronous=NORMAL default already allows. On: one disk flush per message (docs/newsletter.md).
NEWSLETTER_DURABLE_MARKS = env.bool("NEWSLETTER_DURABLE_MARKS", default=False)
NEWSLETTER_SOFT_BOUNCE_LIMIT = env.int("NEWSLETTER_SOFT_BOUNCE_LIMIT", default=3)
NEWSLETTER_CONFIRM_MAX_AGE_SECONDS = env.int("NEWSLETTER_CONFIRM_MAX_AGE_SECONDS", default=7 * 24 * 3600)
# Rates in django-ratelimit syntax; per IP (IPv6 grouped by /64) and per address, counted whether or not the
# address is known, so a limit never tells an address apart.
NEWSLETTER_RATE_LIMIT_IP = env.str("NEWSLETTER_RATE_LIMIT_IP", default="20/h")
NEWSLETTER_RATE_LIMIT_EMAIL = env.str("NEWSLETTER_RATE_LIMIT_EMAIL", default="3/h")
# Shared secret of the bounce/complaint webhook (HMAC-SHA256). Empty: the webhook answers 503 to everything.
NEWSLETTER_WEBHOOK_SECRET = env.str("NEWSLETTER_WEBHOOK_SECRET", default="")
NEWSLETTER_WEBHOOK_TOLERANCE_SECONDS = env.int("NEWSLETTER_WEBHOOK_TOLERANCE_SECONDS", default=300)
# Web view of a sent issue: per-client rate (django-ratelimit syntax) and how long a rendering is cached
# (republishing an edition, or any change to content it shows, changes the cache key at once: this bounds memory).
NEWSLETTER_RATE_LIMIT_WEB_VIEW = env.str("NEWSLETTER_RATE_LIMIT_WEB_VIEW", default="60/m")
NEWSLETTER_WEB_VIEW_CACHE_SECONDS = env.int("NEWSLETTER_WEB_VIEW_CACHE_SECONDS", default=600)
# Key of the suppression list's address hashes (HMAC). Empty: SECRET_KEY. Set it, and keep it, so that
# rotating SECRET_KEY does not forget which erased addresses refused the newsletter.
NEWSLETTER_SUPPRESSION_SECRET = env.str("NEWSLETTER_SUPPRESSION_SECRET", default="")
# --- End of newsletter settings -------------------------------------------------------------------------------

# --- Associations (associations app: onboarding, scoped permissions, moderation) ------------------------------
MIDDLEWARE += ["associations.middleware.MembersAdminPerimeterMiddleware"]  # noqa: F405  (after authentication)
# An approved change is published as approved: a member's edit made after approval was asked needs approval again.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Members receive Wagtail's moderation emails (submitted, approved, rejected with the editor's comment).
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Public account requests, per client address and per email address (django-ratelimit rate syntax).
ASSOCIATIONS_RATE_LIMIT_IP = env.str("ASSOCIATIONS_RATE_LIMIT_IP", default="10/h")
ASSOCIATIONS_RATE_LIMIT_EMAIL = env.str("ASSOCIATIONS_RATE_LIMIT_EMAIL", default="3/h")
# --- End of associations ----------------------------------------------------------------------------------------

# --- GraphQL API (graphql_api app; see docs/api.md) -------------------------------------------------------------
GRAPHQL_API = {
    # Hostile-input limits: each is checked before any SQL runs (docs/api.md lists the error codes).
    "MAX_DEPTH": env.int("GRAPHQL_MAX_DEPTH", default=12),
    "MAX_ALIASES": env.int("GRAPHQL_MAX_ALIASES", default=30),
    "MAX_TOKENS": env.int("GRAPHQL_MAX_TOKENS", default=3000),
    "MAX_REQUEST_BYTES": env.int("GRAPHQL_MAX_REQUEST_BYTES", default=32 * 1024),
    "MAX_PAGE_SIZE": 100,
    # Fields an operation may resolve, lists multiplied through (graphql_api/cost.py), and the largest answer sent.
    "MAX_COST": env.int("GRAPHQL_MAX_COST", default=20_000),
    "MAX_RESPONSE_BYTES": env.int("GRAPHQL_MAX_RESPONSE_BYTES", default=4 * 1024 * 1024),
    "MAX_SEARCH_LENGTH": 200,
    # Widths srcset may derive from an allowed rendition (each derived rendition is bounded by this list). The
    # renditions themselves are media.renditions' named ones: one allow-list for the API, newsletter and posts.
    "SRCSET_WIDTHS": [320, 480, 640, 800, 960, 1200, 1600],
    # Absolute media URLs start here; empty: with the scheme and host each request came in on (graphql_api/media/urls.py).
    "MEDIA_BASE_URL": env.str("GRAPHQL_MEDIA_BASE_URL", default=""),
    # Headless preview: the admin signs a short-lived token and opens the portal's preview route with it.
    "PREVIEW_TOKEN_MAX_AGE_SECONDS": env.int("GRAPHQL_PREVIEW_TOKEN_MAX_AGE_SECONDS", default=15 * 60),
    "PREVIEW_URL": env.str("GRAPHQL_PREVIEW_URL", default="{portal_base_url}/preview?token={token}"),
    # Response cache (graphql_api/caching): successful queries are kept in the default cache (Redis with
    # REDIS_URL) until content changes; 0 turns the server-side cache off (HTTP headers stay).
    "RESPONSE_CACHE_SECONDS": env.int("GRAPHQL_RESPONSE_CACHE_SECONDS", default=3600),
    # What HTTP caches (browsers, CDNs) may do: serve a response for CACHE_MAX_AGE seconds without asking, then
    # serve it stale while revalidating for CACHE_STALE_WHILE_REVALIDATE more. 0 makes every client revalidate
    # (a 304 costs one small query).
    "CACHE_MAX_AGE": env.int("GRAPHQL_CACHE_MAX_AGE", default=60),
    "CACHE_STALE_WHILE_REVALIDATE": env.int("GRAPHQL_CACHE_STALE_WHILE_REVALIDATE", default=30),
    # Part of every response key: set it to the release (e.g. the image tag) so a deploy never serves responses
    # an older release stored in a shared cache.
    "CACHE_VERSION": env.str("GRAPHQL_CACHE_VERSION", default=""),
    # While the database is down, a cached GET may be served stale for this long (graphql_api/caching/outage.py
    # says when it is safe); 0: never, every request then gets 503 SERVICE_UNAVAILABLE.
    "STALE_IF_ERROR_SECONDS": env.int("GRAPHQL_STALE_IF_ERROR_SECONDS", default=300),
    # How long a persisted query's document is remembered after it was registered.
    "PERSISTED_QUERY_SECONDS": env.int("GRAPHQL_PERSISTED_QUERY_SECONDS", default=7 * 24 * 3600),
    # A response larger than this is sent but not stored; documents a client may register, per client network.
    "RESPONSE_CACHE_MAX_BYTES": env.int("GRAPHQL_RESPONSE_CACHE_MAX_BYTES", default=512 * 1024),
    "PERSISTED_QUERY_RATE": env.str("GRAPHQL_PERSISTED_QUERY_RATE", default="100/h"),
}
# API responses do not depend on the request's language: no Vary/Content-Language from LocaleMiddleware.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware"),  # noqa: F405
    "graphql_api.middleware.LanguageIndependentMiddleware",
)
# CORS (django-cors-headers) for browser apps on other origins, as high as possible (before CommonMiddleware).
# GETs are readable from any origin; preflights and POSTs (mutations) only from CORS_ALLOWED_ORIGINS, by default
# the portal's origins; never with credentials (graphql_api/middleware.py, docs/api.md).
MIDDLEWARE.insert(1, "graphql_api.middleware.ApiCorsMiddleware")  # noqa: F405
CORS_URLS_REGEX = r"^/graphql/$"
CORS_ALLOWED_ORIGINS = env.list(
    "CORS_ALLOWED_ORIGINS",
    default=sorted({"{0.scheme}://{0.netloc}".format(urlsplit(url)) for url in PORTAL_BASE_URLS.values()}),
)
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]
CORS_ALLOW_HEADERS = ["accept", "content-type", "apollographql-client-name", "apollographql-client-version"]
CORS_EXPOSE_HEADERS = ["ETag", "X-GraphQL-Cache"]
CORS_PREFLIGHT_MAX_AGE = env.int("CORS_PREFLIGHT_MAX_AGE", default=86400)
# --- End of GraphQL API -----------------------------------------------------------------------------------------

# --- Media storage (media app): local disk, or an S3 bucket when AWS_STORAGE_BUCKET_NAME is set -----------------
vars().update(storage_settings(env, STORAGES))
# --- End of media storage -------------------------------------------------------------------------------------

# --- Distribution: feeds and structured data -------------------------------------------------------------------
# Feeds (docs/distribution.md). Media URLs in feeds and JSON-LD must be absolute: this server's public address.
DISTRIBUTION_FEEDS = {
    "PUBLIC_BASE_URL": env.str("DISTRIBUTION_PUBLIC_BASE_URL", default=WAGTAILADMIN_BASE_URL),
    "MAX_ITEMS": env.int("DISTRIBUTION_FEED_MAX_ITEMS", default=50),
    # How long the server keeps a built feed (invalidated on publish anyway); 0 turns the server cache off.
    "CACHE_SECONDS": env.int("DISTRIBUTION_FEED_CACHE_SECONDS", default=900),
    "MAX_AGE": env.int("DISTRIBUTION_FEED_MAX_AGE", default=300),
    # Events that ended up to this many days ago stay in the event feeds and the calendar.
    "EVENTS_PAST_DAYS": env.int("DISTRIBUTION_EVENTS_PAST_DAYS", default=30),
    "UID_DOMAIN": env.str("DISTRIBUTION_UID_DOMAIN", default="interazioni.regione.liguria.it"),
    "PUBLISHER_NAME": "Regione Liguria",
    "PUBLISHER_URL": env.str("DISTRIBUTION_PUBLISHER_URL", default="https://www.regione.liguria.it"),
}
# --- End of distribution: feeds ---------------------------------------------------------------------------------

# --- Distribution: channels, outbox and publish webhooks -------------------------------------------------------
# Social channels (docs/distribution.md, "Social networks"). Credentials come only from the environment: nothing
# secret is stored in the database. A channel is on when its _ENABLED is true and its required values are set.
# on_unpublish: "delete" the post where the network allows it, "flag" it for an editor, or "ignore".
# rendition: the media.renditions name the network gets ("social" is 1200x630 JPEG, what all four accept).
DISTRIBUTION_CHANNELS = {
    "mastodon": {
        "enabled": env.bool("DISTRIBUTION_MASTODON_ENABLED", default=False),
        "base_url": env.str("DISTRIBUTION_MASTODON_BASE_URL", default=""),
        "token": env.str("DISTRIBUTION_MASTODON_TOKEN", default=""),
        "visibility": env.str("DISTRIBUTION_MASTODON_VISIBILITY", default="public"),
        "on_unpublish": env.str("DISTRIBUTION_MASTODON_ON_UNPUBLISH", default="delete"),
        "rendition": env.str("DISTRIBUTION_MASTODON_RENDITION", default="social"),
    },
    "telegram": {
        "enabled": env.bool("DISTRIBUTION_TELEGRAM_ENABLED", default=False),
        "base_url": env.str("DISTRIBUTION_TELEGRAM_BASE_URL", default="https://api.telegram.org"),
        "token": env.str("DISTRIBUTION_TELEGRAM_BOT_TOKEN", default=""),
        "chat_id": env.str("DISTRIBUTION_TELEGRAM_CHAT_ID", default=""),
        "on_unpublish": env.str("DISTRIBUTION_TELEGRAM_ON_UNPUBLISH", default="delete"),
        "rendition": env.str("DISTRIBUTION_TELEGRAM_RENDITION", default="social"),
    },
    "facebook": {
        "enabled": env.bool("DISTRIBUTION_FACEBOOK_ENABLED", default=False),
        "base_url": env.str("DISTRIBUTION_FACEBOOK_BASE_URL", default="https://graph.facebook.com"),
        "api_version": env.str("DISTRIBUTION_FACEBOOK_API_VERSION", default="v23.0"),
        "page_id": env.str("DISTRIBUTION_FACEBOOK_PAGE_ID", default=""),
        "token": env.str("DISTRIBUTION_FACEBOOK_PAGE_TOKEN", default=""),
        "on_unpublish": env.str("DISTRIBUTION_FACEBOOK_ON_UNPUBLISH", default="delete"),
        "rendition": env.str("DISTRIBUTION_FACEBOOK_RENDITION", default="social"),
    },
    "webhook": {
        "enabled": env.bool("DISTRIBUTION_SOCIAL_WEBHOOK_ENABLED", default=False),
        "url": env.str("DISTRIBUTION_SOCIAL_WEBHOOK_URL", default=""),
        "secret": env.str("DISTRIBUTION_SOCIAL_WEBHOOK_SECRET", default=""),
        "on_unpublish": env.str("DISTRIBUTION_SOCIAL_WEBHOOK_ON_UNPUBLISH", default="delete"),
        "rendition": env.str("DISTRIBUTION_SOCIAL_WEBHOOK_RENDITION", default="social"),
    },
}
DISTRIBUTION_HTTP_TIMEOUT_SECONDS = env.float("DISTRIBUTION_HTTP_TIMEOUT_SECONDS", default=10.0)
# A delivery claimed longer ago than this was left by a dead worker (resume policy: docs/distribution.md).
DISTRIBUTION_CLAIM_TIMEOUT_SECONDS = env.int("DISTRIBUTION_CLAIM_TIMEOUT_SECONDS", default=600)
# Page types that get a generated post on every enabled channel when first published, unless an editor wrote one.
DISTRIBUTION_AUTOPOST_PAGE_TYPES = env.list(
    "DISTRIBUTION_AUTOPOST_PAGE_TYPES", default=["content_models.EventPage", "content_models.NewsPage"]
)
# Publish webhooks to portals: comma-separated URLs, one shared HMAC secret. No URLs: no events are recorded.
DISTRIBUTION_WEBHOOK_URLS = env.list("DISTRIBUTION_WEBHOOK_URLS", default=[])
DISTRIBUTION_WEBHOOK_SECRET = env.str("DISTRIBUTION_WEBHOOK_SECRET", default="")
# National integration portal: editorial address that receives each marked page's package on publish.
DISTRIBUTION_NATIONAL_PORTAL_EMAIL = env.list("DISTRIBUTION_NATIONAL_PORTAL_EMAIL", default=[])
# Frontend cache invalidation for the portal's CDN (wagtail.contrib.frontend_cache), off unless configured:
# FRONTEND_CACHE_PURGE_URL for an HTTP PURGE cache (Varnish, Nginx), or Cloudflare's zone id and API token.
_frontend_caches = {}
if _frontend_cache_purge_url:
    _frontend_caches["purge"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": _frontend_cache_purge_url,
    }
if _frontend_cache_cloudflare_zone:
    _frontend_caches["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": _frontend_cache_cloudflare_zone,
        "BEARER_TOKEN": env.str("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"),
    }
if _frontend_caches:
    WAGTAILFRONTENDCACHE = _frontend_caches
# A page's portal URL already names its language (PORTAL_BASE_URL has {locale}, and every translation is purged
# at its own URL when it is published): Wagtail's default would purge each URL once per content language with
# the prefix swapped, addresses that do not exist.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# --- End of distribution: channels ------------------------------------------------------------------------------

# --- Insights (insights app: readers' needs and translation health; docs/insights.md) ----------------------------
# Off: the API records nothing (the benchmark compares both ways; nothing else needs it off).
INSIGHTS_RECORDING = env.bool("INSIGHTS_RECORDING", default=True)
# Where counts wait between a request and the database: "memory" (each process's own, written to the database by
# a background thread of that process) or "redis" (each process hands its counts to Redis, one process at a time
# writes them all). Default: redis when REDIS_URL is set. A request itself only ever adds to a dict in memory.
INSIGHTS_REDIS_URL = env.str("INSIGHTS_REDIS_URL", default=env.str("REDIS_URL", default=""))
INSIGHTS_BUFFER = env.str("INSIGHTS_BUFFER", default="redis" if INSIGHTS_REDIS_URL else "memory")
# How often (seconds) a process hands its counts on. 0: never by itself (tests, scripts: insights.buffer.flush()).
INSIGHTS_FLUSH_SECONDS = env.int("INSIGHTS_FLUSH_SECONDS", default=60)
# Distinct counters a process keeps between two flushes: past it, it flushes early; past twice as many, a new
# search term or path is dropped (and the drop logged), so a flood of random searches cannot fill the memory.
INSIGHTS_BUFFER_MAX_KEYS = env.int("INSIGHTS_BUFFER_MAX_KEYS", default=20_000)
# Months of daily counts kept; older rows are deleted by `manage.py insights_prune`, and once a day by every process.
INSIGHTS_RETENTION_MONTHS = env.int("INSIGHTS_RETENTION_MONTHS", default=13)
# A search term or path asked fewer times than this in the chosen period is never shown: small counts can identify
# a person. Never below 5 (a system check refuses it).
INSIGHTS_MIN_COUNT = env.int("INSIGHTS_MIN_COUNT", default=5)
# Page feedback (the public mutation submitPageFeedback): django-ratelimit rates per client network, and per client
# network and page; the comment's length limit (Designers Italia's model page uses 200 characters).
INSIGHTS_FEEDBACK_RATE_LIMIT_IP = env.str("INSIGHTS_FEEDBACK_RATE_LIMIT_IP", default="20/h")
INSIGHTS_FEEDBACK_RATE_LIMIT_PAGE = env.str("INSIGHTS_FEEDBACK_RATE_LIMIT_PAGE", default="3/h")
INSIGHTS_FEEDBACK_COMMENT_MAX_LENGTH = env.int("INSIGHTS_FEEDBACK_COMMENT_MAX_LENGTH", default=200)
# --- End of insights ----------------------------------------------------------------------------------------------

# --- Operations (operations app: backups, logs, metrics, error reporting; docs/operations.md) -------------------
from .operations import *  # noqa: E402,F401,F403
# --- End of operations ------------------------------------------------------------------------------------------

# --- Print (printing app; see docs/printing.md) -----------------------------------------------------------------
# Make a page's printed editions in the background when it is published (tests turn it off unless they print).
PRINT_ON_PUBLISH = env.bool("PRINT_ON_PUBLISH", default=True)  # noqa: F405
TASKS_RECOVERY += ["printing.jobs.print_jobs_resume_abandoned"]  # a job whose worker was killed
# --- End of print -----------------------------------------------------------------------------------------------

# --- Content-Security-Policy (django-csp; cms/settings/csp.py) ---------------------------------------------------
from .csp import *  # noqa: E402,F401,F403
