"""The demo site, step by step: Italian content first, then its translations through wagtail-localize.

One transaction: a failed seed leaves the database as it was. Every step finds what a previous run created,
so a second run creates nothing and writes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from ..models import AssociationPage, EventPage, InfographicPage, NewsPage, ServicePage
from ..services import SECTIONS as SECTION_MODELS
from ..services import home_page_ensure
from . import data
from .assets import document_ensure, image_ensure
from .indexing import indexes_updated_once
from .pages import ROME, Registry, page_ensure, service_point_ensure, topic_ensure
from .spec import PageSpec
from .text import TARGET_LANGUAGES
from .translations import TranslationCount, target_locales, translation_ensure

# The page types, in creation order: a page may only refer to pages created before it.
PAGE_STEPS = [
    ("Associations", AssociationPage, "associazioni", data.ASSOCIATIONS),
    ("Services", ServicePage, "servizi", data.SERVICES),
    ("Infographics", InfographicPage, "infografiche", data.INFOGRAPHICS),
    ("Events", EventPage, "eventi", data.EVENTS),
    ("News", NewsPage, "notizie", data.NEWS),
]


@dataclass(frozen=True)
class StepResult:
    label: str
    total: int
    created: int
    note: str = ""

    def __str__(self) -> str:
        note = f"; {self.note}" if self.note else ""
        return f"{self.label}: {self.total} ({self.created} new{note})"


@transaction.atomic
def demo_seed(*, progress: Callable[[StepResult], None] = lambda result: None) -> list[StepResult]:
    """Create (or complete) the demo site and its en/fr/ar translations. Returns one result per step."""
    results = []

    def report(result: StepResult) -> None:
        results.append(result)
        progress(result)

    with indexes_updated_once():
        home = home_page_ensure()
        registry = Registry(home=home, today=timezone.now().astimezone(ROME).date())
        report(_sections_complete(registry))
        report(_snippets_ensure(registry))
        report(_assets_ensure(registry))
        for label, model, section, specs in PAGE_STEPS:
            report(_pages_ensure(label, model, section, specs, registry))
        report(_home_complete(registry))
        report(_translations_ensure(registry))
    return results


def _sections_complete(registry: Registry) -> StepResult:
    """Register the five sections (home_page_ensure made them) and give each its introduction once."""
    completed = 0
    for model, slug, _title in SECTION_MODELS:
        section = model.objects.child_of(registry.home).get()
        registry.pages[section.slug] = section
        intro = data.SECTIONS[slug][1]
        if not section.intro:
            section.intro = intro.it
            section.save_revision().publish()
            completed += 1
    return StepResult("Sections", len(SECTION_MODELS), 0, f"{completed} introductions written")


def _snippets_ensure(registry: Registry) -> StepResult:
    created = 0
    for slug, name, description in data.TOPICS:
        registry.topics[slug], is_new = topic_ensure(slug=slug, name=name, description=description)
        created += is_new
    for key, fields in data.SERVICE_POINTS:
        registry.service_points[key], is_new = service_point_ensure(key, registry, **fields)
        created += is_new
    return StepResult(
        "Snippets",
        len(registry.topics) + len(registry.service_points),
        created,
        f"{len(registry.topics)} topics, {len(registry.service_points)} service points",
    )


def _assets_ensure(registry: Registry) -> StepResult:
    created = 0
    for spec in data.IMAGES:
        registry.images[spec.key], is_new = image_ensure(spec)
        created += is_new
    for spec in data.DOCUMENTS:
        registry.documents[spec.key], is_new = document_ensure(spec)
        created += is_new
    return StepResult(
        "Images and documents",
        len(registry.images) + len(registry.documents),
        created,
        f"{len(registry.images)} images, {len(registry.documents)} PDF documents",
    )


def _pages_ensure(label: str, model: type[Page], section: str, specs: list[PageSpec], registry: Registry):
    created, pages = 0, []
    for spec in specs:
        parent_path = spec.parent or section
        page, is_new = page_ensure(model, registry.page(parent_path), spec, registry)
        registry.pages[f"{parent_path}/{spec.slug}"] = page
        pages.append(page)
        created += is_new
    note = ""
    if model is EventPage:
        past = sum(page.start < timezone.now() for page in pages)
        note = f"{past} past, {len(pages) - past} upcoming"
    return StepResult(label, len(specs), created, note)


def _home_complete(registry: Registry) -> StepResult:
    """The home page gets its body once every page it links to exists."""
    home = registry.home
    written = 0
    if not home.body:
        home.body = registry.stream(data.HOME_BODY, "page:home:body")
        home.save_revision().publish()
        written = 1
    return StepResult("Home page", 1, 0, f"{written} body written")


def _translations_ensure(registry: Registry) -> StepResult:
    catalogue = data.catalogue()
    locales = target_locales()
    count = TranslationCount()
    for snippet in [*registry.topics.values(), *registry.service_points.values()]:
        count += translation_ensure(snippet, catalogue=catalogue, locales=locales)
    # Fresh from the database (publishing updated them behind the objects we hold), and parents before
    # children: wagtail-localize translates a page only under its parent's translation.
    page_ids = [registry.home.pk, *(page.pk for page in registry.pages.values())]
    for page in Page.objects.filter(pk__in=page_ids).order_by("path").specific():
        paths = {"slug": data.HOME_SLUGS} if page.pk == registry.home.pk else {}
        count += translation_ensure(page, catalogue=catalogue, locales=locales, paths=paths)
    return StepResult(
        f"Translations ({', '.join(TARGET_LANGUAGES)})",
        count.translations,
        count.written,
        f"{count.sources} sources",
    )
