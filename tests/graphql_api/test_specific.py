"""Pages as their specific model in one query (content_models/kernel/specific.py), joining only the models the content
state has seen them to be."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from content_models.models import EventPage, ServicePage
from content_models.kernel.reader import VISIBLE_ATTR
from content_models.kernel.specific import specific_pages
from tests.factories import EventPageFactory, ServicePageFactory

PAGE_QUERY = """
query ($path: String!) {
  page(path: $path) {
    __typename title
    ... on ServicePage { body { ... on CallToActionBlock { page { __typename title url } } } }
  }
}
"""

EVENT_TABLE = EventPage._meta.db_table
SERVICE_TABLE = ServicePage._meta.db_table


@pytest.mark.django_db
@pytest.mark.usefixtures("no_response_cache")
def test_once_served_a_page_is_read_joining_its_own_model_only(graphql, service_index, event_index):
    event = EventPageFactory(parent=event_index, title="Festa dei popoli")
    ServicePageFactory(
        parent=service_index, slug="corsi", title="Corsi di italiano",
        body=[("call_to_action", {"label": "Vieni", "page": event, "url": "", "description": ""})],
    )
    variables = {"path": "/servizi/corsi/"}

    with CaptureQueriesContext(connection) as first:
        first_data = graphql.data(PAGE_QUERY, variables)
    with CaptureQueriesContext(connection) as second:
        second_data = graphql.data(PAGE_QUERY, variables)

    assert second_data == first_data
    assert first_data["page"]["body"][0]["page"]["__typename"] == "EventPage"
    # The first request joins every page type's table to read a page; the next ones only the page's own model.
    assert _joins(_by_path(first)) == {SERVICE_TABLE, EVENT_TABLE}
    assert _joins(_by_path(second)) == {SERVICE_TABLE}
    assert _joins(_linked(first)) == {SERVICE_TABLE, EVENT_TABLE}
    assert _joins(_linked(second)) == {EVENT_TABLE}


def _by_path(queries: CaptureQueriesContext) -> str:
    return next(query["sql"] for query in queries.captured_queries if '"url_path" =' in query["sql"])


def _linked(queries: CaptureQueriesContext) -> str:
    # The loader's query for linked pages marks each row visible or not.
    return next(query["sql"] for query in queries.captured_queries if VISIBLE_ATTR in query["sql"])


def _joins(sql: str) -> set[str]:
    return {table for table in (SERVICE_TABLE, EVENT_TABLE) if f'JOIN "{table}"' in sql}


@pytest.mark.django_db
def test_a_row_of_a_model_not_joined_still_comes_out_as_its_own_model(service_index, event_index):
    event = EventPageFactory(parent=event_index, title="Festa dei popoli", venue_name="Porto Antico")
    service = ServicePageFactory(parent=service_index, title="Corsi di italiano")

    with CaptureQueriesContext(connection) as queries:
        pages = specific_pages(Page.objects.filter(pk__in=[event.pk, service.pk]).order_by("pk"), {ServicePage})

    assert [type(page) for page in pages] == [EventPage, ServicePage]
    assert pages[0].venue_name == "Porto Antico" and pages[1].title == "Corsi di italiano"
    assert len(queries) == 2  # the rows, then the event on its own: a wrong guess costs a query, not an answer
