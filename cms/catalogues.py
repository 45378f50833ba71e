"""The project's translation catalogues: where they live, how they are refreshed and how they are compiled.

Layout (docs/translations.md): one catalogue per app of the project, `<app>/locale/<ll>/LC_MESSAGES/django.po`
(Django finds it because the app is installed; a new app gets its own at the next refresh; `cms` is an app too),
and the root `locale/` for anything outside an app.
English is the msgid; the `en` catalogues repeat it, because Django falls back to the default language (Italian)
for a msgid an active language's catalogue lacks.

    python -m cms.catalogues refresh   # `make messages`: re-extract every catalogue, keep translations, compile
    python -m cms.catalogues compile   # the build: write the .mo files that are missing or older than their .po

Compiled with polib (pure Python, already installed as a dependency of wagtail-localize) rather than GNU msgfmt,
so `make run`, the Docker image and CI need no system package to run the project; only re-extraction needs GNU
gettext (xgettext, msgmerge), as Django's makemessages does. The .mo files are build output, never committed.
"""

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
DOMAIN = "django"

# Every content language of the programme (cms.languages), as gettext locale names.
LANGUAGES = ["it", "en", "fr", "es", "ar", "sq", "ro", "zh_Hans", "uk"]
SOURCE_LANGUAGE = "en"
# The plural rules of Django's own catalogues for these languages: one rule per language across the admin.
PLURAL_FORMS = {
    "it": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=3; plural=n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 "
    "? 4 : 5;",
    "sq": "nplurals=2; plural=(n != 1);",
    "ro": "nplurals=3; plural=(n==1?0:(((n%100>19)||((n%100==0)&&(n!=0)))?2:1));",
    "zh_Hans": "nplurals=1; plural=0;",
    "uk": "nplurals=4; plural=(n % 1 == 0 && n % 10 == 1 && n % 100 != 11 ? 0 : n % 1 == 0 && n % 10 >= 2 && "
    "n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : n % 1 == 0 && (n % 10 ==0 || (n % 10 >=5 && n % 10 <=9) "
    "|| (n % 100 >=11 && n % 100 <=14 )) ? 2: 3);",
}

# Never extracted: what readers and editors never see (tests, benchmarks, migrations, the demo's Italian content).
IGNORE = [
    "benchmarks",
    "docs",
    "scripts",
    "tests",
    "var",
    "test-artifacts",
    "node_modules",
    "static_collected",
    "migrations",
    "content_models/demo",
]
HEADER = (
    "Translations of InterAzioni's own strings ({language}). English is the msgid.\n"
    "Refresh with `make messages` (docs/translations.md); the .mo files are compiled by the build."
)


def catalogue_dirs(root: Path = BASE_DIR) -> list[Path]:
    """The locale directories of the project: the root one and one per app that has strings."""
    return [root / "locale", *sorted(path for path in root.glob("*/locale") if (path.parent / "__init__.py").exists())]


def project_apps() -> list[str]:
    """The installed apps that are packages of this project (each gets its own catalogue)."""
    from django.apps import apps

    return sorted(app.name for app in apps.get_app_configs() if Path(app.path).parent == BASE_DIR)


def catalogues(languages: Iterable[str] = LANGUAGES, root: Path = BASE_DIR) -> Iterator[Path]:
    """Every .po file of the project that exists, for the given languages."""
    languages = list(languages)
    for locale_dir in catalogue_dirs(root):
        for language in languages:
            path = locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"
            if path.exists():
                yield path


def language_of(po_path: Path) -> str:
    return po_path.parts[-3]


def compile_catalogues(*, force: bool = False, paths: Iterable[Path] | None = None) -> list[Path]:
    """Write the .mo next to every .po that has none or an older one; returns the files written.

    polib writes translated entries only (no fuzzy, no empty msgstr), as msgfmt does.
    """
    written = []
    for po_path in paths if paths is not None else catalogues():
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        # Written aside and renamed: a server reading the catalogue never sees half a file.
        partial = mo_path.with_suffix(".mo.partial")
        polib.pofile(str(po_path)).save_as_mofile(str(partial))
        os.replace(partial, mo_path)
        written.append(mo_path)
    return written


