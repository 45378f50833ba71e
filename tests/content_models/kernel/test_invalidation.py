"""The one list of signals: every write that changes published content bumps the one content generation, in the
writer's transaction; saving a draft does not. Caches keyed on it (the API's, the feeds', the newsletter's web view)
are tested in their packages and across processes (test_two_processes.py)."""

import pytest
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from content_models.models import ContentGeneration
from tests.factories import DocumentFactory, ImageFactory, NewsPageFactory, ServicePointFactory, TopicFactory
from tests.factories.printing import print_edition_create

pytestmark = pytest.mark.django_db


def _publish(page):
    Page.objects.get(pk=page.pk).specific.save_revision().publish()


def _unpublish(page):
    Page.objects.get(pk=page.pk).specific.unpublish()


def _move(page):
    Page.objects.get(pk=page.pk).move(page.get_parent().get_parent(), pos="last-child")


def _delete(page):
    Page.objects.get(pk=page.pk).delete()


def _restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type="login")


def _edition(page):
    print_edition_create(page)  # a printed edition: its model declares reaches_readers


def _save(factory):
    def write(_page):
        obj = factory()
        obj.save()  # a second save: an edit, after the creation
    return write


WRITES = {
    "publish": _publish,
    "unpublish": _unpublish,
    "move": _move,
    "delete": _delete,
    "restrict": _restrict,
    "topic saved": _save(TopicFactory),
    "service point saved": _save(ServicePointFactory),
    "image saved": _save(ImageFactory),
    "document saved": _save(DocumentFactory),
    "printed edition made": _edition,
}


def generation() -> int:
    return ContentGeneration.objects.get().value


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_each_write_bumps_the_generation(news_index, write):
    page = NewsPageFactory(parent=news_index)
    before = generation()
    write(page)
    assert generation() > before


def test_publishing_a_translation_bumps_it(news_index, translate):
    page = NewsPageFactory(parent=news_index)
    before = generation()
    translate(page, "ar", title="خبر")
    assert generation() > before


def test_a_draft_and_a_rolled_back_publish_bump_nothing(news_index):
    page = Page.objects.get(pk=NewsPageFactory(parent=news_index).pk).specific
    before = generation()

    page.title = "Bozza"
    page.save_revision()
    with pytest.raises(RuntimeError), transaction.atomic():
        page.save_revision().publish()
        raise RuntimeError("the publish failed")

    assert generation() == before
