"""The benchmark's fixed data set: 200 service pages of 20 blocks and 500 events, in it/en/fr/ar.

`scale` multiplies the pages (`--scale 10`: 28,000 pages); the first 50 events, the 10- and 20-block service
pages and the images are the same at every scale, so every workload asks the same question of a larger site.

Fixed means the same rows every time: no random numbers, no dates relative to today (events run from 2030 on).
Italian pages first, then their translations as direct copies in each locale's tree (same translation key,
translated text), as wagtail-localize leaves them once published. Fast rather than editor-like: tree paths are
computed for each parent's children in one go, pages are inserted in bulk without `full_clean` (the content is
built valid here) and without revisions (the API reads the live page row, never a revision), and the search and
reference indexes are filled once at the end (content_models.demo.indexing).

Every service page has images, links to pages and a document in its rich text, and page choosers in its blocks:
what the API resolves per block. One service page has 10 blocks, so query counts can be compared at 10 and 20.
"""

import datetime
import io
import time
import uuid

SEED_VERSION = 1  # bump when the data set changes in a way the source hash would not show
SERVICES = 200
EVENTS = 500
IMAGES = 12
LANGUAGES = ("it", "en", "fr", "ar")
SEARCH_TERM = "lavoro"  # in the title of one service in ten and one event in ten (70 Italian hits)
SERVICE_SLUG_20_BLOCKS = "servizio-001"
SERVICE_SLUG_10_BLOCKS = "servizio-000"
NAMESPACE = uuid.UUID("5b0f7c1e-3f7e-4a0b-9a53-1c0de5e0be11")
FIRST_EVENT = datetime.datetime(2030, 1, 7, 18, 0, tzinfo=datetime.UTC)

