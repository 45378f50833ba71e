"""Email-safe line lengths for an edition's HTML and plain text, without changing what the reader sees.

RFC 5322 (2.1.1): a line MUST be at most 998 octets and SHOULD be at most 78. MJML and css-inline write the body
on one ~45 KB line; Django then encodes the part as quoted-printable for every single message (slow, and it would
hide the placeholders each message replaces, see messages.py). Broken once per edition, every message goes out as
8bit.

HTML is broken only where a line break means exactly what was there before:
- between the attributes of a tag (`<td align="left"⏎style="...">`), also inside Outlook's conditional comments;
- at a space in text, except inside <pre>/<textarea> or an element styled `white-space: pre*`: elsewhere a space
  and a newline both collapse to one space;
- where there is no such space within reach (Chinese has none) or whitespace is kept, inside an empty comment
  `<!--⏎-->`, which renders as nothing, between two CJK characters or after a space;
- inside <style> after a `;`, `{` or `}`.
Lines aim at 78 octets and break at a comment only past HARD_LIMIT. A line with no such place at all (a URL of
1,000 characters) stays long: messages.py notices and lets Django encode that edition's part as before.
"""

import re

SOFT_LIMIT = 78
# Well under 998: a line may still grow when each message puts its personal links in place of the placeholders.
HARD_LIMIT = 700

_ATOM, _SPACE, _COMMENT = 0, 1, 2

_TOKENS = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<raw><(?P<raw_name>style|script)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)"
    r"|(?P<tag></?[a-zA-Z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)"
    r"|(?P<markup><![^>]*>)"
    r"|(?P<text>[^<]+|<)",
    re.DOTALL | re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"(<!--\[if [^\]]*\]>)(.*?)(<!\[endif\]-->)", re.DOTALL)
_TAG_PARTS = re.compile(r"\"[^\"]*\"|'[^']*'|\s+|[^\s\"']+")
_TAG_NAME = re.compile(r"</?([a-zA-Z][^\s/>]*)")
_STYLE_ATTRIBUTE = re.compile(r"\sstyle=\"([^\"]*)\"", re.IGNORECASE)
_KEEPS_WHITESPACE = re.compile(r"white-space\s*:\s*(pre|pre-wrap|pre-line|break-spaces)\b", re.IGNORECASE)
_CSS_BREAK = re.compile(r"(?<=[;{}])([ \t]+)")
_WHITESPACE = re.compile(r"([ \t\r\n\f]+)")
# Ideographs, kana, hangul and full-width forms: no spaces between words, no shaping across characters.
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")

_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen"]
)
_PRESERVING = frozenset({"pre", "textarea", "listing", "xmp", "plaintext"})
_RCDATA = frozenset({"title", "textarea"})


def html_short_lines(html: str) -> str:
    """The same document, its lines broken where the break changes nothing (see the module docstring)."""
    return _fill(_html_pieces(html))


def text_short_lines(text: str) -> str:
    """Plain text: only a line longer than HARD_LIMIT is broken, at its last space (or between characters)."""
    lines = []
    for line in text.split("\n"):
        while len(line.encode()) > HARD_LIMIT:
            cut = _char_index_at(line, HARD_LIMIT)
            space = line.rfind(" ", 0, cut)
            head, line = (line[:space], line[space + 1:]) if space > 0 else (line[:cut], line[cut:])
            lines.append(head)
        lines.append(line)
    return "\n".join(lines)


def longest_line(value: str | bytes) -> int:
    data = value.encode() if isinstance(value, str) else value
    return max((len(line.rstrip(b"\r")) for line in data.split(b"\n")), default=0)


