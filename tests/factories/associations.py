"""Associations, their members and regional editors, made through the associations services."""

from django.contrib.auth import get_user_model

from associations import services
from associations.models import Association, Membership
from associations.moderation import regional_editors_group_ensure

from .content import AssociationPageFactory, EventPageFactory

PASSWORD = "a-long-test-password-42"


def regional_editor_create(*, username: str = "redattrice"):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@regione.liguria.it", password=PASSWORD, first_name="Redattrice"
    )
    user.groups.add(regional_editors_group_ensure())
    return user


def association_with_page_create(
    *, name: str, section, editor, live: bool = True, events: int = 1
) -> Association:
    """An association whose profile page (published unless live=False) has `events` published events."""
    page = AssociationPageFactory(parent=section, title=name, live=live)
    for _index in range(events):
        EventPageFactory(parent=page)
    return services.association_create(name=name, page=page, created_by=editor)


def member_create(
    *, association: Association, email: str, inviter, role: str = Membership.Role.MEMBER
):
    """A member who has accepted the invitation: their password is PASSWORD."""
    membership = services.membership_invite(
        association=association, email=email, invited_by=inviter, role=role
    )
    user = membership.user
    user.set_password(PASSWORD)
    user.save()
    return user
