"""Content to print, in Italian and in the languages the tests read back (Arabic, Chinese, Ukrainian).

Texts carry what breaks naive typesetting: a phone number, a date, a Latin street name inside Arabic text. Arabic
test words avoid lam-alef ligatures, which text extraction writes back as two letters in a different order.
"""

import datetime

import pytest
from django.core.cache import cache
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
PORTAL = "https://portale.example.org"
# Left-to-right runs as an editor types them in a rich-text paragraph, one per line (<br>): a mobile number
# and an amount pasted with no-break spaces (as web pages and word processors write them), a date, a Latin
# name. Inside Arabic each must read left to right, in its place in the right-to-left sentence.
LTR_RUNS = ["+39 347 765 4321", "12/03/2025", "InterAzioni", "10 €"]

TEXTS = {
    "it": {
        "title": "Corsi di italiano per adulti",
        "summary": "Corsi gratuiti dal livello A1 al B1, a Genova e online.",
        "paragraph": f"Chiama lo sportello al {PHONE} il giovedì. Sede: Via Fieschi 15, Genova.",
        "alt": "Una classe di adulti davanti alla lavagna",
        "step": "Prenota il test di livello",
        "details": "<p>Oppure al cellulare +39\u00a0347\u00a0765\u00a04321 la sera.<br>"
        "Il corso inizia il 12/03/2025 con InterAzioni.<br>Libro: 10&nbsp;€ soltanto.</p>",
    },
    "ar": {
        "title": "دورات مجانية للكبار",
        "summary": "دورات مجانية في جنوة وعبر الإنترنت.",
        "paragraph": f"اتصل بالرقم {PHONE} يوم الخميس. المقر: Via Fieschi 15, Genova.",
        "alt": "صف من الكبار أمام السبورة",
        "step": "احجز اختبار المستوى",
        "details": "<p>أو على الجوال +39\u00a0347\u00a0765\u00a04321 مساءً.<br>"
        "تبدأ الدورة يوم 12/03/2025 مع InterAzioni في جنوة.<br>ثمن الكتاب 10&nbsp;€ فقط.</p>",
    },
    "zh-hans": {
        "title": "成人意大利语课程",
        "summary": "免费课程，从A1到B1级别，在热那亚和网上。",
        "paragraph": f"请致电 {PHONE} 联系服务窗口。地址：Via Fieschi 15, Genova。",
        "alt": "成人在黑板前上课",
        "step": "预约水平测试",
    },
    "uk": {
        "title": "Курси італійської мови для дорослих",
        "summary": "Безкоштовні курси від рівня A1 до B1 у Генуї та онлайн.",
        "paragraph": f"Телефонуйте за номером {PHONE} у четвер. Адреса: Via Fieschi 15, Genova.",
        "alt": "Клас дорослих перед дошкою",
        "step": "Запишіться на тест рівня",
    },
}


@pytest.fixture
def printing_on(settings):
    """Publishing makes editions (immediate tasks in tests): what a deployment with a worker does."""
    settings.PRINT_ON_PUBLISH = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PORTAL_BASE_URLS = portal_urls(settings)


@pytest.fixture(autouse=True)
def _renditions_cache_clear():
    # Wagtail caches renditions by image id in the default cache; ids come back after each test's rollback.
    cache.clear()
    yield
    cache.clear()


def portal_urls(settings) -> dict[str, str]:
    return {code: f"{PORTAL}/{code}" for code, _name in settings.LANGUAGES}


def print_settings_create() -> PrintSettings:
    logo = ImageFactory(
        title="Logo UE",
        description="Unione europea",
        file=ContentFile(png_bytes(300, 200, (0, 51, 153)), name="logo-ue.png"),
    )
    settings = PrintSettings.load()
    settings.funding_line = "Progetto cofinanziato dal Fondo Asilo, Migrazione e Integrazione 2021-2027."
    settings.funding_translations = [
        ("translation", {"language": "ar", "text": "مشروع بتمويل مشترك من صندوق اللجوء والهجرة والاندماج."})
    ]
    settings.logos = [("logo", {"image": logo, "name": "Unione europea"})]
    settings.save()
    return settings


def service_body(texts: dict, image, ids: dict | None = None) -> list[dict]:
    """The body as stored (block ids kept across translations, as wagtail-localize keeps them)."""
    ids = ids or {}
    return [
        {
            "type": "heading",
            "id": ids.get("heading", "b-heading"),
            "value": {"text": texts["step"], "level": "h2"},
        },
        {
            "type": "paragraph",
            "id": ids.get("paragraph", "b-paragraph"),
            "value": f"<p>{texts['paragraph']}</p>",
        },
        {
            "type": "image",
            "id": ids.get("image", "b-image"),
            "value": {"image": image.pk, "caption": "", "alt_text": texts["alt"]},
        },
    ] + (
        [{"type": "paragraph", "id": ids.get("details", "b-details"), "value": texts["details"]}]
        if "details" in texts
        else []
    )


def service_point_create():
    return ServicePointFactory(
        name="Sportello InterAzioni Genova",
        address="Via Fieschi 15",
        postcode="16121",
        phone=PHONE,
        email="sportello@example.org",
        opening_hours=[
            (
                "slot",
                {
                    "weekday": "tue",
                    "opens": datetime.time(9),
                    "closes": datetime.time(13),
                    "by_appointment": False,
                },
            ),
            (
                "slot",
                {
                    "weekday": "thu",
                    "opens": datetime.time(14),
                    "closes": datetime.time(17, 30),
                    "by_appointment": True,
                },
            ),
        ],
    )


def service_with_translations(parent, languages=("ar", "zh-hans", "uk"), *, point=None):
    """A published Italian service page and its published translations; returns {language: page}."""
    image = ImageFactory(
        description=TEXTS["it"]["alt"],
        file=ContentFile(png_bytes(800, 500, (200, 120, 40)), name="classe.png"),
    )
    italian = ServicePageFactory(
        parent=parent,
        slug="corsi-adulti",
        title=TEXTS["it"]["title"],
        summary=TEXTS["it"]["summary"],
        body=service_body(TEXTS["it"], image),
        how_to_access=[("step", {"title": TEXTS["it"]["step"], "description": ""})],
        last_reviewed=datetime.date(2025, 3, 12),
    )
    if point is not None:
        italian.service_points.add(point)
        italian.save_revision().publish()
    pages = {"it": italian}
    for language in languages:
        texts = TEXTS[language]
        pages[language] = translation_publish(
            italian,
            language,
            title=texts["title"],
            summary=texts["summary"],
            body=service_body(texts, image),
            how_to_access=[("step", {"title": texts["step"], "description": ""})],
        )
    return pages


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


@pytest.fixture
def service_index_page(sections):
    return sections[ServiceIndexPage]


# A real S3 protocol server (moto), shared with the media tests.
from tests.media.conftest import admin_client, closed_port_endpoint, s3, s3_server  # noqa: E402,F401
