"""Property tests: whatever the input, loading ends in diagnostics, never in an exception."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sphinx_cookiecharter.core.diagnostics import Diagnostic
from sphinx_cookiecharter.core.load import LoadResult, load_declaration, parse_declaration
from sphinx_cookiecharter.core.model import Cookie, Declaration
from sphinx_cookiecharter.core.read import Limits
from sphinx_cookiecharter.i18n.languages import pick

FORMATS = ("yaml", "toml", "json")
_FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def fuzz(examples: int) -> settings:
    """Settings for a property test: no deadline, ``examples`` examples."""
    return settings(_FUZZ, max_examples=examples)


def assert_outcome(result: object) -> None:
    """The only outcomes allowed: a declaration with diagnostics, or none and a reason."""
    assert isinstance(result, LoadResult)
    assert isinstance(result.diagnostics, tuple)
    for diagnostic in result.diagnostics:
        assert isinstance(diagnostic, Diagnostic)
        assert str(diagnostic)
        assert diagnostic.line is None or diagnostic.line >= 1
    if result.declaration is None:
        assert result.diagnostics
    else:
        assert isinstance(result.declaration, Declaration)
        for cookie in result.declaration.cookies:
            assert isinstance(cookie, Cookie)
            pick(cookie.purpose, "fr")
            str(cookie.duration)


# --- strategies ---------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
json_trees = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=25,
)

TOP_FIELDS = (
    "version",
    "site",
    "updated",
    "controller",
    "consent",
    "providers",
    "categories",
    "texts",
    "cookies",
)
COOKIE_FIELDS = (
    "name",
    "provider",
    "service",
    "category",
    "purpose",
    "duration",
    "party",
    "storage",
    "domain",
    "consent",
)
PLAUSIBLE = st.sampled_from(
    [
        "session",
        "persistent",
        "13 months",
        "P1Y6M",
        "PT",
        "necessary",
        "statistics",
        "support",
        "first",
        "third",
        "cookie",
        "local-storage",
        "required",
        "exempt",
        "portal",
        "_ga_*",
        "2026-11-28",
        "2026-02-30",
        "FR",
        "",
        1,
        2,
    ]
)
texts = st.text(max_size=12) | st.dictionaries(
    st.sampled_from(["en", "fr", "pt_BR", "pt-BR", "no", "english", ""]),
    st.text(max_size=8) | scalars,
    max_size=3,
)
#: Small trees for the inside of a declaration, where large ones only cost time.
small_trees = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=5,
)
field_values = PLAUSIBLE | texts | small_trees
cookies = st.dictionaries(st.sampled_from(COOKIE_FIELDS), field_values, max_size=10)
ids = st.sampled_from(["portal", "stats", "support", "necessary", "Bad Id", "", "x" * 70])
entries = st.dictionaries(
    st.sampled_from(["name", "privacy_policy", "country", "title", "description", "consent"]),
    field_values,
    max_size=4,
)
declarations = st.fixed_dictionaries(
    {},
    optional={
        "version": st.sampled_from([1, 2, "1", None]) | small_trees,
        "site": st.text(max_size=10) | small_trees,
        "updated": PLAUSIBLE | small_trees,
        "controller": st.dictionaries(
            st.sampled_from(["name", "contact", "email"]), field_values, max_size=3
        )
        | small_trees,
        "consent": st.dictionaries(
            st.sampled_from(["manage_url", "duration"]), field_values, max_size=2
        ),
        "providers": st.dictionaries(ids, entries | small_trees, max_size=3) | small_trees,
        "categories": st.dictionaries(ids, entries | small_trees, max_size=3) | small_trees,
        "texts": st.dictionaries(
            st.sampled_from(["intro", "what", "manage", "introduction"]), texts, max_size=3
        ),
        "cookies": st.lists(cookies | small_trees, max_size=6) | small_trees,
        "cookie": small_trees,
    },
)


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _toml_value(value: object) -> str:
    """Inline TOML for a JSON-like value (TOML has no null: it becomes a string)."""
    if value is None:
        return '"null"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    assert isinstance(value, dict)
    pairs = (f"{_toml_string(key)} = {_toml_value(item)}" for key, item in value.items())
    return "{" + ", ".join(pairs) + "}"


def to_toml(tree: dict[str, object]) -> str:
    """A document: plain keys first, then ``[[cookies]]`` tables when cookies is a list."""
    lines: list[str] = []
    tables: list[str] = []
    for key, value in tree.items():
        if (
            key == "cookies"
            and isinstance(value, list)
            and all(isinstance(item, dict) for item in value)
        ):
            for item in value:
                tables.append("\n[[cookies]]")
                tables.extend(f"{_toml_string(k)} = {_toml_value(v)}" for k, v in item.items())
        else:
            lines.append(f"{_toml_string(key)} = {_toml_value(value)}")
    return "\n".join(lines + tables) + "\n"


def dump(tree: object, fmt: str) -> str:
    if fmt == "yaml":
        return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    if fmt == "json":
        return json.dumps(tree, ensure_ascii=False, indent=1)
    return to_toml(tree if isinstance(tree, dict) else {"cookies": tree})


YAML_PIECES = st.sampled_from(
    [
        "cookies:",
        "- ",
        "  ",
        "\n",
        "name: ",
        "purpose: ",
        "category: necessary",
        "provider: x",
        "&a ",
        "*a",
        "*b",
        "<<: ",
        "!!binary ",
        "!!python/name:os.system",
        "!x ",
        "{",
        "}",
        "[",
        "]",
        ",",
        ": ",
        "? ",
        "|",
        ">",
        '"',
        "'",
        "#",
        "---",
        "...",
        "%YAML 1.1",
        "\t",
        "no",
        "2026-02-30",
        "~",
        "\ufeff",
        "\x00",
    ]
)
TOML_PIECES = st.sampled_from(
    [
        "[[cookies]]",
        "[providers.x]",
        "[categories.a.b]",
        "\n",
        "name = ",
        '"a"',
        "'b'",
        '"""',
        "'''",
        "1979-05-27",
        "2026-02-30",
        "07:32:00",
        "inf",
        "nan",
        "{",
        "}",
        "[",
        "]",
        ",",
        "=",
        ".",
        "#",
        " ",
        "purpose = { en = 'x' }",
        "cookies = []",
    ]
)


