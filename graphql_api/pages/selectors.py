"""Reads of pages by path or id, for the `page` query, by the kernel's fallback rule. Listings use in_locale."""

from django.db import connection
from wagtail.models import Locale, Page

from content_models.kernel.fallback import served_in
from content_models.kernel.specific import specific_page, specific_pages
from graphql_api.errors import ApiError, ErrorCode
from graphql_api.ids import page_id_argument
from graphql_api.loaders import RequestLoader

MAX_PATH_LENGTH = 1000


def _normalised_path(path: str) -> str:
    if len(path) > MAX_PATH_LENGTH or "//" in path or "\x00" in path:
        raise ApiError(ErrorCode.BAD_USER_INPUT, "`path` is not a page path.")
    return "/" + "".join(f"{segment}/" for segment in path.strip("/").split("/") if segment)


def page_by_path(loader: RequestLoader, path: str, locale: Locale, *, fallback: bool):
    path = _normalised_path(path)
    page = _in_tree(loader, path, locale)
    if page is not None:
        return loader.serve(page, is_fallback=False)
    default = loader.default_locale
    if not fallback or locale.pk == default.pk:
        return None
    # The portal may ask the Italian path in another locale: serve that page's translation, else the original.
    original = _in_tree(loader, path, default)
    if original is None:
        return None
    return _pick(loader, original.translation_key, locale, fallback=True)


def page_id_parse(value: str) -> int | None:
    """The integer a page id argument holds; None when it is no page id (not digits, or past the column's range).

    ASCII digits only: str.isdigit() admits "²", which int() refuses, and int() admits "1_0" and Arabic digits.
    """
    value = str(value)
    if not (value.isascii() and value.isdecimal()):
        return None
    _lowest, highest = connection.ops.integer_field_range(Page._meta.pk.get_internal_type())
    number = int(value)
    return number if number <= highest else None


def page_by_id(loader: RequestLoader, page_id: str, locale: Locale | None, *, fallback: bool):
    """The page `page_id` names (graphql_api/ids.py: a served id or a database id); with `locale`, its translation
    there (by the fallback rule), else as it was served."""
    pk = page_id_parse(page_id_argument(page_id).pk)
    if pk is None:  # more digits than any page id can have: no such page
        return None
    key = Page.objects.filter(pk=pk).values_list("translation_key", flat=True).first()
    if key is None:
        return None
    if locale is None:
        page = specific_page(loader.visible(Page.objects.filter(pk=pk)))
        return loader.serve(page, is_fallback=False) if page is not None else None
    return _pick(loader, key, locale, fallback=fallback)


def _pick(loader: RequestLoader, translation_key, locale: Locale, *, fallback: bool):
    default = loader.default_locale
    candidates = {
        page.locale_id: page
        for page in specific_pages(
            loader.visible(Page.objects.filter(translation_key=translation_key, locale_id__in={locale.pk, default.pk}))
        )
    }
    served = served_in(candidates, locale_id=locale.pk, default_locale_id=default.pk, fallback=fallback)
    if served is None:
        return None
    return loader.serve(served.obj, is_fallback=served.is_fallback, for_locale_id=locale.pk)


def _in_tree(loader: RequestLoader, path: str, locale: Locale):
    home_url_path = loader.reader.home_url_path(locale.pk)
    if home_url_path is None:
        return None
    url_path = home_url_path.rstrip("/") + path
    models = loader.reader.memo.path_models
    known = models.get((locale.pk, url_path))
    page = specific_page(
        loader.visible(Page.objects.filter(url_path=url_path, locale=locale)), None if known is None else {known}
    )
    if page is not None:
        models[(locale.pk, url_path)] = type(page)
    return page
