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
      - {name: _x, provider: host, category: statistics, purpose: Counts visits.}
      - name: theme
        provider: Site
        category: preferences
        consent: exempt
        purpose: Remembers the theme.
        exemption:
          en: Only a display choice.
          ja: 表示の選択のみを保存します。
          zh_CN: 仅保存显示选择。
    providers:
      host:
        name: Host
        country: US
        safeguard: {en: Standard contractual clauses., ja: 標準契約条項。, zh_CN: 标准合同条款。}
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


@pytest.mark.parametrize("language", ["ja", "zh_CN", "en"])
def test_a_declared_sentence_ends_with_one_full_stop(language: str) -> None:
    """An exemption or a safeguard declared with its own full stop, Latin or ideographic,
    ends the wording's sentence once."""
    texts = "".join(paragraphs(language))
    assert "表示の選択" in texts or "仅保存显示选择" in texts or "Only a display choice" in texts
    assert "。。" not in texts
    assert ".." not in texts
    assert "条款。" in texts or "条項" in texts or "clauses" in texts


def test_other_languages_keep_a_space_between_sentences() -> None:
    texts = paragraphs("en")
    assert any(text.startswith("Custom. ") for text in texts), texts
    assert any(". " in text for text in texts if not text.startswith("Custom"))
