"""Process mail sent to the List-Unsubscribe mailto address (NEWSLETTER_UNSUBSCRIBE_MAILTO).

    manage.py newsletter_unsubscribe_mail < message.eml          # one RFC 5322 message on stdin (MTA pipe)
    manage.py newsletter_unsubscribe_mail --maildir /var/mail/unsubscribe/
    manage.py newsletter_unsubscribe_mail --mbox /var/mail/unsubscribe.mbox

Each message with a valid key unsubscribes its owner (idempotent); any other is logged and dropped. From a
Maildir only new/ messages are read, then moved to cur/ and marked seen, so a cron run does no work twice.
Exit status for an MTA pipe: 0 when the message was handled or deliberately dropped (never bounce: that would
answer forged senders), 75 (EX_TEMPFAIL) when the database failed, so the MTA queues the message and retries.
"""

import mailbox
import sys
from email import message_from_binary_file, policy
from email.parser import BytesParser

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from newsletter.mailto import mail_unsubscribe

EX_TEMPFAIL = 75


def _parser_factory(file):
    return BytesParser(policy=policy.default).parse(file)


def _parse(raw: bytes):
    return BytesParser(policy=policy.default).parsebytes(raw)


class Command(BaseCommand):
    help = "Unsubscribe the senders of mail to the List-Unsubscribe mailto address (stdin, Maildir or mbox)."

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group()
        source.add_argument("--maildir", help="a Maildir: process the messages in new/, then move them to cur/")
        source.add_argument("--mbox", help="an mbox file: process every message (idempotent)")

    def handle(self, *args, maildir=None, mbox=None, **options):
        try:
            if maildir:
                applied, total = self._maildir(maildir)
            elif mbox:
                applied, total = self._mbox(mbox)
            else:
                message = message_from_binary_file(sys.stdin.buffer, policy=policy.default)
                applied, total = int(mail_unsubscribe(message=message)), 1
        except DatabaseError as error:
            raise CommandError(f"database unavailable, try again later: {error}", returncode=EX_TEMPFAIL) from error
        # Counts only: no addresses in logs.
        self.stdout.write(f"{total} message(s), {applied} unsubscribe(s) applied")

    def _maildir(self, path: str) -> tuple[int, int]:
        box = mailbox.Maildir(path, factory=None, create=False)
        applied = total = 0
        for key in list(box.iterkeys()):
            entry = box.get_message(key)  # a MaildirMessage: knows its folder and flags
            if entry.get_subdir() != "new":
                continue
            total += 1
            applied += mail_unsubscribe(message=_parse(box.get_bytes(key)))
            # Only once handled: a database failure above leaves the message in new/ for the next run.
            entry.set_subdir("cur")
            entry.add_flag("S")
            box[key] = entry
        return applied, total

    def _mbox(self, path: str) -> tuple[int, int]:
        box = mailbox.mbox(path, factory=_parser_factory, create=False)
        applied = total = 0
        for message in box:
            total += 1
            applied += mail_unsubscribe(message=message)
        return applied, total
