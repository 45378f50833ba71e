"""The benchmark's content: an Italian issue, its Arabic edition and the subscribers.

Made with the test suite's own helpers (tests/newsletter/conftest.py, tests/factories), as the tests make
them.
"""

import contextlib

TEXT = {
    "it": {
        "subject": "Notizie di settembre: corsi, sportelli ed eventi",
        "heading": "Ripartono i corsi di italiano",
        "paragraphs": [
            (
                "<p>Da lunedì 15 settembre ripartono in tutta la Liguria i <b>corsi gratuiti di lingua "
                "italiana</b> per adulti, dal livello A1 al B1. Le lezioni si tengono nei Centri "
                "provinciali per l'istruzione degli adulti e nelle sedi delle associazioni, al mattino, al "
                "pomeriggio e alla sera, per chi lavora. Per iscriversi serve un documento di identità; "
                '<a href="/documents/1/guida.pdf">la guida</a> spiega passo per passo come fare.</p>'
            ),
            (
                "<p>Quest'anno i corsi hanno più posti per le donne con bambini piccoli: in dieci sedi c'è "
                "uno spazio gioco con educatrici durante le lezioni.</p><ul><li>Genova: 24 sedi</li>"
                "<li>La Spezia: 8 sedi</li><li>Savona: 7 sedi</li><li>Imperia: 5 sedi</li></ul>"
            ),
        ],
        "caption": "Una lezione al CPIA di Genova",
        "cta": "Prenota il test di livello",
        "steps_title": "Come iscriversi",
        "steps": [
            ("Prenota il test di livello", "<p>Online o allo sportello, senza costi.</p>"),
            ("Fai il test", "<p>Dura trenta minuti e serve a scegliere la classe giusta.</p>"),
            ("Inizia il corso", "<p>Ricevi l'orario via SMS o email.</p>"),
        ],
        "faq_title": "Domande frequenti",
        "faq": [
            ("Il corso è gratuito?", "<p>Sì, sempre, anche il materiale didattico.</p>"),
            ("Serve il permesso di soggiorno?", "<p>No, basta un documento di identità.</p>"),
            ("Alla fine ricevo un attestato?", "<p>Sì, valido per il permesso di soggiorno UE.</p>"),
        ],
        "figures_title": "In Liguria",
        "figures": [("Residenti stranieri", "150000", "persone"), ("Corsi attivi", "320", "classi")],
        "document": "Il modulo di iscrizione",
        "teasers": "Prossimi appuntamenti",
        "alert_title": "Scadenza",
        "alert": "<p>Le iscrizioni al primo turno chiudono il 30 settembre.</p>",
        "quote": "Grazie al corso ho trovato lavoro come assistente familiare.",
        "contact_notes": "Lunedì-venerdì 9-13, giovedì anche 14-17",
    },
    "ar": {
        "subject": "أخبار سبتمبر: دورات ومكاتب وفعاليات",
        "heading": "عودة دورات اللغة الإيطالية",
        "paragraphs": [
            (
                "<p>ابتداءً من يوم الاثنين 15 سبتمبر تعود <b>دورات اللغة الإيطالية المجانية</b> للكبار في "
                "كل أنحاء ليغوريا، من المستوى A1 إلى B1. تُعقد الدروس في المراكز الإقليمية لتعليم الكبار وفي "
                "مقرات الجمعيات، صباحًا وبعد الظهر ومساءً لمن يعمل. للتسجيل تحتاج إلى وثيقة هوية؛ "
                '<a href="/documents/1/guida.pdf">الدليل</a> يشرح الخطوات واحدة تلو الأخرى.</p>'
            ),
            (
                "<p>هذا العام توجد أماكن أكثر للنساء اللواتي لديهن أطفال صغار: في عشرة مقرات توجد مساحة "
                "للعب مع مربيات أثناء الدروس.</p><ul><li>جنوة: 24 مقرًا</li><li>لا سبيتسيا: 8 مقرات</li>"
                "<li>سافونا: 7 مقرات</li><li>إمبيريا: 5 مقرات</li></ul>"
            ),
        ],
        "caption": "درس في مركز تعليم الكبار في جنوة",
        "cta": "احجز اختبار المستوى",
        "steps_title": "كيف تسجّل",
        "steps": [
            ("احجز اختبار المستوى", "<p>عبر الإنترنت أو في المكتب، مجانًا.</p>"),
            ("أجرِ الاختبار", "<p>يستغرق ثلاثين دقيقة ويساعد على اختيار الصف المناسب.</p>"),
            ("ابدأ الدورة", "<p>تصلك المواعيد برسالة نصية أو بالبريد الإلكتروني.</p>"),
        ],
        "faq_title": "أسئلة شائعة",
        "faq": [
            ("هل الدورة مجانية؟", "<p>نعم، دائمًا، وكذلك المواد التعليمية.</p>"),
            ("هل أحتاج إلى تصريح إقامة؟", "<p>لا، تكفي وثيقة هوية.</p>"),
            ("هل أحصل على شهادة في النهاية؟", "<p>نعم، وهي صالحة لتصريح الإقامة الأوروبي.</p>"),
        ],
        "figures_title": "في ليغوريا",
        "figures": [("المقيمون الأجانب", "150000", "شخص"), ("الدورات الجارية", "320", "صف")],
        "document": "استمارة التسجيل",
        "teasers": "المواعيد القادمة",
        "alert_title": "موعد نهائي",
        "alert": "<p>يُغلق التسجيل في الدورة الأولى يوم 30 سبتمبر.</p>",
        "quote": "بفضل الدورة وجدت عملًا كمساعدة منزلية.",
        "contact_notes": "من الاثنين إلى الجمعة 9-13، والخميس أيضًا 14-17",
    },
}


