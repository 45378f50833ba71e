"""What every reader reads and editors rarely change, kept per process for one content state.

Locales, the privacy restrictions (pages and collections), each locale's home page and the translations of
snippets (topics, service points) would otherwise cost every request five or more queries before any content.
All of them are written through models whose saves and deletes bump the content generation inside the writer's
transaction (invalidation.py), and every reader of a state reads the content state first (generation.py).
So a memo made while the state was S holds what the database held at S, or something committed after it, which
requests still reading S may see anyway; the first request after a change reads a new state and starts a new memo.
One memo is kept (the latest state's): memory stays bounded by the reference data itself.

A request with no content state (a schema executed directly, a mutation) gets a fresh, unshared memo.
"""

from functools import cached_property

from django.conf import settings
from wagtail.models import Locale, Page

from . import visibility


class StateMemo:
    def __init__(self):
        # (snippet model, translation key, locale id) -> the snippet in that locale, or None when it has none.
        # Shared between requests: nobody marks these instances (served flags live in the readers).
        self.snippets: dict[tuple[type, object, int], object | None] = {}
        # The specific model of pages served in this state, by id, by translation key (translations are copies of
        # their source's model) and by (locale id, url_path): specific.py then joins only that model's
        # table. A page's model never changes; a deleted page's id or path being reused comes after a new state.
        # A wrong guess would cost a query, never a wrong answer (specific.py reads a row of another model alone).
        self.page_models: dict[int, type] = {}
        self.translation_models: dict[object, type] = {}
        self.path_models: dict[tuple[int, str], type] = {}
        # Page id -> translation key (None: no such page), whatever the page's state: a page keeps its key for
        # life, and creating or deleting a page starts a new state. Saves the key lookup of every reference read.
        self.page_translation_keys: dict[int, object] = {}

    def remember_models(self, pages) -> None:
        for page in pages:
            self.page_models[page.pk] = type(page)
            self.translation_models[page.translation_key] = type(page)

    @cached_property
    def locales(self) -> dict[int, Locale]:
        return {locale.pk: locale for locale in Locale.objects.all()}

    @cached_property
    def locales_by_code(self) -> dict[str, Locale]:
        return {locale.language_code: locale for locale in self.locales.values()}

    @cached_property
    def default_locale(self) -> Locale:
        return self.locales_by_code[settings.LANGUAGE_CODE]

    @cached_property
    def private_paths(self) -> list[str]:
        return visibility.private_page_paths()

    @cached_property
    def private_collection_ids(self) -> frozenset[int]:
        return visibility.private_collection_ids()

    @cached_property
    def home_url_paths(self) -> dict[int, str]:
        """Locale id -> url_path of the locale's home page (the first child of the tree root in that locale)."""
        homes: dict[int, str] = {}
        for locale_id, url_path in Page.objects.filter(depth=2).order_by("path").values_list("locale_id", "url_path"):
            homes.setdefault(locale_id, url_path)
        return homes


_latest: tuple[tuple, StateMemo] | None = None


def state_memo(stamp: tuple | None) -> StateMemo:
    """The memo for the content state `stamp` (ContentState.stamp); a fresh one when `stamp` is None."""
    global _latest
    latest = _latest  # one read: another thread may replace it meanwhile
    if stamp is None:
        return StateMemo()
    if latest is not None and latest[0] == stamp:
        return latest[1]
    data = StateMemo()
    _latest = (stamp, data)
    return data
