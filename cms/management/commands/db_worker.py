"""django-tasks-db's `db_worker`, which also picks up work a killed worker left behind (cms/tasks_recovery.py).

Same command, same options: it runs the recoveries once before the first task and then every
TASKS_RECOVERY_SECONDS in a background thread, beside the library's own loop (which has no hook for it).
"""

import logging
import os
import threading
import time

from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from cms.tasks_recovery import tasks_recover

logger = logging.getLogger(__name__)


class Command(db_worker.Command):
    help = db_worker.Command.help + ", and resume work a killed worker left behind"

    def handle(self, *args, **options):
        # With --reload the parent process only watches files: the child does the work.
        if not options["reload"] or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            tasks_recover()
            if not options["batch"]:
                threading.Thread(target=self._recover_forever, name="tasks-recovery", daemon=True).start()
        super().handle(*args, **options)

    def _recover_forever(self) -> None:
        from django.conf import settings

        while True:
            time.sleep(settings.TASKS_RECOVERY_SECONDS)
            try:
                tasks_recover()
            except Exception:  # the thread must outlive any one pass (a database restarting, say)
                logger.exception("Task recovery pass failed")
            finally:
                connections.close_all()  # this thread's own connections: a pass every few seconds needs none kept