# --- properties -------------------------------------------------------------------------


@fuzz(400)
@given(tree=json_trees, fmt=st.sampled_from(FORMATS))
def test_any_json_like_tree(tree, fmt):
    assert_outcome(parse_declaration(dump(tree, fmt), fmt))


@fuzz(500)
@given(tree=declarations, fmt=st.sampled_from(FORMATS))
def test_trees_that_look_like_declarations(tree, fmt):
    result = parse_declaration(dump(tree, fmt), fmt, line_offset=3)
    assert_outcome(result)
    if result.declaration is not None:
        given_cookies = tree.get("cookies")
        kept = len(result.declaration.cookies)
        assert kept <= (len(given_cookies) if isinstance(given_cookies, list) else 0)


@fuzz(150)
@given(tree=declarations)
def test_formats_agree_on_whether_a_declaration_is_valid(tree):
    # TOML has no null: only compare the two formats that hold the same tree.
    text = dump(tree, "yaml")
    # PyYAML does not give back every string it writes (a lone U+0085 comes back as
    # a space): compare only the trees that survive the trip.
    assume(json.dumps(yaml.safe_load(text)) == json.dumps(tree))
    from_yaml = parse_declaration(text, "yaml")
    from_json = parse_declaration(dump(tree, "json"), "json")
    assert_outcome(from_yaml)
    assert_outcome(from_json)
    # The same problems; the order may differ, as diagnostics are sorted by position
    # and YAML places a field at its key, JSON at its value.
    assert _problems(from_yaml) == _problems(from_json)
    if from_yaml.declaration is not None and from_json.declaration is not None:
        assert from_yaml.declaration.cookies == from_json.declaration.cookies


def _problems(result: LoadResult) -> list[tuple[str, str]]:
    return sorted((d.kind, d.field) for d in result.diagnostics)


@fuzz(1000)
@given(text=st.text(max_size=200), fmt=st.sampled_from(FORMATS))
def test_random_text(text, fmt):
    assert_outcome(parse_declaration(text, fmt))


@fuzz(1200)
@given(pieces=st.lists(YAML_PIECES, max_size=40))
def test_yaml_made_of_yaml_pieces(pieces):
    assert_outcome(parse_declaration("".join(pieces), "yaml", limits=Limits(max_values=200)))


@fuzz(1000)
@given(pieces=st.lists(TOML_PIECES, max_size=40))
def test_toml_made_of_toml_pieces(pieces):
    assert_outcome(parse_declaration("".join(pieces), "toml"))


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@fuzz(1000)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".yaml", ".yml", ".toml", ".json"]))
def test_random_bytes_in_a_file(folder, data, suffix):
    path = folder / f"declaration{suffix}"
    path.write_bytes(data)
    assert_outcome(load_declaration(path, source=path.name))


@fuzz(150)
@given(tree=declarations, fmt=st.sampled_from(FORMATS), bom=st.booleans())
def test_declarations_in_a_file(folder, tree, fmt, bom):
    path = folder / f"fuzzed.{fmt}"
    path.write_bytes(("\ufeff" if bom else "").encode() + dump(tree, fmt).encode("utf-8"))
    assert_outcome(load_declaration(path, limits=Limits(max_cookies=2)))


@fuzz(150)
@given(
    tree=declarations,
    limits=st.builds(
        Limits,
        max_values=st.integers(1, 60),
        max_depth=st.integers(0, 8),
        max_cookies=st.integers(0, 4),
    ),
)
def test_any_limits(tree, limits):
    for fmt in FORMATS:
        assert_outcome(parse_declaration(dump(tree, fmt), fmt, limits=limits))
