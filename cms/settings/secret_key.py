"""Development's SECRET_KEY: random, made once per checkout and kept in var/, never a value anyone else knows.

A key written in the code is known to everyone who has read it: with it they can forge what Django and Wagtail
sign (the admin's preview tokens, the API's preview tokens, password-reset links, session cookies) on any
development server they can reach. Production never gets here: it refuses to start without SECRET_KEY.
"""

import os
import secrets
from pathlib import Path

FILE_NAME = "secret_key"


def development_secret_key(var_dir: Path) -> str:
    path = var_dir / FILE_NAME
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        # Created readable by its owner only, and never replaced: a new key would log everyone out.
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process of the same checkout made it first
            pass
        else:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()
