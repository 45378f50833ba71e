"""Odd but valid input is a typed client error (HTTP 200, a stable code, a message without Python internals) or a
correct answer: never INTERNAL_SERVER_ERROR, never Django's HTML 500."""

import base64
import datetime
import json
import re

import pytest
from django.utils import timezone

from tests.factories import AssociationPageFactory, EventPageFactory, ServicePageFactory, TopicFactory

EVENTS = """
query ($first: Int, $after: String, $filters: EventPageFilter) {
  events(first: $first, after: $after, filters: $filters) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title } }
  }
}
"""
PAGE_BY_ID = "query ($id: ID!) { page(id: $id) { title } }"
# What a Python error message looks like: a client must never read one.
PYTHON_INTERNALS = re.compile(r"int\(\)|literal|base 10|Traceback|\['|expected to contain|datatype|out of range|Python")


def _cursor(offset) -> str:
    return base64.b64encode(f"arrayconnection:{offset}".encode()).decode()


def _error(result) -> dict:
    assert len(result["errors"]) == 1, result
    error = result["errors"][0]
    assert not PYTHON_INTERNALS.search(error["message"]), error["message"]
    return error


@pytest.fixture
def events(event_index):
    start = timezone.now() + datetime.timedelta(days=1)
    return [
        EventPageFactory(parent=event_index, title=f"Evento {number}", start=start + datetime.timedelta(hours=number))
        for number in range(3)
    ]


# --- Cursors ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "after",
    [_cursor(-5), _cursor(-1), _cursor(2**63), _cursor(10**30), _cursor("١"), _cursor("1_0"), _cursor(" 1"),
     _cursor("1e3"), base64.b64encode(b"connection:1").decode(), "not base64 at all", "\ud800"],
    ids=["negative", "minus-one", "past-64-bits", "huge", "arabic-digit", "underscore", "space", "float", "prefix",
         "garbage", "surrogate"],
)
def test_a_cursor_this_api_never_made_is_bad_user_input(graphql, events, after):
    result = graphql(EVENTS, {"first": 2, "after": after})

    assert _error(result)["extensions"]["code"] == "BAD_USER_INPUT"
    assert "data" in result and result["data"] is None  # an execution error: `events` is non-null


@pytest.mark.django_db
def test_a_cursor_past_the_end_is_an_empty_page(graphql, events):
    events_page = graphql.data(EVENTS, {"first": 2, "after": _cursor(1000)})["events"]

    assert events_page["edges"] == [] and events_page["pageInfo"]["hasNextPage"] is False
    assert events_page["totalCount"] == 3


@pytest.mark.django_db
def test_a_negative_page_size_is_bad_user_input(graphql, events):
    assert _error(graphql(EVENTS, {"first": -1}))["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.django_db
def test_first_zero_reads_the_count_and_says_honestly_where_to_go_on(graphql, events):
    at_start = graphql.data(EVENTS, {"first": 0})["events"]
    second = graphql.data(EVENTS, {"first": 1})["events"]["edges"][0]["cursor"]
    after_second = graphql.data(EVENTS, {"first": 0, "after": second})["events"]
    at_end = graphql.data(EVENTS, {"first": 0, "after": _cursor(2)})["events"]

    assert at_start == {"totalCount": 3, "pageInfo": {"hasNextPage": True, "endCursor": None}, "edges": []}
    # Going on from endCursor gives the items that come next.
    assert after_second["pageInfo"] == {"hasNextPage": True, "endCursor": second}
    next_items = graphql.data(EVENTS, {"first": 5, "after": after_second["pageInfo"]["endCursor"]})["events"]
    assert [edge["node"]["title"] for edge in next_items["edges"]] == ["Evento 1", "Evento 2"]
    assert at_end["pageInfo"] == {"hasNextPage": False, "endCursor": _cursor(2)}


# --- Dates at the ends of the calendar ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filters", "count"),
    [
        ({"startsAfter": "0001-01-01T00:00:00"}, 3),  # no offset: Italian time, year 0 in UTC
        ({"startsAfter": "0001-01-01T00:00:00+14:00"}, 3),
        ({"startsBefore": "0001-01-01T00:00:00"}, 0),
        ({"startsBefore": "9999-12-31T23:59:59-01:00"}, 3),  # year 10000 in UTC
        ({"startsAfter": "9999-12-31T23:59:59-01:00"}, 0),
        ({"startsAfter": "9999-12-31T23:59:59.999999"}, 0),
        ({"startsAfter": "0001-01-01T00:00:00", "startsBefore": "9999-12-31T23:59:59-12:00"}, 3),
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_answered(graphql, events, filters, count):
    assert graphql.data(EVENTS, {"first": 10, "filters": filters})["events"]["totalCount"] == count


@pytest.mark.django_db
def test_a_date_that_is_not_one_is_a_clear_error(graphql, events):
    error = _error(graphql(EVENTS, {"first": 10, "filters": {"startsAfter": "next tuesday"}}))

    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


# --- Ids -------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("organizer", ["123456789012345678901234567890", str(2**63), str(2**31), "²", "١٢", "-1", "x",
                                       "topic:1:it", f"page:{2**63}:it"])
