"""Numbers, phone numbers, dates, addresses and Latin names inside right-to-left text, kept readable.

The Unicode bidirectional algorithm lays out each number of "+39 010 123 4567" on its own inside Arabic text, so
the groups come out in reverse order; a Latin name next to a number may swap places with it. Browsers isolate
such runs with <bdi>, but WeasyPrint does not isolate on <bdi> alone: an element with dir="ltr" is what keeps a
run in order there. This pass wraps every left-to-right run of a right-to-left element in <span dir="ltr">.
"""

import re

from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment

_LATIN = "0-9A-Za-z\u00c0-\u024f"
# A run starts with a Latin letter or a digit (or a +), may go on through spaces and the punctuation of phone
# numbers, dates, times, addresses and e-mail addresses, and ends on a letter, a digit, % or €: a full stop or
# comma after it belongs to the surrounding sentence.
LTR_RUN = re.compile(rf"\+?[{_LATIN}](?:[{_LATIN} \-+/.:@_&'’,()%€·–—]*[{_LATIN}%€])?")
SKIPPED = {"style", "script", "title", "svg"}


def ltr_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each left-to-right run; a run that opened a parenthesis takes its closing one too,
    "La Spezia (SP)", so the pair is not split between two directions."""
    runs = []
    for match in LTR_RUN.finditer(text):
        end = match.end()
        if match.group().count("(") > match.group().count(")") and text[end : end + 1] == ")":
            end += 1
        runs.append((match.start(), end))
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


def isolate_ltr_runs(html: str) -> str:
    """`html` with every left-to-right run inside a dir="rtl" element wrapped in <span dir="ltr">."""
    if 'dir="rtl"' not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for text in list(soup.find_all(string=True)):
        if isinstance(text, Comment) or not LTR_RUN.search(text) or _direction(text) != "rtl":
            continue
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
    return str(soup)
