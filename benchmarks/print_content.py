"""The print benchmark's content: service pages as long as real ones (a two-page A4 leaflet), in Italian, Arabic and
Chinese, and one help desk that twelve of them point at. Fixed texts, no randomness."""

import datetime

from django.core.files.base import ContentFile
from wagtail.models import Locale

from content_models.models import ServiceIndexPage
from printing.models import PrintSettings
from tests.factories import (
    ImageFactory,
    ServicePageFactory,
    ServicePointFactory,
    png_bytes,
    translation_publish,
)

PHONE = "+39 010 123 4567"

TEXTS = {
    "it": {
        "title": "Corsi di italiano per adulti {n}",
        "summary": "Corsi gratuiti di lingua italiana dal livello Pre-A1 al B1, di giorno, di sera e online, in tutta "
        "la Liguria.",
        "sentence": f"Per informazioni chiama lo sportello al {PHONE} dal lunedì al venerdì, oppure scrivi a "
        "sportello@example.org: ti rispondiamo entro due giorni lavorativi. ",
        "step": "Prenota il test di livello",
        "question": "Il corso è gratuito?",
    },
    "ar": {
        "title": "دورات مجانية للكبار {n}",
        "summary": "دورات مجانية في اللغة الإيطالية من مستوى ما قبل A1 حتى B1، نهارًا ومساءً وعبر الإنترنت، في "
        "جميع أنحاء ليغوريا.",
        "sentence": f"للاستفسار اتصل بالشباك على الرقم {PHONE} من الاثنين إلى الجمعة، أو اكتب إلى "
        "sportello@example.org: نرد عليك خلال يومي عمل. ",
        "step": "احجز اختبار المستوى",
        "question": "هل الدورة مجانية؟",
    },
    "zh-hans": {
        "title": "成人意大利语课程 {n}",
        "summary": "免费意大利语课程，从预备A1级到B1级，白天、晚上和线上授课，覆盖整个利古里亚大区。",
        "sentence": f"如需咨询，请在周一至周五拨打服务窗口电话 {PHONE}，或发送电子邮件至 sportello@example.org："
        "我们将在两个工作日内回复。",
        "step": "预约水平测试",
        "question": "课程免费吗？",
    },
}


def _rich(texts, sentences: int) -> str:
    return "<p>" + texts["sentence"] * sentences + "</p>"


def _fields(texts, n: int, image) -> dict:
    return {
        "title": texts["title"].format(n=n),
        "summary": texts["summary"],
        "audience_details": _rich(texts, 1),
        "how_to_access": [
            ("step", {"title": f"{texts['step']} {i}", "description": _rich(texts, 1)}) for i in range(1, 4)
        ],
        "what_you_need": "<ul>" + "".join(f"<li>{texts['step']} {i}</li>" for i in range(1, 4)) + "</ul>",
        "what_you_get": _rich(texts, 1),
        "deadlines": _rich(texts, 1),
        "channels": _rich(texts, 1),
        "body": [
            {"type": "heading", "id": "h1", "value": {"text": texts["step"], "level": "h2"}},
            {"type": "paragraph", "id": "p1", "value": _rich(texts, 3)},
            {
                "type": "image",
                "id": "i1",
                "value": {"image": image.pk, "caption": "", "alt_text": texts["step"]},
            },
            {
                "type": "faq",
                "id": "f1",
                "value": {
                    "title": "",
                    "items": [{"question": texts["question"], "answer": _rich(texts, 1)} for _ in range(2)],
                },
            },
            {
                "type": "contact",
                "id": "c1",
                "value": {
                    "name": "Sportello InterAzioni",
                    "role": "",
                    "phone": PHONE,
                    "email": "sportello@example.org",
                    "url": "",
                    "notes": "",
                },
            },
        ],
    }


def build(services: int = 12) -> dict:
    """Returns {"leaflets": {language: page}, "point": the Italian help desk}."""
    from content_models import services as site

    home = site.home_page_ensure()
    parent = ServiceIndexPage.objects.child_of(home).get()
    logo = ImageFactory(
        title="Logo",
        description="Unione europea",
        file=ContentFile(png_bytes(300, 200, (0, 51, 153)), name="logo.png"),
    )
    settings = PrintSettings.load()
    settings.funding_line = "Progetto cofinanziato dal Fondo Asilo, Migrazione e Integrazione 2021-2027."
    settings.logos = [("logo", {"image": logo, "name": "Unione europea"})]
    settings.save()
    image = ImageFactory(
        description="Una classe", file=ContentFile(png_bytes(1600, 1000, (200, 120, 40)), name="classe.png")
    )
    point = ServicePointFactory(
        name="Sportello InterAzioni Genova",
        phone=PHONE,
        postcode="16121",
        opening_hours=[
            (
                "slot",
                {
                    "weekday": day,
                    "opens": datetime.time(9),
                    "closes": datetime.time(13),
                    "by_appointment": False,
                },
            )
            for day in ("mon", "tue", "wed", "thu", "fri")
        ],
    )
    arabic_point = point.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_point.name = "شبّاك InterAzioni في جنوة"
    arabic_point.save()
    leaflets = {}
    for n in range(1, services + 1):
        page = ServicePageFactory(
            parent=parent,
            slug=f"corsi-{n}",
            **_fields(TEXTS["it"], n, image),
            last_reviewed=datetime.date(2025, 3, 12),
        )
        page.service_points.add(point)
        page.save_revision().publish()
        for language in ("ar", "zh-hans") if n == 1 else ("ar",):
            leaflets.setdefault(
                language, translation_publish(page, language, **_fields(TEXTS[language], n, image))
            )
    return {"leaflets": leaflets, "point": point}
