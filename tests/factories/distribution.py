"""Social post variants and national-portal marks. Posts need `page=`."""

import factory

from distribution.models import NationalPortalItem, SocialPost


class SocialPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SocialPost

    channel = "mastodon"
    text = factory.LazyAttribute(lambda post: f"{post.page.title}\n\n{post.page.get_full_url()}")


class NationalPortalItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalPortalItem
