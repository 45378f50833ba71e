"""How long a post is, counted the way each network counts it, and the limits editors see.

- Mastodon counts characters (code points) but every URL as 23, whatever its length (mentions would count only
  the user name; posts written here do not mention anyone).
- Telegram limits a message to 4096 and a photo caption to 1024 characters, counted in UTF-16 code units as its
  API does (an emoji outside the basic plane counts 2).
- Facebook Pages accept about 63,206 characters.
- The generic webhook has no limit of its own.

admin JS (static/distribution/js/post_counter.js) counts the same way; the server repeats the check on save.
"""

import re

from django.utils.translation import gettext as _

# Mastodon's own URL pattern is more elaborate; this matches what editors paste (an address with its scheme).
URL_PATTERN = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
MASTODON_URL_LENGTH = 23

LIMITS = {
    "mastodon": {"text": 500, "caption": 500},
    "telegram": {"text": 4096, "caption": 1024},
    "facebook": {"text": 63206, "caption": 63206},
}
COUNTING = {"mastodon": "mastodon", "telegram": "utf16", "facebook": "codepoints"}


def text_length(*, channel: str, text: str) -> int:
    counting = COUNTING.get(channel, "codepoints")
    if counting == "mastodon":
        return len(URL_PATTERN.sub("x" * MASTODON_URL_LENGTH, text))
    if counting == "utf16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def text_limit(*, channel: str, has_image: bool) -> int | None:
    limits = LIMITS.get(channel)
    if limits is None:
        return None
    return limits["caption" if has_image else "text"]


def post_errors(*, channel: str, text: str, has_image: bool) -> dict[str, list[str]]:
    """Field errors for a post variant; empty when it can go out as it is."""
    if not text.strip():
        return {"text": [_("Write the text of the post.")]}
    limit = text_limit(channel=channel, has_image=has_image)
    length = text_length(channel=channel, text=text)
    if limit is None or length <= limit:
        return {}
    if channel == "telegram" and has_image:
        message = _(
            "Telegram allows %(limit)s characters under a photo; this text has %(length)s. Shorten it by "
            "%(over)s, or remove the image to send a message of up to 4096."
        )
    elif channel == "mastodon":
        message = _(
            "Mastodon allows %(limit)s characters (each link counts as 23); this text counts %(length)s. "
            "Shorten it by %(over)s."
        )
    elif channel == "telegram":
        message = _("Telegram allows %(limit)s characters in a message; this text has %(length)s. Shorten it by "
                    "%(over)s.")
    else:
        message = _("Facebook allows %(limit)s characters; this text has %(length)s. Shorten it by %(over)s.")
    return {"text": [message % {"limit": limit, "length": length, "over": length - limit}]}
