"""Publish webhooks: signed events with public paths in every locale, retried, in order per page and endpoint."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from distribution.models import DeliveryState, WebhookDelivery, WebhookEvent
from distribution.signing import SIGNATURE_HEADER, signature_verify
from distribution.webhooks.sending import webhook_deliveries_process_due
from tests.factories import EventPageFactory, ServicePageFactory, ServicePointFactory

from .conftest import WEBHOOK_SECRET
from .fakes import Scripted

pytestmark = pytest.mark.django_db


def later(**kwargs):
    return timezone.now() + datetime.timedelta(**kwargs)


def forget_setup_events(networks):
    """The page tree built for a test also made events (never sent: its commit callbacks did not run)."""
    WebhookEvent.objects.all().delete()
    networks.requests.clear()


def received(networks):
    """Events the receiver accepted, after checking each signature as a real receiver would."""
    events = []
    for call in networks.calls("POST", "/hooks/portal"):
        assert signature_verify(secret=WEBHOOK_SECRET, body=call.body, header=call.headers[SIGNATURE_HEADER])
        events.append(call.json())
    return events


@pytest.fixture
def quiet(only):
    only()  # no social channel: these tests are about portals


def test_publish_sends_a_signed_event_with_paths_in_every_public_locale(quiet, portal_webhooks, networks,
                                                                       event_index, translate, publish):
    event = EventPageFactory(parent=event_index, title="Festa", slug="festa")
    translate(event, "ar", title="حفلة", slug="hafla")
    translate(event, "fr", title="Fête", slug="fete", publish=False)  # a draft: its path must not leak
    networks.requests.clear()

    publish(event)

    [payload] = received(networks)
    assert payload["type"] == "page.published" and payload["page"]["id"] == event.pk
    assert payload["page"]["translation_key"] == str(event.translation_key)
    assert {(p["locale"], p["path"]) for p in payload["paths"]} == {("it", "/eventi/festa/"), ("ar", "/eventi/hafla/")}
    assert payload["id"] == str(WebhookEvent.objects.latest("id").event_id)
    assert set(payload) == {"id", "type", "occurred_at", "object", "page", "paths"}  # ids and paths only
    [call] = networks.calls("POST", "/hooks/portal")
    assert call.headers["X-InterAzioni-Event-Id"] == payload["id"]


def test_unpublish_move_and_delete(quiet, portal_webhooks, networks, event_index, sections, committed):
    from content_models.models import AssociationIndexPage, AssociationPage
    from tests.factories import AssociationPageFactory

    association = AssociationPageFactory(parent=sections[AssociationIndexPage], slug="amici")
    event = EventPageFactory(parent=event_index, slug="incontro")
    networks.requests.clear()

    with committed():
        event.move(AssociationPage.objects.get(pk=association.pk), pos="last-child")
    with committed():
        event.refresh_from_db()
        event.unpublish()
    with committed():
        EventPageFactory(parent=event_index, slug="bozza", live=False).delete()  # a draft: no event
        other = EventPageFactory(parent=event_index, slug="altro")
    networks.requests.clear()
    with committed():
        other.delete()

    kinds = [event.event_type for event in WebhookEvent.objects.filter(object_id__in=[event.pk, other.pk]).order_by("id")]
    # `event` was created without running its commit callbacks: its publish was noted, never distributed.
    # Wagtail unpublishes a live page before deleting it: portals hear both.
    assert kinds == ["page.moved", "page.unpublished", "page.published", "page.unpublished", "page.deleted"]
    moved = WebhookEvent.objects.get(event_type="page.moved").payload
    assert moved["old_paths"] == [{"locale": "it", "path": "/eventi/incontro/", "url": "http://localhost:3000/it/eventi/incontro/"}]
    assert moved["new_paths"][0]["path"] == "/associazioni/amici/incontro/"
    unpublished, deleted = received(networks)
    assert unpublished["type"] == "page.unpublished" and deleted["type"] == "page.deleted"
    assert deleted["paths"][0]["path"] == "/eventi/altro/"


def test_restricted_pages_send_nothing(quiet, portal_webhooks, networks, event_index, publish):
    event = EventPageFactory(parent=event_index, live=False)
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    publish(event)
    assert networks.requests == [] and not WebhookEvent.objects.filter(object_id=event.pk).exists()


def test_retries_on_failure_and_keeps_order_per_page(quiet, portal_webhooks, networks, event_index, publish):
    first = EventPageFactory(parent=event_index, slug="primo")
    second = EventPageFactory(parent=event_index, slug="secondo")
    forget_setup_events(networks)
    networks.script("POST", "/hooks/portal", Scripted(503, "busy", headers={"Retry-After": "60"}))

    publish(first)  # refused: retried later
    publish(first)  # same page: must wait behind the refused one
    publish(second)  # another page: not held up

    assert [e["page"]["id"] for e in received(networks)] == [first.pk, second.pk]  # the refused one, then 2nd
    held = WebhookDelivery.objects.filter(event__object_id=first.pk, state=DeliveryState.PENDING).order_by("id")
    assert held.count() == 2 and held[0].attempts == 1 and held[1].attempts == 0
    assert held[0].response_status == 503 and held[0].next_attempt_at >= later(seconds=59)

    assert webhook_deliveries_process_due(now=later(minutes=2)) == {"sent": 2}
    earlier, later_event = (str(d.event.event_id) for d in held.model.objects.filter(
        event__object_id=first.pk).order_by("id"))
    sent = [e["id"] for e in received(networks) if e["page"]["id"] == first.pk]
    assert sent == [earlier, earlier, later_event]  # refused, retried, then the one that waited


def test_a_final_failure_unblocks_the_next_event(quiet, portal_webhooks, networks, event_index, publish):
    event = EventPageFactory(parent=event_index)
    forget_setup_events(networks)
    networks.script("POST", "/hooks/portal", Scripted(410, "gone"))
    publish(event)
    publish(event)
    states = list(WebhookDelivery.objects.filter(event__object_id=event.pk).order_by("id").values_list("state", flat=True))
    assert states[-2:] == [DeliveryState.FAILED, DeliveryState.SENT]


def test_a_snippet_change_lists_the_public_pages_that_show_it(quiet, portal_webhooks, networks, sections,
                                                              committed):
    from content_models.models import ServiceIndexPage

    point = ServicePointFactory()
    with committed():
        service = ServicePageFactory(parent=sections[ServiceIndexPage], slug="permesso", service_points=[point])
    networks.requests.clear()

    with committed():
        point.phone = "010 123456"
        point.save()

    [payload] = received(networks)
    assert payload["type"] == "snippet.changed" and payload["snippet"]["type"] == "content_models.servicepoint"
    assert [p["path"] for p in payload["paths"]] == ["/servizi/permesso/"]
    assert "010 123456" not in str(payload)
    assert service.pk


def test_moving_into_a_restricted_section_reports_only_the_old_path(quiet, portal_webhooks, networks, event_index,
                                                                    sections, committed):
    from content_models.models import AssociationIndexPage
    from tests.factories import AssociationPageFactory

    private = AssociationPageFactory(parent=sections[AssociationIndexPage], slug="riservata")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    event = EventPageFactory(parent=event_index, slug="spostato")
    forget_setup_events(networks)

    with committed():
        event.move(private, pos="last-child")

    [payload] = received(networks)
    assert payload["type"] == "page.moved"
    assert [p["path"] for p in payload["old_paths"]] == ["/eventi/spostato/"] and payload["new_paths"] == []
    assert "riservata" not in str(payload)


def test_a_translated_topic_change_reaches_the_pages_in_every_locale(quiet, portal_webhooks, networks, sections,
                                                                     translate, committed):
    from wagtail.models import Locale

    from content_models.models import NewsIndexPage
    from tests.factories import NewsPageFactory, TopicFactory

    topic = TopicFactory(name="Lavoro", slug="lavoro")
    news = NewsPageFactory(parent=sections[NewsIndexPage], slug="bando", topics=[topic])
    translate(news, "ar", slug="ilan")
    NewsPageFactory(parent=sections[NewsIndexPage], slug="bozza", topics=[topic], live=False)
    topic_ar = topic.copy_for_translation(Locale.objects.get(language_code="ar"))
    topic_ar.name = "عمل"
    topic_ar.save()
    forget_setup_events(networks)

    with committed():
        topic_ar.name = "العمل"
        topic_ar.save()

    [payload] = received(networks)
    assert payload["snippet"]["locale"] == "ar"
    assert {(p["locale"], p["path"]) for p in payload["paths"]} == {("it", "/notizie/bando/"), ("ar", "/notizie/ilan/")}
