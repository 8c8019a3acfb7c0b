"""The extension's message catalogs agree with its sources and with each other.

The template ``locales/sphinx_cookiecharter.pot`` must hold exactly the messages that
``pybabel extract`` finds in the sources today; each language's ``.po`` must translate
all of them, and its committed ``.mo`` must be the compiled ``.po``. See
``docs/contributing/translations.md`` for the commands that bring them back in line.
"""

from __future__ import annotations

import gettext
import subprocess
import sys
from string import Formatter
from typing import TYPE_CHECKING

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from tests.paths import ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from babel.messages.catalog import Catalog, Message

LOCALES = ROOT / "sphinx_cookiecharter" / "i18n" / "locales"
DOMAIN = "sphinx_cookiecharter"
POT = LOCALES / f"{DOMAIN}.pot"
PO_FILES = sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
LANGUAGES = [path.parent.parent.name for path in PO_FILES]

#: Column headers whose French wording is fixed (they match the charters readers know).
FRENCH_COLUMN_HEADERS = {
    "Provider": "Nom du prestataire",
    "Service and location": "Service et emplacement",
    "Cookie name": "Nom du cookie",
    "Purpose": "Finalités",
}

#: Other French wordings chosen once for all.
FRENCH_FIXED = {
    # A cookie's lifetime is its "durée de vie"; "durée de conservation" is the
    # regulator's word for how long data is kept.
    "Duration": "Durée de vie",
    "Set by": "Déposé par",
    "This site": "Ce site",
    "A third party": "Un tiers",
    "Necessary cookies": "Cookies nécessaires",
    "Preference cookies": "Cookies de préférences",
    "Statistics cookies": "Cookies statistiques",
    "Marketing cookies": "Cookies publicitaires",
    # Not the model page's question: the project writes its own wording (issue #10).
    "What is a cookie?": "Comment fonctionne un cookie\N{NO-BREAK SPACE}?",
    "Cookies set on {site} and their purposes": "Les cookies déposés sur {site} et leurs finalités",
    "the cookie settings": "le panneau de gestion des cookies",
    "Accepting or refusing cookies": "Accepter ou refuser les cookies",
}


def load_po(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def load_mo(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_mo(file)


def po_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def messages(catalog: Catalog) -> dict[str | tuple[str, ...], Message]:
    """The catalog's messages by id (a tuple for plurals), without the header entry."""
    return {
        message.id if isinstance(message.id, str) else tuple(message.id): message
        for message in catalog
        if message.id
    }


def forms(message: Message) -> tuple[str, ...]:
    """The translation's strings: one, or one per plural form."""
    if isinstance(message.string, str):
        return (message.string,)
    return tuple(message.string or ())


def placeholders(text: str) -> set[str]:
    """The ``{names}`` that :func:`str.format`-style filling would look up in ``text``."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_catalogs_exist() -> None:
    assert POT.is_file()
    assert "fr" in LANGUAGES


def test_template_matches_sources(tmp_path: Path) -> None:
    """Re-extracting the sources gives the committed template's messages."""
    output = tmp_path / f"{DOMAIN}.pot"
    command = [
        sys.executable,
        "-m",
        "babel.messages.frontend",
        "extract",
        "-F",
        "babel.cfg",
        "--add-location=file",
        "--sort-by-file",
        "--add-comments=Translators:",
        "--project=sphinx-cookiecharter",
        "--version=0.1.0",
        "--copyright-holder=The sphinx-cookiecharter developers",
        "-o",
        str(output),
        ".",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    extracted = messages(load_po(output))
    committed = messages(load_po(POT))
    assert extracted, "pybabel extract found no messages: is babel.cfg still right?"
    missing = sorted(map(str, extracted.keys() - committed.keys()))
    stale = sorted(map(str, committed.keys() - extracted.keys()))
    assert not missing, f"in the sources but not in the .pot (re-extract): {missing}"
    assert not stale, f"in the .pot but no longer in the sources (re-extract): {stale}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_translates_every_template_message(language: str) -> None:
    template = messages(load_po(POT))
    catalog = load_po(po_path(language))
    translated = messages(catalog)
    assert not catalog.obsolete, f"obsolete entries: {sorted(map(str, catalog.obsolete))}"
    assert not catalog.fuzzy, "the header is marked fuzzy"
    assert sorted(map(str, translated)) == sorted(map(str, template))
    for msgid, message in translated.items():
        assert not message.fuzzy, f"fuzzy: {msgid!r}"
        strings = forms(message)
        if message.pluralizable:
            assert len(strings) == catalog.num_plurals, f"plural forms of {msgid!r}"
        assert all(strings), f"untranslated: {msgid!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_mo_is_the_compiled_po(language: str) -> None:
    po = po_path(language)
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"{mo} is missing: run pybabel compile"
    expected = {msgid: forms(message) for msgid, message in messages(load_po(po)).items()}
    compiled = {msgid: forms(message) for msgid, message in messages(load_mo(mo)).items()}
    assert compiled == expected, "the .mo is out of date: run pybabel compile"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders(language: str) -> None:
    for msgid, message in messages(load_po(po_path(language))).items():
        strings = forms(message)
        if isinstance(msgid, str):
            for string in strings:
                assert placeholders(string) == placeholders(msgid), msgid
            continue
        singular, plural = placeholders(msgid[0]), placeholders(msgid[1])
        # The first form may serve counts other than one (0 in French, 21 in Russian),
        # so it may take either the singular's placeholders or the plural's.
        assert placeholders(strings[0]) in (singular, plural), msgid
        for string in strings[1:]:
            assert placeholders(string) == plural, msgid


def test_french_plural_forms() -> None:
    catalog = load_po(po_path("fr"))
    # The CLDR's rule, as Babel gives it: one (0 and 1), many (round millions), other.
    assert catalog.num_plurals == 3
    assert catalog.language_team == "French"
    assert catalog.last_translator == "The sphinx-cookiecharter developers"
    with po_path("fr").with_suffix(".mo").open("rb") as file:
        translations = gettext.GNUTranslations(file)
    singular = "The cookie used on this site is listed below."
    plural = "The {count} cookies used on this site are listed below."
    one, millions, other = forms(messages(catalog)[(singular, plural)])
    assert translations.ngettext(singular, plural, 1) == one
    assert translations.ngettext(singular, plural, 2) == other
    assert translations.ngettext(singular, plural, 2_000_000) == millions
    assert "{count} de cookies" in millions


@pytest.mark.parametrize(
    ("msgid", "expected"), [*FRENCH_COLUMN_HEADERS.items(), *FRENCH_FIXED.items()]
)
def test_french_fixed_wording(msgid: str, expected: str) -> None:
    assert messages(load_po(po_path("fr")))[msgid].string == expected
