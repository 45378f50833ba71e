"""grapple's `graphql_fields` for what the benchmark's queries ask: service and event pages and their blocks.

The same fields the project's GraphQL queries select (benchmarks/api/workloads.py), declared the way grapple's
documentation shows. Where the project's API computes a value (a call to action's `href`, SEO fallbacks), grapple
serves the stored fields and the client would compute it: the equality check (benchmarks/api/equality.py) does.

Two of grapple's documented workarounds are needed, both as a method on the block class named as the field's
`source` (grapple calls it with the block's values):
- a child named like an attribute every block instance has (`label`) fails grapple's start-up
  (torchbox/wagtail-grapple#267, open);
- a page chooser inside a struct block gives the base `Page`, whose `url` is null on a headless site and whose
  type is `Page`: the method returns `.specific`, as grapple's own type for a bare PageChooserBlock does (one
  query per page).
"""

from grapple.helpers import register_streamfield_block
from grapple.models import (
    GraphQLBoolean,
    GraphQLCollection,
    GraphQLDocument,
    GraphQLFloat,
    GraphQLForeignKey,
    GraphQLImage,
    GraphQLPage,
    GraphQLRichText,
    GraphQLStreamfield,
    GraphQLString,
)


def _sourced(block_class, name: str, resolve) -> str:
    source = f"grapple_{name}"
    setattr(block_class, source, lambda self, info, values, **kwargs: resolve(values[name]))
    return source


def _child(block_class, name: str) -> str:
    return _sourced(block_class, name, lambda value: value)


def _specific_page(block_class, name: str) -> str:
    return _sourced(block_class, name, lambda page: page.specific if page is not None else None)


def _specific_pages(block_class, name: str) -> str:
    return _sourced(block_class, name, lambda pages: [page.specific for page in pages if page is not None])


def _blocks() -> dict:
    """Each block class with its fields, children before parents (a parent's type names its children's)."""
    from content_models.blocks import links, media, structured, text

    cta, figure = links.CallToActionBlock, structured.KeyFigureBlock
    return {
        text.HeadingBlock: [GraphQLString("text"), GraphQLString("level")],
        media.ImageBlock: [GraphQLImage("image"), GraphQLString("caption"), GraphQLString("alt_text")],
        cta: [
            GraphQLString("label", source=_child(cta, "label")),
            GraphQLPage("page", source=_specific_page(cta, "page")),
            GraphQLString("url"),
            GraphQLString("description"),
        ],
        structured.StepBlock: [GraphQLString("title"), GraphQLRichText("description")],
        structured.StepsBlock: [GraphQLString("title"), GraphQLStreamfield("steps")],
        structured.FaqItemBlock: [GraphQLString("question"), GraphQLRichText("answer")],
        structured.FaqBlock: [GraphQLString("title"), GraphQLStreamfield("items")],
        structured.ContactBlock: [
            GraphQLString("name"), GraphQLString("role"), GraphQLString("phone"), GraphQLString("email"),
            GraphQLString("url"), GraphQLString("notes"),
        ],
        figure: [
            GraphQLString("label", source=_child(figure, "label")),
            GraphQLFloat("value"),
            GraphQLString("unit"),
            GraphQLString("source"),
        ],
        structured.KeyFiguresBlock: [GraphQLString("title"), GraphQLStreamfield("figures")],
        media.DocumentDownloadBlock: [
            GraphQLDocument("document"), GraphQLString("title"), GraphQLString("description"),
        ],
        links.RelatedPagesBlock: [
            GraphQLString("title"),
            GraphQLCollection(GraphQLPage, "pages", source=_specific_pages(links.RelatedPagesBlock, "pages")),
        ],
        text.QuoteBlock: [GraphQLString("quote"), GraphQLString("attribution")],
        text.AlertBlock: [GraphQLString("level"), GraphQLString("title"), GraphQLRichText("text")],
    }


def _events_query(event_model) -> None:
    """`events(locale:, limit:, offset:)`, soonest first: grapple's `pages` has no locale and no model ordering."""
    import graphene
    from grapple.helpers import register_graphql_schema
    from grapple.registry import registry
    from grapple.types.structures import QuerySetList
    from grapple.utils import resolve_queryset

    class EventsQuery:
        events = QuerySetList(
            graphene.NonNull(lambda: registry.pages[event_model]), locale=graphene.String(), required=True,
            enable_search=False,
        )

        def resolve_events(self, info, locale=None, **kwargs):
            events = event_model.objects.live().public()
            if locale:
                events = events.filter(locale__language_code=locale)
            return resolve_queryset(events.order_by("start", "pk"), info, **kwargs)

    register_graphql_schema(EventsQuery)


def declare_graphql_fields() -> None:
    from content_models.models import EventPage, ServicePage, Topic

    for block, fields in _blocks().items():
        block.graphql_fields = fields
        register_streamfield_block(block)
    Topic.graphql_fields = [GraphQLString("name"), GraphQLString("slug")]
    ServicePage.graphql_fields = [
        GraphQLString("summary"),
        GraphQLCollection(GraphQLString, "audiences"),
        GraphQLRichText("audience_details"),
        GraphQLRichText("what_you_need"),
        GraphQLRichText("what_you_get"),
        GraphQLBoolean("is_free"),
        GraphQLRichText("costs"),
        GraphQLRichText("deadlines"),
        GraphQLString("online_url"),
        GraphQLRichText("channels"),
        GraphQLStreamfield("how_to_access"),
        GraphQLCollection(GraphQLForeignKey, "topics", "content_models.Topic"),
        GraphQLImage("social_image"),
        GraphQLStreamfield("body"),
    ]
    EventPage.graphql_fields = [
        GraphQLString("summary"),
        GraphQLString("start"),
        GraphQLString("end"),
        GraphQLString("venue_name"),
        GraphQLString("municipality"),
        GraphQLImage("social_image"),
    ]
    _events_query(EventPage)
