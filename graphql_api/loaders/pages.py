"""Pages content points at (blocks, rich text links, an event's organiser), by the kernel's fallback rule."""

from collections.abc import Iterable


class PageLoader:
    def __init__(self, loader):
        self.loader = loader

    def load(self, wanted: Iterable[tuple[int | None, int]]) -> None:
        """Load (page id, locale id) pairs; pages served for the first time load their own references together."""
        self.loader.batches.register(self.loader.reader.load_pages(wanted))

    def page(self, page_id: int | None, locale_id: int):
        """A referenced page in `locale_id`, else its default-locale original (isFallback), else None."""
        if page_id is None:
            return None
        self.load([(page_id, locale_id)])
        served = self.loader.reader.served_page(page_id, locale_id)
        if served is None:
            return None
        return self.loader.served.serve(served.obj, is_fallback=served.is_fallback, for_locale_id=locale_id)

    def page_for(self, page, attname: str):
        """A page foreign key of `page` (e.g. an event's organiser), loaded for the page's whole batch."""
        batch = self.loader.batches.referencing(page)
        if ("page", attname) not in batch.done:
            batch.done.add(("page", attname))
            self.load((getattr(p, attname), p.locale_id) for p in batch.objects if getattr(p, attname, None))
        return self.page(getattr(page, attname), page.locale_id)
