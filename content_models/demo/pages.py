"""Creating the Italian demo objects: references resolved, streams built and validated, pages published.

Everything is looked up by a stable key before it is created (a page's slug under its parent, a topic's slug,
a service point's translation key), and an object that exists is left as it is: editors may have changed it.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from ..models import ServicePoint, Topic
from .spec import Block, DocumentRef, FromToday, ImageRef, PageRef, PageSpec
from .text import Text

# Namespace of every uuid5 the demo derives (translation keys, block ids): the same name gives the same id.
DEMO_NAMESPACE = uuid.UUID("0c5b7f0e-6a44-4d61-9d2c-6e1f3f9a2b17")
# Events happen in Liguria: their times are Italian local times whatever the server's time zone.
ROME = ZoneInfo("Europe/Rome")


def demo_uuid(name: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, name)


@dataclass
class Registry:
    """The demo's Italian objects, by the keys the data uses to refer to them."""

    home: Page
    today: datetime.date
    topics: dict[str, Topic] = field(default_factory=dict)
    service_points: dict[str, ServicePoint] = field(default_factory=dict)
    images: dict[str, object] = field(default_factory=dict)
    documents: dict[str, object] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)  # path under the home page -> page

    def page(self, path: str) -> Page:
        try:
            return self.pages[path]
        except KeyError:
            raise KeyError(f"The demo data refers to page {path!r}, which is not created before it") from None

    # --- Resolving data values -----------------------------------------------------------------------------
    def field_value(self, value):
        """A value for a model field: Italian text, or the object a reference points to."""
        if isinstance(value, Text):
            return value.it
        if isinstance(value, ImageRef):
            return self.images[value.key]
        if isinstance(value, DocumentRef):
            return self.documents[value.key]
        if isinstance(value, PageRef):
            return self.page(value.path)
        if isinstance(value, FromToday):
            day = self.today + datetime.timedelta(days=value.days)
            if not value.time:
                return day
            return datetime.datetime.combine(day, datetime.time.fromisoformat(value.time), tzinfo=ROME)
        return value

    def stream(self, blocks: list[Block], owner: str) -> list[dict]:
        """StreamField raw data, with ids derived from the owner: the same data gives the same stream."""
        return [
            {
                "type": block.type,
                "value": self._raw(block.value, f"{owner}/{index}"),
                "id": str(demo_uuid(f"{owner}/{index}")),
            }
            for index, block in enumerate(blocks)
        ]

    def _raw(self, value, path: str):
        if isinstance(value, Text):
            return value.it
        if isinstance(value, ImageRef | DocumentRef | PageRef):
            return self.field_value(value).pk
        if isinstance(value, dict):
            return {name: self._raw(item, f"{path}.{name}") for name, item in value.items()}
        if isinstance(value, list):
            # Every list inside a block is a ListBlock: stored in its block format, each item with an id.
            return [
                {
                    "type": "item",
                    "value": self._raw(item, f"{path}.{index}"),
                    "id": str(demo_uuid(f"{path}.{index}")),
                }
                for index, item in enumerate(value)
            ]
        return value


def source_locale() -> Locale:
    return Locale.get_default()


def validate_streams(instance, label: str) -> None:
    """Run every block's own clean (alt text, call-to-action target, contact channel...) as the admin does.

    Model validation alone does not clean StreamField blocks: without this, content the admin would refuse
    could be saved.
    """
    errors = {}
    for model_field in instance._meta.get_fields():
        if isinstance(model_field, StreamField):
            try:
                model_field.stream_block.clean(getattr(instance, model_field.name))
            except ValidationError as error:
                errors[model_field.name] = error
    if errors:
        raise ValidationError(f"Demo content {label!r} is not valid: {errors}")


def topic_ensure(*, slug: str, name: Text, description: Text) -> tuple[Topic, bool]:
    locale = source_locale()
    topic = Topic.objects.filter(locale=locale, slug=slug).first()
    if topic is not None:
        return topic, False
    topic = Topic(
        slug=slug,
        name=name.it,
        description=description.it,
        locale=locale,
        translation_key=demo_uuid(f"topic:{slug}"),
    )
    topic.full_clean()
    topic.save()
    return topic, True


def service_point_ensure(key: str, registry: Registry, **fields) -> tuple[ServicePoint, bool]:
    locale = source_locale()
    translation_key = demo_uuid(f"service-point:{key}")
    point = ServicePoint.objects.filter(locale=locale, translation_key=translation_key).first()
    if point is not None:
        return point, False
    values = {name: registry.field_value(value) for name, value in fields.items() if name != "opening_hours"}
    point = ServicePoint(
        locale=locale,
        translation_key=translation_key,
        opening_hours=registry.stream(fields.get("opening_hours", []), f"service-point:{key}:opening_hours"),
        **values,
    )
    validate_streams(point, key)
    point.full_clean()
    point.save()
    return point, True


def page_ensure(model: type[Page], parent: Page, spec: PageSpec, registry: Registry) -> tuple[Page, bool]:
    """The page with this slug under `parent`, or a new published one. Returns (page, created)."""
    existing = model.objects.child_of(parent).filter(slug=spec.slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=spec.slug, locale=parent.locale, **page_field_values(model, spec, registry))
    validate_streams(page, spec.slug)
    parent.add_child(instance=page)  # saves, after full_clean()
    page.save_revision().publish()
    return page, True


def page_field_values(model: type[Page], spec: PageSpec, registry: Registry) -> dict:
    values = {}
    for name, value in spec.fields.items():
        model_field = model._meta.get_field(name)
        if isinstance(model_field, StreamField):
            values[name] = registry.stream(value, f"page:{spec.parent or model.__name__}/{spec.slug}:{name}")
        elif name == "topics":
            values[name] = [registry.topics[slug] for slug in value]
        elif name == "service_points":
            values[name] = [registry.service_points[key] for key in value]
        else:
            values[name] = registry.field_value(value)
    return values
