"""A worker killed at a chosen message, as `kill -9` would leave it (for the resume tests)."""

from django.core.mail import get_connection


class WorkerKilled(BaseException):
    """Stands for SIGKILL: not an Exception, so no handler in the code under test can catch it."""


class KillingConnection:
    """The real SMTP connection, until the worker 'dies' at message number `kill_at` (1-based).

    before_smtp=True: killed after the row was marked SENDING but before SMTP got the message.
    before_smtp=False: killed after SMTP accepted it but before the row was marked SENT (the unknown outcome).
    """

    def __init__(self, kill_at: int, *, before_smtp: bool):
        self.inner = get_connection("django.core.mail.backends.smtp.EmailBackend")
        self.kill_at = kill_at
        self.before_smtp = before_smtp
        self.count = 0

    def open(self):
        return self.inner.open()

    def close(self):
        return self.inner.close()

    def send_messages(self, messages):
        self.count += 1
        if self.count == self.kill_at and self.before_smtp:
            raise WorkerKilled
        sent = self.inner.send_messages(messages)
        if self.count == self.kill_at:
            raise WorkerKilled
        return sent
