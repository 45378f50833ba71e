"""Sending through a real SMTP server: exactly one message per recipient, whatever happens on the way."""

import datetime
from collections import Counter

import pytest
from django.core.mail import get_connection
from django.db import IntegrityError
from django.utils import timezone

from newsletter import sending, services
from newsletter.models import Delivery, Dispatch
from newsletter.throttle import FakeClock, Throttle

from .conftest import make_subscribers, publish_issue
from .killing import KillingConnection, WorkerKilled

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("dummy_tasks", "locales")]
Status = Delivery.Status


def start(issue, now=None) -> Dispatch:
    dispatch = sending.issue_send(issue=issue, now=now)
    assert Dispatch.objects.get(pk=dispatch.pk).status == Dispatch.Status.SENDING
    return dispatch


def after_claim_timeout(settings) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT_SECONDS + 1)


def test_resume_after_the_worker_is_killed_halfway_through_2000_recipients(smtp_server, settings):
    subscribers = make_subscribers(2000)
    dispatch = start(publish_issue())

    with pytest.raises(WorkerKilled):
        sending.dispatch_deliver(dispatch_id=dispatch.pk, connection=KillingConnection(1001, before_smtp=True),
                                 throttle=Throttle(0))

    assert len(smtp_server.received) == 1000
    states = Counter(Delivery.objects.values_list("status", flat=True))
    assert states == {Status.SENT: 1000, Status.SENDING: 1, Status.CLAIMED: 99, Status.PENDING: 900}
    # Nothing resumes while the dead worker's claims are fresh: a live worker may still hold them.
    assert sending.dispatches_resume_stalled() == []

    assert sending.dispatches_resume_stalled(now=after_claim_timeout(settings)) == [dispatch.pk]
    outcome = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))

    assert outcome.finished and outcome.sent == 1000
    recipients = Counter(smtp_server.handler.recipients())
    assert set(recipients) == {subscriber.email for subscriber in subscribers}  # zero skipped
    assert max(recipients.values()) == 1 and len(smtp_server.received) == 2000  # zero duplicates
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {Status.SENT: 2000}
    assert Dispatch.objects.get().status == Dispatch.Status.FINISHED
    # One Message-ID per delivery, and each message carries its recipient's own unsubscribe link.
    message_ids = {message.message["Message-ID"] for message in smtp_server.received}
    assert len(message_ids) == 2000


def test_a_message_whose_outcome_was_lost_is_resent_once_with_the_same_message_id(smtp_server, settings):
    """The documented policy for SENDING rows of a dead worker: at-least-once, same Message-ID."""
    make_subscribers(5)
    dispatch = start(publish_issue())
    with pytest.raises(WorkerKilled):
        sending.dispatch_deliver(dispatch_id=dispatch.pk, connection=KillingConnection(3, before_smtp=False),
                                 throttle=Throttle(0))
    sending.dispatches_resume_stalled(now=after_claim_timeout(settings))
    sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))

    counts = Counter(smtp_server.handler.recipients())
    assert sorted(counts.values()) == [1, 1, 1, 1, 2]
    [twice] = [email for email, count in counts.items() if count == 2]
    copies = {m.message["Message-ID"] for m in smtp_server.received if m.rcpt_tos == [twice]}
    assert len(copies) == 1
    assert Delivery.objects.get(subscriber__email=twice).attempts == 2


def test_smtp_down_then_back(settings):
    from tests.smtp import SMTPServer, free_port

    make_subscribers(30)
    server = SMTPServer(free_port())  # nothing listens on this port yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    dispatch = start(publish_issue())

    outcome = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))

    assert outcome.interrupted and outcome.sent == 0
    dispatch.refresh_from_db()
    assert dispatch.status == Dispatch.Status.SENDING and dispatch.retry_after and dispatch.last_error
    assert set(Delivery.objects.values_list("status", flat=True)) == {Status.PENDING}
    assert sending.dispatches_resume_stalled() == []  # the pause is respected

    server.start()
    try:
        later = dispatch.retry_after + datetime.timedelta(seconds=1)
        assert sending.dispatches_resume_stalled(now=later) == [dispatch.pk]
        outcome = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0), clock=lambda: later)
    finally:
        server.stop()
    assert outcome.finished and outcome.sent == 30
    assert sorted(Counter(server.handler.recipients()).values()) == [1] * 30


