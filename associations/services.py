"""Writes: onboarding (request, approve, reject), members (invite, remove) and offboarding (disable, enable).

Every function is keyword-only, does one thing inside one transaction, records what it did in Wagtail's audit
log, and sends its emails only once the transaction has committed.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale

from content_models.models import AssociationIndexPage, AssociationPage

from . import emails
from .grants import association_permissions_sync
from .models import Association, AssociationAccountRequest, Membership, validate_fiscal_code
from .moderation import associations_collection_ensure, moderation_setup_ensure
from .permissions import (
    MANAGE_ASSOCIATIONS_PERMISSION,
    MANAGE_MEMBERS_PERMISSION,
    REVIEW_REQUESTS_PERMISSION,
    can_manage_members,
    permission_require,
)

User = get_user_model()


# --- Onboarding ---------------------------------------------------------------------------------------------


@transaction.atomic
def account_request_create(
    *,
    association_name: str,
    municipality: str,
    contact_name: str,
    email: str,
    fiscal_code: str = "",
    message: str = "",
    language: str = settings.LANGUAGE_CODE,
) -> AssociationAccountRequest:
    """Record a request to join. Asking again from the same address while one is pending returns the first."""
    email = User.objects.normalize_email(email.strip()).lower()
    fiscal_code = fiscal_code.strip().upper()
    if language not in {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}:
        raise ValidationError({"language": _("Not one of the content languages.")}, code="invalid")
    account_request = AssociationAccountRequest(
        association_name=association_name.strip(),
        municipality=municipality.strip(),
        contact_name=contact_name.strip(),
        email=email,
        fiscal_code=fiscal_code,
        message=message.strip(),
        language=language,
    )
    account_request.full_clean(exclude=["status", "association", "reviewed_by"])
    existing = AssociationAccountRequest.objects.filter(
        email=email, status=AssociationAccountRequest.Status.PENDING
    ).first()
    if existing is not None:
        return existing
    account_request.save()
    log(account_request, "wagtail.create")
    transaction.on_commit(lambda: emails.request_received_send(account_request=account_request))
    return account_request


@transaction.atomic
def account_request_approve(
    *,
    account_request: AssociationAccountRequest,
    reviewed_by,
    page: AssociationPage | None = None,
) -> Association:
    """Admit the association: its group, collection, profile page (a new draft unless `page` is given) and a
    first member, its administrator, who is sent an invitation to choose a password."""
    permission_require(reviewed_by, REVIEW_REQUESTS_PERMISSION)
    account_request = AssociationAccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if not account_request.is_pending:
        raise ValidationError(_("This request has already been reviewed."))
    association = association_create(
        name=account_request.association_name,
        municipality=account_request.municipality,
        fiscal_code=account_request.fiscal_code,
        page=page,
        created_by=reviewed_by,
    )
    first_name, _space, last_name = account_request.contact_name.partition(" ")
    membership_invite(
        association=association,
        email=account_request.email,
        first_name=first_name,
        last_name=last_name,
        role=Membership.Role.ADMIN,
        invited_by=reviewed_by,
        language=account_request.language,
    )
    account_request.status = AssociationAccountRequest.Status.APPROVED
    account_request.association = association
    account_request.reviewed_by = reviewed_by
    account_request.reviewed_at = timezone.now()
    account_request.save()
    log(account_request, "associations.request_approve", user=reviewed_by)
    return association


@transaction.atomic
def account_request_reject(
    *, account_request: AssociationAccountRequest, reviewed_by, comment: str = ""
) -> AssociationAccountRequest:
    """Decline a request; the association gets a polite email with the editor's note, if any."""
    permission_require(reviewed_by, REVIEW_REQUESTS_PERMISSION)
    account_request = AssociationAccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if not account_request.is_pending:
        raise ValidationError(_("This request has already been reviewed."))
    account_request.status = AssociationAccountRequest.Status.REJECTED
    account_request.review_comment = comment.strip()
    account_request.reviewed_by = reviewed_by
    account_request.reviewed_at = timezone.now()
    account_request.save()
    log(account_request, "associations.request_reject", user=reviewed_by)
    transaction.on_commit(lambda: emails.rejection_send(account_request=account_request))
    return account_request


@transaction.atomic
def association_create(
    *,
    name: str,
    municipality: str = "",
    fiscal_code: str = "",
    page: AssociationPage | None = None,
    created_by=None,
) -> Association:
    """An association with its own group and collection, and its profile page: `page` if given (it must be an
    Italian page not yet linked to another association), else a new draft under the Italian section."""
    moderation_setup_ensure()
    name = name.strip()
    if Association.objects.filter(name__iexact=name).exists():
        raise ValidationError(_("An association with this name already exists."))
    fiscal_code = fiscal_code.strip().upper()
    validate_fiscal_code(fiscal_code)
    if page is None:
        page = _profile_page_draft_create(name=name, municipality=municipality, owner=created_by)
    else:
        page = page.specific
        if page.locale.language_code != settings.LANGUAGE_CODE:
            raise ValidationError(_("Link the Italian profile page: translations follow it."))
        if Association.objects.filter(page=page).exists():
            raise ValidationError(_("This profile page already belongs to another association."))
    group = Group.objects.create(name=_group_name(name))
    collection = associations_collection_ensure().add_child(name=name)
    association = Association.objects.create(
        name=name,
        municipality=municipality.strip(),
        fiscal_code=fiscal_code,
        page=page,
        group=group,
        collection=collection,
    )
    association_permissions_sync(association=association)
    log(association, "wagtail.create", user=created_by)
    return association


