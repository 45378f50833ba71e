"""Numbers, phone numbers, dates, addresses and Latin names inside right-to-left text, kept readable.

The Unicode bidirectional algorithm lays out each number of "+39 010 123 4567" on its own inside Arabic text,
so the groups come out in reverse order; a Latin name next to a number may swap places with it. Browsers
isolate such runs with <bdi>, but WeasyPrint does not isolate on <bdi> alone: it sets the inline boxes of a
right-to-left line in reverse order and lays out the text of each box in that box's direction, so an element
with dir="ltr" is what keeps a run in order there. This pass wraps every left-to-right run of a right-to-left
element in <span dir="ltr">, over the whole edition's HTML (rich text included).

A run is taken as an editor writes it, not always with plain spaces: rich text pasted from a web page or a
word processor keeps its no-break spaces ("+39&nbsp;010&nbsp;123&nbsp;4567", "10&nbsp;€"); split there, each
group would be a run of its own and the groups would again come out in reverse order. A run may also cross
inline markup ("<b>+39</b> 010 123 4567", a link on part of it): its pieces, each wrapped, are wrapped
together.
"""

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment

# Arabic-Indic digits (U+0660-0669) are left out: the bidirectional algorithm counts them as Arabic, and sets
# groups of them separated by spaces right to left even inside a left-to-right span, as browsers do.
_LATIN = "0-9A-Za-z\u00c0-\u024f"
# Inside a run: spaces, no-break spaces included (U+00A0; figure, thin and narrow no-break spaces), and the
# punctuation of phone numbers, dates, times, amounts, addresses and e-mail addresses.
_INSIDE = " \u00a0\u2007\u2009\u202f\\-+/.:@_&'’,()%€·–—"
# A run starts with a letter or a digit (or a +), and ends on a letter, a digit, % or €: a full stop or comma
# after it belongs to the surrounding sentence.
LTR_RUN = re.compile(rf"\+?[{_LATIN}](?:[{_LATIN}{_INSIDE}]*[{_LATIN}%€])?")
SKIPPED = {"style", "script", "title", "svg"}
# Elements that stay inside a line: a run may cross them.
INLINE = frozenset("a abbr b bdi cite code em i mark q s small span strong sub sup time u".split())


def ltr_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each left-to-right run; a run that opened a parenthesis takes its closing one too,
    "La Spezia (SP)", and one that closes a parenthesis takes its opening one, "(+39) 010 123 4567", so the
    pair is not split between two directions."""
    runs = []
    for match in LTR_RUN.finditer(text):
        start, end = match.span()
        opened = match.group().count("(") - match.group().count(")")
        if opened > 0 and text[end : end + 1] == ")":
            end += 1
        elif opened < 0 and start > 0 and text[start - 1] == "(":
            start -= 1
        runs.append((start, end))
    return runs


def wrap_ltr_runs(text: str) -> str:
    """Plain (already escaped) text with its left-to-right runs in <span dir="ltr">: for text added after the
    document-wide pass."""
    out, position = [], 0
    for start, end in ltr_runs(text):
        out.append(text[position:start] + f'<span dir="ltr">{text[start:end]}</span>')
        position = end
    return "".join(out) + text[position:]


def _direction(node) -> str:
    for parent in node.parents:
        if parent.name in SKIPPED:
            return "skip"
        direction = parent.get("dir") if hasattr(parent, "get") else None
        if direction in {"ltr", "rtl"}:
            return direction
    return "ltr"


def _wrap_text(soup, text: NavigableString) -> None:
    pieces, position = [], 0
    for start, end in ltr_runs(text):
        if start > position:
            pieces.append(NavigableString(text[position:start]))
        span = soup.new_tag("span", attrs={"dir": "ltr"})
        span.string = text[start:end]
        pieces.append(span)
        position = end
    if position < len(text):
        pieces.append(NavigableString(text[position:]))
    text.replace_with(*pieces)


def _left_to_right(node) -> bool | None:
    """True for a node that is all left to right (an ltr span, or inline markup holding only such spans), None
    for white space, False for anything else (right-to-left text, a line break, a block)."""
    if isinstance(node, NavigableString):
        return None if not node.strip() else False
    if not isinstance(node, Tag) or node.name not in INLINE:
        return False
    if node.get("dir") == "ltr":
        return True
    inside = [_left_to_right(child) for child in node.children]
    return True in inside and False not in inside


def _join_split_runs(soup, element: Tag) -> None:
    """Neighbouring left-to-right pieces of one run split by markup, "<b>+39</b> 010 123 4567", in one span:
    each piece alone keeps its own order, but the pieces would still be set right to left."""
    group: list = []

    def close():
        while group and _left_to_right(group[-1]) is None:  # trailing white space stays outside
            group.pop()
        if sum(1 for node in group if _left_to_right(node)) > 1:
            span = soup.new_tag("span", attrs={"dir": "ltr"})
            group[0].insert_before(span)
            for node in group:
                span.append(node.extract())
        group.clear()

    for child in list(element.children):
        kind = _left_to_right(child)
        if kind is False:
            close()
        elif kind is True or group:  # white space only between two pieces
            group.append(child)
    close()


def isolate_ltr_runs(html: str) -> str:
    """`html` with every left-to-right run inside a dir="rtl" element wrapped in <span dir="ltr">."""
    if 'dir="rtl"' not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    blocks = {}  # the block elements around wrapped runs, where pieces of one run split by markup may meet
    for text in list(soup.find_all(string=True)):
        if isinstance(text, Comment) or not LTR_RUN.search(text) or _direction(text) != "rtl":
            continue
        block = next(parent for parent in text.parents if parent.name not in INLINE)
        blocks[id(block)] = block
        _wrap_text(soup, text)
    for block in blocks.values():
        _join_split_runs(soup, block)
    return str(soup)
