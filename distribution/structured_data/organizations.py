"""AssociationPage as schema.org `Organization`."""

from content_models.kernel.presentation import page_summary

from .common import area_served, compact, image_object, languages, postal_address


def organization(page, sources) -> dict:
    url = sources.page_url(page)
    social = [
        child["value"].get("url") for child in (page.social_links.raw_data if page.social_links else [])
        if isinstance(child.get("value"), dict) and child["value"].get("url")
    ]
    logo = image_object(sources.main_image(page), sources)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": url,
        "url": url,
        "name": page.title,
        "description": page_summary(page),
        "logo": logo,
        "image": logo,
        "address": postal_address(street=page.address, locality=page.municipality, province=page.province),
        "email": page.email,
        "telephone": page.phone,
        "sameAs": [link for link in [page.website, *social] if link],
        "areaServed": area_served([page.province] if page.province else []),
        "knowsLanguage": languages(page.languages_spoken),
        "knowsAbout": [topic.name for topic in sources.topics(page)],
        "subjectOf": {"@type": "WebPage", "url": url, "inLanguage": sources.language_code(page)},
    }
    return compact(data)