def _group_name(name: str) -> str:
    # Group names are unique and at most 150 characters; association names are unique case-insensitively.
    return f"Association: {name}"[:150]


def _profile_page_draft_create(*, name: str, municipality: str, owner) -> AssociationPage:
    """A draft profile for the members to complete: a draft only needs a title (Wagtail defers the rest)."""
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    section = AssociationIndexPage.objects.filter(locale=locale).first()
    if section is None:
        raise ValidationError(_("The associations section does not exist yet."))
    page = AssociationPage(title=name, municipality=municipality, live=False, owner=owner, locale=locale)
    section.add_child(instance=page)
    page.save_revision(user=owner, clean=False)  # as the admin saves drafts: required fields come later
    log(page, "wagtail.create", user=owner)
    return page


# --- Members ------------------------------------------------------------------------------------------------


@transaction.atomic
def membership_invite(
    *,
    association: Association,
    email: str,
    invited_by,
    first_name: str = "",
    last_name: str = "",
    role: str = Membership.Role.MEMBER,
    language: str = settings.LANGUAGE_CODE,
) -> Membership | None:
    """A new user account in the association's group, without a password: an email invites them to set one.

    None when the address already has an account and the inviter is an association's administrator (see below).
    """
    if not can_manage_members(invited_by, association):
        raise PermissionDenied
    if not association.is_active:
        raise ValidationError(_("This association is disabled."))
    email = User.objects.normalize_email(email.strip()).lower()
    existing = User.objects.filter(Q(email__iexact=email) | Q(username=email)).first()
    if existing is not None:
        if invited_by.has_perm(MANAGE_MEMBERS_PERMISSION):  # regional editors manage every account anyway
            raise ValidationError({"email": _("An account with this email address already exists.")})
        # An association's administrator must not learn whether an address has an account here (an editor's,
        # another association's): they are told what any invitation tells them, and the address's owner is
        # told someone tried. The audit log keeps it for the editors.
        log(association, "associations.member_invite_taken", user=invited_by, data={"email": email})
        transaction.on_commit(lambda: emails.invitation_taken_send(user=existing))
        return None
    user = User(
        username=email, email=email, first_name=first_name.strip()[:150], last_name=last_name.strip()[:150]
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(association.group)
    membership = Membership.objects.create(
        association=association, user=user, role=role, invited_by=invited_by
    )
    log(association, "associations.member_invite", user=invited_by, data={"email": email, "role": role})
    transaction.on_commit(lambda: emails.invitation_send(membership=membership, language=language))
    return membership


@transaction.atomic
def membership_invitation_resend(*, membership: Membership, sent_by) -> None:
    """Send a fresh set-password link (the previous one stops working once the password is set)."""
    if not can_manage_members(sent_by, membership.association):
        raise PermissionDenied
    transaction.on_commit(lambda: emails.invitation_send(membership=membership))


@transaction.atomic
def membership_remove(*, membership: Membership, removed_by) -> None:
    """Take a member out of the association; their account is deactivated (its history stays in the log)."""
    if not can_manage_members(removed_by, membership.association):
        raise PermissionDenied
    if membership.user_id == removed_by.pk:
        raise ValidationError(_("You cannot remove yourself."))
    user = membership.user
    user.groups.remove(membership.association.group)
    user.is_active = False
    user.save(update_fields=["is_active"])
    log(membership.association, "associations.member_remove", user=removed_by, data={"email": user.email})
    membership.delete()


# --- Offboarding --------------------------------------------------------------------------------------------


@transaction.atomic
def association_disable(*, association: Association, disabled_by) -> Association:
    """Revoke every member's access at once. The profile page and its events stay as they are: live pages stay
    live until an editor unpublishes them; changes waiting for review stay in the editors' queue."""
    permission_require(disabled_by, MANAGE_ASSOCIATIONS_PERMISSION)
    association.is_active = False
    association.disabled_at = timezone.now()
    association.save(update_fields=["is_active", "disabled_at"])
    association_permissions_sync(association=association)
    User.objects.filter(association_membership__association=association).update(is_active=False)
    log(association, "associations.disable", user=disabled_by)
    return association


@transaction.atomic
def association_enable(*, association: Association, enabled_by) -> Association:
    """Give a disabled association its access back: permissions and its members' accounts."""
    permission_require(enabled_by, MANAGE_ASSOCIATIONS_PERMISSION)
    association.is_active = True
    association.disabled_at = None
    association.save(update_fields=["is_active", "disabled_at"])
    association_permissions_sync(association=association)
    User.objects.filter(association_membership__association=association).update(is_active=True)
    log(association, "associations.enable", user=enabled_by)
    return association
