"""The project's own strings are translated: Italian for every one, the other languages complete too.

The first test extracts the strings from the source the way `make messages` does (Django's makemessages, in a copy
of the tree) and fails on any that the Italian catalogues do not translate, so a string added to the code but not
to a catalogue fails as surely as an empty or fuzzy entry. Fix: `make messages`, then translate (docs/translations.md).
"""

import gettext
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.utils.functional import Promise
from wagtail import blocks
from wagtail.fields import StreamField

from cms import catalogues

ROOT = catalogues.BASE_DIR
# Named placeholders (%(name)s), positional ones (%s, %d) and str.format fields ({date}).
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def all_catalogues():
    return list(catalogues.catalogues())


def nplurals(language: str) -> int:
    return int(catalogues.PLURAL_FORMS[language].split("nplurals=")[1].split(";")[0])


def test_every_language_has_a_catalogue_in_every_locale_directory():
    for locale_dir in catalogues.catalogue_dirs():
        found = sorted(path.parent.parent.name for path in locale_dir.glob("*/LC_MESSAGES/django.po"))
        assert found == sorted(catalogues.LANGUAGES), locale_dir
    # The project's before-stop check reads this one.
    assert (ROOT / "locale" / "it" / "LC_MESSAGES" / "django.po").exists()


def test_every_project_string_has_an_italian_translation(tmp_path, monkeypatch, settings):
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is missing: scripts/system-packages.sh installs it (make test does)")
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(
        ".*", "var", "node_modules", "test-artifacts", "static_collected", "__pycache__", "*.mo", "*.pyc",
        "benchmarks", "tests", "docs",
    ))
    monkeypatch.chdir(copy)
    settings.LOCALE_PATHS = [copy / "locale"]
    catalogues.extract(["it"])

    missing = []
    for po_path in catalogues.catalogues(["it"], root=copy):
        for entry in polib.pofile(str(po_path)):
            if not entry.translated():
                state = "fuzzy" if entry.fuzzy else "untranslated"
                missing.append(f"{po_path.relative_to(copy).parts[0]}: {state} {entry.msgid!r}")
    assert not missing, (
        f"{len(missing)} project string(s) without Italian: run `make messages` and translate them\n"
        + "\n".join(missing[:40])
    )


@pytest.mark.parametrize("po_path", all_catalogues(), ids=lambda path: str(path.relative_to(ROOT)))
def test_catalogue_is_complete_and_well_formed(po_path):
    language = catalogues.language_of(po_path)
    po = polib.pofile(str(po_path))
    assert po.metadata["Plural-Forms"] == catalogues.PLURAL_FORMS[language]
    assert not po.fuzzy_entries() and not po.obsolete_entries()
    assert not po.untranslated_entries(), [entry.msgid for entry in po.untranslated_entries()][:20]
    for entry in po:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == nplurals(language), entry.msgid
            allowed = set(PLACEHOLDER.findall(entry.msgid_plural)) | set(PLACEHOLDER.findall(entry.msgid))
            for form in entry.msgstr_plural.values():
                assert set(PLACEHOLDER.findall(form)) <= allowed, (entry.msgid, form)
        else:
            # A lost or misspelt placeholder raises, or prints "%(url)s", in front of a reader.
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(PLACEHOLDER.findall(entry.msgid)), entry.msgid
        if language == catalogues.SOURCE_LANGUAGE:
            # English is the msgid; an empty English entry would fall back to Italian (LANGUAGE_CODE).
            assert (entry.msgstr_plural or {0: entry.msgstr})[0] == entry.msgid


def test_compiled_catalogue_says_what_its_po_says(tmp_path):
    source = ROOT / "newsletter" / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    po_path = tmp_path / "django.po"
    shutil.copy(source, po_path)
    assert catalogues.compile_catalogues(paths=[po_path]) == [po_path.with_suffix(".mo")]
    assert catalogues.compile_catalogues(paths=[po_path]) == []  # up to date: not written again

    with open(po_path.with_suffix(".mo"), "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    po = polib.pofile(str(po_path))
    for entry in po.translated_entries():
        if entry.msgid_plural:
            for index, count in enumerate([0, 1, 2, 3, 11, 100]):
                assert compiled.ngettext(entry.msgid, entry.msgid_plural, count) == entry.msgstr_plural[index]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr


def test_compiled_catalogues_are_build_output():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "*.mo" in ignored
    assert not [path for path in ROOT.glob("**/locale/**/*.mo") if ".venv" not in path.parts
                and not path.with_suffix(".po").exists()]


# --- Labels Django or Wagtail would otherwise derive, in English, from code names ----------------------------
# Fields that come from Wagtail's abstract models: Wagtail labels them, or never shows them.
WAGTAIL_FIELDS = {"translation_key", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height",
                  "file_size", "file_hash", "filter_spec", "file", "width", "height", "focal_point_key",
                  "sort_order"}


def project_models():
    return [model for model in apps.get_models()
            if Path(apps.get_app_config(model._meta.app_label).path).parent == ROOT]


def is_marked(value) -> bool:
    return isinstance(value, Promise)


def is_proper_name(label) -> bool:
    """Brands and places read the same in every language (Facebook, La Spezia)."""
    words = str(label).split()
    return bool(words) and all(word[:1].isupper() for word in words)


def block_problems(block, path, seen, *, root=False) -> list[str]:
    # A StreamField's own block is labelled by the field's verbose_name.
    problems = [] if root or is_marked(block.label) else [f"{path}: label {block.label!r}"]
    for attribute in ("help_text", "description"):
        value = getattr(block.meta, attribute, None)
        if value and not is_marked(value):
            problems.append(f"{path}: {attribute} {value!r}")
    if isinstance(block, blocks.ChoiceBlock):
        problems += [f"{path}: choice {label!r}" for value, label in block.field.choices
                     if value and not is_marked(label) and not is_proper_name(label)]
    if id(block) not in seen:
        seen.add(id(block))
        for name, child in getattr(block, "child_blocks", {}).items():
            problems += block_problems(child, f"{path}.{name}", seen)
        if hasattr(block, "child_block"):
            problems += block_problems(block.child_block, f"{path}[]", seen)
    return problems


def test_every_label_of_the_project_is_written_and_marked_for_translation():
    """Django names an unlabelled field from its attribute ("next attempt at") and pluralises a model by adding
    an "s" to the translated name ("pagina servizios"): every label is written, and marked."""
    problems, seen = [], set()
    for model in project_models():
        meta = model._meta
        for attribute in ("verbose_name", "verbose_name_plural"):
            if attribute not in meta.original_attrs or not is_marked(getattr(meta, attribute)):
                problems.append(f"{meta.label}: {attribute}")
        for field in meta.local_fields + list(meta.local_many_to_many):
            if field.auto_created or getattr(field, "parent_link", False) or field.name in WAGTAIL_FIELDS:
                continue
            if not is_marked(field.verbose_name):
                problems.append(f"{meta.label}.{field.name}: verbose_name {field.verbose_name!r}")
            if field.help_text and not is_marked(field.help_text):
                problems.append(f"{meta.label}.{field.name}: help_text {field.help_text!r}")
            if field.choices and type(field).__module__.split(".")[0] != "django_countries":
                problems += [f"{meta.label}.{field.name}: choice {label!r}" for value, label in field.flatchoices
                             if not is_marked(label) and not is_proper_name(label)]
            if isinstance(field, StreamField):
                problems += block_problems(field.stream_block, f"{meta.label}.{field.name}", seen, root=True)
    assert not problems, "\n".join(problems)
