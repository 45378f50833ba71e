"""The emails of onboarding: an invitation with a set-password link, a rejection, a note to the editors.

Plain text, rendered from templates in the recipient's language (the language of their request; Italian by
default). Moderation emails (submitted, approved, rejected with the editor's comment) are Wagtail's own.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import AssociationAccountRequest, Membership


def _send(*, template: str, context: dict, recipients: list[str], language: str) -> None:
    with translation.override(language):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = render_to_string(f"associations/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"associations/emails/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def set_password_url(user) -> str:
    """Wagtail's one-time set-password form, valid for PASSWORD_RESET_TIMEOUT (3 days by default)."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invitation_send(*, membership: Membership, language: str = settings.LANGUAGE_CODE) -> None:
    user = membership.user
    _send(
        template="invitation",
        context={
            "user": user,
            "association": membership.association,
            "is_admin": membership.is_admin,
            "set_password_url": set_password_url(user),
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
            "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        },
        recipients=[user.email],
        language=language,
    )


def rejection_send(*, account_request: AssociationAccountRequest) -> None:
    """A polite no, to the unverified address: the editor's note, and nothing the request said (as above)."""
    _send(
        template="rejection",
        context={"request": account_request},
        recipients=[account_request.email],
        language=account_request.language,
    )


def request_received_send(*, account_request: AssociationAccountRequest) -> None:
    """Tell the requester we have their request, and the regional editors that one is waiting.

    The address is not verified: anyone may type someone else's. So the acknowledgement is a fixed text, with
    nothing the request said (names, the association's name, the message, links): the Region's address must not
    carry a stranger's words to a third party. The editors' note quotes it all: they are who reviews it.
    """
    _send(
        template="request_received",
        context={"request": account_request},
        recipients=[account_request.email],
        language=account_request.language,
    )
    editors = (
        get_user_model()
        .objects.filter(is_active=True, groups__permissions__codename="change_associationaccountrequest")
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if editors:
        _send(
            template="request_to_review",
            context={
                "request": account_request,
                "review_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("associations_requests:review", args=[account_request.pk]),
            },
            recipients=list(editors),
            language=settings.LANGUAGE_CODE,
        )


def invitation_taken_send(*, user) -> None:
    """To an address that already has an account, when an association's administrator tried to invite it."""
    profile_language = getattr(getattr(user, "wagtail_userprofile", None), "preferred_language", "")
    _send(
        template="invitation_taken",
        context={},
        recipients=[user.email],
        language=profile_language or settings.LANGUAGE_CODE,
    )
