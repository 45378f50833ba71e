"""An issue rendered once per language edition, then personalised per recipient by replacing two links.

Rendering (blocks, teasers, renditions, MJML, CSS inlining) is the expensive part: a send renders each language
once and every message after that is two string replacements.
"""

import re
from dataclasses import dataclass

import css_inline
import mjml
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape

from cms.languages import ContentLanguage, get_content_language
from content_models.kernel.reader import ContentReader
from content_models.kernel.untranslated import untranslated_of, untranslated_stream

from . import blocks as _renderers  # noqa: F401 - registers the block renderers
from .context import RenderContext
from .lines import html_short_lines, text_short_lines
from .links import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER, PersonalLinks, web_view_url
from .registry import registry

# Remote stylesheets are never fetched (no network at send time, and fonts from third parties track readers).
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_at_rules=True)
# MJML adds <link> tags and @import rules for web fonts; we only use system fonts, so drop any that slip in.
_REMOTE_FONT_LINK = re.compile(r"<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*>", re.IGNORECASE)
_REMOTE_IMPORT = re.compile(r"@import\s+url\([^)]*\)\s*;?", re.IGNORECASE)


@dataclass(frozen=True)
class Edition:
    issue_id: int
    language: ContentLanguage
    subject: str
    html: str
    text: str
    web_url: str

    def personalise(self, links: PersonalLinks) -> tuple[str, str]:
        html = self.html.replace(UNSUBSCRIBE_PLACEHOLDER, escape(links.unsubscribe_url)).replace(
            PREFERENCES_PLACEHOLDER, escape(links.preferences_url)
        )
        text = self.text.replace(UNSUBSCRIBE_PLACEHOLDER, links.unsubscribe_url).replace(
            PREFERENCES_PLACEHOLDER, links.preferences_url
        )
        return html, text


def mjml_to_email_html(source: str) -> str:
    html = mjml.mjml2html(source, disable_comments=True, fonts={})
    html = _REMOTE_IMPORT.sub("", _REMOTE_FONT_LINK.sub("", html))
    return _INLINER.inline(html)


def render_edition(issue, *, reader: ContentReader | None = None) -> Edition:
    """Render one language edition (the issue instance in its own locale).

    `reader`: the content kernel's reader to judge other content with (a web view passes one at the content
    state it is cached under); by default, one reading as of now. Everything the issue points at is loaded into
    it first, in a fixed number of queries.
    """
    language = get_content_language(issue.locale.language_code)
    reader = reader or ContentReader()
    reader.prepare([issue], locale_id=issue.locale_id)
    context = RenderContext(language=language, locale=issue.locale, reader=reader)
    with translation.override(language.code):
        sections, texts = [], []
        for child in untranslated_stream(issue, "body"):  # strings still in Italian know it (lang_attrs)
            renderer = registry.renderer_for(child.block)
            sections.append(renderer.mjml(child.value, context))
            texts.append(renderer.text(child.value, context))
        template_context = {
            "language": language,
            "start": context.start,
            "subject": issue.subject,
            "subject_attrs": untranslated_of(issue).html_attrs("subject"),  # a subject still in Italian
            "preheader": issue.preheader,
            "sections": "".join(sections),
            "texts": [part for part in texts if part],
            "web_url": web_view_url(issue.translation_key, language.code),
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
            "preferences_url": PREFERENCES_PLACEHOLDER,
        }
        source = render_to_string("newsletter/email/issue.mjml", template_context)
        text = render_to_string("newsletter/email/issue.txt", template_context)
    return Edition(
        issue_id=issue.pk,
        language=language,
        subject=issue.subject,
        # Short lines, so that every message can go out as 8bit (see lines.py).
        html=html_short_lines(mjml_to_email_html(source)),
        text=text_short_lines(text.strip()) + "\n",
        web_url=template_context["web_url"],
    )
