"""Wagtail rich text for email: the content kernel's portal HTML, made to fit email clients; and its plain-text twin.

The kernel decides what a rich text links to (a page that is not public, a document of a private collection: the
text stays, the address goes) and renders embedded images; here only the look changes: absolute URLs on this
server, images that never overflow the column.
"""

from bs4 import BeautifulSoup, NavigableString

from content_models.kernel.richtext import richtext_html

from .context import RenderContext
from .links import public_url


def _portal_html(value, ctx: RenderContext) -> str:
    return richtext_html(value, ctx.reader, locale_id=ctx.locale.pk, media_url=public_url)


def rich_text_html(value, ctx: RenderContext) -> str:
    soup = BeautifulSoup(_portal_html(value, ctx), "html.parser")
    for link in soup.find_all("a", href=True):
        link["href"] = public_url(link["href"])
    for image in soup.find_all("img"):
        image.attrs.pop("class", None)
        image.attrs.pop("width", None)
        image.attrs.pop("height", None)
        image["style"] = "max-width:100%;height:auto;display:block;"
        if not image.get("alt"):
            image["alt"] = ""  # decorative: screen readers skip it
    return str(soup)


TEXT_BLOCKS = ["p", "h2", "h3", "h4", "li"]


def rich_text_text(value, ctx: RenderContext) -> str:
    """Plain text with the same information: links become 'text <url>', list items '- item'."""
    soup = BeautifulSoup(_portal_html(value, ctx), "html.parser")
    for link in soup.find_all("a", href=True):
        label = link.get_text(" ", strip=True)
        url = public_url(link["href"])
        link.replace_with(NavigableString(f"{label} <{url}>" if label and label != url else url))
    for image in soup.find_all("img"):
        alt = NavigableString(f"[{image['alt']}]" if image.get("alt") else "")
        if image.find_parent(TEXT_BLOCKS) is None and alt:  # an image between paragraphs: a line of its own
            line = soup.new_tag("p")
            line.append(alt)
            alt = line
        image.replace_with(alt)
    for item in soup.find_all("li"):
        item.insert(0, NavigableString("- "))
    output, previous = "", None
    for element in soup.find_all(TEXT_BLOCKS + ["hr"]):
        if element.name == "hr":
            output, previous = output + "\n\n----", "hr"
            continue
        if element.name == "p" and element.find_parent("li"):
            continue  # its list item already carries the text
        text = " ".join(element.get_text(" ").split())
        if text:
            separator = "\n" if element.name == previous == "li" else "\n\n"
            output += (separator if output else "") + text
            previous = element.name
    return output.strip() or " ".join(soup.get_text(" ").split())
