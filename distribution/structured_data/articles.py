"""NewsPage as schema.org `NewsArticle` (Google's: headline, image, datePublished; plus dateModified, publisher)."""

import datetime

from django.utils import timezone

from .common import compact, iso, publisher, web_page_base

HEADLINE_MAX = 110  # Google truncates longer headlines


def news_article(page, sources) -> dict:
    base = web_page_base(page, sources, "NewsArticle")
    published = page.first_published_at
    if page.date and (published is None or timezone.localtime(published).date() != page.date):
        published = timezone.make_aware(datetime.datetime.combine(page.date, datetime.time(9)))
    data = {
        **base,
        "headline": page.title[:HEADLINE_MAX],
        "datePublished": iso(published),
        "image": [base["image"]["url"]] if base.get("image") else None,
        "mainEntityOfPage": base["url"],
        "publisher": publisher(),
        "author": publisher(),
    }
    return compact(data)
