"""State read from the database when Prometheus scrapes: task queue, newsletter sends, distribution failures.

A handful of COUNT queries on indexed columns per scrape, whichever worker answers it: these are facts of the
database, not of a process, so they are never kept in the multiprocess files. When the database does not answer,
`interazioni_database_up` is 0 and the rest is left out (the scrape itself still succeeds).
"""

import datetime
import logging

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Min, Q
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

logger = logging.getLogger(__name__)


def _tasks(now: datetime.datetime):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    # django-tasks-db stores "no run_after" as the largest date: such a task is due from when it was enqueued.
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    unscheduled = waiting.filter(run_after=get_date_max()).aggregate(
        count=Count("pk"), since=Min("enqueued_at")
    )
    scheduled = waiting.exclude(run_after=get_date_max()).aggregate(
        due=Count("pk", filter=Q(run_after__lte=now)),
        later=Count("pk", filter=Q(run_after__gt=now)),
        since=Min("run_after", filter=Q(run_after__lte=now)),
    )
    tasks = GaugeMetricFamily(
        "interazioni_tasks",
        "Background tasks in the database queue: due (the queue depth), scheduled for later, running.",
        labels=["state"],
    )
    tasks.add_metric(["due"], unscheduled["count"] + scheduled["due"])
    tasks.add_metric(["scheduled"], scheduled["later"])
    tasks.add_metric(["running"], DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count())
    yield tasks
    since = min(
        (time for time in (unscheduled["since"], scheduled["since"]) if time is not None), default=None
    )
    yield GaugeMetricFamily(
        "interazioni_task_queue_oldest_seconds",
        "How long the oldest due task has waited (0 with an empty queue): grows when no worker runs.",
        value=max(0.0, (now - since).total_seconds()) if since else 0,
    )
    yield GaugeMetricFamily(
        "interazioni_tasks_failed_last_hour",
        "Background tasks that failed in the last hour.",
        value=DBTaskResult.objects.filter(
            status=TaskResultStatus.FAILED, finished_at__gte=now - datetime.timedelta(hours=1)
        ).count(),
    )


def _newsletter(now: datetime.datetime):
    from newsletter.models import Delivery, Dispatch

    sending = Dispatch.objects.filter(status=Dispatch.Status.SENDING)
    stale_before = now - datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT_SECONDS)
    dispatches = GaugeMetricFamily(
        "interazioni_newsletter_dispatches",
        "Newsletter sends by state: sending (in progress), stalled (sending, and its lease expired, or no run "
        "holds it and no pause is pending), scheduled.",
        labels=["state"],
    )
    dispatches.add_metric(["sending"], sending.count())
    # The lease (newsletter/lease.py): a run's heartbeat, NULL between runs; a send pausing for a retry waits.
    not_pausing = Q(retry_after__isnull=True) | Q(retry_after__lte=now)
    stalled = Q(heartbeat_at__lt=stale_before) | (Q(heartbeat_at__isnull=True) & not_pausing)
    dispatches.add_metric(["stalled"], sending.filter(stalled).count())
    dispatches.add_metric(["scheduled"], Dispatch.objects.filter(status=Dispatch.Status.SCHEDULED).count())
    yield dispatches
    yield GaugeMetricFamily(
        "interazioni_newsletter_messages_waiting",
        "Messages of the sends in progress not yet handed to the mail server.",
        value=Delivery.objects.filter(
            issue__dispatch__status=Dispatch.Status.SENDING, status__in=Delivery.OPEN
        ).count(),
    )


def _distribution():
    from distribution.models import SocialDelivery, WebhookDelivery

    for model, name, what in (
        (SocialDelivery, "interazioni_distribution_outbox", "Social network outbox deliveries"),
        (WebhookDelivery, "interazioni_distribution_webhook_deliveries", "Publish webhook deliveries"),
    ):
        family = GaugeMetricFamily(
            name, f"{what} by state (failed: gave up after its retries).", labels=["state"]
        )
        for row in model.objects.values("state").annotate(rows=Count("pk")).order_by("state"):
            family.add_metric([row["state"]], row["rows"])
        yield family


class DatabaseStateCollector(Collector):
    def collect(self):
        now = timezone.now()
        try:
            families = [*_tasks(now), *_newsletter(now), *_distribution()]
        except DatabaseError:
            logger.warning("Metrics: the database did not answer", exc_info=True)
            yield GaugeMetricFamily(
                "interazioni_database_up", "1 when the database answers the metrics queries.", 0
            )
            return
        yield GaugeMetricFamily(
            "interazioni_database_up", "1 when the database answers the metrics queries.", 1
        )
        yield from families
