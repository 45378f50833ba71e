"""Background work (Django Tasks API). Tasks take ids, never objects: they may run in another process later.

Thin: each calls a service. Services enqueue them by path through cms.tasks.task_enqueue and never import this
module, so imports go one way.
"""

import logging

from django_tasks import task

from cms.tasks import task_enqueue

from .changes import content_change_apply
from .national.email import national_package_send
from .outbox.processing import delivery_process
from .retry import attempts_exhausted, retry_delay
from .webhooks.sending import webhook_deliveries_process_due

logger = logging.getLogger(__name__)


@task()
def outbox_deliver(delivery_id: int) -> str | None:
    delivery = delivery_process(delivery_id=delivery_id)
    return delivery.state if delivery is not None else None


@task()
def webhooks_deliver() -> dict:
    """Send every due publish webhook, in order per page and endpoint."""
    return webhook_deliveries_process_due()


@task()
def national_package_email(page_id: int) -> bool:
    return national_package_send(page_id=page_id)


@task()
def content_change_distribute(change: dict, attempt: int = 1) -> None:
    """Posts, webhook events and packages of a committed content change (distribution/lifecycle.py).

    Best effort and retried: a failure is logged and tried again with backoff where the backend can defer; the
    change is applied in one transaction, so a retry starts from nothing. The editor's write is long done.
    """
    from django.utils import timezone

    try:
        content_change_apply(change)
    except Exception as error:
        retried = not attempts_exhausted(attempt) and task_enqueue(
            "distribution.tasks.content_change_distribute", change, attempt + 1,
            at=timezone.now() + retry_delay(attempt=attempt),
        )
        logger.warning("Distributing %s failed (attempt %d, %s: %s): %s", change.get("event"), attempt,
                       type(error).__name__, error, "will retry" if retried else "giving up")
        raise  # the task's result records the failure and its traceback
