"""What happened to an issue: counts per language, read from the delivery rows (one query)."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from cms.languages import get_content_language

from .models import Delivery, NewsletterIssue

Status = Delivery.Status
COLUMNS = ["recipients", "sent", "failed", "bounced", "complained", "skipped", "unsubscribed", "waiting"]


@dataclass
class ReportRow:
    language: str
    native_name: str
    recipients: int = 0
    sent: int = 0
    failed: int = 0
    bounced: int = 0
    complained: int = 0
    skipped: int = 0
    unsubscribed: int = 0
    waiting: int = 0

    @property
    def sent_percent(self) -> int:
        return round(100 * self.sent / self.recipients) if self.recipients else 0

    @property
    def done_percent(self) -> int:
        return round(100 * (self.recipients - self.waiting) / self.recipients) if self.recipients else 0


@dataclass
class IssueReport:
    rows: list[ReportRow] = field(default_factory=list)
    total: ReportRow = field(default_factory=lambda: ReportRow("", ""))

    @property
    def finished(self) -> bool:
        return self.total.waiting == 0


def issue_report(source: NewsletterIssue) -> IssueReport:
    counts = (
        Delivery.objects.filter(issue=source)
        .values("language")
        .annotate(
            recipients=Count("pk"),
            sent=Count("pk", filter=Q(sent_at__isnull=False)),
            failed=Count("pk", filter=Q(status=Status.FAILED)),
            bounced=Count("pk", filter=Q(status=Status.BOUNCED)),
            complained=Count("pk", filter=Q(status=Status.COMPLAINED)),
            skipped=Count("pk", filter=Q(status=Status.SKIPPED)),
            unsubscribed=Count("pk", filter=Q(unsubscribed_at__isnull=False)),
            waiting=Count("pk", filter=Q(status__in=Delivery.OPEN)),
        )
        .order_by("language")
    )
    report = IssueReport()
    for row in counts:
        language = get_content_language(row.pop("language"))
        report.rows.append(ReportRow(language.code, language.native_name, **row))
    for column in COLUMNS:
        setattr(report.total, column, sum(getattr(row, column) for row in report.rows))
    return report
