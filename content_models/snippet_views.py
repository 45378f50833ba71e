"""Admin views shared by the translatable snippets (topics, service points, and other apps' snippets)."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import EditView

from .translation_status import translations_behind_many


class TranslatableSnippetEditView(EditView):
    """A snippet's edit view whose header menu ("...") also offers what its listing row offers through
    `register_snippet_listing_buttons`: wagtail-localize's "Translate" and "Sync translated snippets", and whatever
    other apps add. Wagtail shows those only in the listing's row menu; an editor on the edit screen would have to
    go back to the list to translate what they just wrote."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for hook in hooks.get_hooks("register_snippet_listing_buttons"):
            for button in hook(self.object, self.request.user, None) or ():
                # Listing buttons are styled for a table row; the header menu takes plain ones.
                buttons.append(Button(
                    button.label, url=button.url, icon_name=button.icon_name, priority=button.priority,
                    attrs={key: value for key, value in button.attrs.items() if key != "class"},
                ))
        return buttons


class TranslationsBehindColumn(Column):
    """A listing column: the languages whose copy is older than the (source) row's last change. Computed once for
    the whole page of rows, in two queries."""

    cell_template_name = "content_models/admin/translations_behind_cell.html"

    def __init__(self, name="translations_behind", **kwargs):
        kwargs.setdefault("label", _("Translations behind"))
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        table = parent_context["table"]
        if not hasattr(table, "_translations_behind"):
            table._translations_behind = translations_behind_many(list(table.data))
        context["behind"] = table._translations_behind.get(instance.pk, [])
        return context
