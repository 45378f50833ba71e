"""An edition as one HTML document, ready for WeasyPrint, and its fingerprint.

The fingerprint is the hash of everything that decides what is printed: the HTML (content, labels, the
stylesheet, the names and versions of the images) and the typesetting engine. Two dates are left out of it, the
print date and the last-updated date, because they change without the content changing: the HTML carries marks
in their place, filled in just before typesetting. An unchanged page thus keeps its edition, and that edition's
dates stay true (the content has not changed since).
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from importlib.metadata import version

from django.conf import settings as django_settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape

from cms.languages import ContentLanguage, get_content_language

from ..formats import Edition, PrintFormat
from . import labels
from .assets import Assets
from .bidi import isolate_ltr_runs, wrap_ltr_runs
from .context import RenderContext
from .qr import qr_svg
from .sections import PrintedSubject, Section, subject_build

# Bump when a change outside the HTML (fonts, typesetting options) must make every edition again.
LAYOUT_VERSION = "1"

PRINTED_ON_MARK = "\ue000"
UPDATED_MARK = "\ue001"


@dataclass(frozen=True)
class Paper:
    size: str
    margin: str
    base_size: str
    qr_size: str
    image_max_height: str
    main_image_max_height: str
    columns: int = 1


PAPERS = {
    PrintFormat.A4: Paper("A4", "13mm 14mm 15mm", "9.5pt", "30mm", "60mm", "75mm", columns=2),
    PrintFormat.A5: Paper("A5", "10mm 11mm 12mm", "8.6pt", "25mm", "70mm", "55mm"),
    PrintFormat.A3: Paper("A3", "16mm 18mm 18mm", "13pt", "58mm", "120mm", "120mm"),
}


@dataclass
class EditionDocument:
    html: str  # with the date marks
    assets: Assets
    title: str
    language: ContentLanguage
    fingerprint: str
    updated: datetime.datetime | None = None
    problems: list[str] = field(default_factory=list)

    def final_html(self, *, printed_on: datetime.date | None = None) -> str:
        """The HTML with the print date (today) and the last-updated date in place."""
        printed_on = printed_on or timezone.localdate()
        with translation.override(self.language.code):
            printed = _date_text(printed_on, self.language)
            updated = (
                _date_text(timezone.localtime(self.updated).date(), self.language) if self.updated else ""
            )
        return self.html.replace(PRINTED_ON_MARK, printed).replace(UPDATED_MARK, updated)


def _date_text(day: datetime.date, language: ContentLanguage) -> str:
    text = escape(date_format(day, "DATE_FORMAT"))
    if language.is_rtl:  # the marks sit inside right-to-left text, after the bidi pass: isolate digits here
        text = wrap_ltr_runs(text)
    return text


def _fingerprint(html: str) -> str:
    return hashlib.sha256(f"{LAYOUT_VERSION}\n{version('weasyprint')}\n{html}".encode()).hexdigest()


def _css(fmt: str, *, cover: bool = False) -> str:
    paper = PAPERS[PrintFormat(fmt)]
    return render_to_string(
        "printing/print.css",
        {
            "page_size": paper.size,
            "page_margin": paper.margin,
            "base_size": paper.base_size,
            "qr_size": paper.qr_size,
            "image_max_height": paper.image_max_height,
            "main_image_max_height": paper.main_image_max_height,
            "cover": cover,
            "columns": paper.columns,
        },
    )


def _qr(ctx: RenderContext, subject: PrintedSubject) -> dict | None:
    """The QR code to the page online; a help desk's leads to its place on the map."""
    url, caption = (subject.url, labels.READ_ONLINE) if subject.url else (subject.map_url, labels.MAP)
    if not url:
        return None
    alt = f"{caption}: {url}"
    return {
        "src": ctx.assets.add("qr.svg", qr_svg(url, title=alt)),
        "alt": alt,
        "caption": str(caption),
        "url": url,
    }


def _colophon(
    ctx: RenderContext,
    print_settings,
    *,
    languages: list[ContentLanguage],
    online_url: str,
    updated: datetime.datetime | None,
) -> dict:
    italian = get_content_language(django_settings.LANGUAGE_CODE)
    funding = []
    if print_settings.funding_line:
        funding.append({"text": print_settings.funding_line, "language": italian})
    for language in languages:
        if language.code != italian.code and (text := print_settings.funding_line_in(language.code)):
            funding.append({"text": text, "language": language})
    logos = []
    for child in print_settings.logos:
        image = ctx.content.image(child.value["image"].pk if child.value["image"] else None)
        src = ctx.assets.image_url(image) if image is not None else None
        if src:
            logos.append({"src": src, "alt": child.value["name"]})
    checks = []
    for language in languages:
        with translation.override(language.code):
            checks.append({"text": str(labels.CHECK_ONLINE), "language": language})
    with translation.override(ctx.code):
        printed_on = labels.PRINTED_ON % {"date": PRINTED_ON_MARK}
        last_updated = labels.LAST_UPDATED % {"date": UPDATED_MARK} if updated else ""
    return {
        "funding_lines": funding,
        "logos": logos,
        "checks": checks,
        "online_url": online_url,
        "printed_on": printed_on,
        "last_updated": last_updated,
    }