# --- Pieces: unbreakable atoms and the places where a line may break ---------------------------------------
def _html_pieces(html: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, keeps whitespace)
    lowered, position = html.lower(), 0
    while position < len(html):
        match = _TOKENS.match(html, position)
        position = match.end()
        if match["comment"]:
            _comment_pieces(match["comment"], pieces)
        elif match["raw"]:
            end = lowered.find(f"</{match['raw_name'].lower()}", position)
            end = len(html) if end < 0 else end
            _tag_pieces(match["raw"], pieces)
            content, position = html[match.end():end], end
            if match["raw_name"].lower() == "style":
                for index, part in enumerate(_CSS_BREAK.split(content)):
                    pieces.append((_SPACE, part) if index % 2 else (_ATOM, part))
            else:
                pieces.append((_ATOM, content))
        elif match["tag"]:
            _tag_pieces(match["tag"], pieces)
            _track(match["tag"], stack)
        elif match["markup"]:
            pieces.append((_ATOM, match["markup"]))
        else:
            inside = stack[-1][0] if stack else ""
            if inside in _RCDATA:
                pieces.append((_ATOM, match["text"]))
            else:
                _text_pieces(match["text"], pieces, keeps_whitespace=any(keeps for _name, keeps in stack))
    return pieces


def _comment_pieces(comment: str, pieces: list) -> None:
    conditional = _CONDITIONAL.fullmatch(comment)
    if conditional is None:
        pieces.append((_ATOM, comment))
        return
    # Outlook reads what is inside as HTML: its tags break like any other (its text is left alone).
    opening, body, closing = conditional.groups()
    pieces.append((_ATOM, opening))
    for match in _TOKENS.finditer(body):
        if match["tag"]:
            _tag_pieces(match["tag"], pieces)
        else:
            pieces.append((_ATOM, match[0]))
    pieces.append((_ATOM, closing))


def _tag_pieces(tag: str, pieces: list) -> None:
    for part in _TAG_PARTS.findall(tag):
        if part[0].isspace():
            pieces.append((_SPACE, part[0]))
            if len(part) > 1:
                pieces.append((_ATOM, part[1:]))
        else:
            pieces.append((_ATOM, part))


def _track(tag: str, stack: list) -> None:
    name = _TAG_NAME.match(tag)[1].lower()
    if tag.startswith("</"):
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][0] == name:
                del stack[index:]
                break
    elif name not in _VOID and not tag.endswith("/>"):
        style = _STYLE_ATTRIBUTE.search(tag)
        keeps = name in _PRESERVING or bool(style and _KEEPS_WHITESPACE.search(style[1]))
        stack.append((name, keeps))


def _text_pieces(text: str, pieces: list, *, keeps_whitespace: bool) -> None:
    for index, part in enumerate(_WHITESPACE.split(text)):
        if not part:
            continue
        if index % 2:  # whitespace
            if keeps_whitespace or "\n" in part:
                pieces.append((_ATOM, part))
                if keeps_whitespace:
                    pieces.append((_COMMENT, ""))
            else:
                pieces.append((_SPACE, part[0]))
                if len(part) > 1:
                    pieces.append((_ATOM, part[1:]))
            continue
        start = 0
        for offset in range(1, len(part)):
            if _CJK.match(part, offset - 1) and _CJK.match(part, offset):
                pieces.append((_ATOM, part[start:offset]))
                pieces.append((_COMMENT, ""))
                start = offset
        pieces.append((_ATOM, part[start:]))


# --- Filling lines ------------------------------------------------------------------------------------------
def _fill(pieces: list[tuple[int, str]]) -> str:
    out: list[str] = []
    column = 0  # octets on the current line
    space = comment = None  # the latest place on this line to break: (index in out, column there)
    for kind, value in pieces:
        if kind == _SPACE:
            space = (len(out), column)
            out.append(value)
            column += 1
            continue
        if kind == _COMMENT:
            comment = (len(out), column)
            out.append("")
            continue
        size = len(value.encode())
        if column + size > SOFT_LIMIT and space is not None:
            index, at = space
            out[index] = "\n"
            column -= at + 1
            comment = (comment[0], comment[1] - at - 1) if comment and comment[0] > index else None
            space = None
        if column + size > HARD_LIMIT and comment is not None:
            index, at = comment
            out[index] = "<!--\n-->"
            column -= at - 3
            space = (space[0], space[1] - at + 3) if space and space[0] > index else None
            comment = None
        out.append(value)
        if "\n" in value:
            column = len(value.rsplit("\n", 1)[1].encode())
            space = comment = None
        else:
            column += size
    return "".join(out)


def _char_index_at(line: str, limit: int) -> int:
    """The index of the last character that ends within `limit` octets of UTF-8."""
    return len(line.encode()[:limit].decode(errors="ignore"))
