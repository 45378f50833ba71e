"""Wagtail rich text for email: expanded links, absolute URLs, images that fit; and its plain-text twin."""

from bs4 import BeautifulSoup, NavigableString
from wagtail.rich_text import RichText, expand_db_html

from .links import public_url


def _expanded(value) -> str:
    source = value.source if isinstance(value, RichText) else str(value or "")
    # Page links resolve through Page.localized: called inside translation.override, they point at the page
    # in the edition's language when it exists, and at the portal (BasePage.get_url_parts).
    return expand_db_html(source)


def rich_text_html(value) -> str:
    soup = BeautifulSoup(_expanded(value), "html.parser")
    for link in soup.find_all("a", href=True):
        link["href"] = public_url(link["href"])
    for image in soup.find_all("img"):
        if image.get("src"):
            image["src"] = public_url(image["src"])
        image.attrs.pop("class", None)
        image["style"] = "max-width:100%;height:auto;display:block;"
        image.attrs.pop("width", None)
        image.attrs.pop("height", None)
        image.setdefault("alt", "")
    return str(soup)


TEXT_BLOCKS = ["p", "h2", "h3", "h4", "li"]


def rich_text_text(value) -> str:
    """Plain text with the same information: links become 'text <url>', list items '- item'."""
    soup = BeautifulSoup(_expanded(value), "html.parser")
    for link in soup.find_all("a", href=True):
        label = link.get_text(" ", strip=True)
        url = public_url(link["href"])
        link.replace_with(NavigableString(f"{label} <{url}>" if label and label != url else url))
    for image in soup.find_all("img"):
        image.replace_with(NavigableString(f"[{image['alt']}]" if image.get("alt") else ""))
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
