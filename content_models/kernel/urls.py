"""A page's address on the portal: its path inside its locale's tree, and its absolute URL in that locale.

Headless: pages are read on the portal, never on this server. Every locale's home page is a child of the tree
root, so the first segment of a Wagtail `url_path` is the home page's slug, which the portal does not show
(`/home/servizi/corsi/` is `/servizi/corsi/`). No query: the caller knows the page's language.
"""

from django.conf import settings


def portal_path(url_path: str) -> str:
    """`/servizi/corsi/` for the url_path `/home/servizi/corsi/`; the home page itself is `/`."""
    segments = url_path.strip("/").split("/")
    return "/" + "".join(f"{segment}/" for segment in segments[1:])


def portal_base_url(language_code: str) -> str:
    """The portal's address for a language (PORTAL_BASE_URLS, from PORTAL_BASE_URL), without a trailing slash."""
    return settings.PORTAL_BASE_URLS.get(language_code, "").rstrip("/")


def portal_url(url_path: str, language_code: str) -> str:
    """The absolute portal URL of the page with this url_path, in its language."""
    return portal_base_url(language_code) + portal_path(url_path)


def page_portal_url(page) -> str:
    """The portal URL of one page in memory (reads its locale; readers of many pages use ContentReader.page_url)."""
    return portal_url(page.url_path, page.locale.language_code)
