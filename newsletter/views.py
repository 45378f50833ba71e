"""Public endpoints: one-click unsubscribe (RFC 8058), the web view of an issue, the bounce/complaint webhook."""

import hashlib
import hmac
import json
import time

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Locale

from cms.languages import get_content_language

from . import services
from .models import Dispatch, NewsletterIssue
from .rendering import render_edition
from .rendering.links import anonymous_links


@csrf_exempt  # mailbox providers POST without cookies or tokens (RFC 8058); the key in the URL authorises
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, key: str, delivery_id: int | None = None):
    """GET shows a confirmation form and changes nothing; POST unsubscribes, idempotently, without redirect.

    An unknown key gets the same pages: the endpoint tells nobody whether a key exists.
    """
    subscriber = services.subscriber_by_key(key)
    language = get_content_language(subscriber.language if subscriber else settings.LANGUAGE_CODE)
    done = request.method == "POST"
    if done:
        services.subscriber_unsubscribe(key=key, delivery_id=delivery_id)
    with translation.override(language.code):
        response = render(request, "newsletter/public/unsubscribe.html", {"language": language, "done": done})
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"  # the key must not leak to the next site
    return response


@require_http_methods(["GET"])
def web_view(request, translation_key, language: str):
    """An issue as it was emailed, without personal links; only once its sending has started."""
    source = NewsletterIssue.objects.filter(
        translation_key=translation_key, locale=Locale.get_default(), live=True,
        dispatch__status__in=[Dispatch.Status.SENDING, Dispatch.Status.FINISHED],
    ).first()
    locale = Locale.objects.filter(language_code=language).first()
    if source is None or locale is None:
        raise Http404
    issue = NewsletterIssue.objects.filter(translation_key=translation_key, locale=locale, live=True).first()
    edition = render_edition(issue or source)
    html, _text = edition.personalise(anonymous_links(language))
    return HttpResponse(html)


SIGNATURE_HEADER = "HTTP_X_NEWSLETTER_SIGNATURE"
TIMESTAMP_HEADER = "HTTP_X_NEWSLETTER_TIMESTAMP"


def signature_for(secret: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 over "<timestamp>.<raw body>", hex; the sender puts it in X-Newsletter-Signature."""
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


@csrf_exempt  # machine-to-machine; authenticated by the HMAC signature instead
@require_POST
def feedback_webhook(request):
    """Bounces and complaints from the mail provider: {"events": [{"type", "email", "permanent", "message_id"}]}.

    The answer counts events, never echoes addresses. A timestamp outside the tolerance is refused (replays).
    """
    secret = settings.NEWSLETTER_WEBHOOK_SECRET
    if not secret:
        return JsonResponse({"error": "webhook not configured"}, status=503)
    timestamp = request.META.get(TIMESTAMP_HEADER, "")
    signature = request.META.get(SIGNATURE_HEADER, "").removeprefix("sha256=")
    expected = signature_for(secret, timestamp, request.body)
    if not hmac.compare_digest(signature, expected):
        return JsonResponse({"error": "bad signature"}, status=403)
    try:
        fresh = abs(time.time() - int(timestamp)) <= settings.NEWSLETTER_WEBHOOK_TOLERANCE_SECONDS
    except ValueError:
        fresh = False
    if not fresh:
        return JsonResponse({"error": "stale timestamp"}, status=403)
    try:
        events = json.loads(request.body)["events"]
        processed = sum(feedback_apply(event) is not None for event in events)
    except (ValueError, KeyError, TypeError, AttributeError):
        return JsonResponse({"error": "malformed payload"}, status=400)
    return JsonResponse({"received": len(events), "processed": processed})


def feedback_apply(event: dict) -> bool | None:
    """Apply one bounce/complaint event; None when the event type is not ours to handle."""
    email, message_id = str(event["email"]), str(event.get("message_id", ""))
    if event["type"] == "bounce":
        return services.subscriber_record_bounce(
            email=email, permanent=bool(event.get("permanent", True)), message_id=message_id
        )
    if event["type"] == "complaint":
        return services.subscriber_record_complaint(email=email, message_id=message_id)
    return None
