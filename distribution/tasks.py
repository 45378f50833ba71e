"""Background work (Django Tasks API). Tasks take ids, never objects: they may run in another process later."""

from datetime import datetime

from django.db import transaction
from django_tasks import task


def enqueue_at(task_, *args, when: datetime) -> bool:
    """Run `task_` at `when` where the backend can defer (the database backend, with its db_worker), on commit.

    Backends that cannot (the immediate one in development) leave it to `manage.py distribution_outbox`, which
    cron runs every minute. Returns whether a deferred task was queued.
    """
    if not task_.get_backend().supports_defer:
        return False
    transaction.on_commit(lambda: task_.using(run_after=when).enqueue(*args))
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
