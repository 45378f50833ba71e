"""Snippets of a page (topics, service points): pages tag the source-locale ones, served in the asked locale."""


class SnippetLoader:
    def __init__(self, loader):
        self.loader = loader

    def snippets_for(self, page, relation: str) -> list:
        """The snippets of a page's many-to-many `relation`, each in the asked locale, else in the source locale.

        The asked locale is the reader's: a page's own, or the one it is a fallback for (so the Italian page a
        Spanish reader gets shows Spanish topics wherever it appears, in a listing or chosen in a block). Loaded
        for the page's whole batch, one query per relation and one per model and reader locale (usually one).
        """
        reader = self.loader.reader
        served = self.loader.served
        batch = self.loader.batches.of(page)
        locale_id = served.reader_locale_id(page)
        having = [other for other in batch.objects if hasattr(type(other), relation)]
        if ("snippets", relation) not in batch.done:
            batch.done.add(("snippets", relation))
            if not batch.preview:  # a draft's relations are in memory already
                reader.relation_prefetch(having, relation)
        if ("snippets", relation, locale_id) not in batch.done:
            batch.done.add(("snippets", relation, locale_id))
            sources = [snippet for other in having for snippet in getattr(other, relation).all()]
            reader.snippet_translations_load(sources, locale_id)
        return [served.serve(item.obj, is_fallback=item.is_fallback, for_locale_id=locale_id)
                for item in reader.snippets_of(page, relation, locale_id)]
