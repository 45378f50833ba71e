"""The task worker (`manage.py db_worker`, extended in cms/): it outlives a database outage."""

import pytest
from django.core.management import call_command
from django_tasks import task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.management.commands import db_worker


@task()
def noop() -> str:
    return "done"


def test_a_worker_waits_for_the_database_instead_of_exiting(database_down, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = noop.enqueue()
    waits = []

    def database_back():  # the worker's wait: the database comes back during it
        waits.append("waited")
        database_down.up()

    monkeypatch.setattr(db_worker, "database_wait", database_back)
    database_down()

    call_command("db_worker", reload=False, startup_delay=False, interval=0, max_tasks=1, verbosity=0)

    assert waits == ["waited"]
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL


def test_a_batch_worker_still_stops_on_a_database_error(database_down, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    database_down()

    with pytest.raises(Exception, match="unable to open|connection"):
        call_command("db_worker", reload=False, startup_delay=False, interval=0, batch=True, verbosity=0)
