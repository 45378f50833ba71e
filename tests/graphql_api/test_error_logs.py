"""Logs: a client's mistake is one line at INFO with its code (anyone can send them at any rate); a bug keeps its
traceback at ERROR."""

import json
import logging

import pytest

EVENTS = "query ($first: Int, $after: String) { events(first: $first, after: $after) { totalCount } }"


def _records(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name.startswith(("graphql_api", "strawberry"))]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        (EVENTS, {"first": 101}, "PAGE_SIZE_TOO_LARGE"),
        (EVENTS, {"after": "forged"}, "BAD_USER_INPUT"),
        ('{ page(path: "/", locale: "xx") { id } }', {}, "UNKNOWN_LOCALE"),
        ("{ nope }", {}, "GRAPHQL_VALIDATION_FAILED"),
        ("{ locales { code }", {}, "GRAPHQL_PARSE_FAILED"),
        ("query A { locales { code } } query B { locales { code } }", {}, "OPERATION_RESOLUTION_FAILURE"),
    ],
    ids=["page-size", "cursor", "locale", "validation", "syntax", "operation"],
)
def test_a_client_error_is_one_line_at_info_with_its_code(graphql, caplog, locales, query, variables, code):
    caplog.set_level(logging.DEBUG)

    result = graphql(query, variables)

    assert result["errors"][0]["extensions"]["code"] == code
    (record,) = _records(caplog)
    assert record.levelno == logging.INFO and record.exc_info is None and record.stack_info is None
    message = record.getMessage()
    assert "\n" not in message and code in message
    assert record.graphql_code == code


@pytest.mark.django_db
def test_a_refused_request_is_one_line_at_info(client, caplog):
    caplog.set_level(logging.DEBUG)

    client.post("/graphql/", data=json.dumps([{"query": "{ locales { code } }"}]), content_type="application/json")

    (record,) = _records(caplog)
    assert record.levelno == logging.INFO and "BATCHING_DISABLED" in record.getMessage()


@pytest.mark.django_db
def test_an_unexpected_error_keeps_its_traceback_at_error(graphql, caplog, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("graphql_api.locales.types.LocaleType.from_code", broken)
    caplog.set_level(logging.DEBUG)

    result = graphql("query Locales { locales { code } }")

    assert result["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    (record,) = _records(caplog)
    assert record.levelno == logging.ERROR and record.graphql_code == "INTERNAL_SERVER_ERROR"
    assert record.exc_info[0] is RuntimeError and "broken" in caplog.text, "the traceback reaches the log"
    assert "Locales" in record.getMessage() and "locales" in record.getMessage()