# What changes per language; the rest of the text is built around it. Themes: one in ten has the search term.
TEXT = {
    "it": {
        "themes": ["Orientamento al lavoro", "Corsi di italiano", "Salute e vaccini", "Casa e affitto",
                   "Scuola dei figli", "Permesso di soggiorno", "Mediazione culturale", "Servizi sociali",
                   "Riconoscimento dei titoli", "Tutela legale"],
        "service": "Sportello", "event": "Incontro",
        "summary": "Informazioni chiare e gratuite per chi arriva in Liguria: chi può accedere, cosa portare, "
                   "dove andare.",
        "paragraph": "Il servizio è gratuito e aperto a tutte le persone straniere residenti in Liguria. "
                     "Prima di andare, prepara i documenti indicati qui sotto.",
        "link": "vedi anche", "document": "modulo di iscrizione", "heading": "Come funziona",
        "step": "Passo", "question": "Serve un appuntamento?", "answer": "Sì, prenota per telefono o online.",
        "figure": "Persone aiutate", "quote": "Mi hanno spiegato tutto nella mia lingua.",
        "alert": "Le iscrizioni chiudono il 30 settembre.", "cta": "Prenota", "contact": "Sportello InterAzioni",
        "venue": "Centro civico", "caption": "Una giornata allo sportello",
    },
    "en": {
        "themes": ["Job guidance", "Italian courses", "Health and vaccines", "Housing and rent",
                   "Children's school", "Residence permit", "Cultural mediation", "Social services",
                   "Recognition of qualifications", "Legal protection"],
        "service": "Help desk", "event": "Meeting",
        "summary": "Clear, free information for people arriving in Liguria: who can use it, what to bring, "
                   "where to go.",
        "paragraph": "The service is free and open to every foreign resident of Liguria. Before you go, "
                     "prepare the documents listed below.",
        "link": "see also", "document": "registration form", "heading": "How it works",
        "step": "Step", "question": "Do I need an appointment?", "answer": "Yes, book by phone or online.",
        "figure": "People helped", "quote": "They explained everything in my language.",
        "alert": "Registration closes on 30 September.", "cta": "Book", "contact": "InterAzioni desk",
        "venue": "Community centre", "caption": "A day at the help desk",
    },
    "fr": {
        "themes": ["Orientation professionnelle", "Cours d'italien", "Santé et vaccins", "Logement et loyer",
                   "École des enfants", "Titre de séjour", "Médiation culturelle", "Services sociaux",
                   "Reconnaissance des diplômes", "Protection juridique"],
        "service": "Guichet", "event": "Rencontre",
        "summary": "Des informations claires et gratuites pour qui arrive en Ligurie : qui peut en bénéficier, "
                   "quoi apporter, où aller.",
        "paragraph": "Le service est gratuit et ouvert à toutes les personnes étrangères résidant en Ligurie. "
                     "Avant d'y aller, préparez les documents indiqués ci-dessous.",
        "link": "voir aussi", "document": "formulaire d'inscription", "heading": "Comment ça marche",
        "step": "Étape", "question": "Faut-il un rendez-vous ?", "answer": "Oui, réservez par téléphone ou en ligne.",
        "figure": "Personnes aidées", "quote": "On m'a tout expliqué dans ma langue.",
        "alert": "Les inscriptions ferment le 30 septembre.", "cta": "Réserver", "contact": "Guichet InterAzioni",
        "venue": "Centre civique", "caption": "Une journée au guichet",
    },
    "ar": {
        "themes": ["التوجيه المهني", "دورات اللغة الإيطالية", "الصحة واللقاحات", "السكن والإيجار",
                   "مدرسة الأطفال", "تصريح الإقامة", "الوساطة الثقافية", "الخدمات الاجتماعية",
                   "معادلة الشهادات", "الحماية القانونية"],
        "service": "مكتب", "event": "لقاء",
        "summary": "معلومات واضحة ومجانية للقادمين إلى ليغوريا: من يحق له، ماذا يحضر، وإلى أين يذهب.",
        "paragraph": "الخدمة مجانية ومفتوحة لجميع الأجانب المقيمين في ليغوريا. قبل الذهاب، جهّز الوثائق "
                     "المذكورة أدناه.",
        "link": "انظر أيضًا", "document": "استمارة التسجيل", "heading": "كيف تعمل الخدمة",
        "step": "الخطوة", "question": "هل أحتاج إلى موعد؟", "answer": "نعم، احجز بالهاتف أو عبر الإنترنت.",
        "figure": "أشخاص تمت مساعدتهم", "quote": "شرحوا لي كل شيء بلغتي.",
        "alert": "يُغلق التسجيل في 30 سبتمبر.", "cta": "احجز", "contact": "مكتب InterAzioni",
        "venue": "المركز المدني", "caption": "يوم في المكتب",
    },
}
MUNICIPALITIES = [("Genova", "GE"), ("La Spezia", "SP"), ("Savona", "SV"), ("Imperia", "IM"), ("Chiavari", "GE")]


def block_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


# --- StreamField raw data -----------------------------------------------------------------------------------
def _rich(t: dict, page_id: int, document_id: int) -> str:
    return (
        f"<p>{t['paragraph']} <a linktype=\"page\" id=\"{page_id}\">{t['link']}</a>, "
        f"<a linktype=\"document\" id=\"{document_id}\">{t['document']}</a>.</p>"
        f"<ul><li>{t['step']} 1</li><li>{t['step']} 2</li></ul>"
    )


def _items(owner: str, values: list[dict]) -> list[dict]:
    return [{"type": "item", "value": value, "id": block_id(owner, n)} for n, value in enumerate(values)]


