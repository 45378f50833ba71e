"""Who may send a dispatch now: one run at a time, holding a lease it renews (its heartbeat).

`Dispatch.heartbeat_at` is the lease: NULL when no run holds it, else the time its run last gave a sign of life.
A run writes a new time at least every third of NEWSLETTER_CLAIM_TIMEOUT_SECONDS, each time with a
compare-and-set on the time it wrote before, so that time is also the run's token: a run that finds its token
replaced has lost the lease and stops. A lease older than the timeout belongs to a dead run (a killed worker, a
machine gone): whoever takes it over first gives that run's rows back (CLAIMED and SENDING ones, see
deliveries_release_abandoned) in the same transaction. Only one run at a time means every row held when a lease
is taken over was held by the dead run, whatever its claim time.

Taking over happens when a run starts (its task ran) or when a worker looks for abandoned sends
(`sending.dispatches_resume_abandoned`, which every `db_worker` runs every few seconds): a killed send resumes
within the timeout plus that interval, with no cron.
"""

import datetime
import logging
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from .models import Delivery, Dispatch

logger = logging.getLogger(__name__)
Status = Delivery.Status


class LeaseLost(Exception):
    """Another run took the dispatch over: this one gave no sign of life for longer than the timeout."""


def lease_seconds() -> float:
    return float(settings.NEWSLETTER_CLAIM_TIMEOUT_SECONDS)


def deliveries_release_abandoned(*, dispatch_id: int) -> int:
    """Give back every row a dead run held.

    Policy:
    - CLAIMED rows never reached the mail server: back to PENDING, nobody is skipped.
    - SENDING rows were handed to the mail server and the worker died before recording the answer, so the
      outcome is unknown. They go back to PENDING too: at-least-once, because for a public-service newsletter a
      missed message is worse than a rare duplicate. The window is one message per dead run, and the resent
      message keeps its Message-ID, which most mailbox providers use to drop the duplicate.
    """
    issue_id = Dispatch.objects.filter(pk=dispatch_id).values_list("issue_id", flat=True).first()
    return Delivery.objects.filter(issue_id=issue_id, status__in=[Status.CLAIMED, Status.SENDING]).update(
        status=Status.PENDING, claim_token=None
    )


def dispatch_take_over(*, dispatch_id: int, abandoned_at: datetime.datetime) -> bool:
    """Free the lease a dead run left (its last heartbeat was `abandoned_at`) and give its rows back; False when
    somebody else was quicker (or the run was alive after all and renewed it)."""
    with transaction.atomic():
        freed = Dispatch.objects.filter(
            pk=dispatch_id, status=Dispatch.Status.SENDING, heartbeat_at=abandoned_at
        ).update(heartbeat_at=None)
        if not freed:
            return False
        released = deliveries_release_abandoned(dispatch_id=dispatch_id)
    logger.warning("Newsletter dispatch %s: its worker stopped at %s; %d row(s) given back, the send resumes",
                   dispatch_id, abandoned_at.isoformat(), released)
    return True


class DispatchLease:
    """This run's hold on a dispatch. `take()` returns None when a live run holds it."""

    def __init__(self, dispatch_id: int, clock: Callable[[], datetime.datetime]):
        self.dispatch_id = dispatch_id
        self.clock = clock
        self.token: datetime.datetime | None = None

    @property
    def interval(self) -> datetime.timedelta:
        return datetime.timedelta(seconds=lease_seconds() / 3)

    @classmethod
    def take(cls, dispatch_id: int, clock: Callable[[], datetime.datetime]) -> "DispatchLease | None":
        lease = cls(dispatch_id, clock)
        now = clock()
        held = Dispatch.objects.filter(pk=dispatch_id).values_list("heartbeat_at", flat=True).first()
        if held is not None and now - held >= datetime.timedelta(seconds=lease_seconds()):
            dispatch_take_over(dispatch_id=dispatch_id, abandoned_at=held)
        taken = Dispatch.objects.filter(
            pk=dispatch_id, status=Dispatch.Status.SENDING, heartbeat_at__isnull=True
        ).update(heartbeat_at=now)
        if not taken:
            return None
        lease.token = now
        return lease

    def renew(self) -> None:
        now = self.clock()
        if now == self.token:
            return
        if not Dispatch.objects.filter(pk=self.dispatch_id, heartbeat_at=self.token).update(heartbeat_at=now):
            raise LeaseLost(f"dispatch {self.dispatch_id} was taken over")
        self.token = now

    def renew_if_due(self) -> None:
        if self.clock() - self.token >= self.interval:
            self.renew()

    def mine(self) -> Q:
        """Filter of the dispatch row while this run holds it: releases and pauses touch only their own lease."""
        return Q(pk=self.dispatch_id, heartbeat_at=self.token)
