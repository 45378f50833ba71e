"""Admin pages: an issue's sending page (previews, test send, schedule, send, progress and report),
the email previews of every language edition, and a subscriber's personal data export."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from cms.languages import CONTENT_LANGUAGES

from . import sending, services
from .forms import ScheduleForm, TestSendForm
from .models import Dispatch, NewsletterIssue, Subscriber
from .rendering.links import preview_links
from .reports import issue_report

SEND_PERMISSION = "newsletter.send_newsletterissue"


def _editions_overview(source: NewsletterIssue) -> list[dict]:
    """Per content language: is there an edition, is it published, or does the reader get the Italian one."""
    drafts = sending.issue_editions(source, live=False)
    live = sending.issue_editions(source)
    return [
        {
            "language": language,
            "exists": language.code in drafts,
            "live": language.code in live,
            "preview_url": reverse("newsletter_admin:email_preview", args=[source.pk, language.code]),
            "text_preview_url": reverse("newsletter_admin:email_preview", args=[source.pk, language.code])
            + "?format=text",
        }
        for language in CONTENT_LANGUAGES
    ]


@permission_required(SEND_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def issue_sending(request, pk: int):
    issue = get_object_or_404(NewsletterIssue, pk=pk)
    source = issue.get_source_issue()
    if source.pk != issue.pk:
        return redirect("newsletter_admin:sending", source.pk)
    dispatch = Dispatch.objects.filter(issue=source).first()
    test_form = TestSendForm(prefix="test")
    schedule_form = ScheduleForm(prefix="schedule")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "test":
                test_form = TestSendForm(request.POST, prefix="test")
                if test_form.is_valid():
                    count = sending.issue_send_test(
                        issue=source, emails=test_form.cleaned_data["emails"],
                        languages=test_form.cleaned_data["languages"],
                    )
                    messages.success(request, ngettext("%(count)d test message sent.", "%(count)d test messages sent.",
                                                       count) % {"count": count})
                    return redirect("newsletter_admin:sending", source.pk)
            elif action == "schedule":
                schedule_form = ScheduleForm(request.POST, prefix="schedule")
                if schedule_form.is_valid():
                    sending.issue_schedule(issue=source, send_at=schedule_form.cleaned_data["send_at"],
                                           user=request.user)
                    messages.success(request, _("Sending scheduled."))
                    return redirect("newsletter_admin:sending", source.pk)
            elif action == "unschedule":
                sending.issue_unschedule(issue=source)
                messages.success(request, _("Schedule cancelled."))
                return redirect("newsletter_admin:sending", source.pk)
            elif action == "send":
                sending.issue_send(issue=source, user=request.user)
                messages.success(request, _("Sending started."))
                return redirect("newsletter_admin:sending", source.pk)
        except sending.IssueNotReady as error:
            messages.error(request, str(error))
    report = issue_report(source)
    return render(request, "newsletter/admin/sending.html", {
        "issue": source,
        "dispatch": dispatch,
        "editions": _editions_overview(source),
        "audience_size": sending.issue_audience(source).count(),
        "report": report,
        "test_form": test_form,
        "schedule_form": schedule_form,
        "can_send": dispatch is None or dispatch.status in (Dispatch.Status.SCHEDULED, Dispatch.Status.CANCELLED),
        "refresh": dispatch is not None and dispatch.status == Dispatch.Status.SENDING,
        "edit_url": reverse("wagtailsnippets_newsletter_newsletterissue:edit", args=[source.pk]),
    })


@permission_required("newsletter.change_newsletterissue", raise_exception=True)
def email_preview(request, pk: int, language: str):
    """The current draft of a language edition, as email HTML or plain text (for the sending page's iframes)."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    source = get_object_or_404(NewsletterIssue, pk=pk).get_source_issue()
    cache = sending.EditionCache(source, sending.issue_editions(source, live=False))
    html, text = cache.for_language(language).personalise(preview_links())
    if request.GET.get("format") == "text":
        return HttpResponse(text, content_type="text/plain; charset=utf-8")
    response = HttpResponse(html)
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


@permission_required("newsletter.change_subscriber", raise_exception=True)
def subscriber_export(request, pk: int):
    subscriber = get_object_or_404(Subscriber, pk=pk)
    data = services.subscriber_export(subscriber=subscriber)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="subscriber-{subscriber.pk}.json"'
    response["Cache-Control"] = "no-store"
    return response

