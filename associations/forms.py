"""Admin forms: reviewing a request, inviting a member."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from content_models.models import AssociationPage

from .models import Membership


class AccountRequestApproveForm(forms.Form):
    page = forms.ModelChoiceField(
        label=_("Profile page"),
        queryset=AssociationPage.objects.none(),
        required=False,
        empty_label=_("Create a new draft profile page"),
        help_text=_("Link the association's existing profile page, if the Region already wrote one."),
    )

    def __init__(self, *args, suggested_title: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # Only Italian (source) profiles that no association has yet: translations follow their source.
        pages = AssociationPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, association__isnull=True
        ).order_by("title")
        self.fields["page"].queryset = pages
        if suggested_title and not self.is_bound:
            self.initial["page"] = pages.filter(title__iexact=suggested_title.strip()).first()


class AccountRequestRejectForm(forms.Form):
    comment = forms.CharField(
        label=_("Note to the association"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent with a polite rejection email. Say what could change our answer, if anything."),
    )


class MemberInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER)