def test_server_shutting_down_midway_then_back(smtp_server, settings):
    make_subscribers(40)
    dispatch = start(publish_issue())
    smtp_server.handler.shut_down_after = 15  # then 421 to every message

    outcome = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0), batch_size=10)

    assert outcome.interrupted and outcome.sent == 15
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {Status.SENT: 15, Status.PENDING: 25}
    smtp_server.handler.shut_down_after = None
    later = Dispatch.objects.get().retry_after + datetime.timedelta(seconds=1)
    outcome = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0), clock=lambda: later)

    assert outcome.finished and outcome.sent == 25
    assert sorted(Counter(smtp_server.handler.recipients()).values()) == [1] * 40


def test_throttle_spaces_messages_at_the_configured_rate(settings):
    make_subscribers(20)
    dispatch = start(publish_issue())
    clock = FakeClock(start=100.0)
    throttle = Throttle(5, clock=clock, sleep=clock.sleep)  # 5 messages per second
    slots = []
    wait = throttle.wait
    throttle.wait = lambda: slots.append(wait()) or slots[-1]

    outcome = sending.dispatch_deliver(
        dispatch_id=dispatch.pk, throttle=throttle,
        connection=get_connection("django.core.mail.backends.locmem.EmailBackend"), batch_size=7,
    )

    assert outcome.sent == 20
    assert slots == pytest.approx([100.0 + n * 0.2 for n in range(20)])  # evenly spaced, across batches
    assert clock.now == pytest.approx(103.8)


def test_throttle_never_waits_when_behind_schedule():
    clock = FakeClock()
    throttle = Throttle(2, clock=clock, sleep=clock.sleep)
    assert throttle.wait() == 0.0
    clock.now = 10.0  # slow SMTP: already past the next slot
    assert throttle.wait() == 10.0 and throttle.wait() == 10.5


def test_unsubscribing_during_a_send_stops_later_deliveries(smtp_server):
    subscribers = make_subscribers(10)
    dispatch = start(publish_issue())
    leaver = subscribers[6]

    class UnsubscribeOnThirdMessage(Throttle):
        calls = 0

        def wait(self):
            self.calls += 1
            if self.calls == 3:  # the batch holding the leaver is already claimed
                services.subscriber_unsubscribe(key=leaver.key)
            return super().wait()

    outcome = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=UnsubscribeOnThirdMessage(0))

    assert outcome.finished and outcome.sent == 9 and outcome.skipped == 1
    assert leaver.email not in smtp_server.handler.recipients()
    assert Delivery.objects.get(subscriber=leaver).status == Status.SKIPPED


def test_bounced_and_complained_addresses_get_nothing(smtp_server):
    active, bounced, complained = make_subscribers(3)
    services.subscriber_record_bounce(email=bounced.email, permanent=True)
    services.subscriber_record_complaint(email=complained.email)
    dispatch = start(publish_issue())

    sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))

    assert smtp_server.handler.recipients() == [active.email]
    assert Delivery.objects.count() == 1  # not even in the audience


def test_refusals_fail_or_retry(smtp_server, settings):
    ok, refused, greylisted = make_subscribers(3)
    smtp_server.handler.refuse_recipients = {refused.email: "550 5.1.1 No such user",
                                             greylisted.email: "450 4.2.0 Greylisted"}
    dispatch = start(publish_issue())

    first = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))

    assert (first.sent, first.failed, first.deferred, first.finished) == (1, 1, 1, False)
    assert Delivery.objects.get(subscriber=refused).status == Status.FAILED
    retry = Delivery.objects.get(subscriber=greylisted)
    assert retry.status == Status.PENDING and retry.next_attempt_at
    assert Dispatch.objects.get().status == Dispatch.Status.SENDING  # not finished while one is open

    smtp_server.handler.refuse_recipients = {refused.email: "550 5.1.1 No such user"}
    later = retry.next_attempt_at + datetime.timedelta(seconds=1)
    second = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0), clock=lambda: later)

    assert second.finished and second.sent == 1
    assert Counter(smtp_server.handler.recipients()) == {ok.email: 1, greylisted.email: 1}


