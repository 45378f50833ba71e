"""Subscriber writes: subscribe (double opt-in), confirm, update, unsubscribe, feedback, export and erase.

Keyword-only, typed, and the only way the API and the views change subscribers. Nothing here tells a caller
whether an address was already known.
"""

from collections.abc import Sequence
from contextlib import nullcontext

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from cms.tasks import task_enqueue
from content_models.models import Topic

from .consent import CONSENT_VERSION, consent_text
from .errors import ErrorCode, NewsletterError
from .models import Consent, Delivery, Subscriber, Suppression
from .models.subscribers import new_subscriber_key
from .ratelimit import email_limited, ip_hash, ip_limited
from .suppression import suppression_add, suppression_lift, suppression_lift_unsubscribe, suppression_reason

CONFIRM_SALT = "newsletter.confirm"
Status = Subscriber.Status


# --- Validation ---------------------------------------------------------------------------------------------
def email_normalise(email: str) -> str:
    """Trimmed, domain lower-cased; raises INVALID_EMAIL for anything Django's validator refuses."""
    email = BaseUserManager.normalize_email((email or "").strip())
    local_part = email.rpartition("@")[0]
    try:
        # RFC 5321 limits (Django's validator checks neither): the column holds 254, a mailbox name 64.
        if len(email) > 254 or len(local_part) > 64:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        raise NewsletterError(ErrorCode.INVALID_EMAIL, field="email") from None
    return email


def language_validate(language: str) -> str:
    if language not in dict(settings.LANGUAGES):
        raise NewsletterError(ErrorCode.INVALID_LOCALE, field="locale")
    return language


def topics_resolve(slugs: Sequence[str]) -> list[Topic]:
    """Topics by their Italian slug: one taxonomy, whatever language the subscriber reads."""
    slugs = sorted(set(slugs))
    topics = list(Topic.objects.filter(locale__language_code=settings.LANGUAGE_CODE, slug__in=slugs))
    if len(topics) != len(slugs):
        raise NewsletterError(ErrorCode.UNKNOWN_TOPIC, field="topics")
    return topics


def _check_ip(action: str, client_ip: str) -> None:
    if ip_limited(action, client_ip):
        raise NewsletterError(ErrorCode.RATE_LIMITED)


# --- Selectors ----------------------------------------------------------------------------------------------
def subscriber_by_key(key: str) -> Subscriber | None:
    if not key or len(key) > 64:
        return None
    return Subscriber.objects.filter(key=key).first()


def confirm_token_make(*, subscriber: Subscriber, consent: Consent) -> str:
    """A token that confirms this one request and does nothing else.

    Signed (not encrypted) data is readable by whoever holds the link, so it names the subscriber's row and the
    consent, never the subscriber's key: a leaked confirmation URL must not give lasting unsubscribe and
    preferences access (what the key in every newsletter's links gives its owner). The salt binds it to
    confirming; it expires after NEWSLETTER_CONFIRM_MAX_AGE_SECONDS.
    """
    return signing.dumps({"s": subscriber.pk, "c": consent.pk}, salt=CONFIRM_SALT)


# --- Subscribing --------------------------------------------------------------------------------------------
def subscriber_subscribe(
    *, email: str, language: str, topic_slugs: Sequence[str] = (), client_ip: str,
    method: str = Consent.Method.PORTAL,
) -> None:
    """Record a request to subscribe and send the confirmation link. Returns nothing, whatever the address.

    - new, pending or unsubscribed address: pending again, new consent, confirmation email;
    - active address: nothing changes, the owner gets a "you are already subscribed" note with their links;
    - address that bounced or marked us as spam, whether its subscriber still exists or was erased (the
      suppression list, newsletter.suppression): nothing is stored or sent (only the office can lift that).
    The caller gets the same answer in every case.
    """
    with _messages_in(language):
        _subscribe(email=email, language=language, topic_slugs=topic_slugs, client_ip=client_ip, method=method)


def _messages_in(language: str):
    """Error messages in the language the person chose in the form, when it is one of ours."""
    return translation.override(language) if language in dict(settings.LANGUAGES) else nullcontext()


def _subscribe(*, email: str, language: str, topic_slugs: Sequence[str], client_ip: str, method: str) -> None:
    _check_ip("subscribe", client_ip)
    email = email_normalise(email)
    if email_limited("subscribe", email):
        raise NewsletterError(ErrorCode.RATE_LIMITED)
    language = language_validate(language)
    topics = topics_resolve(topic_slugs)
    now = timezone.now()
    with transaction.atomic():
        if suppression_reason(email) in Suppression.HARD:
            return
        subscriber = _get_or_create_locked(email=email, language=language)
        if subscriber.status in (Status.BOUNCED, Status.COMPLAINED):
            return
        if subscriber.status == Status.ACTIVE:
            task_enqueue("newsletter.tasks.send_subscriber_notice", subscriber.pk, "already_subscribed", None)
            return
        subscriber.language = language
        subscriber.set_status(Status.PENDING, now=now)
        subscriber.save()
        subscriber.topics.set(topics)
        consent = Consent.objects.create(
            subscriber=subscriber, given_at=now, method=method, text_version=CONSENT_VERSION,
            text=consent_text(language), language=language, ip_hash=ip_hash(client_ip),
        )
        task_enqueue("newsletter.tasks.send_subscriber_notice", subscriber.pk, "confirm", consent.pk)


