"""Background work (Django Tasks API). Tasks take ids, never objects: they may run in another process later.

Thin: each calls a service. Services enqueue them by path through cms.tasks.task_enqueue and never import this
module, so imports go one way.
"""

from django_tasks import task

from .national.email import national_package_send
from .outbox.processing import delivery_process
from .webhooks.sending import webhook_deliveries_process_due


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
