"""Permission checks: who may do what with associations and their pages. Services, views and the admin's guards
ask here; what a group is granted in the first place is written in ``grants``."""

from django.core.exceptions import PermissionDenied

from . import selectors
from .models import Association, Membership

MANAGE_MEMBERS_PERMISSION = "associations.add_membership"
REVIEW_REQUESTS_PERMISSION = "associations.change_associationaccountrequest"
MANAGE_ASSOCIATIONS_PERMISSION = "associations.change_association"


def permission_require(user, permission: str) -> None:
    """PermissionDenied unless `user` holds the Django permission."""
    if user is None or not user.has_perm(permission):
        raise PermissionDenied


def can_manage_members(user, association: Association) -> bool:
    """Regional editors manage every association's members; an association's administrators manage its own."""
    if not user.is_active:
        return False
    if user.has_perm(MANAGE_MEMBERS_PERMISSION):
        return True
    membership = Membership.objects.filter(user=user, association=association).first()
    return bool(membership and membership.is_admin and association.is_active)


def member_outside_own_pages(user, page) -> bool:
    """An association member acting on a page outside their association's subtree (staff never are)."""
    membership = selectors.membership_for_user(user)
    if membership is None:
        return False
    return not selectors.association_pages(membership.association).filter(pk=page.pk).exists()
