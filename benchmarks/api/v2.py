"""Wagtail's REST API v2, set up to answer the benchmark's questions with the same fields GraphQL gives.

Only the benchmark's server mounts it (benchmarks.api.settings). What it serves as Wagtail ships it: rich text
through Wagtail's API rich text format, StreamFields in their native representation (images and pages as ids,
not expanded: GraphQL expands them, so on W1 GraphQL does more work per block than v2), renditions through
`ImageRenditionField` with the same filter specs as GraphQL's named renditions.
"""

from django.http import Http404
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField

from media.renditions import rendition_spec


class TopicsField(serializers.Field):
    """Topics as name and slug, as GraphQL's `topics { name slug }` (the default would be a list of ids)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return [{"name": topic.name, "slug": topic.slug} for topic in page.topics.all()]


def declare_api_fields() -> None:
    """Attach `api_fields` to the two page types the benchmark reads (content_models itself declares none)."""
    from content_models.models import EventPage, ServicePage

    ServicePage.api_fields = [
        APIField("summary"),
        # A list (django-multiselectfield): v3 would type the column as a string and answer 422 on every page.
        APIField("audiences", serializer=serializers.ListField(child=serializers.CharField())),
        APIField("audience_details"),
        APIField("what_you_need"),
        APIField("what_you_get"),
        APIField("is_free"),
        APIField("costs"),
        APIField("deadlines"),
        APIField("online_url"),
        APIField("channels"),
        APIField("how_to_access"),
        APIField("topics", serializer=TopicsField()),
        APIField("social_image_social", serializer=ImageRenditionField(rendition_spec("social"), source="social_image")),
        APIField("body"),
    ]
    EventPage.api_fields = [
        APIField("summary"),
        APIField("start"),
        APIField("end"),
        APIField("venue_name"),
        APIField("municipality"),
        APIField("card_image", serializer=ImageRenditionField(rendition_spec("card"), source="social_image")),
    ]


class BenchPagesAPIViewSet(PagesAPIViewSet):
    """`find` answers with the page itself instead of a 302 to its detail URL.

    A client of Wagtail's own `find` makes two requests; GraphQL's `page(path:)` is one. Serving the detail in
    the same request gives v2 the cheaper of the two ways, so W1 compares GraphQL with v2 at its best.
    """

    def find_view(self, request):
        page = self.find_object(self.get_queryset(), request)
        if page is None:
            raise Http404("not found")
        self.action = "detail_view"
        self.kwargs["pk"] = page.pk
        return self.detail_view(request, pk=page.pk)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", BenchPagesAPIViewSet)
