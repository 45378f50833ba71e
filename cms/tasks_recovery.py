"""Work a killed task worker left behind, picked up by the next worker without cron.

A task the database backend handed to a worker that was then killed stays RUNNING for ever: nothing in
django-tasks-db takes it back. Each app knows which of its work can be resumed and how (the newsletter: a send
whose lease expired, newsletter/lease.py); it lists a function in settings.TASKS_RECOVERY, and every
`manage.py db_worker` (cms/management/commands/db_worker.py) runs them when it starts and every
TASKS_RECOVERY_SECONDS. The functions must be cheap when there is nothing to do, and safe to run from several
workers at once.
"""

import logging

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from cms.unavailable import DATABASE_UNAVAILABLE_ERRORS, database_unavailable_log

logger = logging.getLogger(__name__)

ORPHAN_MESSAGE = (
    "The worker running this task stopped (killed, or its machine went away) before it finished. "
    "The work was given back and resumed by another worker."
)


def tasks_recover() -> dict[str, object]:
    """Run every recovery; one that fails is logged and does not stop the others."""
    outcomes = {}
    for path in settings.TASKS_RECOVERY:
        try:
            outcomes[path] = import_string(path)()
        except DATABASE_UNAVAILABLE_ERRORS as error:
            database_unavailable_log(error, f"task recovery {path}")
            outcomes[path] = None
        except Exception:
            logger.exception("Task recovery %s failed", path)
            outcomes[path] = None
    return outcomes


def task_results_close_orphaned(*, task, args: list) -> int:
    """Mark as failed the RUNNING results of `task(*args)` whose worker is known to be dead (the caller took its
    work over), so the tasks admin does not show them running for ever. Database backend only."""
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(task.get_backend(), DatabaseBackend):
        return 0
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, task_path=task.module_path, args_kwargs__args=args
    ).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now(),
        exception_class_path="cms.tasks_recovery.WorkerStopped", traceback=ORPHAN_MESSAGE,
    )
