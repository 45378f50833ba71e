"""Pages and snippets of the content model. Page factories need `parent=`; they publish unless `live=False`."""

import datetime

import factory
from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from content_models.models import (
    AssociationPage,
    EventPage,
    InfographicPage,
    NewsPage,
    ServicePage,
    ServicePoint,
    Topic,
)

from .media import ImageFactory


def _default_locale():
    return Locale.get_default()


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    locale = factory.LazyFunction(_default_locale)


class ServicePointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServicePoint

    name = factory.Sequence(lambda n: f"Sportello {n}")
    address = "Via Fieschi 15"
    municipality = "Genova"
    province = "GE"
    latitude = "44.405650"
    longitude = "8.946256"
    languages_spoken = ["it", "ar"]
    locale = factory.LazyFunction(_default_locale)


class PageFactory(factory.Factory):
    """Adds the page under `parent` and publishes a revision (drafts with live=False)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    summary = "Un riassunto breve e chiaro."

    @classmethod
    def _create(cls, model_class, *args, parent, live=True, **kwargs):
        page = model_class(*args, live=live, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
        return page


class ServicePageFactory(PageFactory):
    class Meta:
        model = ServicePage

    title = factory.Sequence(lambda n: f"Servizio {n}")
    programme_action = "02"
    provinces = ["GE"]


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Evento {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    venue_name = "Palazzo Ducale"
    municipality = "Genova"
    province = "GE"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Notizia {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Testo della notizia.</p>")])


class InfographicPageFactory(PageFactory):
    class Meta:
        model = InfographicPage

    title = factory.Sequence(lambda n: f"Infografica {n}")
    image = factory.SubFactory(ImageFactory)
    alt_text = "Grafico a barre dei residenti stranieri per provincia"
    long_description = "<p>Genova ha il maggior numero di residenti stranieri.</p>"
    data_source = "ISTAT"
    data_date = datetime.date(2025, 1, 1)


class AssociationPageFactory(PageFactory):
    class Meta:
        model = AssociationPage

    title = factory.Sequence(lambda n: f"Associazione {n}")
    description = "<p>Un'associazione di volontari.</p>"
    areas_of_activity = ["culture"]
    municipality = "Genova"
    province = "GE"


def translation_publish(page, code: str, *, publish: bool = True, **fields):
    """The translation of `page` in `code`, with `fields` set, published unless publish=False (a draft).

    Missing ancestors are translated and published too. What waits for the commit (reference index, distribution's
    outbox and webhooks) runs, as after a real publish.
    """
    locale = Locale.objects.get(language_code=code)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation = page.specific.copy_for_translation(locale, copy_parents=True)
        for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
            ancestor.specific.save_revision().publish()
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save()
        revision = translation.save_revision()
        if publish:
            revision.publish()
    return type(translation).objects.get(pk=translation.pk)


def translation_sync(instance, code: str, strings: dict[str, str]):
    """The translator's flow in wagtail-localize's editor, then Publish: `strings` (source text -> translation) are
    translated, every other string keeps its source text (wagtail-localize's fallback). Works for pages (missing
    ancestors are translated and published too) and snippets. Returns the translation, fresh from the database."""
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    locale = Locale.objects.get(language_code=code)
    with TestCase.captureOnCommitCallbacks(execute=True):
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        Translation.objects.get_or_create(source=source, target_locale=locale)
        for segment in source.stringsegment_set.select_related("string", "context"):
            if segment.string.data in strings:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string, locale=locale, context=segment.context,
                    defaults={"data": strings[segment.string.data]},
                )
        translation, _created = source.create_or_update_translation(
            locale, publish=True, fallback=True, copy_parent_pages=True
        )
        if isinstance(translation, Page):
            for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
                ancestor.specific.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)


ARABIC_TITLE = "دورات اللغة الإيطالية"


def service_partly_translated(parent, code: str = "ar"):
    """(Italian service, its published translation into `code`) where the translator did the title, the first
    paragraph of "who it is for", the body's paragraph and the first of its steps, and left the summary, the
    second paragraph, the body's heading and the second step (a string inside a block's list) in Italian (issue
    12, item 3)."""
    italian = ServicePageFactory(
        parent=parent, title="Corsi di italiano", slug="corsi", summary="Corsi gratuiti per adulti.",
        audience_details='<p data-block-key="a1">Per adulti stranieri.</p><p data-block-key="a2">Anche per chi '
                         "lavora.</p>",
        body=[("paragraph", "<p>Iscrizioni a settembre.</p>"), ("heading", {"text": "Dove", "level": "h2"}),
              ("steps", {"title": "", "steps": [{"title": "Prenota il test", "description": ""},
                                                {"title": "Porta i documenti", "description": ""}]})],
    )
    translation = translation_sync(italian, code, {
        "Corsi di italiano": ARABIC_TITLE, "Per adulti stranieri.": "للبالغين الأجانب.",
        "Iscrizioni a settembre.": "التسجيل في سبتمبر.", "Prenota il test": "احجز الاختبار",
    })
    return italian, translation


def event_and_desk_partly_translated(parent, code: str = "ar"):
    """(Italian event, its published translation, Italian help desk, its translation into `code`), their plain
    fields half translated: the event's title and cost, the desk's name and accessibility notes are; the event's
    venue and the desk's opening notes are still Italian (issue 12, item 3)."""
    event = EventPageFactory(parent=parent, title="Festa dei popoli", slug="festa-popoli", venue_name="Sala Rossa",
                             address="", cost="Ingresso 5 euro")
    desk = ServicePointFactory(name="Sportello Centro", opening_notes="Chiuso ad agosto.",
                               accessibility_notes="Ingresso senza gradini.")
    return (
        event,
        translation_sync(event, code, {"Festa dei popoli": "مهرجان الشعوب", "Ingresso 5 euro": "الدخول 5 يورو"}),
        desk,
        translation_sync(desk, code, {"Sportello Centro": "مكتب المركز",
                                      "Ingresso senza gradini.": "مدخل بدون درج."}),
    )


def page_hide(page, state: str):
    """Put a published page into `state` the way Wagtail (or its scheduler) would: draft, unpublished, expired,
    scheduled, or restricted by password, login or groups. Returns the page."""
    now = timezone.now()
    if state == "draft":
        Page.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True, first_published_at=None,
                                               last_published_at=None, live_revision=None)
    elif state == "unpublished":
        page.unpublish()
    elif state == "expired":
        # Its expiry has passed, but `publish_scheduled` has not run yet: the row still says live.
        Page.objects.filter(pk=page.pk).update(expire_at=now - datetime.timedelta(hours=1))
    elif state == "scheduled":
        page.unpublish()
        page = Page.objects.get(pk=page.pk).specific
        page.go_live_at = now + datetime.timedelta(days=1)
        page.save_revision().publish()  # Wagtail keeps a page with a future go-live offline
        assert not Page.objects.get(pk=page.pk).live
    else:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type={"password": "password", "login": "login", "groups": "groups"}[state],
            password="sesamo" if state == "password" else "",
        )
        if state == "groups":
            restriction.groups.add(Group.objects.get_or_create(name="Redazione riservata")[0])
    return page
