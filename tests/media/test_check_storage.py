"""`manage.py check_storage`: a clear report, and an exit status scripts can trust."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def check_storage(*args) -> str:
    out = io.StringIO()
    call_command("check_storage", *args, stdout=out)
    return out.getvalue()


def test_passes_on_a_working_bucket_and_leaves_nothing_behind(s3):
    report = check_storage("--urls")

    assert "FAIL" not in report
    for store in ("files", "renditions"):
        for step in ("reachable", "write", "read", "url", "delete"):
            assert any(line.split()[1:3] == [store, step] for line in report.splitlines()), (store, step)
    assert "GET without signature -> 403" in report
    assert report.rstrip().endswith("Media storage works.")
    assert s3.keys() == []


def test_passes_on_local_disk():
    assert check_storage().rstrip().endswith("Media storage works.")


def test_fails_when_the_store_is_down(s3, settings, closed_port_endpoint):
    settings.AWS_S3_ENDPOINT_URL = closed_port_endpoint
    out = io.StringIO()

    with pytest.raises(CommandError, match="The media store is not working"):
        call_command("check_storage", stdout=out)

    assert f"FAIL files      reachable bucket '{s3.bucket}' at {closed_port_endpoint}" in out.getvalue()


def test_fails_when_the_bucket_does_not_exist(s3, settings):
    settings.AWS_STORAGE_BUCKET_NAME = "no-such-bucket"
    out = io.StringIO()

    with pytest.raises(CommandError):
        call_command("check_storage", stdout=out)

    assert "FAIL files      reachable bucket 'no-such-bucket'" in out.getvalue()


def test_fails_when_renditions_are_not_public(s3):
    s3.client.delete_bucket_policy(Bucket=s3.bucket)
    out = io.StringIO()

    with pytest.raises(CommandError):
        call_command("check_storage", "--urls", stdout=out)

    assert "FAIL renditions url" in out.getvalue()


def _run(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check_storage", "--urls"],
        cwd=django_settings.BASE_DIR,
        env={**os.environ, "MEDIA_STORE_MAX_ATTEMPTS": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_from_the_command_line_configured_by_the_environment(s3, closed_port_endpoint):
    """The variables an operator sets, read by cms/settings/storage.py: exit 0 when it works, 1 when it does not."""
    env = {
        "AWS_STORAGE_BUCKET_NAME": s3.bucket,
        "AWS_S3_ENDPOINT_URL": s3.endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_S3_REGION_NAME": "us-east-1",
    }

    working = _run(env)
    down = _run({**env, "AWS_S3_ENDPOINT_URL": closed_port_endpoint})

    assert working.returncode == 0, working.stdout + working.stderr
    assert "Media storage works." in working.stdout
    assert down.returncode == 1
    assert "FAIL" in down.stdout
    assert "The media store is not working" in down.stderr
    assert s3.keys() == []
