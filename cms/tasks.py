"""The one way every app hands work to the task queue: now, or at a time where the backend can defer.

Tasks are thin (`<app>/tasks.py`): each calls a service, and imports it. Services hand work to a task through
`task_enqueue`, naming it by its dotted path, so no service module imports a tasks module and imports go one way
(tasks -> services). Work is enqueued when the caller's transaction commits, so a rolled-back write starts
nothing; outside a transaction, at once. A queue that refuses the work is logged, never raised into the write
that committed (`robust`): the periodic commands and the workers' recovery pick the work up (docs/faults.md).

`at`: run then, where the backend can defer (django-tasks' database backend with its `db_worker`). Backends that
cannot (the immediate one in development) get nothing: each app's periodic command (`newsletter_send`,
`distribution_outbox`, run by cron) picks up what is due. The return value says whether a task was queued.
"""

import datetime
from functools import cache

from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks.base import Task


@cache
def task_get(path: str) -> Task:
    """The task at a dotted path (`newsletter.tasks.deliver_dispatch`); a clear error for anything else."""
    task = import_string(path)
    if not isinstance(task, Task):
        raise TypeError(f"{path} is not a task (decorate it with django_tasks.task)")
    return task


def task_enqueue(path: str, *args, at: datetime.datetime | None = None) -> bool:
    task = task_get(path)
    if at is None:
        transaction.on_commit(lambda: task.enqueue(*args), robust=True)
        return True
    if not task.get_backend().supports_defer:
        return False
    transaction.on_commit(lambda: task.using(run_after=at).enqueue(*args), robust=True)
    return True
