"""A send whose worker was killed resumes by itself: the next `db_worker` takes its lease over, no cron needed.

The killed worker's state is made as `kill -9` leaves it: its task RUNNING in the task table, its batch CLAIMED,
one message handed to SMTP and not recorded (SENDING), the lease's last heartbeat older than the timeout.
"""

import datetime
from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsletter import sending
from newsletter.models import Delivery, Dispatch
from newsletter.tasks import deliver_dispatch
from newsletter.throttle import Throttle

from .conftest import make_subscribers, publish_issue
from .killing import KillingConnection, WorkerKilled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("locales")]
Status = Delivery.Status


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def killed_send(recipients: int, *, kill_at: int) -> Dispatch:
    """A send whose worker died right after SMTP accepted message `kill_at`, before recording it."""
    dispatch = sending.issue_send(issue=publish_issue())  # its task is enqueued on commit: never, in this test
    task = deliver_dispatch.enqueue(dispatch.pk)
    DBTaskResult.objects.filter(pk=task.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["killed-worker"]
    )
    with pytest.raises(WorkerKilled):
        sending.dispatch_deliver(dispatch_id=dispatch.pk, connection=KillingConnection(kill_at, before_smtp=False),
                                 throttle=Throttle(0))
    return Dispatch.objects.get(pk=dispatch.pk)


def lease_expires(dispatch: Dispatch, settings) -> None:
    """Time passes: the dead worker's last heartbeat becomes older than the lease (no sleeping in tests)."""
    Dispatch.objects.filter(pk=dispatch.pk).update(
        heartbeat_at=dispatch.heartbeat_at - datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT_SECONDS + 1)
    )


def run_new_worker() -> None:
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)


# Transactional: the worker closes connections that are not in autocommit mode, as a test's transaction is.
@pytest.mark.django_db(transaction=True)
def test_a_new_worker_resumes_an_orphaned_send_without_cron(smtp_server, settings, database_tasks):
    subscribers = make_subscribers(30)
    dispatch = killed_send(30, kill_at=12)
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {
        Status.SENT: 11, Status.SENDING: 1, Status.CLAIMED: 18
    }

    run_new_worker()  # while the lease is fresh: the killed worker might still be alive, so nothing moves
    assert len(smtp_server.received) == 12
    assert Dispatch.objects.get().status == Dispatch.Status.SENDING

    lease_expires(dispatch, settings)
    run_new_worker()

    recipients = Counter(smtp_server.handler.recipients())
    assert set(recipients) == {subscriber.email for subscriber in subscribers}  # zero skipped
    # One duplicate, the message whose answer the killed worker never recorded, with its Message-ID kept.
    assert sorted(recipients.values()) == [1] * 29 + [2]
    [twice] = [email for email, count in recipients.items() if count == 2]
    assert len({m.message["Message-ID"] for m in smtp_server.received if m.rcpt_tos == [twice]}) == 1
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {Status.SENT: 30}
    assert Dispatch.objects.get().status == Dispatch.Status.FINISHED
    # The task table tells the story: the killed run failed, the new one did the rest.
    results = {r.worker_ids[0]: r for r in DBTaskResult.objects.filter(task_path=deliver_dispatch.module_path)}
    assert results["killed-worker"].status == TaskResultStatus.FAILED
    assert "stopped" in results["killed-worker"].traceback
    assert {r.status for worker, r in results.items() if worker != "killed-worker"} == {TaskResultStatus.SUCCESSFUL}


def test_a_run_that_lost_its_lease_stops_and_leaves_the_rows_to_the_new_one(smtp_server, settings, dummy_tasks):
    """A worker frozen longer than the lease (SIGSTOP, swapping) wakes up to find its send taken over."""
    from newsletter.lease import DispatchLease, LeaseLost

    make_subscribers(3)
    dispatch = sending.issue_send(issue=publish_issue())
    frozen = DispatchLease.take(dispatch.pk, timezone.now)
    lease_expires(Dispatch.objects.get(pk=dispatch.pk), settings)

    assert sending.dispatches_resume_abandoned() == [dispatch.pk]
    outcome = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))
    assert outcome.finished and len(smtp_server.received) == 3

    with pytest.raises(LeaseLost):
        frozen.renew()


def test_two_runs_never_send_one_dispatch_at_once(smtp_server, dummy_tasks):
    from newsletter.lease import DispatchLease

    make_subscribers(3)
    dispatch = sending.issue_send(issue=publish_issue())
    holder = DispatchLease.take(dispatch.pk, timezone.now)
    assert holder is not None

    assert sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0)).busy
    assert smtp_server.received == []
