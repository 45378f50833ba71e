"""Nothing private leaves through a feed: every page state against every feed, and private images."""


import pytest
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from tests.factories import EventPageFactory, ImageFactory, NewsPageFactory, TopicFactory, image_saved, page_hide

from .feeds_support import INDEXES, empty_cache

MARKER = "SEGRETO"
STATES = ["draft", "unpublished", "scheduled", "expired", "password", "login", "groups"]


@pytest.fixture(autouse=True)
def _empty_cache():
    empty_cache()
    yield
    empty_cache()




def _all_feeds(client, topic_slug):
    urls = [f"/feeds/it/{section}.{fmt}" for section in INDEXES for fmt in ("rss", "atom", "json")]
    urls += [f"/feeds/it/topics/{topic_slug}.{fmt}" for fmt in ("rss", "atom", "json")] + ["/feeds/it/events.ics"]
    return {url: client.get(url).content.decode() for url in urls}


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_a_hidden_page_leaves_through_no_feed(client, sections, state):
    topic = TopicFactory(slug="lavoro")
    news = NewsPageFactory(parent=sections[INDEXES["news"]], title=f"{MARKER} notizia", topics=[topic])
    event = EventPageFactory(parent=sections[INDEXES["events"]], title=f"{MARKER} evento", topics=[topic],
                             summary=MARKER)
    NewsPageFactory(parent=sections[INDEXES["news"]], title="Pubblica", topics=[topic])
    for page in (news, event):
        page_hide(Page.objects.get(pk=page.pk).specific, state)
    for url, body in _all_feeds(client, topic.slug).items():
        assert MARKER not in body, (state, url)
        if "/news." in url or "/topics/" in url:
            assert "Pubblica" in body, url  # the feed is served, only the hidden pages are missing


@pytest.mark.django_db
def test_a_live_page_with_a_newer_draft_serves_the_live_revision(client, sections):
    news = NewsPageFactory(parent=sections[INDEXES["news"]], title="Pubblicata")
    news.title = MARKER
    news.body = [("paragraph", f"<p>{MARKER}</p>")]
    news.save_revision()
    body = client.get("/feeds/it/news.rss").content.decode()
    assert "Pubblicata" in body and MARKER not in body


@pytest.mark.django_db
def test_pages_under_a_restricted_section_stay_out(client, sections):
    NewsPageFactory(parent=sections[INDEXES["news"]], title=MARKER)
    PageViewRestriction.objects.create(page=sections[INDEXES["news"]], restriction_type="login")
    assert MARKER not in client.get("/feeds/it/news.atom").content.decode()


@pytest.mark.django_db
def test_images_in_a_private_collection_never_leave(client, sections):
    private = Collection.get_first_root_node().add_child(name="Riservata")
    inner = private.add_child(name="Dentro")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    image = ImageFactory(collection=inner, description=MARKER, title=MARKER)
    public = image_saved(description="Pubblica")  # its renditions made, as after an upload (reads make none)
    NewsPageFactory(parent=sections[INDEXES["news"]], title="Con immagini", main_image=image, body=[
        ("image", {"image": image, "caption": "", "alt_text": MARKER}),
        ("image", {"image": public, "caption": "", "alt_text": ""}),
        ("paragraph", f'<p>Testo</p><embed embedtype="image" id="{image.pk}" format="left" alt="{MARKER}"/>'),
    ])
    for fmt in ("rss", "atom", "json"):
        body = client.get(f"/feeds/it/news.{fmt}").content.decode()
        assert MARKER not in body, fmt
        assert "enclosure" not in body and '"image"' not in body, "no main image when it is private"
        assert "Pubblica" in body, "public images stay"
