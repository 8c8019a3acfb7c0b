"""Language quality: one variety of English, French dates and terms, plural forms."""

from __future__ import annotations

import datetime
import re

import pytest
from babel.messages.pofile import read_po

from sphinx_cookiecharter.i18n import LOCALES
from sphinx_cookiecharter.i18n.formatting import format_date, format_list
from sphinx_cookiecharter.i18n.wording import wording

POT = LOCALES / "sphinx_cookiecharter.pot"
FRENCH = LOCALES / "fr" / "LC_MESSAGES" / "sphinx_cookiecharter.po"

#: American spellings the extension's British English must not use.
AMERICAN = re.compile(
    r"\b(\w+(?<!s)iz(e|es|ed|ing|ation)|colou?r(?<!colour)|behavior\w*|favor\w*|"
    r"center\w*|organization\w*|license|analyze\w*|catalog\b)",
    re.IGNORECASE,
)


def english_messages() -> list[str]:
    with POT.open("rb") as file:
        catalog = read_po(file)
    texts: list[str] = []
    for message in catalog:
        if message.id:
            texts += list(message.id) if isinstance(message.id, tuple) else [message.id]
    return texts


def french_messages() -> list[str]:
    with FRENCH.open("rb") as file:
        catalog = read_po(file)
    texts: list[str] = []
    for message in catalog:
        if message.id:
            strings = message.string
            texts += list(strings) if isinstance(strings, tuple) else [strings]
    return texts


def test_the_english_is_british() -> None:
    american = [text for text in english_messages() if AMERICAN.search(text)]
    assert not american
    assert any("recognise" in text for text in english_messages())
    assert any("organisation" in text for text in english_messages())


def test_english_dates_and_lists_match_the_spelling() -> None:
    assert format_date(datetime.date(2026, 11, 28), "en") == "28 November 2026"
    assert format_list(["A", "B", "C"], "en") == "A, B and C"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 12, 1), "1er décembre 2026"),
        (datetime.date(2026, 12, 2), "2 décembre 2026"),
        (datetime.date(2026, 12, 11), "11 décembre 2026"),
        (datetime.date(2026, 12, 21), "21 décembre 2026"),
        (datetime.date(2027, 1, 1), "1er janvier 2027"),
    ],
)
def test_french_writes_the_first_of_the_month_as_an_ordinal(day, expected) -> None:
    assert format_date(day, "fr") == expected
    assert format_date(day, "fr_CA") == expected


def test_a_cookie_lifetime_is_a_duree_de_vie_in_french() -> None:
    assert wording("fr").column_header("duration") == "Durée de vie"
    assert not any(
        "Durée de conservation" in text and "cookie" in text.lower()
        for text in french_messages()
        if "choix" not in text
    )


def test_french_uses_the_regulator_terms() -> None:
    french = " ".join(french_messages())
    for term in ("traceurs", "responsable du traitement", "sous-traitant", "exempté"):
        assert term in french
    for avoided in ("paramètres des cookies", "dispensé"):
        assert avoided not in french


def test_controller_grammar_holds_for_plural_names() -> None:
    for language in ("en", "fr"):
        template = wording(language).controller()
        # The name is the complement, never the subject agreeing with the verb.
        assert template.index("{controller}") > 0
        assert not template.startswith("{controller}")


@pytest.mark.parametrize(
    ("count", "english", "french"),
    [
        (1, "The cookie used on this site is listed below.", "Le cookie utilisé sur ce site"),
        (2, "The {count} cookies used on this site", "Les {count} cookies utilisés"),
        (21, "The {count} cookies used on this site", "Les {count} cookies utilisés"),
    ],
)
def test_plural_forms(count: int, english: str, french: str) -> None:
    assert wording("en").usage_lead(count, "cookies", has_site=False).startswith(english)
    assert wording("fr").usage_lead(count, "cookies", has_site=False).startswith(french)
