"""The desk booklet builder: a listing under its own menu entry, a form, and a status page with the download."""

from django import forms
from django.urls import reverse
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from .booklets import booklet_request
from .forms import PrintBookletForm
from .models import BookletState, PrintBooklet


class StateColumn(Column):
    def get_value(self, instance):
        state = instance.get_state_display()
        if instance.state == BookletState.READY and instance.pages:
            return pgettext_lazy("print", "%(state)s, %(pages)s pages") % {
                "state": state,
                "pages": instance.pages,
            }
        return state


class BookletIndexView(generic.IndexView):
    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if instance.file_name:
            buttons.append(
                ListingButton(
                    pgettext_lazy("print", "Download"),
                    reverse("printing_admin:booklet_download", args=[instance.pk]),
                    icon_name="download",
                    priority=5,
                )
            )
        return buttons


class BookletSaveMixin:
    def save_instance(self):
        instance = super().save_instance()
        if instance.created_by_id is None:
            instance.created_by = self.request.user
            instance.save(update_fields=["created_by"])
        booklet_request(instance)  # made in the background; the edit page shows its state and the download
        return instance

    def get_success_url(self):
        return reverse("printing_booklets:edit", args=[self.object.pk])


class BookletCreateView(BookletSaveMixin, generic.CreateView):
    pass


class BookletEditView(BookletSaveMixin, generic.EditView):
    template_name = "printing/admin/booklet_edit.html"


class BookletViewSet(ModelViewSet):
    model = PrintBooklet
    icon = "print"
    menu_label = pgettext_lazy("print", "Desk booklets")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = BookletIndexView
    add_view_class = BookletCreateView
    edit_view_class = BookletEditView
    copy_view_enabled = True
    inspect_view_enabled = False
    list_display = [
        "__str__",
        "language",
        "format",
        StateColumn("state", label=pgettext_lazy("print", "State")),
        DateColumn("built_at", label=pgettext_lazy("print", "Made on")),
    ]
    list_filter = ["language", "state"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("language"),
            FieldPanel("format"),
            FieldPanel("selection", widget=forms.RadioSelect),
            MultipleChooserPanel(
                "chosen_pages",
                chooser_field_name="page",
                heading=pgettext_lazy("print", "Pages, in order"),
                label=pgettext_lazy("print", "Page"),
            ),
            FieldPanel("service_point"),
            FieldPanel("topic"),
            FieldPanel("italian_when_missing"),
        ],
        base_form_class=PrintBookletForm,
    )


booklet_viewset = BookletViewSet("printing_booklets", url_prefix="print/booklets")
