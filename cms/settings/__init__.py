"""The one settings module, driven by the environment.

With no environment at all the embedded defaults apply (SQLite in var/, files in var/media, console email,
immediate tasks). ``DJANGO_ENV=production`` layers the production hardening on top and refuses to start without
the secrets it needs. Every variable is documented in ``.env.example`` and ``docs/configuration.md``.
"""

from .base import *  # noqa: F401,F403
from .base import DJANGO_ENV

if DJANGO_ENV == "production":
    from .production import *  # noqa: F401,F403
