"""Transactional emails to one subscriber: confirm your subscription, you are already subscribed."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from cms.languages import get_content_language

from .models import Consent, Subscriber
from .rendering import mjml_to_email_html
from .rendering.links import confirm_url, preferences_url, unsubscribe_url
from .services import confirm_token_make


def notice_send(*, subscriber: Subscriber, kind: str, consent: Consent | None = None) -> None:
    language = get_content_language(subscriber.language)
    with translation.override(language.code):
        if kind == "confirm":
            subject = _("Confirm your subscription to the InterAzioni newsletter")
            context = {
                "intro": _("Someone, hopefully you, asked to receive the InterAzioni newsletter of Regione "
                           "Liguria at this address."),
                "action_url": confirm_url(confirm_token_make(subscriber=subscriber, consent=consent),
                                          language.code),
                "action_label": _("Yes, subscribe me"),
                "outro": _("If it was not you, ignore this email: without confirmation you will receive nothing."),
            }
        elif kind == "already_subscribed":
            subject = _("You are already subscribed to the InterAzioni newsletter")
            context = {
                "intro": _("Someone asked to subscribe this address, which already receives the newsletter."),
                "action_url": preferences_url(subscriber.key, language.code),
                "action_label": _("Change language or topics"),
                "outro": _("Do not want it any more? Unsubscribe: %(url)s") % {"url": unsubscribe_url(subscriber.key)},
            }
        else:
            raise ValueError(f"Unknown notice {kind!r}")
        context.update(subject=subject, language=language, start="right" if language.is_rtl else "left")
        html = mjml_to_email_html(render_to_string("newsletter/email/notice.mjml", context))
        text = render_to_string("newsletter/email/notice.txt", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.NEWSLETTER_FROM_EMAIL, to=[subscriber.email],
        headers={"Auto-Submitted": "auto-generated", "Content-Language": language.code},
    )
    message.attach_alternative(html, "text/html")
    message.send()