def service_body(t: dict, owner: str, *, images: list[int], pages: list[int], document: int, blocks: int) -> list:
    """Two halves of 10 blocks that reach the same tables (images, pages, documents); the first `blocks` of them.

    Both halves resolve images, pages and documents, so a page of 20 blocks asks the API for the same kinds of
    things as one of 10, twice as many of each: the query-count proof compares like with like.
    """
    stream = []
    for half in (0, 1):
        rich = _rich(t, pages[half], document)
        stream += [
            ("heading", {"text": t["heading"], "level": "h2" if half == 0 else "h3"}),
            ("paragraph", rich),
            ("image", {"image": images[half], "caption": t["caption"], "alt_text": ""}),
            ("call_to_action", {"label": t["cta"], "page": pages[2 + half], "url": "",
                                "description": t["summary"][:150]}),
            ("steps", {"title": t["heading"], "steps": _items(f"{owner}/{half}/steps", [
                {"title": f"{t['step']} {n}", "description": f"<p>{t['paragraph']}</p>"} for n in (1, 2, 3)])}),
            ("faq", {"title": t["question"], "items": _items(f"{owner}/{half}/faq", [
                {"question": t["question"], "answer": f"<p>{t['answer']}</p>"} for _ in range(3)])}),
            ("key_figures", {"title": t["figure"], "figures": _items(f"{owner}/{half}/figures", [
                {"label": t["figure"], "value": "1250.00", "unit": "", "source": "Regione Liguria"},
                {"label": t["figure"], "value": "38.50", "unit": "%", "source": "ISTAT"}])})
            if half == 0 else ("quote", {"quote": t["quote"], "attribution": "Amina"}),
            ("document", {"document": document, "title": t["document"], "description": t["summary"]}),
            ("related_pages", {"title": t["link"], "pages": _items(f"{owner}/{half}/related",
                                                                   pages[4 + 3 * half:7 + 3 * half])}),
            ("contact", {"name": t["contact"], "role": "", "phone": "+39 010 000 0000",
                         "email": "sportello@example.org", "url": "https://example.org", "notes": t["answer"]})
            if half == 0 else ("alert", {"level": "warning", "title": t["heading"], "text": f"<p>{t['alert']}</p>"}),
        ]
    return [{"type": kind, "value": value, "id": block_id(owner, n)} for n, (kind, value) in enumerate(stream[:blocks])]


def event_body(t: dict, owner: str, *, image: int) -> list:
    stream = [
        ("paragraph", f"<p>{t['paragraph']}</p>"),
        ("image", {"image": image, "caption": t["caption"], "alt_text": ""}),
        ("call_to_action", {"label": t["cta"], "page": None, "url": "https://example.org/iscrizione",
                            "description": ""}),
        ("paragraph", f"<p>{t['answer']}</p>"),
    ]
    return [{"type": kind, "value": value, "id": block_id(owner, n)} for n, (kind, value) in enumerate(stream)]


# --- Seeding ------------------------------------------------------------------------------------------------
def seed_dataset(progress=print, *, scale: int = 1) -> dict:
    """Fill an empty, migrated database with `scale` times the data set. Returns the counts of what was made and
    the seconds each phase took."""
    from django.db import transaction

    from content_models.demo.indexing import indexes_updated_once

    with transaction.atomic(), indexes_updated_once():
        counts = _seed(progress, scale)
    progress("search and reference indexes filled")
    return counts


def _seed(progress, scale: int) -> dict:
    from wagtail.models import Locale

    from content_models.models import EventIndexPage, ServiceIndexPage
    from content_models.services import home_page_ensure

    home = home_page_ensure()
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    images = _images()
    documents = _documents()
    topics, points = _snippets(locales)
    progress(f"{len(images)} images, {len(documents)} documents, {len(topics)} topics, {len(points)} service points")

    # Each locale's home and sections: copies of the Italian ones, as "Translate this page" makes them.
    sections = {"it": {"services": ServiceIndexPage.objects.get(), "events": EventIndexPage.objects.get()}}
    for code in LANGUAGES[1:]:
        home_copy = home.copy_for_translation(locales[code])
        home_copy.save_revision().publish()
        for section in home.get_children().specific():
            section.copy_for_translation(locales[code]).save_revision().publish()
        sections[code] = {
            "services": ServiceIndexPage.objects.get(locale=locales[code]),
            "events": EventIndexPage.objects.get(locale=locales[code]),
        }

    seconds = {}
    started = time.perf_counter()
    events = _events(sections, locales, images, topics, EVENTS * scale)
    seconds["events"] = round(time.perf_counter() - started, 1)
    progress(f"{len(events['it'])} events in each of {', '.join(LANGUAGES)} ({seconds['events']} s)")
    started = time.perf_counter()
    services = _services(
        sections, locales, images, documents, topics, points, [page.pk for page in events["it"]], SERVICES * scale
    )
    seconds["services"] = round(time.perf_counter() - started, 1)
    progress(f"{len(services['it'])} service pages in each of {', '.join(LANGUAGES)} ({seconds['services']} s)")
    started = time.perf_counter()
    for made in (*events.values(), *services.values()):
        _index_pages(made)
    seconds["index"] = round(time.perf_counter() - started, 1)
    progress(f"pages indexed for search and references ({seconds['index']} s)")
    return {
        "scale": scale,
        "seconds": seconds,
        "languages": list(LANGUAGES),
        "services_per_language": SERVICES * scale,
        "events_per_language": EVENTS * scale,
        "blocks_per_service_page": 20,
        "images": len(images),
        "pages": sum(len(pages) for pages in events.values()) + sum(len(pages) for pages in services.values()),
    }


