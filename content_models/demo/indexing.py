"""Search and reference indexes brought up to date once per seeded object, instead of on every save.

Creating, translating and publishing a page saves it four or five times, and each save re-indexes it for
search (modelsearch) and for Wagtail's reference index (the admin's usage counts): a third of the seed's time.
Inside `indexes_updated_once()` those signal handlers are off; at the end each saved object is indexed once.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_post_save_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexes_updated_once():
    """Defer index updates to the end of the block (on success). Not thread-safe: for commands and tests."""
    saved: dict[tuple[type, object], None] = {}  # an ordered set of (model, pk)

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(sender, instance.pk)] = None

    # modelsearch has no switch like Wagtail's disable_reference_index_auto_update(): its handler is
    # disconnected from the models it was connected to (modelsearch.signal_handlers.register_signal_handlers).
    search_models = [
        model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    for model in search_models:
        post_save.disconnect(search_post_save_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="demo-seed-remember-saved")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="demo-seed-remember-saved")
        for model in search_models:
            post_save.connect(search_post_save_handler, sender=model)
    for model, pk in saved:
        _index(model, pk)


def _index(model, pk) -> None:
    tracked = model in ReferenceIndex.tracked_models
    searched = search_index.class_is_indexed(model) and getattr(model, "search_auto_update", True)
    if not (tracked or searched):
        return
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        return
    if tracked:
        ReferenceIndex.create_or_update_for_object(instance)
    if searched:
        search_index.insert_or_update_object(instance)
