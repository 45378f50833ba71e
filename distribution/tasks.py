"""Background work (Django Tasks API). Tasks take ids, never objects: they may run in another process later."""

import logging
from datetime import datetime

from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)


def enqueue_at(task_, *args, when: datetime) -> bool:
    """Run `task_` at `when` where the backend can defer (the database backend, with its db_worker), on commit.

    Backends that cannot (the immediate one in development) leave it to `manage.py distribution_outbox`, which
    cron runs every minute. Returns whether a deferred task was queued.
    """
    if not task_.get_backend().supports_defer:
        return False
    transaction.on_commit(lambda: task_.using(run_after=when).enqueue(*args), robust=True)
    return True


@task()
def outbox_deliver(delivery_id: int) -> str | None:
    from .outbox.processing import delivery_process

    delivery = delivery_process(delivery_id=delivery_id)
    return delivery.state if delivery is not None else None


@task()
def webhooks_deliver() -> dict:
    """Send every due publish webhook, in order per page and endpoint."""
    from .webhooks.sending import webhook_deliveries_process_due

    return webhook_deliveries_process_due()


@task()
def national_package_email(page_id: int) -> bool:
    from .national.email import national_package_send

    return national_package_send(page_id=page_id)


@task()
def content_change_distribute(change: dict, attempt: int = 1) -> None:
    """Posts, webhook events and packages of a committed content change (distribution/lifecycle.py).

    Best effort and retried: a failure is logged and tried again with backoff where the backend can defer; the
    change is applied in one transaction, so a retry starts from nothing. The editor's write is long done.
    """
    from django.utils import timezone

    from .changes import content_change_apply
    from .retry import attempts_exhausted, retry_delay

    try:
        content_change_apply(change)
    except Exception as error:
        retried = not attempts_exhausted(attempt) and enqueue_at(
            content_change_distribute, change, attempt + 1, when=timezone.now() + retry_delay(attempt=attempt)
        )
        logger.warning("Distributing %s failed (attempt %d, %s: %s): %s", change.get("event"), attempt,
                       type(error).__name__, error, "will retry" if retried else "giving up")
        raise  # the task's result records the failure and its traceback
