"""The depth and alias limits of a document, as validation rules the validation cache can recognise.

strawberry's QueryDepthLimiter and MaxAliasesLimiter build a new rule *class* each time they are instantiated,
which is once per request, and ValidationCache keys its entries on the rule classes: with them, the cache never
hit and every request validated its whole document again (for a page query with the block fragment, that was a
sizeable share of the request's CPU). The same strawberry validators are made here once per limit value.
"""

from functools import cache

from strawberry.extensions import AddValidationRules
from strawberry.extensions.max_aliases import create_validator as aliases_validator
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

from .conf import api_setting


def _is_introspection(ignore: IgnoreContext) -> bool:
    # GraphiQL's own introspection query is deeper than any content query; it is disabled in production.
    return ignore.field_name.startswith("__")


@cache
def _rules(max_depth: int, max_aliases: int) -> tuple:
    return (depth_validator(max_depth, _is_introspection), aliases_validator(max_aliases))


class QueryLimits(AddValidationRules):
    """QueryDepthLimiter(MAX_DEPTH) and MaxAliasesLimiter(MAX_ALIASES), with rules made once."""

    def __init__(self):
        super().__init__(list(_rules(api_setting("MAX_DEPTH"), api_setting("MAX_ALIASES"))))
