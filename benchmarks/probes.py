"""Instruments and checks for the send path.

What was rendered, how long fixing the audience took, what the task returned, which SQL ran; and whether every
subscriber got exactly one message whose body is its edition with only the personal links replaced.
"""

import re
import time
from collections import Counter
from email import message_from_bytes, policy


class RenderProbe:
    """Counts (and times) renderings of each edition and MJML compilations, whoever calls them."""

    def __init__(self):
        import newsletter.delivery
        import newsletter.rendering
        import newsletter.rendering.edition

        self._targets = [
            (newsletter.delivery, "render_edition"),
            (newsletter.rendering, "render_edition"),
            (newsletter.rendering.edition, "render_edition"),
        ]
        self._mjml_target = (newsletter.rendering.edition, "mjml_to_email_html")
        self._originals = {}
        self.reset()

    def reset(self) -> None:
        self.renders: Counter = Counter()
        self.editions: dict = {}
        self.mjml_compilations = 0
        self.seconds = 0.0

    def __enter__(self):
        original_render = self._targets[-1][0].render_edition
        original_mjml = getattr(*self._mjml_target)

        def render_edition(issue):
            started = time.perf_counter()
            edition = original_render(issue)
            self.seconds += time.perf_counter() - started
            self.renders[(issue.pk, edition.language.code)] += 1
            self.editions[(issue.pk, edition.language.code)] = edition
            return edition

        def mjml_to_email_html(source):
            self.mjml_compilations += 1
            return original_mjml(source)

        for module, name in [*self._targets, self._mjml_target]:
            self._originals[(module, name)] = getattr(module, name)
        for module, name in self._targets:
            setattr(module, name, render_edition)
        setattr(*self._mjml_target, mjml_to_email_html)
        return self

    def __exit__(self, *exc):
        for (module, name), original in self._originals.items():
            setattr(module, name, original)


class PhaseTimer:
    """Time spent fixing the audience (one Delivery row per recipient) inside issue_send."""

    def __init__(self):
        import newsletter.sending

        self._module = newsletter.sending
        self.materialise_seconds = 0.0

    def __enter__(self):
        self._original = self._module.deliveries_materialise

        def deliveries_materialise(**kwargs):
            started = time.perf_counter()
            try:
                return self._original(**kwargs)
            finally:
                self.materialise_seconds += time.perf_counter() - started

        self._module.deliveries_materialise = deliveries_materialise
        return self

    def __exit__(self, *exc):
        self._module.deliveries_materialise = self._original


class PerMessageQueries:
    """SQL queries run inside delivery._deliver_one (the per-message part), inside a CaptureQueriesContext."""

    def __init__(self, connection):
        import newsletter.delivery

        self._module = newsletter.delivery
        self._connection = connection
        self.messages = 0
        self.queries = 0

    def __enter__(self):
        self._original = self._module._deliver_one

        def deliver_one(*args, **kwargs):
            before = len(self._connection.queries_log)
            try:
                return self._original(*args, **kwargs)
            finally:
                self.messages += 1
                self.queries += len(self._connection.queries_log) - before

        self._module._deliver_one = deliver_one
        return self

    def __exit__(self, *exc):
        self._module._deliver_one = self._original


class TaskOutcomes:
    """The immediate task backend records a failed task instead of raising: listen for its outcome."""

    def __init__(self):
        self.results = []

    def __enter__(self):
        from django_tasks.signals import task_finished

        task_finished.connect(self._record)
        return self

    def __exit__(self, *exc):
        from django_tasks.signals import task_finished

        task_finished.disconnect(self._record)

    def _record(self, sender, task_result, **kwargs):
        if task_result.task.name == "deliver_dispatch":
            errors = [error.traceback for error in task_result.errors]
            value = task_result.return_value if not errors else None
            self.results.append({"status": str(task_result.status), "return_value": value, "errors": errors})


def query_shapes(queries: list[dict], top: int = 8) -> list[dict]:
    """Group SQL by statement shape (literals and parameters blanked) and count each."""
    shapes = Counter()
    for query in queries:
        sql = re.sub(r"'[^']*'|\b\d+(\.\d+)?\b", "?", query["sql"])
        sql = re.sub(r"IN \((\?, )*\?\)", "IN (...)", sql)
        shapes[sql] += 1
    return [{"count": count, "sql": sql[:220]} for sql, count in shapes.most_common(top)]


# --- Checks -------------------------------------------------------------------------------------------------
def check_app_send(source, sink_stats, subscriber_emails: set[str]) -> dict:
    """Every subscriber got exactly one message, every delivery is SENT and the dispatch is finished."""
    from newsletter.models import Delivery, Dispatch

    statuses = Counter(Delivery.objects.filter(issue=source).values_list("status", flat=True))
    dispatch = Dispatch.objects.get(issue=source)
    copies = Counter(sink_stats.recipients[email] for email in subscriber_emails)
    strangers = set(sink_stats.recipients) - subscriber_emails
    ok = (
        copies == Counter({1: len(subscriber_emails)})
        and not strangers
        and statuses == Counter({Delivery.Status.SENT: len(subscriber_emails)})
        and dispatch.status == Dispatch.Status.FINISHED
    )
    return {
        "ok": ok,
        "messages_received": sink_stats.messages,
        "copies_per_subscriber": dict(copies),
        "unexpected_recipients": len(strangers),
        "delivery_statuses": dict(statuses),
        "dispatch_status": dispatch.status,
    }


def check_personalisation(samples: list[bytes], editions: dict[str, object]) -> dict:
    """Each received body is its edition's HTML and text with only the two personal links replaced."""
    from newsletter.models import Delivery
    from newsletter.rendering.links import subscriber_links

    def normalised(value: str) -> str:
        return value.replace("\r\n", "\n").strip()

    matched, mismatched = Counter(), []
    for content in samples:
        message = message_from_bytes(content, policy=policy.default)
        delivery_id = int(message["Message-ID"].split(".")[2].split("@")[0])
        delivery = Delivery.objects.select_related("subscriber").get(pk=delivery_id)
        edition = editions[delivery.language]  # both languages have an edition: nobody falls back here
        html, text = edition.personalise(
            subscriber_links(delivery.subscriber.key, delivery.language, delivery.pk)
        )
        parts = {
            part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()
        }
        if normalised(parts["text/html"]) == normalised(html) and normalised(
            parts["text/plain"]
        ) == normalised(text):
            matched[delivery.language] += 1
        else:
            mismatched.append(delivery_id)
    return {
        "checked": len(samples),
        "identical_but_links": dict(matched),
        "mismatched_delivery_ids": mismatched[:10],
    }
