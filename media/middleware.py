"""Reads never make renditions: every request outside the admin runs inside renditions_read_only().

A portal's GET (or a GraphQL query over POST), a feed, the newsletter's web view: what they show of an image is
what has been made already (when it was saved, by the release step, or by the background task a miss enqueues,
media/rendition_misses.py). Making one inside the request would be an INSERT and seconds of image decoding in a
reader's request, and a crawler could make the server resize images. The admin keeps making renditions as it
always did: editors' requests write anyway, and Wagtail's own views expect it.
"""

from django.urls import reverse

from media.renditions import renditions_read_only


class RenditionsReadOnlyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix: str | None = None

    def __call__(self, request):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        if request.path_info.startswith(self._admin_prefix):
            return self.get_response(request)
        with renditions_read_only():
            return self.get_response(request)
