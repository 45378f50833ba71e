"""Snippets of a page (topics, service points): pages tag the source-locale ones, served in the asked locale."""


class SnippetLoader:
    def __init__(self, loader):
        self.loader = loader

    def snippets_for(self, page, relation: str) -> list:
        """The snippets of a page's many-to-many `relation`, each in the asked locale, else in the source locale."""
        reader = self.loader.reader
        batch = self.loader.batches.of(page)
        locale_id = batch.requested_locale_id or page.locale_id
        if ("snippets", relation) not in batch.done:
            batch.done.add(("snippets", relation))
            having = [other for other in batch.objects if hasattr(type(other), relation)]
            if not batch.preview:  # a draft's relations are in memory already
                reader.relation_prefetch(having, relation)
            sources = [snippet for other in having for snippet in getattr(other, relation).all()]
            reader.snippet_translations_load(sources, locale_id)
        served = self.loader.served
        return [served.serve(item.obj, is_fallback=item.is_fallback)
                for item in reader.snippets_of(page, relation, locale_id)]
