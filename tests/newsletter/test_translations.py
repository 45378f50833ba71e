"""Reader-facing strings in the content languages: emails and pages in the subscriber's language.

The catalogues themselves (complete, well-formed, compiled by the build) are tested in tests/cms/test_catalogues.py.
"""

import re

import pytest

from newsletter import services
from newsletter.rendering import render_edition

from .conftest import publish_issue, translate_issue
from .test_subscription_api import SUBSCRIBE, api  # noqa: F401  (api is a fixture)


def flat(content: str) -> str:
    """Emails are broken into short lines (newsletter/rendering/lines.py): compare text as a reader sees it."""
    return re.sub(r"\s+", " ", re.sub(r"<!--\s*-->", "", content))


FOOTER = {
    "ar": ("تصلك هذه النشرة لأنك اشتركت في InterAzioni", "إلغاء الاشتراك", "اعرض هذه الرسالة في المتصفح"),
    "it": ("Ricevi questa newsletter perché ti sei iscritto a InterAzioni", "Cancellati",
           "Apri questa email nel browser"),
}


@pytest.mark.django_db
def test_edition_footer_in_arabic_and_italian(locales, django_capture_on_commit_callbacks):
    issue = publish_issue()
    arabic = translate_issue(issue, "ar", django_capture_on_commit_callbacks, subject="أخبار مايو",
                             body=[("paragraph", "<p>دورات اللغة الإيطالية</p>")])

    for language, edition in (("it", render_edition(issue)), ("ar", render_edition(arabic))):
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}"' in edition.html
        for text in FOOTER[language]:
            assert text in flat(edition.html) and text in flat(edition.text), (language, text)
        assert "You receive this newsletter" not in flat(edition.html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "direction", "subject", "texts"),
    [
        ("ar", "rtl", "أكّد اشتراكك في النشرة الإخبارية InterAzioni",
         ["نعم، أريد الاشتراك", "إذا لم تكن أنت، فتجاهل هذه الرسالة"]),
        ("it", "ltr", "Conferma la tua iscrizione alla newsletter InterAzioni",
         ["Sì, iscrivimi", "Se non sei stato tu, ignora questa email"]),
    ],
)
def test_confirmation_email_in_the_subscribers_language(smtp_server, locales, django_capture_on_commit_callbacks,
                                                       language, direction, subject, texts):
    with django_capture_on_commit_callbacks(execute=True):
        services.subscriber_subscribe(email="reader@example.org", language=language, client_ip="192.0.2.1")

    [received] = smtp_server.received
    assert flat(str(received.message["Subject"])).strip() == subject
    html, text = flat(received.part("text/html")), flat(received.part("text/plain"))
    assert f'lang="{language}" dir="{direction}"' in html
    for expected in texts:
        assert expected in html and expected in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "direction", "texts"),
    [("ar", "rtl", ["إلغاء الاشتراك في النشرة الإخبارية", "نعم، ألغِ اشتراكي"]),
     ("it", "ltr", ["Cancellati dalla newsletter", "Sì, cancellami"]),
     ("zh-hans", "ltr", ["退订通讯", "是的，退订"])],
)
def test_unsubscribe_page_in_the_subscribers_language(client, locales, language, direction, texts):
    from .conftest import make_subscribers

    subscriber = make_subscribers(1, language=language)[0]
    page = client.get(f"/newsletter/unsubscribe/{subscriber.key}/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in page
    for expected in texts:
        assert expected in page


@pytest.mark.django_db
def test_api_error_messages_in_the_chosen_language(api, locales):  # noqa: F811
    french = api(SUBSCRIBE, {"input": {"email": "nope", "locale": "fr", "topics": []}})
    ukrainian = api(SUBSCRIBE, {"input": {"email": "a@example.org", "locale": "uk", "topics": ["nessuno"]}})
    assert french["errors"][0]["message"] == "Cette adresse e-mail n'est pas valide. Vérifiez-la, s'il vous plaît."
    assert ukrainian["errors"][0] == {"code": "UNKNOWN_TOPIC", "field": "topics",
                                      "message": "Однієї з обраних тем не існує."}