def test_an_organizer_id_no_page_can_have_matches_nothing(graphql, events, association_index, organizer):
    assert graphql.data(EVENTS, {"first": 10, "filters": {"organizer": organizer}})["events"]["totalCount"] == 0


@pytest.mark.django_db
def test_the_organizer_filter_still_matches_a_real_id(graphql, event_index, association_index):
    association = AssociationPageFactory(parent=association_index)
    EventPageFactory(parent=event_index, organizer=association)

    for organizer in (str(association.pk), f"page:{association.pk}:it", f"page:{association.pk}:it:for-ar"):
        result = graphql.data(EVENTS, {"first": 10, "filters": {"organizer": organizer}})
        assert result["events"]["totalCount"] == 1, organizer


@pytest.mark.django_db
@pytest.mark.parametrize("page_id", ["123456789012345678901234567890", str(2**63), f"page:{2**63}:it"])
def test_a_page_id_past_64_bits_is_no_page(graphql, home, page_id):
    assert graphql.data(PAGE_BY_ID, {"id": page_id}) == {"page": None}


@pytest.mark.django_db
@pytest.mark.parametrize("page_id", ["²", "١٢", "-1", "1_0", "x", "page:1", "topic:1:it", "page:1:it:for-", "page:1:IT"])
def test_an_id_that_names_no_page_is_bad_user_input(graphql, home, page_id):
    assert _error(graphql(PAGE_BY_ID, {"id": page_id}))["extensions"]["code"] == "BAD_USER_INPUT"


# --- The request itself ------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("body", ['"{ locales { code } }"', "1", "null", "true", "false", " \n "])
def test_a_json_body_that_is_not_an_object_is_a_json_bad_request(client, body, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.post("/graphql/", data=body, content_type="application/json")

    # GraphQL over HTTP: a body that is not a JSON map is not a GraphQL request (400), in JSON like every error.
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert response.json() == {
        "errors": [{"message": 'The body must be a JSON object: {"query": "...", "variables": {...}}.',
                    "extensions": {"code": "BAD_REQUEST"}}]
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("operation_name", "message"),
    [
        (None, "The document contains several operations: name the one to run in `operationName`."),
        ("Third", "The document contains no operation named 'Third'."),
    ],
)
def test_which_operation_to_run_is_never_guessed(client, locales, operation_name, message):
    body = {"query": "query First { locales { code } } query Second { locales { name } }",
            "operationName": operation_name}

    response = client.post("/graphql/", data=json.dumps(body), content_type="application/json")

    assert response.status_code == 200
    assert response.json() == {"errors": [{"message": message, "extensions": {"code": "OPERATION_RESOLUTION_FAILURE"}}]}
    named = client.post("/graphql/", data=json.dumps({**body, "operationName": "Second"}),
                        content_type="application/json")
    assert named.json()["data"]["locales"][0] == {"name": "italiano"}


@pytest.mark.django_db
def test_a_document_of_fragments_only_is_an_operation_error(graphql, locales):
    result = graphql("fragment F on Locale { code }")

    assert result["errors"][0]["extensions"]["code"] in {"OPERATION_RESOLUTION_FAILURE", "GRAPHQL_VALIDATION_FAILED"}
    assert "data" not in result


@pytest.mark.django_db
def test_a_field_error_keeps_data(graphql, events):
    result = graphql(EVENTS, {"first": 101})

    assert "data" in result and result["data"] is None, "execution started: data is there (null: events is non-null)"


# --- Search results that mix page types -------------------------------------------------------------------------

MIXED_SEARCH = """
query ($q: String!) {
  search(query: $q, first: 50) {
    edges { node { __typename title jsonLd ... on TopicPage { topics { slug } } } }
  }
}
"""


@pytest.mark.django_db
def test_search_results_mixing_page_types_select_topics_and_json_ld(graphql, service_index, event_index):
    topic = TopicFactory(slug="lavoro")
    service = ServicePageFactory(parent=service_index, title="Eventi e servizi per il lavoro")
    event = EventPageFactory(parent=event_index, title="Eventi sul lavoro")
    for page in (service, event):
        page.topics.add(topic)
        page.save_revision().publish()

    # "eventi servizi" also finds the section pages Eventi and Servizi, which have no topics.
    nodes = graphql.data(MIXED_SEARCH, {"q": "eventi servizi"})["search"]["edges"]

    by_type = {edge["node"]["__typename"]: edge["node"] for edge in nodes}
    assert {"ServicePage", "EventPage", "EventIndexPage", "ServiceIndexPage"} <= by_type.keys()
    assert by_type["ServicePage"]["topics"] == by_type["EventPage"]["topics"] == [{"slug": "lavoro"}]
    assert "topics" not in by_type["EventIndexPage"]
    assert by_type["EventPage"]["jsonLd"]["@type"] == "Event"