def issue_body(language: str, *, image, document, pages) -> list:
    """A typical issue: a lead story with steps and FAQ, figures, a form, teasers of three pages, a notice."""
    t = TEXT[language]
    return [
        ("heading", {"text": t["heading"], "level": "h2"}),
        ("paragraph", t["paragraphs"][0]),
        ("image", {"image": image, "caption": t["caption"], "alt_text": ""}),
        ("paragraph", t["paragraphs"][1]),
        (
            "call_to_action",
            {"label": t["cta"], "page": None, "url": "https://example.org/prenota", "description": ""},
        ),
        (
            "steps",
            {
                "title": t["steps_title"],
                "steps": [{"title": title, "description": text} for title, text in t["steps"]],
            },
        ),
        ("faq", {"title": t["faq_title"], "items": [{"question": q, "answer": a} for q, a in t["faq"]]}),
        (
            "key_figures",
            {
                "title": t["figures_title"],
                "figures": [
                    {"label": label, "value": value, "unit": unit, "source": "ISTAT"}
                    for label, value, unit in t["figures"]
                ],
            },
        ),
        ("document", {"document": document, "title": "", "description": t["document"]}),
        ("teasers", {"title": t["teasers"], "pages": pages, "show_images": True}),
        ("quote", {"quote": t["quote"], "attribution": "Amina"}),
        ("alert", {"level": "warning", "title": t["alert_title"], "text": t["alert"]}),
        (
            "contact",
            {
                "name": "Sportello InterAzioni",
                "role": "",
                "phone": "+39 010 000 0000",
                "email": "sportello@example.org",
                "url": "",
                "notes": t["contact_notes"],
            },
        ),
    ]


def build_issues():
    """The Italian issue and its Arabic edition, made and published as the test suite makes them."""
    from django.core.files.base import ContentFile

    from content_models import services
    from content_models.models import EventIndexPage, NewsIndexPage, ServiceIndexPage
    from tests.factories import (
        DocumentFactory,
        EventPageFactory,
        ImageFactory,
        NewsPageFactory,
        ServicePageFactory,
        png_bytes,
    )
    from tests.newsletter.conftest import publish_issue, translate, translate_issue

    # Outside a transaction, on_commit callbacks run at once: no need for the fixture that captures them.
    def run_on_commit(execute=True):
        return contextlib.nullcontext()

    def photo(colour):
        return ImageFactory(file=ContentFile(png_bytes(1200, 800, colour), name="foto.png"))

    services.locales_sync()
    home = services.home_page_ensure()
    section = {
        model: model.objects.child_of(home).get()
        for model in (NewsIndexPage, EventIndexPage, ServiceIndexPage)
    }
    news = NewsPageFactory(
        parent=section[NewsIndexPage],
        title="Nuovi corsi di italiano",
        slug="nuovi-corsi",
        summary="Si riparte a settembre in 44 sedi.",
        main_image=photo((0, 102, 153)),
    )
    event = EventPageFactory(
        parent=section[EventIndexPage],
        title="Festa interculturale",
        slug="festa",
        summary="Musica, cibo e giochi ai Giardini Luzzati.",
    )
    service = ServicePageFactory(
        parent=section[ServiceIndexPage],
        title="Sportello lavoro",
        slug="sportello-lavoro",
        summary="Curriculum, colloqui e offerte di lavoro.",
    )
    arabic_news = translate(
        news, "ar", run_on_commit
    ).specific  # one teaser translated, two fall back to Italian
    arabic_news.title = "دورات جديدة للغة الإيطالية"
    arabic_news.save_revision().publish()
    image, document, pages = photo((200, 120, 0)), DocumentFactory(), [news, event, service]

    italian = publish_issue(
        subject=TEXT["it"]["subject"], body=issue_body("it", image=image, document=document, pages=pages)
    )
    arabic = translate_issue(
        italian,
        "ar",
        run_on_commit,
        subject=TEXT["ar"]["subject"],
        body=issue_body("ar", image=image, document=document, pages=pages),
    )
    return italian, arabic


def add_subscribers(count: int, *, prefix: str) -> dict[str, int]:
    """`count` active subscribers, half Italian, half Arabic (the test suite's helper)."""
    from tests.newsletter.conftest import make_subscribers

    split = {"it": count - count // 2, "ar": count // 2}
    for language, n in split.items():
        make_subscribers(n, language=language, prefix=f"{prefix}-{language}-")
    return split


def reset_send(source) -> None:
    """Forget a finished send, so the same issue can be sent again to the same subscribers."""
    from newsletter.models import Delivery, Dispatch

    Delivery.objects.filter(issue=source).delete()
    Dispatch.objects.filter(issue=source).delete()
