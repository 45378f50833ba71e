"""The vocabulary the demo data is written in: references to other demo objects and StreamField blocks.

Data modules describe content with these; the build resolves references to database rows and turns blocks into
StreamField raw data (with stable block ids, so the same data always gives the same stream).
"""

from dataclasses import dataclass, field

from .text import Text


@dataclass(frozen=True)
class ImageRef:
    key: str


@dataclass(frozen=True)
class DocumentRef:
    key: str


@dataclass(frozen=True)
class PageRef:
    """An Italian page by its path under the home page, e.g. "servizi/corsi-di-italiano"."""

    path: str


@dataclass(frozen=True)
class FromToday:
    """A date (with a time, a Europe/Rome datetime) relative to the day the seed runs: events stay current."""

    days: int
    time: str = ""  # "HH:MM", local time in Italy


@dataclass(frozen=True)
class Block:
    type: str
    value: object


@dataclass(frozen=True)
class PageSpec:
    """One page: its slug under its parent and its field values (Text, references and blocks allowed)."""

    slug: str
    fields: dict = field(default_factory=dict)
    parent: str = ""  # path of another demo page under which it lives, e.g. an association's events

    @property
    def title(self) -> Text:
        return self.fields["title"]


def page(slug: str, *, parent: str = "", **fields) -> PageSpec:
    return PageSpec(slug=slug, fields=fields, parent=parent)


# --- Body blocks (content_models.blocks.BodyStreamBlock) ----------------------------------------------------


def heading(text: Text, level: str = "h2") -> Block:
    return Block("heading", {"text": text, "level": level})


def paragraph(html: Text) -> Block:
    return Block("paragraph", html)


def image(ref: ImageRef, *, caption: Text | str = "", alt_text: Text | str = "") -> Block:
    return Block("image", {"image": ref, "caption": caption, "alt_text": alt_text})


def call_to_action(
    label: Text, *, page: PageRef | None = None, url: str = "", description: Text | str = ""
) -> Block:
    return Block("call_to_action", {"label": label, "page": page, "url": url, "description": description})


def step(title: Text, description: Text | str = "") -> dict:
    return {"title": title, "description": description}


def steps(title: Text | str, items: list[dict]) -> Block:
    return Block("steps", {"title": title, "steps": items})


def faq(title: Text | str, items: list[tuple[Text, Text]]) -> Block:
    return Block("faq", {"title": title, "items": [{"question": q, "answer": a} for q, a in items]})


def contact(
    name: Text | str,
    *,
    role: Text | str = "",
    phone: str = "",
    email: str = "",
    url: str = "",
    notes: Text | str = "",
) -> Block:
    return Block(
        "contact", {"name": name, "role": role, "phone": phone, "email": email, "url": url, "notes": notes}
    )


def figure(label: Text, value: str, unit: Text | str = "", source: Text | str = "") -> dict:
    return {"label": label, "value": value, "unit": unit, "source": source}


def key_figures(title: Text | str, figures: list[dict]) -> Block:
    return Block("key_figures", {"title": title, "figures": figures})


def document(ref: DocumentRef, *, title: Text | str = "", description: Text | str = "") -> Block:
    return Block("document", {"document": ref, "title": title, "description": description})


def related_pages(title: Text | str, pages: list[PageRef]) -> Block:
    return Block("related_pages", {"title": title, "pages": pages})


def video(url: str, title: Text, transcript: Text | str = "") -> Block:
    return Block("video", {"url": url, "title": title, "transcript": transcript})


def quote(text: Text, attribution: Text | str = "") -> Block:
    return Block("quote", {"quote": text, "attribution": attribution})


def alert(level: str, title: Text, text: Text) -> Block:
    return Block("alert", {"level": level, "title": title, "text": text})


# --- Blocks of the single-purpose StreamFields --------------------------------------------------------------


def how_to_step(title: Text, description: Text | str = "") -> Block:
    """ServicePage.how_to_access."""
    return Block("step", step(title, description))


def opening_slot(weekday: str, opens: str, closes: str, *, by_appointment: bool = False) -> Block:
    """ServicePoint.opening_hours."""
    return Block(
        "slot", {"weekday": weekday, "opens": opens, "closes": closes, "by_appointment": by_appointment}
    )


def social_link(platform: str, url: str) -> Block:
    """AssociationPage.social_links."""
    return Block("link", {"platform": platform, "url": url})


def key_figure(label: Text, value: str, unit: Text | str = "", source: Text | str = "") -> Block:
    """InfographicPage.key_figures."""
    return Block("figure", figure(label, value, unit, source))
