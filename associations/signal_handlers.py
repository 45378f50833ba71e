"""Keep permissions and moderation in step when wagtail-localize (or an editor) creates translated pages.

A translation of an association's profile is a separate page in another locale tree: the association's group
needs its permissions there too, and a translated associations section needs the moderation workflow.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from content_models.models import AssociationIndexPage, AssociationPage

from .models import Association
from .moderation import association_section_workflow_attach
from .grants import association_permissions_sync


@receiver(post_save, sender=AssociationIndexPage)
def association_section_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        association_section_workflow_attach(section=instance)


@receiver(post_save, sender=AssociationPage)
def association_page_created(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    association = Association.objects.filter(page__translation_key=instance.translation_key).first()
    if association is not None:
        association_permissions_sync(association=association)
