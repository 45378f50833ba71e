"""Association profiles: one page per migrant association, kept current by the association itself."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from multiselectfield import MultiSelectField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, BodyStreamBlock, SocialLinkBlock
from ..choices import AREAS_OF_ACTIVITY, PROVINCES, SPOKEN_LANGUAGES
from .base import page_tabs
from .mixins import TopicPage, checkboxes_panel


class AssociationPage(TopicPage):
    """The public profile of a migrant association. Exactly one per association and locale tree."""

    description = RichTextField(_("who we are"), features=RICH_TEXT_FEATURES)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    areas_of_activity = MultiSelectField(_("areas of activity"), choices=AREAS_OF_ACTIVITY, max_length=300)
    communities_served = CountryField(
        _("communities served"), multiple=True, blank=True, help_text=_("Countries of origin of the people served.")
    )
    languages_spoken = MultiSelectField(_("languages spoken"), choices=SPOKEN_LANGUAGES, max_length=200, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100)
    province = models.CharField(_("province"), max_length=2, choices=PROVINCES)
    address = models.CharField(_("address"), max_length=255, blank=True)
    email = models.EmailField(_("public email"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True, verbose_name=_("social media"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("more about us"))

    parent_page_types = ["content_models.AssociationIndexPage"]
    subpage_types = ["content_models.EventPage"]
    content_panels = TopicPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("body"),
    ]
    details_panels = [
        FieldPanel("areas_of_activity"),
        FieldPanel("communities_served"),
        FieldPanel("languages_spoken"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("municipality"), FieldPanel("province")])],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website"), FieldPanel("social_links")],
            heading=_("Contacts"),
        ),
        checkboxes_panel("topics"),
    ]
    edit_handler = page_tabs(content_panels, details_panels)
    search_fields = TopicPage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("municipality"),
        index.FilterField("province"),
    ]
    template = "content_models/preview/association_page.html"

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    def clean(self):
        super().clean()
        # One profile per association: another page in the same language with the same name is a duplicate.
        duplicates = (
            AssociationPage.objects.filter(locale_id=self.locale_id, title__iexact=self.title.strip())
            .exclude(translation_key=self.translation_key)
        )
        if duplicates.exists():
            raise ValidationError({"title": _("An association with this name already has a profile page.")})
