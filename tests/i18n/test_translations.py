"""Every language the extension ships, complete and correct by construction.

For each catalog: the plural rule is the CLDR's as Babel gives it for gettext; a plural
form that serves more than one count keeps the plural's placeholders; no English
sentence of the template is left in a charter rendered or built in that language; dates
and durations come from Babel in that language; the language has its glossary in the
translation guide. (Completeness, fuzzy entries, stale ``.mo`` files and placeholders in
general are checked for every catalog by ``test_catalog.py``.)
"""

from __future__ import annotations

import datetime
import gettext
import re
import shutil
from typing import TYPE_CHECKING

import pytest
from babel.dates import format_date
from babel.messages.plurals import get_plural
from babel.units import format_unit
from sphinx.testing.util import SphinxTestApp

from sphinx_cookiecharter.core.model import Duration
from sphinx_cookiecharter.i18n.formatting import babel_locale
from sphinx_cookiecharter.i18n.formatting import format_date as charter_date
from sphinx_cookiecharter.i18n.wording import wording
from tests.i18n.test_catalog import (
    LANGUAGES,
    POT,
    forms,
    load_po,
    messages,
    placeholders,
    po_path,
)
from tests.paths import DOCS, ROOTS
from tests.render.test_statements import CASES, render

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

#: The official languages of the European Union (Regulation No 1/1958, art. 1, as
#: amended by each act of accession and by Regulation (EC) No 920/2005 for Irish).
EU_LANGUAGES = [
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "it",
    "lt",
    "lv",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
]


def test_thirty_languages_with_every_official_language_of_the_eu() -> None:
    shipped = {"en", *LANGUAGES}
    assert len(EU_LANGUAGES) == 24
    assert set(EU_LANGUAGES) <= shipped, sorted(set(EU_LANGUAGES) - shipped)
    assert len(shipped) >= 30, sorted(shipped)


#: Counts that tell every CLDR plural rule apart (zero, one, two, few, many, other).
COUNTS = [*range(0, 230), 1_000_000, 2_000_000, 1_000_001, 10**7]
_PLACEHOLDER = re.compile(r"\{\w+\}")


def english_pieces() -> list[str]:
    """Every run of four words or more of the template's messages, between placeholders."""
    pieces = set()
    for msgid in messages(load_po(POT)):
        for text in (msgid,) if isinstance(msgid, str) else msgid:
            for piece in _PLACEHOLDER.split(text):
                if len(piece.split()) >= 4:
                    pieces.add(" ".join(piece.split()))
    return sorted(pieces)


ENGLISH = english_pieces()


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_rule_is_the_cldr_one(language: str) -> None:
    catalog = load_po(po_path(language))
    rule = get_plural(language)
    assert catalog.num_plurals == rule.num_plurals
    ours, cldr = gettext.c2py(catalog.plural_expr), gettext.c2py(rule.plural_expr)
    assert [ours(n) for n in COUNTS] == [cldr(n) for n in COUNTS]


@pytest.mark.parametrize("language", LANGUAGES)
def test_forms_serving_several_counts_keep_the_plural_placeholders(language: str) -> None:
    """A form used for 21 (Russian) or for 2 cannot drop the plural's ``{count}``."""
    catalog = load_po(po_path(language))
    rule = gettext.c2py(catalog.plural_expr)
    served: dict[int, set[int]] = {}
    for n in COUNTS:
        served.setdefault(rule(n), set()).add(n)
    for msgid, message in messages(catalog).items():
        if isinstance(msgid, str):
            continue
        for index, string in enumerate(forms(message)):
            if not served.get(index, set()) <= {0, 1}:
                assert placeholders(string) == placeholders(msgid[1]), (msgid, index)


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_no_english_sentence_in_a_rendered_charter(language: str, name: str) -> None:
    _, text = render(CASES[name], language)
    left = [piece for piece in ENGLISH if piece in text]
    assert not left, f"English left in the {language} charter: {left}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_and_durations_come_from_babel_in_the_language(language: str) -> None:
    words = wording(language)
    assert words.language == language
    locale = babel_locale(language)
    amount = format_unit(13, "duration-month", length="long", locale=locale)
    assert words.duration(Duration.parse("13 months")) == amount
    day = datetime.date(2026, 11, 28)
    assert charter_date(day, language) == format_date(day, format="long", locale=locale)


@pytest.fixture(scope="module")
def built_languages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The regulator test project built with the text builder in every language."""
    outputs = {}
    for language in LANGUAGES:
        srcdir = tmp_path_factory.mktemp(f"text-{language}") / "project"
        shutil.copytree(ROOTS / "test-regulator", srcdir)
        app = SphinxTestApp(
            "text", srcdir=srcdir, confoverrides={"language": language, "cookiecharter_lint": False}
        )
        try:
            app.build()
            outputs[language] = app.outdir / "index.txt"
        finally:
            app.cleanup()
    yield outputs


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_no_english_sentence_in_a_built_charter(
    built_languages: dict[str, Path], language: str
) -> None:
    text = " ".join(built_languages[language].read_text(encoding="utf-8").split())
    left = [piece for piece in ENGLISH if piece in text]
    assert not left, f"English left in the {language} build: {left}"


GLOSSARY = DOCS / "contributing" / "glossary"


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_language_has_its_glossary(language: str) -> None:
    """The translation guide gives, per language, the regulator's terms it uses."""
    pages = "\n".join(path.read_text(encoding="utf-8") for path in GLOSSARY.glob("*.md"))
    section = re.search(rf"^## .*\(`{re.escape(language)}`\)\n(.*?)(?=^## |\Z)", pages, re.M | re.S)
    assert section, f"no glossary section for {language}"
    for term in ("consent", "controller", "purpose", "lifetime", "third party"):
        assert re.search(rf"\| *{term} *\|", section.group(1)), f"{language}: no '{term}'"


def test_european_portuguese_is_formatted_as_portugal_writes() -> None:
    """Babel's ``pt`` is Brazil's; the ``pt`` catalog is European Portuguese."""
    assert wording("pt").duration(Duration.parse("13 months")) == format_unit(
        13, "duration-month", length="long", locale=babel_locale("pt_PT")
    )
    assert babel_locale("pt").territory == "PT"
    assert babel_locale("pt_BR").territory == "BR"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "1er décembre"), ("it", "1º dicembre"), ("pt_BR", "1º de dezembro")],
)
def test_the_first_of_a_month_is_an_ordinal_where_the_language_writes_it(
    language: str, expected: str
) -> None:
    assert charter_date(datetime.date(2026, 12, 1), language).startswith(expected)
    assert charter_date(datetime.date(2026, 12, 2), language).startswith("2 ")


def test_portugal_keeps_a_cardinal_first_of_the_month() -> None:
    assert charter_date(datetime.date(2026, 12, 1), "pt") == "1 de dezembro de 2026"
    assert charter_date(datetime.date(2026, 12, 1), "pt-BR") == "1º de dezembro de 2026"
