"""ServicePage as schema.org `GovernmentService`."""

from content_models.choices import AUDIENCES

from .common import (
    area_served,
    compact,
    geo,
    languages,
    postal_address,
    publisher,
    topic_names,
    web_page_base,
)

AUDIENCE_LABELS = dict(AUDIENCES)


def service_point_place(point) -> dict:
    return compact({
        "@type": "Place",
        "name": point.name,
        "address": postal_address(street=point.address, locality=point.municipality, province=point.province,
                                  postcode=point.postcode),
        "geo": geo(point.latitude, point.longitude),
        "telephone": point.phone,
        "email": point.email,
        "url": point.website,
    })


def government_service(page, sources) -> dict:
    base = web_page_base(page, sources, "GovernmentService")
    points = sources.service_points(page)
    channels = [
        compact({
            "@type": "ServiceChannel",
            "name": point.name,
            "serviceLocation": service_point_place(point),
            "availableLanguage": languages(point.languages_spoken),
        })
        for point in points
    ]
    if page.online_url:
        channels.append({"@type": "ServiceChannel", "serviceUrl": page.online_url})
    data = {
        **base,
        "serviceType": topic_names(page, sources) or None,
        "provider": [publisher()] + [
            {"@type": "GovernmentOrganization", "name": point.name} for point in points
        ],
        "areaServed": area_served(page.provinces),
        "availableLanguage": languages(page.service_languages) or languages([sources.language_code(page)]),
        "audience": [{"@type": "Audience", "audienceType": str(AUDIENCE_LABELS[code])}
                     for code in page.audiences or () if code in AUDIENCE_LABELS],
        "availableChannel": channels,
        "isAccessibleForFree": page.is_free,
    }
    return compact(data)
