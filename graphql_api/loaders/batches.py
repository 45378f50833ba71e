"""Batches: objects a request serves together (a listing's edges, the pages of a block, a page's translations).

strawberry runs resolvers one object at a time, so a naive resolver costs a query per item. The first time a
field needs something (an image, a referenced page, rich text links, topics) for one object of a batch, the
loaders fetch it for every object of the batch at once: the number of queries of a request then depends on the
shape of the query, never on the number of items or blocks.

Membership is kept here, by object identity, not written on the (possibly shared) model instances.
"""

from collections.abc import Callable, Iterable


class Batch:
    """Objects loaded together; `requested_locale_id` is the locale the client asked for, if any.

    An `eager` batch is a page asked for by itself (by path, id or preview token): a portal renders it whole, so
    the first time one of its references is needed, those of all its content (image and document fields, linked
    pages, every StreamField and rich text) are loaded together: one query per kind instead of one per field.
    Listings stay lazy: a list of 50 events usually shows a card, not their bodies. A `preview` batch holds a
    draft, whose relations (topics, service points) live in its revision, not in the database.
    """

    def __init__(self, objects: list, requested_locale_id: int | None, *, eager: bool = False,
                 preview: bool = False):
        self.objects = objects
        self.requested_locale_id = requested_locale_id
        self.eager = eager
        self.preview = preview
        self.done: set = set()  # what has been loaded for the whole batch
        self.results: dict = {}  # what a loader computed for the whole batch (translations, ancestors)


class Batches:
    def __init__(self):
        self._of: dict[int, tuple[object, Batch]] = {}  # id(obj) -> (obj, its batch); obj kept alive
        # Set by the request loader: loads every reference of an eager batch (loaders/content.py).
        self.on_eager: Callable[[Batch], None] = lambda batch: None

    def register(self, objects: Iterable, requested_locale_id: int | None = None, *, eager: bool = False,
                 preview: bool = False) -> list:
        objects = list(objects)
        batch = Batch(objects, requested_locale_id, eager=eager, preview=preview)
        for obj in objects:
            self._of[id(obj)] = (obj, batch)
        return objects

    def of(self, obj) -> Batch:
        """obj's batch; an object nobody registered is a batch of its own."""
        entry = self._of.get(id(obj))
        if entry is None:
            self.register([obj])
            entry = self._of[id(obj)]
        return entry[1]

    def adopt(self, copy, original) -> None:
        """A copy of a served object (served.py) loads with its original's batch."""
        entry = self._of.get(id(original))
        if entry is not None:
            self._of[id(copy)] = (copy, entry[1])

    def referencing(self, obj) -> Batch:
        """obj's batch, about to load references: an eager batch loads all of them the first time."""
        batch = self.of(obj)
        if batch.eager and "everything" not in batch.done:
            batch.done.add("everything")
            self.on_eager(batch)
        return batch