def test_one_delivery_per_issue_and_subscriber():
    make_subscribers(3)
    issue = publish_issue()
    start(issue)
    assert sending.deliveries_materialise(source=issue) == 3
    assert Delivery.objects.count() == 3  # materialising again adds nobody
    delivery = Delivery.objects.first()
    with pytest.raises(IntegrityError):
        Delivery.objects.create(issue=issue, subscriber=delivery.subscriber, language="it")


def test_send_is_not_started_twice():
    make_subscribers(2)
    issue = publish_issue()
    first = start(issue)
    assert sending.issue_send(issue=issue).pk == first.pk
    assert Delivery.objects.count() == 2


def test_topics_choose_the_audience(topics):
    everything, work, health = make_subscribers(3)
    work.topics.set([topics["lavoro"]])
    health.topics.set([topics["salute"]])
    issue = publish_issue()
    issue.topics.set([topics["lavoro"]])
    issue.save()
    assert set(sending.issue_audience(issue)) == {everything, work}


def test_an_issue_sends_at_its_scheduled_time(smtp_server):
    make_subscribers(4)
    issue = publish_issue()
    send_at = timezone.now() + datetime.timedelta(hours=2)
    dispatch = sending.issue_schedule(issue=issue, send_at=send_at)

    assert sending.dispatches_start_due(now=send_at - datetime.timedelta(minutes=1)) == []
    assert not Delivery.objects.exists()
    assert sending.dispatches_start_due(now=send_at) == [dispatch.pk]
    sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))

    assert len(smtp_server.received) == 4
    assert Dispatch.objects.get().status == Dispatch.Status.FINISHED


def test_an_unpublished_issue_cannot_be_sent():
    issue = publish_issue()
    issue.unpublish()
    with pytest.raises(sending.IssueNotReady):
        sending.issue_send(issue=issue)


def test_each_language_gets_its_edition_with_list_headers(smtp_server, settings, django_capture_on_commit_callbacks):
    from .conftest import translate_issue

    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "unsubscribe@interazioni.example.org"
    italian = make_subscribers(1, language="it", prefix="it")[0]
    arabic = make_subscribers(1, language="ar", prefix="ar")[0]
    french = make_subscribers(1, language="fr", prefix="fr")[0]  # no French edition: gets the Italian one
    issue = publish_issue()
    translate_issue(issue, "ar", django_capture_on_commit_callbacks, subject="أخبار",
                    body=[("paragraph", "<p>مرحبا</p>")])
    dispatch = start(issue)

    sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=Throttle(0))

    by_recipient = {message.rcpt_tos[0]: message for message in smtp_server.received}
    ar_message = by_recipient[arabic.email]
    assert ar_message.message["Subject"] == "أخبار"
    assert '<html lang="ar" dir="rtl"' in " ".join(ar_message.part("text/html").split())  # lines are broken
    assert "مرحبا" in ar_message.part("text/plain")
    assert 'lang="it"' in by_recipient[french.email].part("text/html")
    delivery = Delivery.objects.get(subscriber=arabic)
    unsubscribe_url = f"https://cms.example.org/newsletter/unsubscribe/{arabic.key}/{delivery.pk}/"
    assert ar_message.message["List-Unsubscribe"].strip() == (  # folded: long header
        f"<{unsubscribe_url}>, <mailto:unsubscribe@interazioni.example.org?subject=unsubscribe%20{arabic.key}>"
    )
    assert ar_message.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in ar_message.part("text/html") and unsubscribe_url in ar_message.part("text/plain")
    assert italian.key not in ar_message.content.decode()  # nobody else's link


