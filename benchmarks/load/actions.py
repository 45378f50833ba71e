"""One-off Django work of the load run, each in its own process with the deployment's environment.

    python -m benchmarks.load.actions prepare-newsletter RECIPIENTS   subscribers and a published issue
    python -m benchmarks.load.actions send                            start sending it (a task for the workers)

Prints one JSON line.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SUBJECT = "Notizie di maggio (load)"


def prepare_newsletter(recipients: int) -> dict:
    from newsletter.models import NewsletterIssue, Subscriber
    from tests.newsletter.conftest import make_subscribers, publish_issue

    Subscriber.objects.filter(email__startswith="load-").delete()
    make_subscribers(recipients, prefix="load-")
    NewsletterIssue.objects.filter(subject=SUBJECT).delete()
    issue = publish_issue(subject=SUBJECT)
    return {"issue": issue.pk, "recipients": recipients}


def send() -> dict:
    from newsletter.models import NewsletterIssue
    from newsletter.sending import issue_send

    dispatch = issue_send(issue=NewsletterIssue.objects.get(subject=SUBJECT, live=True))
    return {"dispatch": dispatch.pk}


def main() -> None:
    import django

    django.setup()
    command, *arguments = sys.argv[1:]
    if command == "prepare-newsletter":
        result = prepare_newsletter(int(arguments[0]))
    elif command == "send":
        result = send()
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
