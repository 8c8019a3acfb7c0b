"""Languages written without spaces: a paragraph's sentences follow one another directly.

Japanese and Chinese put no space between sentences (or words) and end a sentence with
an ideographic full stop; the renderer joins the statements of a paragraph and closes
a declared category's title itself, so both follow the language.
"""

from __future__ import annotations

import textwrap

import pytest
from docutils import nodes

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.render.charter import Renderer
from sphinx_cookiecharter.render.options import RenderOptions

DECLARATION = textwrap.dedent(
    """\
    categories:
      custom: {title: Custom}
    cookies:
      - {name: sessionid, provider: Site, category: necessary, purpose: Keeps you signed in.}
      - {name: flag, provider: Site, category: custom, purpose: Remembers a flag.}
    """
)


def paragraphs(language: str) -> list[str]:
    result = parse_declaration(DECLARATION, source="case.yaml")
    assert result.declaration is not None
    renderer = Renderer(result.declaration, RenderOptions(language=language))
    texts = []
    for node in renderer.charter():
        texts += [p.astext() for p in node.findall(nodes.paragraph)]
    return texts


@pytest.mark.parametrize("language", ["ja", "zh_CN"])
def test_sentences_follow_one_another_without_a_space(language: str) -> None:
    texts = paragraphs(language)
    joined = [text for text in texts if text.count("。") >= 2]
    assert joined, texts
    assert not any("。 " in text for text in texts), texts
    # The declared category's title is closed with an ideographic full stop.
    assert any(text.startswith("Custom。") for text in texts), texts


def test_other_languages_keep_a_space_between_sentences() -> None:
    texts = paragraphs("en")
    assert any(text.startswith("Custom. ") for text in texts), texts
    assert any(". " in text for text in texts if not text.startswith("Custom"))
