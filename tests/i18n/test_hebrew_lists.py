"""Hebrew lists: the conjunction ו takes a hyphen before a Latin word or a number.

Babel's (the CLDR's) Hebrew list pattern glues ו to the last item (``Google וMeta``);
Hebrew writes ``Google ו-Meta`` and ``1 שנה ו-6 חודשים``, and no hyphen before a Hebrew
word (``שנה וחודשיים``).
"""

from __future__ import annotations

import textwrap

import pytest

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.i18n.formatting import format_amounts, format_list
from sphinx_cookiecharter.render.charter import Renderer
from sphinx_cookiecharter.render.options import RenderOptions


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["Google", "Meta"], "Google ו-Meta"),
        (["Google", "Meta", "Acme"], "Google, Meta ו-Acme"),
        (["גוגל", "מטא"], "גוגל ומטא"),
        (["Google", "2025"], "Google ו-2025"),
        (["Google", "“Meta”"], "Google ו-“Meta”"),
    ],
)
def test_the_conjunction_is_hyphenated_before_latin_and_digits(
    items: list[str], expected: str
) -> None:
    assert format_list(items, "he") == expected


def test_durations_follow_the_same_rule() -> None:
    assert format_amounts([(1, "year"), (6, "month")], "he") == "1 שנה ו-6 חודשים"
    assert format_amounts([(1, "year"), (2, "month")], "he") == "1 שנה וחודשיים"


def test_placeholders_are_joined_by_what_fills_them() -> None:
    assert format_list(["{a}", "{b}"], "he", texts=["מטא", "Google"]) == "{a} ו-{b}"
    assert format_list(["{a}", "{b}"], "he", texts=["Google", "מטא"]) == "{a} ו{b}"


def test_other_languages_are_babel_s_lists() -> None:
    assert format_list(["A", "B", "C"], "en") == "A, B and C"
    assert format_list(["A", "B"], "tr") == "A ve B"


def test_a_hebrew_charter_names_latin_providers_with_a_hyphen() -> None:
    result = parse_declaration(
        textwrap.dedent(
            """\
            providers:
              alpha: {name: Alpha}
              beta: {name: Beta}
            cookies:
              - {name: a, provider: alpha, category: statistics, purpose: x, party: third}
              - {name: b, provider: beta, category: statistics, purpose: y, party: third}
            """
        ),
        source="case.yaml",
    )
    assert result.declaration is not None, [str(d) for d in result.diagnostics]
    renderer = Renderer(result.declaration, RenderOptions(language="he"))
    text = " ".join(node.astext() for node in renderer.charter())
    assert "Alpha ו-Beta" in text