def _key(entry: polib.POEntry) -> tuple[str, str, str]:
    return entry.msgctxt or "", entry.msgid, entry.msgid_plural or ""


def translation_memory(language: str) -> dict[tuple[str, str, str], polib.POEntry]:
    """Every reviewed translation the project has for a language, whichever catalogue holds it."""
    memory = {}
    for po_path in catalogues([language]):
        for entry in polib.pofile(str(po_path)).translated_entries():
            memory.setdefault(_key(entry), entry)
    return memory


def normalise(po_path: Path, memory: dict[tuple[str, str, str], polib.POEntry], *, stale: bool = False) -> None:
    """Give a freshly merged catalogue its header, its known translations and a stable order.

    No creation or revision dates in the header and entries sorted by msgid: two people adding strings to
    the same catalogue touch different lines, so their changes merge.
    """
    language = language_of(po_path)
    po = polib.pofile(str(po_path))
    if stale:
        del po[:]
    po.header = HEADER.format(language=language)
    po.metadata_is_fuzzy = False
    po.metadata = {
        "Project-Id-Version": "InterAzioni",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[language],
    }
    nplurals = int(PLURAL_FORMS[language].split("nplurals=")[1].split(";")[0])
    for entry in po:
        if language == SOURCE_LANGUAGE:
            entry.msgstr = "" if entry.msgid_plural else entry.msgid
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            _unfuzzy(entry)
            continue
        if entry.msgid_plural and len(entry.msgstr_plural) != nplurals:
            entry.msgstr_plural = {index: entry.msgstr_plural.get(index, "") for index in range(nplurals)}
        known = memory.get(_key(entry))
        if known is not None and not entry.translated():
            entry.msgstr = known.msgstr
            if entry.msgid_plural:
                entry.msgstr_plural = {index: known.msgstr_plural.get(index, "") for index in range(nplurals)}
            _unfuzzy(entry)
    po[:] = sorted(po, key=_key)
    po.save(str(po_path))


def _unfuzzy(entry: polib.POEntry) -> None:
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None


def extract(languages: Iterable[str]) -> None:
    """Django's makemessages over the current directory, with the project's ignore list (needs GNU gettext)."""
    from django.core.management import call_command

    # makemessages files a string under the nearest locale/ directory: every app of the project has its own.
    app_dirs = [Path.cwd() / app / "locale" for app in project_apps()]
    for locale_dir in [Path.cwd() / "locale", *app_dirs]:
        locale_dir.mkdir(exist_ok=True)
    call_command(
        "makemessages",
        locale=list(languages),
        ignore_patterns=IGNORE,
        no_location=True,
        no_obsolete=True,
        verbosity=0,
    )
    for locale_dir in app_dirs:
        if not any(locale_dir.iterdir()):
            locale_dir.rmdir()  # an app without strings yet has no catalogue


def refresh(languages: Iterable[str] = LANGUAGES) -> None:
    """Re-extract every catalogue, keep every translation (even of a string that moved app), compile."""
    languages = list(languages)
    memories = {language: translation_memory(language) for language in languages}
    before = {path: path.stat().st_mtime_ns for path in catalogues(languages)}
    extract(languages)
    for language in languages:
        for po_path in catalogues([language]):
            # makemessages leaves alone a catalogue whose directory no longer has any string: empty it.
            normalise(po_path, memories[language], stale=before.get(po_path) == po_path.stat().st_mtime_ns)
    compile_catalogues()


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "compile":
        written = compile_catalogues(force="--force" in argv)
        print(f"Compiled {len(written)} catalogue(s).")
        return 0
    if command == "refresh":
        os.chdir(BASE_DIR)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
        import django

        django.setup()
        refresh()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
