"""The desk booklet form: what goes in must be said completely (the pages, the help desk, or the topic)."""

from django.core.exceptions import ValidationError
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from .models import BookletSelection
from .rendering.sections import BUILDERS


class PrintBookletForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        selection = cleaned.get("selection")
        if selection == BookletSelection.SERVICE_POINT and not cleaned.get("service_point"):
            self.add_error(
                "service_point",
                pgettext_lazy("print", "Choose the help desk whose services go in the booklet."),
            )
        if selection == BookletSelection.TOPIC and not cleaned.get("topic"):
            self.add_error(
                "topic", pgettext_lazy("print", "Choose the topic whose services go in the booklet.")
            )
        if selection == BookletSelection.PAGES:
            formset = self.formsets.get("chosen_pages")
            chosen = [
                form.cleaned_data.get("page")
                for form in (formset.forms if formset else [])
                if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            chosen = [page for page in chosen if page is not None]
            if not chosen:
                raise ValidationError(pgettext_lazy("print", "Choose at least one page."))
            unprintable = [page.title for page in chosen if type(page.specific) not in BUILDERS]
            if unprintable:
                raise ValidationError(
                    pgettext_lazy("print", "These pages have no printed edition: %(titles)s")
                    % {"titles": ", ".join(unprintable)}
                )
        return cleaned
