"""How each object was served to this request: in which locale (its own), whether as a fallback, and for whom.

Kept here, by object identity, rather than as attributes on model instances: snippet translations come from a
per-process memo shared by concurrent requests, and one page may be served twice in one request, once as itself
and once as another locale's fallback (or as the fallback of two locales). Then the second is a shallow copy, so
each answers its own `isFallback`, its own topics and its own id (graphql_api/ids.py).
"""

import copy
import dataclasses

from content_models.kernel.fallback import Served


@dataclasses.dataclass(frozen=True)
class ServedAs:
    """The kernel's decision about one object, as this request applied it.

    `for_locale_id` is the locale of the reader a fallback stands in for (None when served as itself): the Italian
    page served to a Spanish reader shows Spanish topics, so it is not the Italian page served to an Arabic one.
    """

    is_fallback: bool = False
    for_locale_id: int | None = None


AS_ITSELF = ServedAs()


class ServedObjects:
    def __init__(self, batches):
        self._batches = batches
        self._served: dict[int, tuple[object, ServedAs]] = {}  # id(obj) -> (obj, how); obj kept alive

    def serve(self, obj, *, is_fallback: bool, for_locale_id: int | None = None):
        """The object as served this way: itself, or a copy when it was already served another way.

        A fallback must say which locale it stands in for (`for_locale_id`, the locale the reader asked).
        """
        if is_fallback and for_locale_id is None:
            raise ValueError("A fallback is served for a locale: pass for_locale_id.")
        how = ServedAs(True, for_locale_id) if is_fallback else AS_ITSELF
        entry = self._served.get(id(obj))
        if entry is not None and entry[1] != how:
            original, obj = obj, copy.copy(obj)
            self._batches.adopt(obj, original)
        self._served[id(obj)] = (obj, how)
        return obj

    def how(self, obj) -> ServedAs:
        """How `obj` was served; an object nobody served (a breadcrumb, a translation) is served as itself."""
        entry = self._served.get(id(obj))
        return entry[1] if entry is not None else AS_ITSELF

    def of(self, obj) -> Served:
        """Which locale `obj` was served in (`locale_id`) and whether it is a fallback."""
        return Served(obj, is_fallback=self.how(obj).is_fallback)

    def is_fallback(self, obj) -> bool:
        return self.how(obj).is_fallback

    def reader_locale_id(self, obj) -> int:
        """The locale of the reader `obj` was served to: the one a fallback stands in for, else its own."""
        return self.how(obj).for_locale_id or obj.locale_id
