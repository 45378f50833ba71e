"""cms.tasks: the one enqueue helper (now, or at a time where the backend can defer), on commit, by task path."""

import ast
import datetime
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks.base import Task

from cms.tasks import task_enqueue, task_get

ROOT = Path(__file__).resolve().parents[2]
APPS = ("associations", "cms", "content_models", "distribution", "graphql_api", "media", "newsletter", "printing")


@pytest.fixture
def dummy_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


@pytest.mark.django_db
def test_now_or_at_a_time_once_the_transaction_commits(dummy_tasks, django_capture_on_commit_callbacks):
    later = timezone.now() + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert task_enqueue("media.tasks.image_renditions_create", 1)
        assert task_enqueue("media.tasks.image_renditions_create", 2, at=later)
        assert dummy_tasks.results == []  # nothing before the commit
        with pytest.raises(RuntimeError), transaction.atomic():
            task_enqueue("media.tasks.image_renditions_create", 3)
            raise RuntimeError("rolled back")
    assert [(result.args, result.task.run_after) for result in dummy_tasks.results] == [([1], None), ([2], later)]


def test_a_backend_that_cannot_defer_gets_nothing_for_later(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert task_enqueue("media.tasks.image_renditions_create", 1, at=timezone.now()) is False


def test_a_path_that_is_not_a_task_is_refused():
    with pytest.raises(TypeError, match="not a task"):
        task_get("cms.tasks.task_enqueue")


def test_every_task_path_the_project_enqueues_is_a_task():
    """Services name tasks by path (so they never import a tasks module): a typo must fail here, not in production."""
    paths = set()
    for app in APPS:
        for source in (ROOT / app).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text())):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "task_enqueue"
                        and node.args and isinstance(node.args[0], ast.Constant)):
                    paths.add(node.args[0].value)
    assert len(paths) >= 9
    for path in paths:
        assert isinstance(task_get(path), Task), path
