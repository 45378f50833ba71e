"""A page's place in the tree: its translations (hreflang) and its visible ancestors (breadcrumbs)."""

from collections import defaultdict

from wagtail.models import Page


class TreeLoader:
    def __init__(self, loader):
        self.loader = loader

    def translations_of(self, page) -> list:
        """The page's public versions in every other locale."""
        batch = self.loader.batches.of(page)
        if "translations" not in batch.results:
            # Translations share their page's model (Wagtail copies a page into its own type): one query per model
            # of the batch, without .specific()'s extra query per type.
            keys_by_model = defaultdict(set)
            for other in batch.objects:
                keys_by_model[type(other)].add(other.translation_key)
            grouped = defaultdict(list)
            for model, keys in keys_by_model.items():
                translations = self.loader.reader.visible(model.objects.filter(translation_key__in=keys))
                for translation in self.loader.batches.register(translations.order_by("locale_id")):
                    grouped[translation.translation_key].append(
                        self.loader.served.serve(translation, is_fallback=False)
                    )
            batch.results["translations"] = grouped
        translations = batch.results["translations"][page.translation_key]
        return [other for other in translations if other.locale_id != page.locale_id]

    def ancestors_of(self, page) -> list:
        """The visible ancestors of `page` from its locale's home page down (the tree root is never shown)."""
        batch = self.loader.batches.of(page)
        if "ancestors" not in batch.results:
            paths = {path for other in batch.objects for path in _ancestor_paths(other)}
            found = self.loader.reader.visible(Page.objects.filter(path__in=paths)) if paths else []
            batch.results["ancestors"] = {ancestor.path: ancestor for ancestor in found}
        ancestors = batch.results["ancestors"]
        return [ancestors[path] for path in _ancestor_paths(page) if path in ancestors]


def _ancestor_paths(page) -> list[str]:
    # Depth 1 is the tree root; depth 2 the locale's home, the first crumb.
    steplen = Page.steplen
    return [page.path[: steplen * depth] for depth in range(2, page.depth)]
