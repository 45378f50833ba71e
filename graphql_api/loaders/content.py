"""References of content fields (StreamFields, rich text), loaded for an object's whole batch before rendering."""

from content_models.kernel.references import References, collect_object, reference_fields


class ContentLoader:
    def __init__(self, loader):
        self.loader = loader

    def prepare(self, obj, field_name: str, collect) -> None:
        """Before rendering one object's rich text or StreamField, load what the field references for the batch.

        `collect(value, references, locale_id)` adds the ids a field value points at (kernel/references.py).
        """
        batch = self.loader.batches.referencing(obj)
        if ("content", field_name) in batch.done:
            return
        batch.done.add(("content", field_name))
        references = References()
        for other in batch.objects:
            value = getattr(other, field_name, None)
            if value:
                collect(value, references, self._locale_id(other))
        self.loader.load(references)

    def prepare_everything(self, batch) -> None:
        """Load every reference of an eager batch at once: image, document and page fields, and content."""
        references = References()
        for obj in batch.objects:
            collect_object(obj, references, self._locale_id(obj))
            fields = reference_fields(type(obj))
            batch.done |= set(fields.foreign_keys) | {("content", name) for name, _collect in fields.content}
        self.loader.load(references)

    def _locale_id(self, obj) -> int:
        return getattr(obj, "locale_id", None) or self.loader.default_locale.pk
