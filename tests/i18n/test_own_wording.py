"""The extension writes its own wording: no default text shares a run of five words with
the model page.

The model page (the French cookie charter of an open-data portal, DESIGN.md) gives the
charter its structure and facts, not its sentences. Its text is not kept in this
repository: ``tests/data/model-page/shingles.txt`` holds only a hash of each run of five
words it contains (``tools/model_shingles.py`` writes it from the page). Every default
text of every language, and the French charter of the model page's own declaration as
the extension renders it, is cut into runs of five words the same way; none may be in
that list, except runs made only of the column headers the model's structure requires
and of names.

Words are runs of letters and digits, lowercased, French elisions split (``qu'un`` is two
words): stricter than counting between spaces.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

import pytest
from babel.messages.pofile import read_po
from docutils import nodes

from sphinx_cookiecharter.core.load import load_declaration
from sphinx_cookiecharter.i18n import LOCALES
from sphinx_cookiecharter.i18n.wording import wording
from sphinx_cookiecharter.render.charter import Renderer
from sphinx_cookiecharter.render.options import RenderOptions
from tests.paths import EXAMPLES, TESTS

SHINGLES = TESTS / "data" / "model-page" / "shingles.txt"
RUN = 5
_PLACEHOLDER = re.compile(r"\{\w+\}")


def words(text: str) -> list[str]:
    """The words of ``text``, lowercased, typographic apostrophes made plain."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").lower()
    return re.findall(r"\w+", text)


def shingles(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    """Every run of ``size`` consecutive words of ``text``."""
    found = words(text)
    return {tuple(found[i : i + size]) for i in range(len(found) - size + 1)}


def digest(run: tuple[str, ...]) -> str:
    """The hash a run is kept as (16 hex digits of its SHA-256)."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


@cache
def model_page() -> frozenset[str]:
    lines = SHINGLES.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def allowed_words() -> set[str]:
    """Words a run may be made of and still be allowed: the column headers (in every
    language) and the names of the model page's declaration."""
    allowed: set[str] = set()
    for language in languages():
        for column in ("provider", "service", "name", "purpose"):
            allowed |= set(words(wording(language).column_header(column)))
    declaration = load_declaration(EXAMPLES / "model-fr.yaml").declaration
    assert declaration is not None
    for provider in declaration.providers:
        allowed |= set(words(provider.name))
    allowed |= set(words(str(declaration.site.translations[0][1]) if declaration.site else ""))
    return allowed


def languages() -> list[str]:
    found = sorted(path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/*.po"))
    return ["en", *found]


def default_texts() -> list[tuple[str, str]]:
    """Every default text of every language: (language, text), placeholders cut out."""
    texts: list[tuple[str, str]] = []
    for path in sorted(LOCALES.glob("*/LC_MESSAGES/*.po")):
        with path.open("rb") as file:
            catalog = read_po(file)
        language = path.parent.parent.name
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            texts += [("en", text) for text in ids]
            texts += [(language, text) for text in strings]
    return [(language, piece) for language, text in texts for piece in _PLACEHOLDER.split(text)]


def shared(text: str) -> list[tuple[str, ...]]:
    allowed = allowed_words()
    return sorted(
        run for run in shingles(text) if digest(run) in model_page() and not set(run) <= allowed
    )


def test_the_list_of_runs_is_there() -> None:
    assert len(model_page()) > 300  # the page has a few hundred words


def test_the_check_finds_a_copied_sentence() -> None:
    """A sentence of the model page is caught (its runs are in the list)."""
    # Not the model's sentence: only its title's well-known question, as a control.
    assert shared("Qu'est ce qu'un cookie ?")


@pytest.mark.parametrize("language", languages())
def test_no_default_text_shares_five_words_with_the_model_page(language: str) -> None:
    for text_language, text in default_texts():
        if text_language == language:
            assert not shared(text), f"{text!r} shares {shared(text)}"


@pytest.mark.parametrize("language", languages())
def test_the_rendered_model_charter_shares_no_five_words(language: str) -> None:
    """Sentences put side by side make no run of the model page either."""
    declaration = load_declaration(EXAMPLES / "model-fr.yaml").declaration
    assert declaration is not None
    charter = Renderer(declaration, RenderOptions(language=language)).charter()
    ours = [
        element.astext()
        for section in charter
        for element in section.findall(nodes.TextElement)
        if isinstance(element, (nodes.paragraph, nodes.title))
        and element.source is None
        and not isinstance(element.parent, nodes.entry)
    ]
    assert ours
    assert not shared(" ".join(ours))
