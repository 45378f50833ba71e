"""Pages that are not a service, an event, a news item or an association: `WebPage` and `CollectionPage`."""

from .common import compact, image_object, web_page_base


def collection_page(page, sources) -> dict:
    """A section's index page: the list of its pages lives on the portal."""
    return web_page_base(page, sources, "CollectionPage")


def web_page(page, sources) -> dict:
    return web_page_base(page, sources, "WebPage")


def infographic_page(page, sources) -> dict:
    base = web_page_base(page, sources, "WebPage")
    image = image_object(sources.main_image(page), sources)
    if image is not None:
        image["caption"] = page.alt_text
    return compact({
        **base,
        "primaryImageOfPage": image,
        "citation": page.data_source,
        "temporalCoverage": page.data_date.isoformat() if page.data_date else None,
    })
