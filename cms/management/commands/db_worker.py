"""django-tasks-db's `db_worker`, which also picks up work a killed worker left behind (cms/tasks_recovery.py).

Same command, same options: it runs the recoveries once before the first task and then every
TASKS_RECOVERY_SECONDS in a background thread, beside the library's own loop (which has no hook for it); and it
outlives a database outage (a PostgreSQL restart used to end every worker).
"""

import logging
import os
import threading
import time

from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from cms.tasks_recovery import tasks_recover
from cms.unavailable import DATABASE_UNAVAILABLE_ERRORS, database_unavailable_log

logger = logging.getLogger(__name__)
DATABASE_RETRY_SECONDS = 1.0


class Command(db_worker.Command):
    help = db_worker.Command.help + ", and resume work a killed worker left behind"

    def handle(self, *args, **options):
        stopped = threading.Event()
        # With --reload the parent process only watches files: the child does the work.
        if not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            tasks_recover()
            if not options["batch"]:
                threading.Thread(target=self._recover_forever, args=(stopped,), name="tasks-recovery",
                                 daemon=True).start()
        try:
            while True:
                try:
                    return super().handle(*args, **options)
                except DATABASE_UNAVAILABLE_ERRORS as error:
                    # The library's loop gives up on any database error but a locked SQLite file: a PostgreSQL
                    # restart would stop every worker for good. A long-running worker waits for the database.
                    if options["batch"]:
                        raise
                    database_unavailable_log(error, "db_worker")
                    connections.close_all()
                    database_wait()
        finally:
            stopped.set()

    def _recover_forever(self, stopped: threading.Event) -> None:
        from django.conf import settings

        while not stopped.wait(settings.TASKS_RECOVERY_SECONDS):
            try:
                tasks_recover()
            except DATABASE_UNAVAILABLE_ERRORS as error:
                database_unavailable_log(error, "tasks recovery")
            except Exception:  # the thread must outlive any one pass
                logger.exception("Task recovery pass failed")
            finally:
                connections.close_all()  # this thread's own connections: a pass every few seconds needs none kept


def database_wait() -> None:
    time.sleep(DATABASE_RETRY_SECONDS)