def _get_or_create_locked(*, email: str, language: str) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber is not None:
        return subscriber
    try:
        with transaction.atomic():  # two simultaneous requests: the unique constraint decides
            return Subscriber.objects.create(email=email, language=language)
    except IntegrityError:
        return Subscriber.objects.select_for_update().get(email__iexact=email)


def subscriber_confirm(*, token: str, client_ip: str, now=None) -> Subscriber:
    """Activate the subscription the token was issued for. Idempotent: a second click changes nothing."""
    _check_ip("confirm", client_ip)
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise NewsletterError(ErrorCode.EXPIRED_TOKEN, field="token") from None
    except signing.BadSignature:
        raise NewsletterError(ErrorCode.INVALID_TOKEN, field="token") from None
    now = now or timezone.now()
    with transaction.atomic():
        if "s" in data:
            subscriber = Subscriber.objects.select_for_update().filter(pk=data["s"]).first()
        else:
            # A link sent before tokens stopped carrying the key ({"k": key}): it still confirms while it is valid,
            # and the key it showed is replaced, so the old URL gives no lasting access (below).
            subscriber = Subscriber.objects.select_for_update().filter(key=data.get("k") or "").first()
        consent = subscriber and subscriber.consents.filter(pk=data.get("c")).first()
        if subscriber is None or consent is None:
            raise NewsletterError(ErrorCode.INVALID_TOKEN, field="token")
        if "k" in data and subscriber.key == data["k"]:
            subscriber.key = new_subscriber_key()
            subscriber.save(update_fields=["key"])
        latest = subscriber.consents.order_by("-given_at", "-pk").first()
        # Only the latest request can be confirmed, once: an old link never re-subscribes someone who left.
        if (consent.confirmed_at is None and consent.pk == latest.pk and subscriber.status == Status.PENDING
                and suppression_reason(subscriber.email) not in Suppression.HARD):
            # Confirming proves control of the mailbox: it lifts an unsubscribe left behind by an erasure.
            suppression_lift_unsubscribe(email=subscriber.email)
            consent.confirmed_at = now
            consent.save(update_fields=["confirmed_at"])
            subscriber.set_status(Status.ACTIVE, now=now)
            subscriber.confirmed_at = now
            subscriber.soft_bounces = 0
            subscriber.save()
    return subscriber


def subscriber_update(*, key: str, language: str, topic_slugs: Sequence[str], client_ip: str) -> Subscriber:
    with _messages_in(language):
        return _update(key=key, language=language, topic_slugs=topic_slugs, client_ip=client_ip)


def _update(*, key: str, language: str, topic_slugs: Sequence[str], client_ip: str) -> Subscriber:
    _check_ip("update", client_ip)
    language = language_validate(language)
    topics = topics_resolve(topic_slugs)
    subscriber = subscriber_by_key(key)
    if subscriber is None:
        raise NewsletterError(ErrorCode.INVALID_TOKEN, field="token")
    subscriber.language = language
    subscriber.save(update_fields=["language"])
    subscriber.topics.set(topics)
    return subscriber


def subscriber_unsubscribe(*, key: str, delivery_id: int | None = None, now=None) -> None:
    """Stop every future delivery to the key's owner. Idempotent; an unknown key is silently accepted.

    Deliveries of a send in progress that have not reached the mail server are skipped at once; the worker
    also re-checks the status right before each message (newsletter.sending).
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(key=key).first() if key else None
        if subscriber is None:
            return
        if subscriber.status in (Status.PENDING, Status.ACTIVE):
            subscriber.set_status(Status.UNSUBSCRIBED, now=now)
            subscriber.save(update_fields=["status", "status_changed_at"])
        _skip_open_deliveries(subscriber)
        if delivery_id is not None:
            Delivery.objects.filter(pk=delivery_id, subscriber=subscriber, unsubscribed_at__isnull=True).update(
                unsubscribed_at=now
            )


def subscriber_unsubscribe_public(*, key: str, client_ip: str) -> None:
    """The API's unsubscribe: rate-limited per IP (the one-click HTTPS endpoint is not: providers POST to it)."""
    _check_ip("unsubscribe", client_ip)
    subscriber_unsubscribe(key=key)


