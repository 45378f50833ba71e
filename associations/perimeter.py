"""The admin views an association member may open: an allow-list, so a view Wagtail or an app adds later stays
closed to members until someone decides otherwise.

A member sees their own subtree, their own collection and the public site. Wagtail's own checks already refuse
most of what lies outside (editing others' pages, others' collections); this list closes what Wagtail opens to
anyone who can log in to the admin (reports, snippet choosers, wagtail-localize's report and snippet API), and the
per-view checks below narrow the few allowed views that take an id of something else (the page chooser's parent,
"chosen" lookups, the snippet API's model).
"""

from collections.abc import Callable

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from wagtail_localize.models import Translation

from .selectors import association_subtree_q, member_chooser_pages_q

# Whole namespaces: each view in them applies Wagtail's own permission checks on the object it shows.
MEMBER_NAMESPACES = frozenset(
    {
        "wagtailadmin_pages",  # page permissions (plus associations.wagtail_hooks for copy, move, delete)
        "wagtailimages",  # collection permissions
        "wagtailimages_chooser",
        "wagtaildocs",
        "wagtaildocs_chooser",
        "wagtailembeds",
        "wagtailadmin_editing_sessions",
        "wagtailadmin_api:pages",  # explorable pages only
        "wagtailadmin_api:images",  # collection permissions (media.admin_api)
        "wagtailadmin_api:documents",
    }
)
MEMBER_VIEWS = frozenset(
    {
        "wagtailadmin_home",
        "wagtailadmin_account",
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "wagtailadmin_dismissibles",
        "wagtailadmin_block_preview",
        "wagtailadmin_tag_autocomplete",
        "wagtailadmin_tag_model_autocomplete",
        "wagtailadmin_explore_root",
        "wagtailadmin_explore",
        "wagtailadmin_explore_results",
        "wagtailadmin_choose_page",
        "wagtailadmin_choose_page_child",
        "wagtailadmin_choose_page_search",
        "wagtailadmin_choose_page_chosen_multiple",
        "wagtailadmin_choose_page_external_link",
        "wagtailadmin_choose_page_email_link",
        "wagtailadmin_choose_page_phone_link",
        "wagtailadmin_choose_page_anchor_link",
        "wagtail_bulk_action",  # pages (kept in the member's subtree) and their own media: _bulk_action
        # wagtail-localize's translation editor on the member's own translations (each checks edit permission).
        "wagtail_localize:javascript_catalog",
        "wagtail_localize:edit_string_translation",
        "wagtail_localize:edit_override",
        "wagtail_localize:download_pofile",
        "wagtail_localize:upload_pofile",
        "wagtail_localize:preview_translation",
        "wagtail_localize:stop_translation",
        "wagtail_localize:snippets_api_listing",
        "wagtail_localize:snippets_api_detail",
        "associations_mine",
        "media_private_file",  # checks the permission on the image or document the file belongs to
        "associations:manage",  # the view lets an association's administrators in, and only to their own
        "graphql_api_portal_preview",  # needs edit permission on the page
    }
)
# Snippets readers see on the public site: the translation editor may list them. Nothing else.
PUBLIC_SNIPPET_MODELS = frozenset({("content_models", "topic"), ("content_models", "servicepoint")})


def _ids(values) -> list[int] | None:
    try:
        return [int(value) for value in values]
    except (TypeError, ValueError):
        return None


def _choosable_pages(membership, ids) -> bool:
    ids = _ids(ids)
    if ids is None:
        return False
    allowed = Page.objects.filter(member_chooser_pages_q(membership.association), pk__in=ids).count()
    return allowed == len(set(ids))


def _chooser_parent(request, membership, kwargs) -> bool:
    # Browsing the chooser from a hand-typed parent would show that page's title in the chooser's header.
    return _choosable_pages(membership, [kwargs.get("parent_page_id")])


def _chosen_pages(request, membership, kwargs) -> bool:
    return _choosable_pages(membership, request.GET.getlist("id"))


def _public_snippets(request, membership, kwargs) -> bool:
    return (kwargs.get("app_label"), kwargs.get("model_name")) in PUBLIC_SNIPPET_MODELS


def _bulk_action(request, membership, kwargs) -> bool:
    """Bulk actions on pages (kept to the member's subtree by wagtail_hooks), or on the member's own media. On
    anything else Wagtail's confirmation page lists the titles of the items the user may not touch."""
    model = (kwargs.get("app_label"), kwargs.get("model_name"))
    if model == ("wagtailcore", "page"):
        return True
    media = {("media", "customimage"): get_image_model(), ("media", "customdocument"): get_document_model()}
    if model not in media:
        return False
    ids = _ids(request.GET.getlist("id"))
    if ids is None:
        return False
    policy = policy_registry.get_by_type(media[model])
    own = policy.instances_user_has_any_permission_for(request.user, ["change"]).filter(pk__in=ids).count()
    return own == len(set(ids))


def _own_translation(request, membership, kwargs) -> bool:
    """wagtail-localize's translation views, on a translation of one of the member's own pages (its target page
    exists and is in their subtree). Its own check reads the target and fails with a server error without one."""
    translation = Translation.objects.filter(pk=kwargs.get("translation_id")).select_related("source").first()
    if translation is None:
        return False
    return (
        Page.objects.filter(association_subtree_q(membership.association))
        .filter(translation_key=translation.source.object_id, locale_id=translation.target_locale_id)
        .exists()
    )


VIEW_CHECKS: dict[str, Callable] = {
    "wagtail_localize:edit_string_translation": _own_translation,
    "wagtail_localize:edit_override": _own_translation,
    "wagtail_localize:download_pofile": _own_translation,
    "wagtail_localize:upload_pofile": _own_translation,
    "wagtail_localize:preview_translation": _own_translation,
    "wagtail_localize:stop_translation": _own_translation,
    "wagtail_bulk_action": _bulk_action,
    "wagtailadmin_choose_page_child": _chooser_parent,
    "wagtailadmin_choose_page_chosen_multiple": _chosen_pages,
    "wagtail_localize:snippets_api_listing": _public_snippets,
    "wagtail_localize:snippets_api_detail": _public_snippets,
}


def member_may_open(request, membership, resolver_match) -> bool:
    """Whether an association member may open this admin view (with these arguments)."""
    allowed = (
        resolver_match.view_name in MEMBER_VIEWS
        or resolver_match.namespace in MEMBER_NAMESPACES
    )
    if not allowed:
        return False
    check = VIEW_CHECKS.get(resolver_match.view_name)
    return check is None or check(request, membership, resolver_match.kwargs)

