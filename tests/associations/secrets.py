"""What a member of association A must never see: B's unpublished work and the Region's unpublished content.

Every secret carries the word SEGRETO in its title (or subject, file name, alt text), so a sweep of any response
finds a leak through any field. The Region's and B's *published* pages are the public site: a member may see those.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from associations.moderation import REGIONAL_EDITORS_GROUP_NAME
from content_models.models import EventIndexPage, ServiceIndexPage
from newsletter.models import NewsletterIssue
from tests.factories import DocumentFactory, EventPageFactory, ImageFactory, ServicePageFactory, png_bytes

MARKER = "SEGRETO"


@dataclass
class Secrets:
    pages: dict = field(default_factory=dict)
    images: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    issues: dict = field(default_factory=dict)
    collections: dict = field(default_factory=dict)
    translations: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)

    def ids(self) -> list[int]:
        """Every id of a secret object: tried in every admin URL that takes an id, whatever kind it expects."""
        groups = [self.pages, self.images, self.documents, self.issues, self.collections, self.translations,
                  self.sources]
        ids = {obj.pk for group in groups for obj in group.values()}
        ids |= set(StringSegment.objects.filter(source__in=self.sources.values()).values_list("pk", flat=True))
        return sorted(ids)


def secrets_create(world, sections, locales) -> Secrets:
    now = timezone.now()
    secrets = Secrets()
    services = sections[ServiceIndexPage]
    events = sections[EventIndexPage]

    # The Region's unpublished content.
    secrets.pages["region_draft"] = ServicePageFactory(parent=services, title=f"{MARKER} bozza regione",
                                                       slug="segreto-bozza", live=False)
    changed = ServicePageFactory(parent=services, title="Servizio pubblico", slug="servizio-pubblico")
    changed.title = f"{MARKER} modifica non pubblicata"
    changed.save_revision(user=world.editor)
    secrets.pages["region_change"] = changed
    scheduled = EventPageFactory(parent=events, title=f"{MARKER} evento programmato", slug="segreto-programmato",
                                 live=False)
    scheduled.go_live_at = now + datetime.timedelta(days=3)
    scheduled.save_revision(user=world.editor).publish()
    secrets.pages["region_scheduled"] = scheduled
    restricted = ServicePageFactory(parent=services, title=f"{MARKER} riservata", slug="segreto-riservata")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="sesamo")
    secrets.pages["region_restricted"] = restricted

    # B's unpublished work.
    secrets.pages["b_draft_event"] = EventPageFactory(parent=world.page_b, title=f"{MARKER} evento di Beta",
                                                      slug="segreto-beta", live=False, organizer=world.page_b)
    page_b = world.page_b
    page_b.title = f"{MARKER} Beta bozza"
    page_b.save_revision(user=world.admin_b)
    secrets.pages["b_change"] = page_b

    # Media: B's collection, a restricted collection, the Region's root collection.
    root = Collection.get_first_root_node()
    restricted_collection = root.add_child(name="Riservata")
    # Restricted to the Region's staff (a "login" restriction would let any account in, members included).
    staff_only = CollectionViewRestriction.objects.create(collection=restricted_collection, restriction_type="groups")
    staff_only.groups.add(Group.objects.get(name=REGIONAL_EDITORS_GROUP_NAME))
    secrets.collections["restricted"] = restricted_collection
    secrets.collections["b"] = world.b.collection
    for name, collection in [("b", world.b.collection), ("restricted", restricted_collection), ("region", root)]:
        secrets.images[name] = ImageFactory(
            title=f"{MARKER} immagine {name}", description=f"{MARKER} alt {name}", collection=collection,
            file=ContentFile(png_bytes(), name=f"segreto-{name}.png"),
        )
        secrets.documents[name] = DocumentFactory(
            title=f"{MARKER} documento {name}", collection=collection,
            file=ContentFile(b"%PDF-1.4\n%segreto\n", name=f"segreto-{name}.pdf"),
        )

    secrets.issues["draft"] = NewsletterIssue.objects.create(
        subject=f"{MARKER} newsletter", body=[], locale=Locale.get_default(), live=False
    )

    # wagtail-localize's records for the Region's draft and for B's draft event: sources, translations, segments.
    for name in ("region_draft", "b_draft_event"):
        source, _created = TranslationSource.get_or_create_from_instance(secrets.pages[name])
        secrets.translations[name] = Translation.objects.create(source=source, target_locale=locales["en"])
        secrets.sources[name] = source
    return secrets
