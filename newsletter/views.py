"""Public endpoints: one-click unsubscribe (RFC 8058), the web view of an issue, the bounce/complaint webhook."""

import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import get_usage

from cms.client_ip import client_ip, client_network
from cms.languages import get_content_language

from . import services
from .feedback import FeedbackPayloadError, feedback_events_apply, feedback_events_parse
from .webview import web_view_edition, web_view_html

logger = logging.getLogger(__name__)


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
    """An issue as it was emailed, without personal links; only once its sending has started.

    Rate-limited per client (IPv6 per /64), counted before any database work; cached per edition revision.
    """
    usage = get_usage(
        request, group="newsletter.web_view", key=lambda _group, req: client_network(client_ip(req)),
        rate=settings.NEWSLETTER_RATE_LIMIT_WEB_VIEW, increment=True,
    )
    if usage and usage["should_limit"]:
        return _too_many_requests(request, language, retry_after=max(usage["time_left"], 1))
    edition = web_view_edition(translation_key, language)
    html = web_view_html(edition) if edition else None
    if html is None:
        raise Http404
    response = HttpResponse(html)
    response["X-Robots-Tag"] = "noindex"  # issues are public, but the web view is not a page to be found
    return response


def _too_many_requests(request, language: str, *, retry_after: int) -> HttpResponse:
    content_language = get_content_language(language)
    with translation.override(content_language.code):
        response = render(request, "newsletter/public/rate_limited.html", {"language": content_language},
                          status=429)
    response["Retry-After"] = str(retry_after)
    return response


SIGNATURE_HEADER = "HTTP_X_NEWSLETTER_SIGNATURE"
TIMESTAMP_HEADER = "HTTP_X_NEWSLETTER_TIMESTAMP"


def signature_for(secret: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 over "<timestamp>.<raw body>", hex; the sender puts it in X-Newsletter-Signature."""
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


@csrf_exempt  # machine-to-machine; authenticated by the HMAC signature instead
@require_POST
def feedback_webhook(request):
    """Bounces and complaints from the mail provider (newsletter.feedback has the payload and the rules).

    Signature, then freshness, then the whole payload is validated before anything is applied, atomically.
    A delivery replayed within the tolerance, or retried with the same event ids, changes nothing and gets
    the same counts. The answer counts events, never echoes addresses.
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
        data = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "malformed payload", "detail": "the body is not JSON"}, status=400)
    try:
        # The signature covers timestamp and body: together they identify this delivery for events without ids.
        events = feedback_events_parse(data, delivery_key=f"webhook:{timestamp}:{expected}")
    except FeedbackPayloadError as error:
        logger.warning("Newsletter feedback webhook refused: %s", error)
        return JsonResponse({"error": "malformed payload", "detail": str(error)}, status=400)
    result = feedback_events_apply(events=events)
    return JsonResponse(result.as_json())
