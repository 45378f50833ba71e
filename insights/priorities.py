"""What to translate next, per language: pages whose translation is missing or stale, ranked by how often
readers asked for them in that language times how much the gap weighs.

- demand: the page's requests in the language over the period (for a missing translation, every one of them was
  answered in Italian; for a stale one, readers got the old translation);
- weight: 1 for a missing translation; for a stale one, from 0.5 on the day the Italian changed up to 1 after
  STALE_FULL_WEIGHT_DAYS (an old gap is as bad as a missing page);
- score = demand × weight; pages nobody asked for come last, missing before stale, most recently changed first.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .needs import Period, page_demand
from .staleness import State
from .translation_health import PAGE_KIND, HealthItem, translation_health

STALE_FULL_WEIGHT_DAYS = 60
STALE_START_WEIGHT = 0.5


@dataclass
class Priority:
    item: HealthItem
    requests: int
    fallbacks: int
    weight: float

    @property
    def score(self) -> float:
        return self.requests * self.weight


def staleness_weight(item: HealthItem, now: datetime.datetime) -> float:
    if item.state is State.MISSING:
        return 1.0
    if item.source_updated_at is None:
        return STALE_START_WEIGHT
    days = max(0.0, (now - item.source_updated_at) / datetime.timedelta(days=1))
    return STALE_START_WEIGHT + (1 - STALE_START_WEIGHT) * min(days, STALE_FULL_WEIGHT_DAYS) / STALE_FULL_WEIGHT_DAYS


def translate_next(locale: str, period: Period, *, items: list[HealthItem] | None = None) -> list[Priority]:
    """The pages to translate or update in `locale`, most urgent first."""
    if items is None:
        items = translation_health(locales=[locale]).items
    gaps = [item for item in items if item.kind == PAGE_KIND and item.locale == locale and item.state != State.CURRENT]
    demand = page_demand(period, locale, [item.translation_key for item in gaps])
    now = timezone.now()
    priorities = [
        Priority(item, *demand.get(item.translation_key, (0, 0)), weight=staleness_weight(item, now)) for item in gaps
    ]
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    priorities.sort(
        key=lambda p: (-p.score, -p.weight, -(p.item.source_updated_at or oldest).timestamp(), p.item.title)
    )
    return priorities
