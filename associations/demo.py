"""Demo accounts for `make run`: two association members, for the first two seeded associations.

Called by the demo seeder after it has created the association pages. Idempotent: running it again resets the
two demo passwords to the same values and changes nothing else. Never call it in production.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from content_models.models import AssociationPage

from .models import Association, Membership
from .moderation import moderation_setup_ensure
from .grants import association_permissions_sync
from .services import association_create

DEMO_PASSWORD = "interazioni-demo"


@transaction.atomic
def demo_members_ensure(*, count: int = 2) -> list[dict]:
    """One administrator account for each of the first `count` Italian association pages (by title).

    Returns [{"association", "username", "password", "page_id"}] for `make run` to print.
    """
    moderation_setup_ensure()
    User = get_user_model()
    pages = AssociationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")[
        :count
    ]
    credentials = []
    for index, page in enumerate(pages, start=1):
        association = (
            Association.objects.filter(page=page).first()
            or Association.objects.filter(name__iexact=page.title).first()
        )
        if association is None:
            association = association_create(name=page.title, municipality=page.municipality, page=page)
        elif not association.is_active:
            association.is_active = True
            association.disabled_at = None
            association.save(update_fields=["is_active", "disabled_at"])
            association_permissions_sync(association=association)
        username = f"associazione{index}@example.org"
        user, _created = User.objects.get_or_create(
            username=username,
            defaults={"email": username, "first_name": "Demo", "last_name": page.title[:150]},
        )
        user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        # One association per account: leave any other association's group (if the seeded titles changed).
        user.groups.remove(*Group.objects.filter(association__isnull=False).exclude(pk=association.group_id))
        user.groups.add(association.group)
        Membership.objects.update_or_create(
            user=user, defaults={"association": association, "role": Membership.Role.ADMIN}
        )
        credentials.append(
            {
                "association": association.name,
                "username": username,
                "password": DEMO_PASSWORD,
                "page_id": page.pk,
            }
        )
    return credentials
