"""Blocks with structure readers rely on: steps, questions, contacts, key figures, opening hours, links."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .text import SHORT_RICH_TEXT_FEATURES


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=160)
    description = blocks.RichTextBlock(label=_("Details"), required=False, features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "arrow-right"
        label = _("Step")
        description = _("One thing the reader does.")
        preview_value = {"title": "Prenota il test di livello", "description": "<p>Chiama lo sportello.</p>"}


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Steps (how to)")
        description = _("A numbered procedure: what to do, in order.")
        preview_value = {
            "title": "Come iscriversi",
            "steps": [
                {"title": "Prenota il test di livello", "description": "<p>Allo sportello o al telefono.</p>"},
                {"title": "Porta i documenti", "description": "<p>Documento di identità e permesso.</p>"},
            ],
        }


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")
        preview_value = {"question": "Il corso è gratuito?", "answer": "<p>Sì, per tutti.</p>"}


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        description = _("Questions readers ask, with short answers.")
        preview_value = {
            "title": "Domande frequenti",
            "items": [
                {"question": "Il corso è gratuito?", "answer": "<p>Sì, per tutti.</p>"},
                {"question": "Serve il permesso di soggiorno?", "answer": "<p>No, basta un documento.</p>"},
            ],
        }


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name or office"), max_length=160)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=160)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    url = blocks.URLBlock(label=_("Website"), required=False)
    notes = blocks.TextBlock(label=_("When and how to reach"), required=False, max_length=500)

    class Meta:
        icon = "mail"
        label = _("Contact")
        description = _("Who to contact, and how.")
        preview_value = {
            "name": "Sportello unico immigrazione",
            "phone": "+39 010 000 0000",
            "email": "sportello@example.org",
            "notes": "Dal lunedì al venerdì, 9-13.",
        }

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("phone") or value.get("email") or value.get("url")):
            raise StructBlockValidationError(
                block_errors={"phone": ValidationError(_("Give at least a phone, an email or a website."))}
            )
        return value


class KeyFigureBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("What is counted"), max_length=160)
    value = blocks.DecimalBlock(label=_("Value"), decimal_places=2, max_digits=14)
    unit = blocks.CharBlock(label=_("Unit"), required=False, max_length=40, help_text=_("E.g. %, people, €"))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "table"
        label = _("Key figure")
        preview_value = {"label": "Persone straniere residenti", "value": "150000", "unit": "persone"}


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=12)

    class Meta:
        icon = "table"
        label = _("Key figures")
        description = _("A few numbers that matter, each with its unit and source.")
        preview_value = {
            "title": "In Liguria",
            "figures": [
                {"label": "Persone straniere residenti", "value": "150000", "unit": "persone"},
                {"label": "Corsi di italiano attivi", "value": "85", "unit": "corsi"},
            ],
        }


WEEKDAYS = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
]
WEEKDAY_NAMES = dict(WEEKDAYS)


class OpeningHoursValue(blocks.StructValue):
    def weekday_name(self) -> str:
        """The day's name in the active language: the stored value is a code ("mon")."""
        return WEEKDAY_NAMES.get(self.get("weekday"), self.get("weekday"))


class OpeningHoursBlock(blocks.StructBlock):
    """One opening slot; a day with two slots (morning, afternoon) has two rows."""

    weekday = blocks.ChoiceBlock(label=_("Day"), choices=WEEKDAYS)
    opens = blocks.TimeBlock(label=_("Opens"))
    closes = blocks.TimeBlock(label=_("Closes"))
    by_appointment = blocks.BooleanBlock(label=_("By appointment only"), required=False)

    class Meta:
        icon = "time"
        label = _("Opening hours")
        preview_value = {"weekday": "mon", "opens": "09:00", "closes": "13:00"}
        value_class = OpeningHoursValue

    def clean(self, value):
        value = super().clean(value)
        if value["opens"] >= value["closes"]:
            raise StructBlockValidationError(
                block_errors={"closes": ValidationError(_("Closing time must be after opening time."))}
            )
        return value


SOCIAL_PLATFORMS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
    ("linkedin", "LinkedIn"),
    ("x", "X"),
    ("telegram", "Telegram"),
    ("whatsapp", "WhatsApp"),
    ("other", _("Other")),
]


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(label=_("Platform"), choices=SOCIAL_PLATFORMS)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "site"
        label = _("Social link")
        preview_value = {"platform": "facebook", "url": "https://www.facebook.com/example"}
