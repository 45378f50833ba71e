"""The events portals receive. Only ids, types and public paths: never a page's content, never a path of a page
that is not public (a draft's slug can say what is coming)."""

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from cms.tasks import task_enqueue
from content_models.kernel.visibility import page_is_visible, private_page_paths, visible_pages
from content_models.models import ServicePage, ServicePoint
from content_models.models.mixins import TopicPage
from distribution.models import WebhookDelivery, WebhookEvent


def portal_path(url_path: str) -> str:
    """A tree url_path ("/home-ar/eventi/x/") as the portal sees it ("/eventi/x/"): the same rule as BasePage."""
    segments = url_path.strip("/").split("/")
    return "/" + "".join(f"{segment}/" for segment in segments[1:])


def path_entry(*, language: str, url_path: str) -> dict:
    path = portal_path(url_path)
    base = settings.PORTAL_BASE_URLS.get(language, "").rstrip("/")
    return {"locale": language, "path": path, "url": f"{base}{path}" if base else ""}


def public_translation_paths(page, *, exclude_self: bool = False) -> list[dict]:
    """The public paths of a page in every locale it is published in (the page itself included unless said)."""
    translations = Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    if exclude_self:
        translations = translations.exclude(pk=page.pk)
    public = visible_pages(translations, now=timezone.now(), private_paths=private_page_paths())
    return [path_entry(language=p.locale.language_code, url_path=p.url_path) for p in public.order_by("locale_id")]


def page_is_public(page) -> bool:
    return page_is_visible(page, now=timezone.now(), private_paths=private_page_paths())


def page_reference(page) -> dict:
    """What an event says about a page: ids and type, never content. Taken before a delete, used after it."""
    return {"id": page.pk, "translation_key": str(page.translation_key), "locale": page.locale.language_code,
            "type": page.specific_class._meta.label_lower if page.specific_class else "wagtailcore.page"}


def page_event_record(*, event_type: str, page: dict, paths: list[dict], extra: dict | None = None
                      ) -> WebhookEvent | None:
    """Record the event of a page (its `page_reference`) and one delivery per endpoint; sent once committed."""
    data = {"object": "page", "page": page, "paths": paths, **(extra or {})}
    return event_record(event_type=event_type, object_id=page["id"], translation_key=page["translation_key"],
                        ordering_key=f"page:{page['id']}", data=data)


def snippet_event(*, instance, deleted: bool = False) -> dict:
    """The event of a topic or service point that changed, as `event_record`'s arguments: every public page that
    shows it (in any locale) may need a refresh. Read before a delete, while the pages still tag it."""
    model = type(instance)
    public = visible_pages(
        Page.objects.filter(translation_key__in=_pages_showing(instance)).select_related("locale"),
        now=timezone.now(), private_paths=private_page_paths(),
    ).order_by("path")
    data = {
        "object": "snippet",
        "snippet": {"type": model._meta.label_lower, "id": instance.pk, "translation_key": str(instance.translation_key),
                    "locale": instance.locale.language_code},
        "paths": [path_entry(language=p.locale.language_code, url_path=p.url_path) for p in public],
    }
    return {
        "event_type": "snippet.deleted" if deleted else "snippet.changed", "object_id": instance.pk,
        "translation_key": str(instance.translation_key),
        "ordering_key": f"{model._meta.label_lower}:{instance.translation_key}", "data": data,
    }


def _pages_showing(instance) -> set:
    """Translation keys of the pages tagging the snippet: pages tag the Italian one, shown in every language."""
    model = type(instance)
    source_ids = list(model.objects.filter(translation_key=instance.translation_key).values_list("pk", flat=True))
    if model is ServicePoint:
        return set(ServicePage.objects.filter(service_points__in=source_ids).values_list("translation_key", flat=True))
    keys = set()
    for page_model in _topic_page_models():
        keys |= set(page_model.objects.filter(topics__in=source_ids).values_list("translation_key", flat=True))
    return keys


def _topic_page_models() -> list[type]:
    from django.apps import apps

    return [m for m in apps.get_models() if issubclass(m, TopicPage) and not m._meta.abstract]


def event_record(*, event_type: str, object_id, translation_key, ordering_key: str, data: dict) -> WebhookEvent | None:
    urls = settings.DISTRIBUTION_WEBHOOK_URLS
    if not urls or not data["paths"]:
        return None  # nobody to tell, or nothing public changed
    event = WebhookEvent(event_type=event_type, object_id=object_id, translation_key=translation_key, payload={})
    occurred_at = timezone.now()
    event.payload = {"id": str(event.event_id), "type": event_type, "occurred_at": occurred_at.isoformat(), **data}
    event.save()
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(event=event, url=url, ordering_key=ordering_key, next_attempt_at=occurred_at) for url in urls]
    )
    task_enqueue("distribution.tasks.webhooks_deliver")  # not sent now: the next run or the cron sends it
    return event
