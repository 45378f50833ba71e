"""Short lines for email: the HTML a reader's client builds is the same before and after the breaks."""

import re

import pytest
from bs4 import BeautifulSoup, Comment

from newsletter.rendering import render_edition
from newsletter.rendering.lines import (
    HARD_LIMIT,
    SOFT_LIMIT,
    html_short_lines,
    longest_line,
    text_short_lines,
)

from .conftest import publish_issue


def document_shape(html: str) -> list:
    """Elements with their exact attributes, comments with content, and text with whitespace collapsed.

    Text inside <pre> is kept exactly: there a newline is not a space. Outlook's conditional comments hold HTML:
    their content is compared the same way.
    """
    shape = []
    for node in BeautifulSoup(html, "html.parser").descendants:
        if isinstance(node, Comment):
            if node.startswith("[if ") and "]>" in node:  # Outlook's conditional comment: HTML inside
                condition, inner = node.split("]>", 1)
                shape.append(("conditional", condition, document_shape(inner)))
            elif node.strip():  # the empty comments that hold a line break render as nothing
                shape.append(("comment", node))
        elif isinstance(node, str):
            keeps = node.find_parent("pre") is not None
            text = str(node) if keeps else " ".join(node.split())
            if shape and shape[-1][0] == "text":  # adjacent text nodes (split by a comment) read as one
                text = shape.pop()[1] + ("" if keeps else " ") + text
            if text.strip() or keeps:
                shape.append(("text", text if keeps else text.strip()))
        else:
            shape.append(("element", node.name, sorted(node.attrs.items())))
    return shape


def text_outside_tags(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


def lines_of(html: str) -> list[int]:
    return [len(line.encode()) for line in html.split("\n")]


@pytest.mark.django_db
def test_an_edition_is_broken_into_short_lines_and_reads_the_same(monkeypatch):
    from newsletter.rendering import edition as edition_module

    written = []  # what MJML and css-inline wrote, before the breaks
    monkeypatch.setattr(edition_module, "html_short_lines", lambda html: written.append(html) or html_short_lines(html))
    paragraph = "<p>" + " ".join(["I corsi di italiano ripartono a settembre in tutta la Liguria."] * 40) + "</p>"
    edition = render_edition(publish_issue(body=[("paragraph", paragraph)]))

    assert max(lines_of(written[0])) > 998  # the reason for all this
    assert max(lines_of(edition.html)) <= HARD_LIMIT
    assert sorted(lines_of(edition.html))[len(lines_of(edition.html)) // 2] <= SOFT_LIMIT  # most lines: 78 or less
    assert document_shape(edition.html) == document_shape(written[0])
    assert longest_line(edition.text) <= HARD_LIMIT


def test_breaks_fall_between_attributes_and_at_spaces_never_inside_a_value():
    html = ('<div style="font-family:Arial, Tahoma, Helvetica, sans-serif;font-size:16px;line-height:1.5" '
            'title="un titolo con spazi che non si tocca" lang="it">' + "parola " * 60 + "</div>")

    broken = html_short_lines(html)

    assert max(lines_of(broken)) <= SOFT_LIMIT + 60  # a value longer than 78 octets stays whole
    assert 'title="un titolo con spazi che non si tocca"' in broken
    assert 'style="font-family:Arial, Tahoma, Helvetica, sans-serif;font-size:16px;line-height:1.5"' in broken
    assert document_shape(broken) == document_shape(html)


def test_preformatted_text_and_chinese_break_inside_empty_comments():
    pre = "<pre>" + "riga  con   spazi " * 60 + "</pre>"
    chinese = "<p>" + "意大利语课程九月在利古里亚大区重新开始。" * 40 + "</p>"
    styled = '<p style="white-space: pre-wrap">' + "a  b " * 300 + "</p>"

    for html in (pre, chinese, styled):
        broken = html_short_lines(html)
        assert max(lines_of(broken)) <= HARD_LIMIT + len("<!--")
        assert "<!--\n-->" in broken
        # Not one character of text changed: no space became a newline, the breaks are in comments (or tags).
        assert text_outside_tags(broken.replace("<!--\n-->", "")) == text_outside_tags(html)


def test_style_and_conditional_comments_keep_their_meaning():
    html = ("<head><style>" + " ".join(f".c{n} {{ width:100% !important; }}" for n in range(30)) + "</style></head>"
            '<!--[if mso | IE]><table border="0" cellpadding="0" cellspacing="0" role="presentation" align="center" '
            'width="600" style="width:600px;"><tr><td style="line-height:0px;font-size:0px;"><![endif]-->')

    broken = html_short_lines(html)

    assert max(lines_of(broken)) <= SOFT_LIMIT
    assert broken.startswith("<head><style>") and "<!--[if mso | IE]><table" in broken
    assert broken.replace("\n", " ") == html  # only spaces became newlines: CSS and Outlook's HTML read the same


def test_plain_text_breaks_only_lines_too_long_for_email():
    short = "Una riga normale.\n\n- uno\n- due"
    long_line = "parola " * 200
    chinese = "意大利语课程" * 200

    assert text_short_lines(short) == short
    assert longest_line(text_short_lines(long_line)) <= HARD_LIMIT
    assert text_short_lines(long_line).replace("\n", " ") == long_line
    assert text_short_lines(chinese).replace("\n", "") == chinese and longest_line(text_short_lines(chinese)) <= HARD_LIMIT
