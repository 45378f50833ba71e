"""Admin panels of the content's editing forms."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import Panel
from wagtail_localize.models import TranslationSource

from .translation_status import translations_behind


class TranslationStatusPanel(Panel):
    """At the top of an Italian page's (or issue's) form, after a change: which language copies are now older than
    it, each linked to its editor, with the way to bring them the new text. Shows nothing otherwise."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "translation_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "content_models/admin/translation_status_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.behind = translations_behind(self.instance) if self.instance is not None and self.instance.pk else []

        def is_shown(self):
            return bool(self.behind) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            finder = AdminURLFinder(self.request.user if self.request else None)
            context["behind"] = [(item, finder.get_edit_url(item.translation)) for item in self.behind]
            source = TranslationSource.objects.get_for_instance_or_none(self.instance)
            can_sync = self.request is not None and self.request.user.has_perm("wagtail_localize.submit_translation")
            context["sync_url"] = (
                _sync_url(source, self.request.get_full_path()) if source is not None and can_sync else None
            )
            return context


def _sync_url(source: TranslationSource, next_url: str) -> str:
    from django.urls import reverse
    from django.utils.http import urlencode

    return reverse("wagtail_localize:update_translations", args=[source.pk]) + "?" + urlencode({"next": next_url})
