"""Background work (Django Tasks API). Tasks take ids, never objects: they may run in another process later."""

from django_tasks import task

from . import sending


@task()
def deliver_dispatch(dispatch_id: int) -> dict:
    outcome = sending.dispatch_deliver(dispatch_id=dispatch_id)
    return {"sent": outcome.sent, "failed": outcome.failed, "skipped": outcome.skipped,
            "deferred": outcome.deferred, "interrupted": outcome.interrupted, "finished": outcome.finished}


@task()
def start_scheduled_dispatch(dispatch_id: int) -> bool:
    return sending.dispatch_start_if_due(dispatch_id=dispatch_id)


@task()
def send_subscriber_notice(subscriber_id: int, kind: str, consent_id: int | None) -> None:
    from .models import Consent, Subscriber
    from .notices import notice_send

    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:  # erased in the meantime
        return
    consent = Consent.objects.filter(pk=consent_id, subscriber=subscriber).first() if consent_id else None
    if kind == "confirm" and consent is None:
        return
    notice_send(subscriber=subscriber, kind=kind, consent=consent)