def _images() -> list:
    from django.core.files.base import ContentFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    made = []
    for n in range(IMAGES):
        # A gradient photo-like enough that encoders do real work; 1600x1067 is a typical upload after resizing.
        picture = PILImage.linear_gradient("L").resize((1600, 1067)).convert("RGB")
        picture = PILImage.merge("RGB", (picture.getchannel(0), picture.getchannel(1).rotate(90 + n * 20),
                                         picture.getchannel(2).rotate(n * 30)))
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=85)
        made.append(get_image_model().objects.create(
            title=f"Foto {n}", description=f"Persone allo sportello, foto {n}",
            file=ContentFile(buffer.getvalue(), name=f"bench-{n}.jpg"),
        ))
    return made


def _documents() -> list:
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    return [
        get_document_model().objects.create(
            title=f"Modulo {n}", file=ContentFile(b"%PDF-1.4\n%bench\n" * 200, name=f"modulo-{n}.pdf")
        )
        for n in range(3)
    ]


def _snippets(locales) -> tuple[list, list]:
    from content_models.models import ServicePoint, Topic

    topics, points = [], []
    for n, theme in enumerate(TEXT["it"]["themes"]):
        topic = Topic.objects.create(name=theme, slug=f"tema-{n}", locale=locales["it"])
        topics.append(topic)
        for code in LANGUAGES[1:]:
            copy = topic.copy_for_translation(locales[code])
            copy.name = TEXT[code]["themes"][n]
            copy.save()
    for n, (municipality, province) in enumerate(MUNICIPALITIES):
        points.append(ServicePoint.objects.create(
            name=f"Sportello InterAzioni {municipality}", address=f"Via Roma {n + 1}", municipality=municipality,
            province=province, languages_spoken=["en", "fr", "ar"], locale=locales["it"],
        ))
    return topics, points


def _add_children(parent, pages: list) -> list:
    """Insert pages of one type under `parent` in bulk: tree paths computed here, no validation, no revision.

    Django cannot bulk-create a multi-table model, so it is done in its two steps: the `wagtailcore_page` rows
    with bulk_create (which gives back their ids), then the page type's own rows with the same ids. Saving each
    page instead took about 15 ms a page on SQLite (2,800 pages: 40 s; 28,000 at `--scale 10`: minutes, and
    several times that on PostgreSQL). No signal is sent: the seeder indexes the pages itself (_index_pages).
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    model = type(pages[0])
    if model._meta.get_parent_list() != [Page]:
        raise TypeError(f"{model.__name__}: only page types whose one parent table is Page's are inserted in bulk")
    content_type = ContentType.objects.get_for_model(model)
    depth = parent.depth + 1
    published = datetime.datetime(2029, 6, 1, tzinfo=datetime.UTC)
    for n, page in enumerate(pages, start=parent.numchild + 1):
        page.depth = depth
        page.path = Page._get_path(parent.path, depth, n)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = published
        page.draft_title = page.title
        page.content_type = content_type
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages],
        batch_size=500,
    )
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.page_ptr_id = base.pk
        page._state.adding = False
    own_fields = list(model._meta.local_concrete_fields)  # page_ptr (the id) and the type's own columns
    batch = connection.ops.bulk_batch_size(own_fields, pages)
    for offset in range(0, len(pages), batch):
        model._base_manager._insert(pages[offset:offset + batch], fields=own_fields, using=connection.alias)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)
    return pages


def _index_pages(pages: list) -> None:
    """The search index in bulk (one insert per chunk), and Wagtail's reference index page by page."""
    from modelsearch.backends import get_search_backends
    from wagtail.models import ReferenceIndex

    model = type(pages[0])
    for offset in range(0, len(pages), 500):
        chunk = list(model.objects.filter(pk__in=[page.pk for page in pages[offset:offset + 500]]))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, chunk)
        for page in chunk:
            ReferenceIndex.create_or_update_for_object(page)