def _skip_open_deliveries(subscriber: Subscriber) -> None:
    # Rows already handed to the mail server (SENDING) are left to the worker that holds them.
    Delivery.objects.filter(
        subscriber=subscriber, status__in=[Delivery.Status.PENDING, Delivery.Status.CLAIMED]
    ).update(status=Delivery.Status.SKIPPED, claim_token=None)


# --- Bounces and complaints ---------------------------------------------------------------------------------
def subscriber_record_bounce(*, email: str, permanent: bool, message_id: str = "", now=None) -> bool:
    """A hard bounce (or too many soft ones) stops future sends. Returns whether the address was known."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email.strip()).first()
        if subscriber is None:
            if permanent:  # e.g. erased after the send: the address must not come back unnoticed
                suppression_add(email=email, reason=Suppression.Reason.BOUNCED, now=now)
            return False
        if not permanent:
            subscriber.soft_bounces += 1
        if permanent or subscriber.soft_bounces >= settings.NEWSLETTER_SOFT_BOUNCE_LIMIT:
            if subscriber.status != Status.COMPLAINED:
                subscriber.set_status(Status.BOUNCED, now=now)
            _skip_open_deliveries(subscriber)
            _mark_delivery(subscriber, message_id, Delivery.Status.BOUNCED)
        subscriber.save()
    return True


def subscriber_record_complaint(*, email: str, message_id: str = "", now=None) -> bool:
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email.strip()).first()
        if subscriber is None:
            suppression_add(email=email, reason=Suppression.Reason.COMPLAINED, now=now)
            return False
        subscriber.set_status(Status.COMPLAINED, now=now)
        subscriber.save()
        _skip_open_deliveries(subscriber)
        _mark_delivery(subscriber, message_id, Delivery.Status.COMPLAINED)
    return True


def _mark_delivery(subscriber: Subscriber, message_id: str, status: str) -> None:
    """Attribute the event to the delivery it answers: by Message-ID, else the subscriber's latest sent one."""
    deliveries = Delivery.objects.filter(subscriber=subscriber, sent_at__isnull=False)
    if message_id:
        deliveries = deliveries.filter(message_id=message_id.strip())
    delivery = deliveries.order_by("-sent_at").first()
    if delivery is not None:
        Delivery.objects.filter(pk=delivery.pk).update(status=status)


# --- Personal data (GDPR art. 15, 17, 20) -------------------------------------------------------------------
def subscriber_export(*, subscriber: Subscriber) -> dict:
    """Everything we hold about one subscriber, in a portable structure (art. 15 and 20)."""
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "topics": sorted(subscriber.topics.values_list("slug", flat=True)),
        "status": subscriber.status,
        "subscribed_at": subscriber.created_at.isoformat(),
        "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "status_changed_at": subscriber.status_changed_at.isoformat(),
        "soft_bounces": subscriber.soft_bounces,
        "consents": [
            {
                "given_at": consent.given_at.isoformat(),
                "method": consent.method,
                "text_version": consent.text_version,
                "text": consent.text,
                "language": consent.language,
                "ip_hash": consent.ip_hash,
                "confirmed_at": consent.confirmed_at.isoformat() if consent.confirmed_at else None,
            }
            for consent in subscriber.consents.order_by("given_at")
        ],
        "deliveries": [
            {
                "issue": delivery.issue.subject,
                "language": delivery.language,
                "status": delivery.status,
                "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
            }
            for delivery in subscriber.deliveries.select_related("issue").order_by("pk")
        ],
    }


@transaction.atomic
def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Delete the subscriber and their consents (art. 17). Deliveries stay, anonymous, for the issue reports.

    An address that had refused the newsletter (unsubscribed, bounced, complained) leaves a keyed hash on the
    suppression list, so erasing it cannot quietly put it back into future sends.
    """
    _skip_open_deliveries(subscriber)
    if subscriber.status in Suppression.Reason.values:
        suppression_add(email=subscriber.email, reason=subscriber.status)
    subscriber.delete()


@transaction.atomic
def subscriber_suppression_lift(*, email: str) -> bool:
    """The office's decision that a bounced or complained address may subscribe again (by double opt-in).

    Lifts the hashed entry and moves a remaining bounced/complained subscriber to unsubscribed: never straight
    back to active, the person confirms again. Returns whether anything was suppressed.
    """
    lifted = suppression_lift(email=email)
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email.strip()).first()
    if subscriber is not None and subscriber.status in (Status.BOUNCED, Status.COMPLAINED):
        subscriber.set_status(Status.UNSUBSCRIBED)
        subscriber.soft_bounces = 0
        subscriber.save(update_fields=["status", "status_changed_at", "soft_bounces"])
        lifted = True
    return lifted
