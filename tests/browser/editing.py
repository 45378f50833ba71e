"""Wagtail's and wagtail-localize's editing screens, driven as a person does, in any admin language.

Selectors are structural (field names, data attributes, URLs) or built from the project's own labels translated
into the admin's language, never English words: the same steps run in the Italian and in the Arabic admin.
"""

import re
from contextlib import contextmanager

from django.utils import translation
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

PREVIEW_IFRAME = "iframe[data-w-preview-target='iframe']"
AUTOSAVE_QUIET_MS = 2_000
UNSAVED_INITIAL_DELAY_MS = 2_100  # Wagtail's UnsavedController.initialDelayValue, and a little more


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


def label(language: str, text) -> str:
    """A project label (gettext_lazy) as the admin shows it in `language`."""
    with translation.override(language):
        return str(text)


# --- Form fields ---------------------------------------------------------------------------------------------

def tab(page, index: int) -> None:
    """The editor's n-th tab (0: content, 1: details...)."""
    page.get_by_role("tab").nth(index).click()


def rich_text(page, field: str, text: str) -> None:
    """Type into a Draftail editor (a rich text field, or the block at `field`'s content path)."""
    box = page.locator(f"[data-contentpath='{field}'] [role='textbox']").first
    box.click()
    box.press_sequentially(text)


def date_time(page, field_id: str, value: str) -> None:
    """Wagtail's date(time) picker opens over the form while its field has focus: fill, then close it."""
    page.locator(f"#{field_id}").fill(value)
    page.keyboard.press("Escape")
    page.locator("#id_title").focus()


def add_block(page, stream: str, block_label: str) -> None:
    """The stream's last "+" (after its last block), then the block type in Wagtail's block picker."""
    page.locator(f"[data-contentpath='{stream}'] button.c-sf-add-button").last.click()
    page.get_by_role("option").filter(has_text=block_label).first.click()


def choose_first(page, field: str) -> None:
    """A chooser (image, page...): its "Choose" button, then the first item of the modal."""
    page.locator(f"#id_{field}-chooser [data-chooser-action-choose]").first.click()
    page.locator(".modal-dialog [data-chooser-modal-choice]").first.click()
    expect(page.locator(".modal-dialog")).to_have_count(0)


# --- Editor actions --------------------------------------------------------------------------------------------

def create(page, url: str, title_field: str, title: str) -> None:
    """Open a create view and type the title: the first autosave creates the draft and the editor moves to its
    edit view (Wagtail 8: pages and revisioned snippets alike)."""
    page.goto(url)
    editor_ready(page)
    with autosave(page):
        page.locator(f"#id_{title_field}").press_sequentially(title)
    expect(page).to_have_url(re.compile(r"/(pages/\d+/edit|edit/\d+)/$"))


def footer_action(page, name: str) -> None:
    """A button of the footer's action menu (action-publish, action-submit...), opening the menu if needed."""
    button = page.locator(f"footer button[name='{name}']")
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def header_menu_link(page, href: str) -> None:
    """A link of the header's "..." menu (Translate, Preview send and report...). The menu's links are only in
    the document while it is open."""
    page.locator("#w-slim-header-buttons [data-w-dropdown-target='toggle']").last.click()
    page.locator(f"[data-w-dropdown-target='content'] a[href='{href}']").click()


def _preview_frame(page, mode: str | None = None):
    """The preview's document once it has loaded the preview (Wagtail swaps in a fresh iframe on each update: the
    last one is current; it starts blank)."""
    page.wait_for_function(
        """([selector, mode]) => {
          const iframe = [...document.querySelectorAll(selector)].pop();
          const href = iframe && iframe.contentWindow && iframe.contentWindow.location.href;
          return href && href.includes("in_preview_panel") && (!mode || href.includes("mode=" + mode))
            && iframe.contentDocument.readyState === "complete";
        }""",
        arg=[PREVIEW_IFRAME, mode],
    )
    return page.locator(PREVIEW_IFRAME).last.element_handle().content_frame()


def open_preview_panel(page):
    """The editor's preview side panel; returns the preview's frame."""
    page.locator("[data-side-panel-toggle='preview']").click()
    return _preview_frame(page)


def preview_modes(page) -> list[str]:
    return page.locator("[data-side-panel='preview'] select option").evaluate_all(
        "options => options.map(option => option.value)"
    )


def preview_mode(page, mode: str):
    page.locator("[data-side-panel='preview'] select").select_option(mode)
    return _preview_frame(page, mode)


# --- wagtail-localize ----------------------------------------------------------------------------------------

def request_translation(page, submit_url: str, locale_pk: int) -> None:
    """wagtail-localize's "Translate" form: tick the locale, submit; it opens the translation editor."""
    expect(page).to_have_url(re.compile(re.escape(submit_url) + "$"))
    page.locator(f"input[name='locales'][value='{locale_pk}']").check()
    page.locator("main form [type='submit']").last.click()
    page.locator(".js-translation-editor li").first.wait_for()


def translate_segments(page, strings: dict[str, str]) -> None:
    """In the translation editor: for each source text, its segment's first button (Translate), the text box
    it focuses, the translation, Enter (saves it)."""
    for source, translated in strings.items():
        segment = page.locator(".js-translation-editor li").filter(
            has=page.locator("p").get_by_text(source, exact=True)
        ).filter(has=page.get_by_role("button")).last
        segment.get_by_role("button").first.click()
        box = page.locator(".js-translation-editor textarea:focus")
        box.fill(translated)
        box.press("Enter")
        expect(segment).to_contain_text(translated)


def publish_translation(page) -> None:
    """The translation editor's "Publish in <language>". Untranslated segments keep the source's text: the message
    says so (a warning rather than a success)."""
    with page.expect_navigation():
        page.locator("footer button[name='action'][value='publish']").click()
    expect(page.locator(".messages .success, .messages .warning").first).to_be_visible()
