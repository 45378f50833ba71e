"""The admin form of a post variant: the text box carries each network's limits for the live counter."""

import json

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .channels.limits import COUNTING, LIMITS, MASTODON_URL_LENGTH


class PostTextarea(forms.Textarea):
    """A textarea the counter script (post_counter.js) watches; the server checks the same limits on save."""

    def __init__(self, attrs=None):
        rules = {"limits": LIMITS, "counting": COUNTING, "urlLength": MASTODON_URL_LENGTH}
        super().__init__(attrs={"rows": 8, "data-post-counter": json.dumps(rules), **(attrs or {})})

    class Media:
        js = ["distribution/js/post_counter.js"]


class SocialPostForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "text" in self.fields:
            self.fields["text"].widget = PostTextarea()
