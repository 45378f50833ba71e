"""Images and documents: public ones only (kernel reader), a foreign key loaded for its object's whole batch."""


class MediaLoader:
    def __init__(self, loader):
        self.loader = loader

    def image(self, image_id: int | None):
        return self.loader.reader.image(image_id)

    def document(self, document_id: int | None):
        return self.loader.reader.document(document_id)

    def image_for(self, obj, attname: str):
        """An image foreign key of `obj` (`main_image_id`), loaded for obj's whole batch."""
        batch = self.loader.batches.referencing(obj)
        if ("image", attname) not in batch.done:
            batch.done.add(("image", attname))
            self.loader.reader.load_images(getattr(other, attname, None) for other in batch.objects)
        return self.image(getattr(obj, attname, None))

    def document_for(self, obj, attname: str):
        batch = self.loader.batches.referencing(obj)
        if ("document", attname) not in batch.done:
            batch.done.add(("document", attname))
            self.loader.reader.load_documents(getattr(other, attname, None) for other in batch.objects)
        return self.document(getattr(obj, attname, None))
