"""The public web view of an issue ("View this email in your browser"): cached, and only once it has been sent.

A GET costs two queries (which editions are live, which revision, whether the issue has been sent; the content
state) and a cache read. The rendered page is cached per (edition, live revision, language, content state):
republishing an edition gives it a new live revision, hence a new key, so a stale rendering is never served
after a republish; unpublishing removes the edition from the query, so a cached rendering of it is never served
either. The content state is the content kernel's one generation: when a page the issue links to or shows is
unpublished, moved, restricted or expires (or a document becomes private), the next view renders again, so the
web view never keeps pointing at what is no longer public.
"""

from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.core.cache import cache

from content_models.kernel.generation import ContentState, content_state_read
from content_models.kernel.reader import ContentReader
from media.renditions import renditions_missed_here

from .models import Dispatch, NewsletterIssue
from .rendering import render_edition
from .rendering.links import anonymous_links

SENT = (Dispatch.Status.SENDING, Dispatch.Status.FINISHED)


@dataclass(frozen=True)
class WebViewEdition:
    issue_id: int
    revision_id: int | None
    language: str  # the language asked for (its portal gets the links), not necessarily the edition's

    def cache_key(self, state: ContentState) -> str:
        return f"newsletter:webview:{self.issue_id}:{self.revision_id}:{self.language}:{state.key}"


def web_view_edition(translation_key: UUID, language: str) -> WebViewEdition | None:
    """The live edition readers of `language` were sent (the Italian one if theirs is missing), or None.

    None unless the Italian issue is live and its sending has started: drafts, unpublished and scheduled issues
    are never shown.
    """
    if language not in dict(settings.LANGUAGES):
        return None
    rows = NewsletterIssue.objects.filter(translation_key=translation_key, live=True).values_list(
        "pk", "live_revision_id", "locale__language_code", "dispatch__status"
    )
    editions = {code: (pk, revision, status) for pk, revision, code, status in rows}
    source = editions.get(settings.LANGUAGE_CODE)
    if source is None or source[2] not in SENT:
        return None
    pk, revision, _status = editions.get(language) or source
    return WebViewEdition(issue_id=pk, revision_id=revision, language=language)


def web_view_html(edition: WebViewEdition) -> str | None:
    """The page, from the cache or rendered once; None if the edition changed since it was looked up."""
    state = content_state_read()
    key = edition.cache_key(state)
    html = cache.get(key)
    if html is None:
        # Re-checked here: it may have been unpublished or republished between the lookup and this render.
        issue = NewsletterIssue.objects.select_related("locale").filter(
            pk=edition.issue_id, live=True, live_revision_id=edition.revision_id
        ).first()
        if issue is None:
            return None
        html, _text = render_edition(issue, reader=ContentReader(state)).personalise(
            anonymous_links(edition.language)
        )
        if not renditions_missed_here():  # fallbacks for renditions being made: not kept
            cache.set(key, html, settings.NEWSLETTER_WEB_VIEW_CACHE_SECONDS)
    return html
