"""What the browser tests share: a signed-in browser context per user (no login page per test), a watch that fails
a test on any HTTP 5xx, browser console error or uncaught script error, and `Screen`, which checks a screen for
the project's untranslated strings and leaves its screenshot in test-artifacts/.

Every test here must carry the `browser` marker (tests/conftest.py refuses to collect one without it): CI's
PostgreSQL pass deselects them (`.ci/run`).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from .catalogues import VISIBLE_TEXT_JS, catalogue_for

VIEWPORT = {"width": 1400, "height": 1000}
# Assertions wait as long as actions do: a shared two-core CI machine can take seconds to publish a page.
expect.set_options(timeout=20_000)


@dataclass
class Watch:
    """Everything a page said went wrong: 5xx responses, console errors, uncaught exceptions."""

    problems: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught script error: {error}"))

    def _response(self, response) -> None:
        if response.status >= 500:
            self.problems.append(f"HTTP {response.status} on {response.request.method} {response.url}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location.get('url', '')})")

    def check(self) -> None:
        problems, self.problems = self.problems, []
        assert not problems, "The browser reported:\n" + "\n".join(problems)


@dataclass
class Screen:
    """Names, checks and photographs the steps of one test: test-artifacts/<folder>/<nn>-<step>.png."""

    folder: Path
    watch: Watch
    count: int = 0

    def __call__(self, page, step: str, *, language: str | None = None, frames=(), full_page: bool = False) -> None:
        """Screenshot `page`, then fail on anything the watch saw, and on the project's English strings on screen
        when `language` (the language the screen should speak) is not English; `frames` are (frame, language)
        pairs checked the same way (a preview speaks the page's language, not the admin's)."""
        self.count += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        page.screenshot(path=str(self.folder / f"{self.count:02d}-{slug}.png"), full_page=full_page)
        self.watch.check()
        for document, document_language in ((page, language), *frames):
            if document_language and document_language != "en":
                untranslated = catalogue_for(document_language).untranslated(document.evaluate(VISIBLE_TEXT_JS))
                assert not untranslated, (
                    f"{step}: project strings shown untranslated in {document_language!r} ({document.url}): "
                    f"{untranslated}"
                )

    def element(self, locator, name: str) -> None:
        """A screenshot of one element only (a menu, a form field), next to the steps' screenshots."""
        self.folder.mkdir(parents=True, exist_ok=True)
        locator.screenshot(path=str(self.folder / f"{name}.png"))


@pytest.fixture
def watch():
    watch = Watch()
    yield watch
    watch.check()


@pytest.fixture
def screen(request, artifacts_dir, watch):
    name = re.sub(r"[^A-Za-z0-9]+", "-", request.node.name).strip("-")
    return Screen(folder=artifacts_dir / name, watch=watch)


@pytest.fixture
def signed_in(browser, live_server, watch):
    """signed_in(user, language) -> a new page of a browser context signed in as `user`, whose admin speaks
    `language` (Wagtail's preferred language, and the browser's own). The session is made server-side."""
    contexts = []

    def open_page(user, language: str = settings.LANGUAGE_CODE):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        client = Client()
        client.force_login(user)
        context = browser.new_context(viewport=VIEWPORT, locale=language, base_url=live_server.url)
        context.add_cookies([{
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url,
        }])
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        watch.attach(page)
        page.on("dialog", lambda dialog: dialog.accept())
        return page

    yield open_page
    for context in contexts:
        for page in context.pages:
            leave(page)
        context.close()


def leave(page) -> None:
    """Stop Wagtail's editing session before the browser closes: its `pagehide` sends a release beacon that nobody
    waits for (Playwright does not see beacons), which would reach the live server while the test's database is
    being emptied and lock SQLite's tables under the flush. Without its form the session's controllers stop (no
    beacon, no ping); the flush removes the session's row anyway."""
    if not page.is_closed():
        page.evaluate("document.querySelector('form.w-editing-sessions')?.remove()")