def delivery_writes(queries) -> list[str]:
    """The transactions and SENDING/SENT marks of a send, in order (other statements left out)."""
    writes = []
    for query in queries:
        sql = query["sql"]
        if sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT")):
            writes.append("begin" if sql.startswith("SAVEPOINT") else "commit")
        elif sql.startswith('UPDATE "newsletter_delivery" SET "status" = \'sen'):  # sent or sending
            writes.append("sent" if sql.startswith('UPDATE "newsletter_delivery" SET "status" = \'sent\'') else "sending")
    return writes


@pytest.mark.parametrize("rate", [0, 1000])
def test_a_message_is_recorded_sent_before_the_next_one_goes(rate):
    """Unthrottled, the SENT mark rides in the next message's transaction; throttled, it is written at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_subscribers(3)
    dispatch = start(publish_issue())
    clock = FakeClock()
    with CaptureQueriesContext(connection) as queries:
        outcome = sending.dispatch_deliver(
            dispatch_id=dispatch.pk, throttle=Throttle(rate, clock=clock, sleep=clock.sleep),
            connection=get_connection("django.core.mail.backends.locmem.EmailBackend"),
        )

    assert outcome.sent == 3 and Counter(Delivery.objects.values_list("status", flat=True)) == {Status.SENT: 3}
    one_message = ["begin", "sending", "commit"]
    if rate:
        assert delivery_writes(queries) == (one_message + ["sent"]) * 3
    else:
        assert delivery_writes(queries) == (
            one_message + ["begin", "sent", "sending", "commit"] * 2 + ["sent"]
        )


@pytest.mark.parametrize("base_url", ["https://cms.example.org", "https://cms987654321.example.org/nlkeyQ7xZ/"])
def test_personal_links_of_a_send_are_the_subscribers_links(settings, base_url):
    """The send formats the links from one reversed URL; odd base URLs fall back to reversing each one."""
    from newsletter.messages import SubscriberLinks
    from newsletter.rendering.links import subscriber_links

    settings.NEWSLETTER_PUBLIC_BASE_URL = base_url
    links = SubscriberLinks()
    for key, language, delivery_id in [("k" * 43, "it", 1), ("Ab-_9", "ar", 987654321), ("ä key?", "fr", 12)]:
        assert links.for_delivery(key, language, delivery_id) == subscriber_links(key, language, delivery_id)


def test_a_subscriber_deleted_after_the_claim_is_skipped(smtp_server):
    make_subscribers(2)
    dispatch = start(publish_issue())
    first, second = (delivery.subscriber for delivery in Delivery.objects.order_by("pk"))

    class DeleteAfterFirstCheck(Throttle):
        def wait(self):
            if second.pk is not None:
                second.delete()  # a raw delete: the row stays claimed, its subscriber becomes NULL
            return super().wait()

    outcome = sending.dispatch_deliver(dispatch_id=dispatch.pk, throttle=DeleteAfterFirstCheck(0))

    assert outcome.finished and (outcome.sent, outcome.skipped) == (1, 1)
    assert smtp_server.handler.recipients() == [first.email]


@pytest.mark.parametrize("durable", [False, True])
def test_postgresql_marks_skip_the_flush_wait_unless_durable_marks_are_asked_for(settings, durable):
    """NEWSLETTER_DURABLE_MARKS: each message's transaction sets synchronous_commit off for itself only."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("synchronous_commit is PostgreSQL's")
    settings.NEWSLETTER_DURABLE_MARKS = durable
    make_subscribers(2)
    dispatch = start(publish_issue())
    with CaptureQueriesContext(connection) as queries:
        outcome = sending.dispatch_deliver(
            dispatch_id=dispatch.pk, throttle=Throttle(0),
            connection=get_connection("django.core.mail.backends.locmem.EmailBackend"),
        )

    assert outcome.sent == 2
    relaxed = [query["sql"] for query in queries if "synchronous_commit" in query["sql"]]
    assert relaxed == ([] if durable else ["SET LOCAL synchronous_commit TO off"] * 2)