def _link(through, target: str, targets_by_page: dict[int, list]) -> None:
    """Many-to-many rows in one insert (ParentalManyToManyField.set() would need another save per page)."""
    page_field = next(
        field.name for field in through._meta.get_fields() if field.name != target and field.name != "id"
    )
    through.objects.bulk_create(
        through(**{f"{page_field}_id": page_id, f"{target}_id": obj.pk})
        for page_id, objs in targets_by_page.items()
        for obj in objs
    )


def _events(sections, locales, images, topics, count: int) -> dict[str, list]:
    from content_models.models import EventPage

    made = {}
    for code in LANGUAGES:
        t = TEXT[code]
        pages = []
        for n in range(count):
            municipality, province = MUNICIPALITIES[n % len(MUNICIPALITIES)]
            start = FIRST_EVENT + datetime.timedelta(hours=17 * n)
            page = EventPage(
                title=f"{t['event']}: {t['themes'][n % 10]} {n:03d}", slug=f"evento-{n:03d}", locale=locales[code],
                translation_key=uuid.uuid5(NAMESPACE, f"event/{n}"), summary=t["summary"], start=start,
                end=start + datetime.timedelta(hours=2), venue_name=f"{t['venue']} {municipality}",
                address=f"Via Roma {n % 90 + 1}", municipality=municipality, province=province,
                social_image=images[n % len(images)],
                body=event_body(t, f"event/{n}", image=images[(n + 1) % len(images)].pk),
            )
            pages.append(page)
        made[code] = _add_children(sections[code]["events"], pages)
        _link(EventPage.topics.through, "topic", {page.pk: [topics[n % 10]] for n, page in enumerate(made[code])})
    return made


def _services(sections, locales, images, documents, topics, points, event_ids, count: int) -> dict[str, list]:
    from content_models.models import ServicePage

    made = {}
    for code in LANGUAGES:
        t = TEXT[code]
        pages = []
        for n in range(count):
            owner = f"service/{n}"
            steps = _items(f"{owner}/how", [
                {"title": f"{t['step']} {step}", "description": f"<p>{t['answer']}</p>"} for step in (1, 2, 3)])
            page = ServicePage(
                title=f"{t['service']}: {t['themes'][n % 10]} {n:03d}", slug=f"servizio-{n:03d}",
                locale=locales[code], translation_key=uuid.uuid5(NAMESPACE, owner), summary=t["summary"],
                audience_details=f"<p>{t['paragraph']}</p>", how_to_access=steps,
                what_you_need=_rich(t, event_ids[n], documents[0].pk), what_you_get=f"<p>{t['answer']}</p>",
                costs="", deadlines=f"<p>{t['alert']}</p>", online_url="https://example.org/servizio",
                channels=f"<p>{t['contact']}</p>", programme_action="01", provinces=["GE", "SP"],
                social_image=images[n % len(images)], last_reviewed=datetime.date(2029, 5, 1),
                body=service_body(
                    t, owner, blocks=10 if n == 0 else 20,
                    images=[images[(n + k) % len(images)].pk for k in range(2)],
                    pages=[event_ids[(n * 11 + k) % len(event_ids)] for k in range(10)],
                    document=documents[n % len(documents)].pk,
                ),
            )
            pages.append(page)
        made[code] = _add_children(sections[code]["services"], pages)
        _link(ServicePage.topics.through, "topic",
              {page.pk: [topics[n % 10], topics[(n + 3) % 10]] for n, page in enumerate(made[code])})
        _link(ServicePage.service_points.through, "servicepoint",
              {page.pk: [points[n % len(points)]] for n, page in enumerate(made[code])})
    return made
