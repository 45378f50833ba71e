"""Before a workload is timed, every side must have answered the same question with the same data.

Each side's answers are reduced to what all four can give (a digest) and compared with ours; a difference stops
the run, so no figure ever compares unequal work. What is compared:
- W1: the page's title, its topics, and each block in order: its type, its text (a heading's text, a paragraph's
  text without tags, a step list's or an FAQ's title...) and the texts of its items (steps, questions, figures);
  for related pages, how many (the REST APIs give page ids there, not titles).
- W2: each event in order: title, start (as an instant: the sides format it differently), and its card rendition's
  width and height.
- W3: how many hits, and their titles.
URLs are not compared: the project serves portal URLs, the others Wagtail's own (null or the admin's host on a
headless site). Pure functions over parsed JSON, no Django.
"""

import datetime
import html
import json
import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# The first of these a block's value has is its text.
_TEXT_FIELDS = ("text", "title", "label", "caption", "quote", "name")
_ITEM_LISTS = ("steps", "items", "figures", "pages")


def plain(value: str | None) -> str:
    """Text without tags, entities decoded, whitespace collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", value or ""))).strip()


def _item_text(item) -> str | None:
    if isinstance(item, dict):
        item = item.get("value", item) if "type" in item and "value" in item else item
    if isinstance(item, dict):
        return next((plain(str(item[key])) for key in (*_TEXT_FIELDS, "question") if item.get(key)), None)
    return None  # a page id (REST APIs)


def block(kind: str, value) -> dict:
    """A block of any side: `kind` its name in the stream, `value` its fields (or a rich text's HTML)."""
    if isinstance(value, str):
        return {"type": kind, "text": plain(value)}
    text = next((plain(str(value[key])) for key in _TEXT_FIELDS if value.get(key)), "")
    digest = {"type": kind, "text": text}
    for key in _ITEM_LISTS:
        if isinstance(value.get(key), list):
            items = value[key]
            digest["items"] = len(items)
            if key != "pages":
                digest["item_texts"] = [_item_text(item) for item in items]
    return digest


def _instant(value: str) -> str:
    return datetime.datetime.fromisoformat(value).astimezone(datetime.UTC).isoformat()


# --- W1 -----------------------------------------------------------------------------------------------------
def _page(title, topics, blocks) -> dict:
    return {"title": title, "topics": sorted(topic["name"] for topic in topics), "blocks": blocks}


_GRAPHQL_VALUE = {"paragraph": "html"}  # ours: a paragraph's HTML is `html`
_GRAPPLE_VALUE = {"paragraph": "value"}  # grapple: a RichTextBlock's `value`


def page_graphql(body: bytes) -> dict:
    page = json.loads(body)["data"]["page"]
    return _page(page["title"], page["topics"], [
        block(item["blockType"], item[_GRAPHQL_VALUE[item["blockType"]]] if item["blockType"] in _GRAPHQL_VALUE else item)
        for item in page["body"]
    ])


def page_grapple(body: bytes) -> dict:
    page = json.loads(body)["data"]["page"]
    blocks = []
    for item in page["body"]:
        if "alertText" in item:  # aliased in the query (grapple_queries.py): an alert's rich `text`
            item = {**item, "text": item.pop("alertText")}
        blocks.append(block(item["field"], item[_GRAPPLE_VALUE[item["field"]]] if item["field"] in _GRAPPLE_VALUE else item))
    return _page(page["title"], page["topics"], blocks)


def page_rest(body: bytes) -> dict:
    """v2 and v3: the page's detail, StreamField in its stored form."""
    page = json.loads(body)
    return _page(page["title"], page["topics"], [block(item["type"], item["value"]) for item in page["body"]])


# --- W2 -----------------------------------------------------------------------------------------------------
def _event(title: str, start: str, card: dict | None) -> dict:
    return {"title": title, "start": _instant(start), "card": [card["width"], card["height"]] if card else None}


def events_graphql(body: bytes) -> list[dict]:
    nodes = [edge["node"] for edge in json.loads(body)["data"]["events"]["edges"]]
    return [_event(node["title"], node["start"], ((node["seo"] or {}).get("image") or {}).get("rendition"))
            for node in nodes]


def events_grapple(body: bytes) -> list[dict]:
    return [_event(node["title"], node["start"], (node["socialImage"] or {}).get("rendition"))
            for node in json.loads(body)["data"]["events"]]


def events_v2(body: bytes) -> list[dict]:
    return [_event(item["title"], item["start"], item["card_image"]) for item in json.loads(body)["items"]]


def events_v3(bodies: list[bytes]) -> list[dict]:
    """The listing, then one detail per event (benchmarks.api.v3)."""
    details = [json.loads(body) for body in bodies[1:]]
    listed = [item["id"] for item in json.loads(bodies[0])["items"]]
    if [detail["id"] for detail in details] != listed:
        raise ValueError("v3: the details do not follow the listing")
    return [_event(item["title"], item["start"], item["card_image"]) for item in details]


# --- W3 -----------------------------------------------------------------------------------------------------
def search_graphql(body: bytes) -> list[str]:
    return [edge["node"]["title"] for edge in json.loads(body)["data"]["search"]["edges"]]


def search_grapple(body: bytes) -> list[str]:
    return [page["title"] for page in json.loads(body)["data"]["pages"]]


def search_rest(body: bytes) -> list[str]:
    return [item["title"] for item in json.loads(body)["items"]]


DIGESTS = {
    "W1": {"graphql": page_graphql, "grapple": page_grapple, "v2": page_rest, "v3": lambda bodies: page_rest(bodies[-1])},
    "W2": {"graphql": events_graphql, "grapple": events_grapple, "v2": events_v2, "v3": events_v3},
    "W3": {"graphql": search_graphql, "grapple": search_grapple, "v2": search_rest, "v3": lambda bodies: search_rest(bodies[0])},
}
MULTI_REQUEST_SIDES = {"v3"}  # their digest reads every response of the sequence


def digest(workload: str, side: str, bodies: list[bytes]):
    function = DIGESTS[workload][side]
    return function(bodies) if side in MULTI_REQUEST_SIDES else function(bodies[0])


def _search_key(titles: list[str]):
    # Hits of equal rank may come in any order: the same set of titles, as many, is the same answer.
    return sorted(titles)


def differences(workload: str, ours, theirs) -> list[str]:
    """What differs between our digest and another side's (empty: the same data)."""
    if workload == "W3":
        ours, theirs = _search_key(ours), _search_key(theirs)
    if ours == theirs:
        return []
    if isinstance(ours, dict) and isinstance(theirs, dict):
        found = [f"{key}: {ours.get(key)!r} != {theirs.get(key)!r}" for key in ("title", "topics") if ours.get(key) != theirs.get(key)]
        for index, (a, b) in enumerate(zip(ours["blocks"], theirs["blocks"], strict=False)):
            if a != b:
                found.append(f"block {index}: {a} != {b}")
        if len(ours["blocks"]) != len(theirs["blocks"]):
            found.append(f"{len(ours['blocks'])} blocks != {len(theirs['blocks'])}")
        return found
    found = [f"{len(ours)} items != {len(theirs)}"] if len(ours) != len(theirs) else []
    found += [f"item {index}: {a} != {b}" for index, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b]
    return found[:10]
