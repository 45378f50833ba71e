"""Admin forms of the sending page."""

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

MAX_TEST_ADDRESSES = 10


class TestSendForm(forms.Form):
    emails = forms.CharField(
        label=_("Send to"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Up to 10 addresses, one per line or separated by commas."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Language editions"), choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple,
        initial=[settings.LANGUAGE_CODE],
    )

    def clean_emails(self):
        emails = [part.strip() for part in self.cleaned_data["emails"].replace(",", "\n").splitlines() if part.strip()]
        if not emails or len(emails) > MAX_TEST_ADDRESSES:
            raise forms.ValidationError(_("Give between 1 and 10 addresses."))
        for email in emails:
            validate_email(email)
        return emails


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(label=_("Send at"), widget=AdminDateTimeInput)

    def clean_send_at(self):
        send_at = self.cleaned_data["send_at"]
        if send_at <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return send_at
