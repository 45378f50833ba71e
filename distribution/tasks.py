"""Background work (Django Tasks API). Tasks take ids, never objects: they may run in another process later."""

from django_tasks import task


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
