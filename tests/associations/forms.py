"""POST data for the admin's page forms, as the browser sends it."""

import uuid

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def association_page_data(page, **changes):
    # Multi-value fields stay lists: nested_form_data would flatten them into "name-0", "name-1".
    areas = changes.pop("areas_of_activity", None) or list(page.areas_of_activity) or ["culture"]
    fields = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary or "Un'associazione di volontari.",
        "description": rich_text(page.description or "<p>Chi siamo.</p>"),
        "body": streamfield([]),
        "social_links": streamfield([]),
        "municipality": page.municipality or "Genova",
        "province": page.province or "GE",
        "comments": inline_formset([]),
        **changes,
    }
    return {**nested_form_data(fields), "areas_of_activity": areas}


def event_page_data(**changes):
    return nested_form_data(
        {
            "title": "Festa di quartiere",
            "slug": "festa-di-quartiere",
            "summary": "Musica e cucina dal mondo.",
            "start": "2031-06-01 18:00",
            "venue_name": "Giardini Luzzati",
            "municipality": "Genova",
            "province": "GE",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **changes,
        }
    )


def list_block(values):
    """A ListBlock's form data (nested under its block's value), as the admin's list widget posts it."""
    data = {str(index): {"value": value, "deleted": "", "order": str(index), "id": str(uuid.uuid4())}
            for index, value in enumerate(values)}
    data["count"] = str(len(values))
    return data
