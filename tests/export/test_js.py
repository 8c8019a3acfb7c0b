"""JavaScript written by the exports: strings, keys and RegExp literals that no declared
text can break, checked by Python and by Node (which runs what a browser would)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_cookiecharter.export.js import (
    Concat,
    Expression,
    RegExp,
    key,
    name_regexp,
    pattern,
    script,
    string,
    value,
)

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")

#: Cookie names that try every trick: regular expression syntax, slashes that would end
#: a literal, line terminators, quotes, non-BMP characters, an HTML end tag.
NASTY_NAMES = [
    "_ga_*",
    "_pk_id.*",
    "a/b*",
    "*/",
    "x\\*y",
    "[a-z]+*",
    "(?=x)*",
    "^start*",
    "end$",
    "a\nb*",
    "a\u2028b*",
    "quote'\"*",
    "emoji\U0001f36a*",
    "</script><script>alert(1)</script>*",
    "**",
    "*",
]


def wildcard_match(name: str, candidate: str) -> bool:
    """What a declared name means: ``*`` any characters but line breaks (which no cookie
    name holds), everything else itself."""
    parts = [re.escape(part) for part in name.split("*")]
    return re.fullmatch("[^\n\r\u2028\u2029]*".join(parts), candidate) is not None


def run_node(code: str) -> str:
    assert NODE is not None
    result = subprocess.run(
        [NODE, "-e", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


#: Characters of names, line breaks aside (Python's "." and JavaScript's do not leave out
#: the same ones; Node checks names holding them below).
names = st.text(alphabet=st.sampled_from(list("ab_.-*/\\^$|?+()[]{} \té\U0001f36a")), max_size=8)


@given(name=names, candidate=names.filter(lambda s: "*" not in s))
@settings(max_examples=300)
def test_the_pattern_means_what_the_name_says(name, candidate):
    """The pattern's source, read by Python's re, matches exactly the names the declared
    name stands for."""
    expected = wildcard_match(name, candidate)
    assert (re.fullmatch(pattern(name), candidate) is not None) == expected
    literal = name_regexp(name).source
    assert (re.fullmatch(literal, candidate) is not None) == expected or any(
        ord(char) > 0xFFFF for char in name + candidate
    )  # the literal escapes UTF-16 units, which Python's re cannot join


@needs_node
def test_javascript_reads_the_literals_as_meant():
    """Each literal, in Node: valid, and matching exactly what the name stands for."""
    candidates = sorted({*NASTY_NAMES, "_ga_", "_ga_1", "_gax", "_pk_idX", "_pk_id.1", "a/b"})
    candidates = [c.replace("*", "") for c in candidates] + ["x*y", "[a-z]+", "emoji\U0001f36a!"]
    cases = [[str(name_regexp(name)), name] for name in NASTY_NAMES]
    code = (
        f"const candidates = {json.dumps(candidates)};\n"
        "const out = [" + ",".join(f"[{literal}, {string(name)}]" for literal, name in cases) + "]"
        ".map(([re, name]) => [name, candidates.filter(c => re.test(c))]);\n"
        "console.log(JSON.stringify(out));"
    )
    for name, matched in json.loads(run_node(code)):
        assert matched == [c for c in candidates if wildcard_match(name, c)], name


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        'say "hi"',
        "back\\slash",
        "</script><script>x()</script>",
        "<!-- hidden",
        "line\nbreak",
        "\u2028\u2029",
        "tab\tend",
        "é\U0001f36a",
        "",
    ],
)
def test_strings_survive_javascript_and_html(text):
    literal = string(text)
    assert "</" not in literal and "<!--" not in literal
    assert "\u2028" not in literal and "\u2029" not in literal
    assert "\n" not in literal
    if NODE is not None:
        assert json.loads(run_node(f"console.log(JSON.stringify({literal}))")) == text


def test_keys_are_bare_only_when_they_may_be():
    assert key("mode") == "mode"
    assert key("default") == '"default"'
    assert key("example-analytics") == '"example-analytics"'
    assert key("pt-BR") == '"pt-BR"'
    assert key("1st") == '"1st"'


def test_values_are_written_deterministically():
    item = {
        "b": [1, True, None, "x", RegExp("^a$")],
        "a": {"nested": Concat(('<a href="', Expression("window.x"), '">y</a>'))},
        "empty": {},
        "list": [],
    }
    written = value(item)
    assert written == value(item)
    assert written == (
        "{\n"
        '  b: [1, true, null, "x", /^a$/],\n'
        "  a: {\n"
        '    nested: "<a href=\\"" + window.x + "\\">y<\\/a>"\n'
        "  },\n"
        "  empty: {},\n"
        "  list: []\n"
        "}"
    )


def test_comments_cannot_be_left():
    written = script("from evil\nalert(1)\u2028alert(2)</script>", [("window.x", 1)])
    lines = written.splitlines()
    assert lines[:3] == ["// from evil", "// alert(1)", "// alert(2)<\\/script>"]
    assert lines[3] == "window.x = 1;"
