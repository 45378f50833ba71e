"""Production mode refuses to start without its secrets; the embedded default needs nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "k" * 64
LOAD_SETTINGS = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def _start(**env_vars):
    # A clean environment: nothing leaks in from the developer's shell or from a .env file.
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "cms.settings", "HOME": os.environ.get("HOME", "/tmp")}
    env.update(env_vars)
    return subprocess.run(
        [sys.executable, "-c", LOAD_SETTINGS], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("env_vars", "missing"),
    [
        ({}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_SECRET}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "cms.example.org"}, "DATABASE_URL"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "cms.example.org", "DATABASE_URL": "sqlite:////tmp/x"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "cms.example.org", "DATABASE_URL": "sqlite:////tmp/x"}, "REDIS_URL"),
        (
            {
                "SECRET_KEY": GOOD_SECRET,
                "ALLOWED_HOSTS": "cms.example.org",
                "DATABASE_URL": "sqlite:////tmp/x",
                "REDIS_URL": "redis://127.0.0.1:6379/0",
            },
            "CLIENT_IP_HEADER",
        ),
    ],
)
def test_production_refuses_to_start_without_secrets(env_vars, missing):
    result = _start(DJANGO_ENV="production", **env_vars)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_starts_with_its_secrets_and_turns_debug_off():
    result = _start(
        DJANGO_ENV="production",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="cms.example.org",
        DATABASE_URL="sqlite:////tmp/interazioni-settings-test.sqlite3",
        REDIS_URL="redis://127.0.0.1:6379/0",  # read, not connected to, at start-up
        CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_embedded_default_needs_no_environment():
    result = _start()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_unknown_environment_name_is_refused():
    result = _start(DJANGO_ENV="prod")
    assert result.returncode != 0
    assert "DJANGO_ENV" in result.stderr


def test_postgresql_connections_turn_jit_off():
    """JIT compiled a 1 ms page read for 0.7 s (its cost estimate is high): connections switch it off."""
    show = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['OPTIONS'].get('options'))"
    )
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "cms.settings", "HOME": os.environ.get("HOME", "/tmp"),
           "DATABASE_URL": "postgres://cms@127.0.0.1:5432/cms"}
    result = subprocess.run([sys.executable, "-c", show], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "-c jit=off"


PRINT_KEY = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"


def test_development_makes_its_own_secret_key_once_per_checkout(tmp_path):
    """No key anyone else knows: a random one in var/, kept across starts, readable by its owner only."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "cms.settings", "HOME": os.environ.get("HOME", "/tmp"),
           "VAR_DIR": str(tmp_path)}
    keys = [
        subprocess.run([sys.executable, "-c", PRINT_KEY], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=60, check=True).stdout.strip()
        for _ in range(2)
    ]
    assert keys[0] == keys[1] and len(keys[0]) >= 50 and not keys[0].startswith("dev-only")
    key_file = tmp_path / "secret_key"
    assert key_file.read_text().strip() == keys[0]
    assert key_file.stat().st_mode & 0o077 == 0
    other = tmp_path / "other"
    env["VAR_DIR"] = str(other)
    another = subprocess.run([sys.executable, "-c", PRINT_KEY], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=60, check=True).stdout.strip()
    assert another != keys[0], "each checkout has its own"
