"""Which Content-Security-Policy a response gets (django-csp; the policy itself is in cms/settings/csp.py).

The policy runs no inline script. Wagtail 8's admin still writes inline scripts for its form widgets (date
choosers, image and document choosers: wagtail/wagtail#1288) and its modal choosers insert HTML with scripts, so
the admin's form and listing pages add 'unsafe-inline' to script-src; everything else of the policy holds there
too (no script from elsewhere, no eval, no plugins, no foreign frames or form targets, no framing by others).
Where the admin shows what others wrote (the previews of pages, snippets and translations, a revision, a workflow
preview) and where a password is typed (login, password reset) the policy stays strict: a script slipped into a
member's content cannot run in an editor's session, nor on the login form.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

STRICT_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_pages:preview_on_edit",
        "wagtailadmin_pages:preview_on_add",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:revisions_view",
        "wagtailadmin_pages:workflow_preview",
        "wagtail_localize:preview_translation",
    }
)


EXCLUDED = tuple(settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES", ()))


def needs_inline_scripts(request) -> bool:
    """The admin's own screens, except the strict ones above (and snippets' previews)."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.route.startswith("admin/"):
        return False
    if match.view_name in STRICT_VIEWS or match.url_name in {"preview_on_edit", "preview_on_add", "preview"}:
        return False
    return True


class AdminContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # django-csp builds the header before it looks at the excluded prefixes: the API's cached answers (a fraction
        # of a millisecond) skip that work entirely.
        if request.path_info.startswith(EXCLUDED):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if needs_inline_scripts(request):
            parts.update = {**(parts.update or {}), "script-src": [UNSAFE_INLINE]}
        return parts
