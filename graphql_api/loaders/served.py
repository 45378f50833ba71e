"""How each object was served to this request: in which locale (its own), and whether as a fallback.

Kept here, by object identity, rather than as attributes on model instances: snippet translations come from a
per-process memo shared by concurrent requests, and one page may be served twice in one request, once as itself
and once as another locale's fallback. Then the second is a shallow copy, so each answers its own `isFallback`.
"""

import copy

from content_models.kernel.fallback import Served


class ServedObjects:
    def __init__(self, batches):
        self._batches = batches
        self._served: dict[int, tuple[object, bool]] = {}  # id(obj) -> (obj, is_fallback); obj kept alive

    def serve(self, obj, *, is_fallback: bool):
        """The object as served with this flag: itself, or a copy when it was already served with the other."""
        entry = self._served.get(id(obj))
        if entry is not None and entry[1] != is_fallback:
            original, obj = obj, copy.copy(obj)
            self._batches.adopt(obj, original)
        self._served[id(obj)] = (obj, is_fallback)
        return obj

    def of(self, obj) -> Served:
        """Which locale `obj` was served in (`locale_id`) and whether it is a fallback."""
        entry = self._served.get(id(obj))
        return Served(obj, is_fallback=bool(entry and entry[1]))

    def is_fallback(self, obj) -> bool:
        return self.of(obj).is_fallback
