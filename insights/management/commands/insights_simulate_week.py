"""A simulated week of readers' traffic, sent through the real /graphql/ endpoint, for demos and acceptance tests.

Every request goes through Django's middleware, the API view and its response cache, exactly as a portal's would;
each day's requests are counted under that day (insights.buffer.recording_day), then the counts are flushed. The
traffic is made from what is published: the Italian pages asked for in every other language (served in Italian
where no translation exists), searches in each language from a list of what foreign residents typically look for
(some of which the content does not answer), and a few paths that no longer exist. Deterministic for a seed.

    python manage.py insights_simulate_week            # on the demo (make run), then open Reports > Readers' needs
"""

import datetime
import json
import logging
import random
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page

from insights.buffer import flush, recording_day

PAGE = "query Page($path: String!, $locale: String) { page(path: $path, locale: $locale) { id title isFallback } }"
SEARCH = """query Search($query: String!, $locale: String) {
  search(query: $query, locale: $locale, first: 10) { edges { node { id title } } }
}"""
# What readers type, per language: residence, health, school, work, housing, language courses.
SEARCHES = {
    "it": ["permesso di soggiorno", "medico di base", "corsi di italiano", "iscrizione anagrafica", "codice fiscale"],
    "en": ["residence permit", "family doctor", "italian classes", "job centre", "rent a flat"],
    "fr": ["permis de séjour", "médecin traitant", "cours d'italien", "logement social", "regroupement familial"],
    "es": ["permiso de residencia", "médico de cabecera", "clases de italiano", "trabajo", "vivienda"],
    "ar": ["تصريح الإقامة", "طبيب الأسرة", "دروس اللغة الإيطالية", "البطاقة الصحية", "لم شمل الأسرة", "سكن"],
    "sq": ["leje qëndrimi", "mjek familjeje", "kurse italishteje", "punë", "banesë"],
    "ro": ["permis de ședere", "medic de familie", "cursuri de italiană", "loc de muncă", "locuință"],
    "zh-hans": ["居留许可", "家庭医生", "意大利语课程", "工作", "住房"],
    "uk": ["посвідка на проживання", "сімейний лікар", "курси італійської", "житло", "тимчасовий захист"],
}
GONE = ["/servizi/modulo-permesso-2023/", "/eventi/festa-dei-popoli-2024/", "/servizi/bonus-affitto/"]
# How many readers each language has, relative to Italian (the programme's largest communities first).
AUDIENCE = {"it": 1.0, "ar": 0.9, "uk": 0.6, "en": 0.5, "sq": 0.4, "ro": 0.4, "fr": 0.3, "es": 0.3, "zh-hans": 0.2}


class Command(BaseCommand):
    help = "Send a simulated week of readers' requests through /graphql/ and record their counts, one day at a time."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="How many days, ending today (default 7).")
        parser.add_argument("--readers", type=int, default=40, help="Italian readers a day; other languages fewer.")
        parser.add_argument("--seed", type=int, default=18, help="The random seed (the same traffic every time).")
        parser.add_argument("--languages", default="", help="Comma-separated language codes (default: every locale).")

    def handle(self, *args, days: int, readers: int, seed: int, languages: str, **options):
        rng = random.Random(seed)
        default = Locale.get_default()
        chosen = {code.strip() for code in languages.split(",") if code.strip()}
        languages = [
            code for code in Locale.objects.values_list("language_code", flat=True)
            if code in AUDIENCE and (not chosen or code in chosen)
        ]
        paths = self._public_paths(default)
        client = Client(HTTP_HOST=self._host())
        sent = 0
        request_log = logging.getLogger("operations.requests")
        level = request_log.level
        request_log.setLevel(logging.WARNING)  # a line per simulated request would drown the real ones
        try:
            for days_ago in range(days - 1, -1, -1):
                day = timezone.localdate() - datetime.timedelta(days=days_ago)
                with recording_day(day):
                    for code in languages:
                        for _reader in range(max(1, round(readers * AUDIENCE[code]))):
                            sent += self._reader_visit(client, rng, code, paths)
        finally:
            request_log.setLevel(level)
        written = flush()
        if options["verbosity"]:
            self.stdout.write(
                f"{sent} requests over {days} days in {len(languages)} languages; {written} counters written"
            )

    def _reader_visit(self, client: Client, rng: random.Random, code: str, paths: list[str]) -> int:
        """One reader: a search or two, a page or three (the first pages of the site are the most read), and now
        and then an old link."""
        sent = 0
        for _ in range(rng.choice((1, 1, 2))):
            terms = SEARCHES.get(code, SEARCHES["it"])
            sent += self._ask(client, SEARCH, {"query": rng.choice(terms), "locale": code})
        if paths:
            for _ in range(rng.choice((1, 2, 3))):
                path = paths[min(int(rng.expovariate(0.4)), len(paths) - 1)]
                sent += self._ask(client, PAGE, {"path": path, "locale": code})
        if rng.random() < 0.15:
            sent += self._ask(client, PAGE, {"path": rng.choice(GONE), "locale": code})
        return sent

    @staticmethod
    def _ask(client: Client, query: str, variables: dict) -> int:
        url = "/graphql/?" + urlencode({"query": query, "variables": json.dumps(variables, ensure_ascii=False)})
        response = client.get(url, secure=getattr(settings, "SECURE_SSL_REDIRECT", False))
        if response.status_code != 200:
            raise RuntimeError(f"/graphql/ answered {response.status_code}: {response.content[:200]!r}")
        return 1

    @staticmethod
    def _public_paths(default: Locale) -> list[str]:
        """The portal paths of the live, public Italian pages below the home page, most recently published first."""
        pages = Page.objects.live().public().filter(locale=default, depth__gt=2).order_by("-first_published_at")
        return ["/" + "".join(f"{part}/" for part in url_path.strip("/").split("/")[1:])
                for url_path in pages.values_list("url_path", flat=True)[:30]]

    @staticmethod
    def _host() -> str:
        named = [host for host in settings.ALLOWED_HOSTS if host not in ("*",) and not host.startswith(".")]
        return named[0] if named else "localhost"