def _document(
    template: str, context: dict, ctx: RenderContext, *, title: str, updated: datetime.datetime | None
) -> "EditionDocument":
    html = isolate_ltr_runs(render_to_string(template, context))
    return EditionDocument(
        html=html,
        assets=ctx.assets,
        title=title,
        language=ctx.language,
        fingerprint=_fingerprint(html),
        updated=updated,
        problems=ctx.assets.problems,
    )


def pair_sections(left: list[Section], right: list[Section]) -> list[tuple[Section | None, Section | None]]:
    """Sections of two languages side by side, paired by key in the order of the first; unpaired ones alone."""
    by_key = {section.key: section for section in right}
    rows = [(section, by_key.pop(section.key, None)) for section in left]
    return rows + [(None, section) for section in right if section.key in by_key]


def subject_document(obj, edition: Edition, ctx: RenderContext, print_settings, *, italian_obj=None):
    """One page translation (or help desk) in one format; bilingual editions also need the Italian original."""
    language = ctx.language
    with translation.override(language.code):
        subject = subject_build(obj, ctx)
        qr = _qr(ctx, subject)
    context = {
        "language": language,
        "settings": print_settings,
        "subject": subject,
        "qr": qr,
        "anchor": "top",
        "document_title": f"{subject.title} – {subject.kind}",
        "description": subject.summary,
    }
    if edition.bilingual:
        italian_language = get_content_language(django_settings.LANGUAGE_CODE)
        italian_ctx = RenderContext(ctx.content, italian_language, assets=ctx.assets)
        with translation.override(italian_language.code):
            italian = subject_build(italian_obj, italian_ctx)
        updated = max(filter(None, [subject.updated, italian.updated]), default=None)
        context |= {
            "root_direction": "ltr",
            "italian": italian,
            "reader": subject,
            "italian_language": italian_language,
            "rows": pair_sections(italian.sections, subject.sections),
            "document_title": f"{italian.title} / {subject.title}",
            "subject": PrintedSubject(kind=f"{italian.kind} · {subject.kind}", title=subject.title),
            "css": _css(edition.format),
            **_colophon(
                ctx,
                print_settings,
                languages=[italian_language, language],
                online_url=subject.url,
                updated=updated,
            ),
        }
        template = "printing/bilingual.html"
    else:
        updated = subject.updated
        context |= {
            "css": _css(edition.format),
            **_colophon(
                ctx, print_settings, languages=[language], online_url=subject.url or "", updated=updated
            ),
        }
        template = "printing/poster.html" if edition.format == PrintFormat.A3 else "printing/leaflet.html"
    return _document(template, context, ctx, title=context["document_title"], updated=updated)


@dataclass
class Chapter:
    subject: PrintedSubject
    language: ContentLanguage
    anchor: str
    qr: dict | None
    notice: str = ""


def booklet_document(
    items,
    *,
    language: ContentLanguage,
    fmt: str,
    ctx: RenderContext,
    print_settings,
    title: str,
    subtitle: str,
):
    """A desk booklet: cover, contents, then each item (obj, its language) as a chapter with its own QR code.

    When the first item is a help desk (a booklet of its services), the service chapters do not repeat it.
    """
    chapters = []
    points = frozenset(obj.translation_key for obj, _language in items if not hasattr(obj, "url_path"))
    for number, (obj, item_language) in enumerate(items, start=1):
        item_ctx = RenderContext(ctx.content, item_language, assets=ctx.assets, points_printed=points)
        with translation.override(item_language.code):
            subject = subject_build(obj, item_ctx)
            qr = _qr(item_ctx, subject)
        notice = ""
        if item_language.code != language.code:
            with translation.override(language.code):
                notice = str(labels.NOT_TRANSLATED)
        chapters.append(Chapter(subject, item_language, f"chapter-{number}", qr, notice))
    updated = max((chapter.subject.updated for chapter in chapters if chapter.subject.updated), default=None)
    with translation.override(language.code):
        contents_label = str(labels.CONTENTS)
    context = {
        "language": language,
        "settings": print_settings,
        "chapters": chapters,
        "booklet_title": title,
        "booklet_subtitle": subtitle,
        "contents_label": contents_label,
        "document_title": title,
        "description": subtitle,
        "css": _css(fmt, cover=True),
        **_colophon(ctx, print_settings, languages=[language], online_url="", updated=updated),
    }
    return _document("printing/booklet.html", context, ctx, title=title, updated=updated)
