"""What the browser tests share: a signed-in browser context per user (no login page per test), a watch that fails
a test on any HTTP 5xx, browser console error or uncaught script error, and `Screen`, which checks a screen for
the project's untranslated strings and leaves its screenshot in test-artifacts/.

Every test here must carry the `browser` marker (tests/browser/test_markers.py checks it): CI's PostgreSQL pass
deselects them (`.ci/run`).
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from .catalogues import VISIBLE_TEXT_JS, catalogue_for

VIEWPORT = {"width": 1400, "height": 1000}
AUTOSAVE_QUIET_MS = 2_000
UNSAVED_INITIAL_DELAY_MS = 2_100  # Wagtail's UnsavedController.initialDelayValue, and a little more


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

    def __call__(self, page, step: str, *, language: str | None = None, full_page: bool = False) -> None:
        """Screenshot `page`, then fail on anything the watch saw and on the project's English strings on screen
        when `language` (the language the screen should speak) is not English."""
        self.count += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        page.screenshot(path=str(self.folder / f"{self.count:02d}-{slug}.png"), full_page=full_page)
        self.watch.check()
        if language and language != "en":
            untranslated = catalogue_for(language).untranslated(page.evaluate(VISIBLE_TEXT_JS))
            assert not untranslated, (
                f"{step}: project strings shown untranslated in {language!r} ({page.url}): {untranslated}"
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
        context.close()


# --- Wagtail's editor, as a person uses it ------------------------------------------------------------------------

def editor_ready(page) -> None:
    """Wait until Wagtail's unsaved-changes watcher has taken its look at the starting form: a change typed before
    that becomes the starting state, and neither autosave nor the leave-page warning would ever see it. It looks
    2 s after it starts, and may have been started twice (the comments app starts it again): wait for its first
    look, then long enough for a second one."""
    page.wait_for_function(
        "() => { const c = window.wagtail?.app?.queryController('w-unsaved'); return c && c.initialFormData; }"
    )
    page.wait_for_timeout(UNSAVED_INITIAL_DELAY_MS)


def _is_autosave(response) -> bool:
    request = response.request
    return (
        request.method == "POST"
        and request.headers.get("accept") == "application/json"
        and "/preview/" not in request.url
        and "/editing-sessions/" not in request.url
    )


@contextmanager
def autosave(page):
    """`with autosave(page): <type something>` waits for the autosaves that the typing causes (one, or several
    while someone types slowly) and fails unless each succeeded and the indicator says "Saved" (it says "paused"
    when autosave failed)."""
    with page.expect_response(_is_autosave) as first:
        yield
    responses = [first.value]
    while True:  # the unsaved-changes check (0.5 s), its notice delay (0.5 s) and autosave's debounce (0.5 s)
        try:
            with page.expect_response(_is_autosave, timeout=AUTOSAVE_QUIET_MS) as more:
                pass
        except PlaywrightTimeoutError:
            break
        responses.append(more.value)
    for response in responses:
        assert response.status == 200, f"autosave answered {response.status} ({response.url})"
        assert response.json().get("success"), f"autosave failed: {response.json()}"
    expect(page.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")


def footer_action(page, name: str) -> None:
    """A button of the footer's action menu ("action-publish", "action-submit"...), opening the menu first."""
    button = page.locator(f"footer button[name='{name}']")
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()
