"""Writes that set up the site: locales and the Italian home page with its sections.

Used by `seed_demo`, by tests and by operators (`manage.py sync_locales`). Idempotent: safe to run again.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import (
    AssociationIndexPage,
    EventIndexPage,
    HomePage,
    InfographicIndexPage,
    NewsIndexPage,
    ServiceIndexPage,
)

# Slugs and titles of the Italian sections: the portal's URLs (/servizi/...) come from these slugs.
SECTIONS = [
    (ServiceIndexPage, "servizi", "Servizi"),
    (EventIndexPage, "eventi", "Eventi"),
    (NewsIndexPage, "notizie", "Notizie"),
    (InfographicIndexPage, "infografiche", "Infografiche"),
    (AssociationIndexPage, "associazioni", "Associazioni"),
]


def locales_sync() -> list[Locale]:
    """Create a Locale for each configured content language (never deletes one that has content)."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@transaction.atomic
def home_page_ensure(*, hostname: str = "localhost", port: int = 80) -> HomePage:
    """The Italian home page, its five sections and the default Site pointing at it.

    Wagtail's first migration leaves a placeholder "Welcome" page as the site root: it is replaced.
    """
    locales_sync()
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=source_locale, depth=2).first()
    if home is None:
        _delete_welcome_placeholder()
        home = _tree_root().add_child(
            instance=HomePage(title="InterAzioni", slug="home", locale=source_locale, intro=HOME_INTRO)
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="InterAzioni"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    for model, slug, title in SECTIONS:
        if not model.objects.child_of(home).exists():
            section = home.add_child(instance=model(title=title, slug=slug, locale=source_locale))
            section.save_revision().publish()
    return home


def _tree_root() -> Page:
    """The tree root Wagtail's migrations create; made again if a database flush removed it."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default(), live=True))
    return root


def _delete_welcome_placeholder() -> None:
    """Remove the untyped "Welcome" page Wagtail's first migration creates (it would clash with our slug)."""
    for page in _tree_root().get_children():
        if page.specific_class is Page and not page.get_children().exists():
            Site.objects.filter(root_page=page).delete()
            page.delete()


HOME_INTRO = (
    "InterAzioni è il programma di Regione Liguria che aiuta le cittadine e i cittadini stranieri a conoscere "
    "e usare i servizi pubblici: corsi di italiano, mediazione culturale, sportelli unici, servizi sociali, "
    "sanitari e per il lavoro."
)
