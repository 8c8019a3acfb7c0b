"""The corpus of broken declarations: each file gives exactly the diagnostics expected.

Every file under ``tests/declarations/broken`` has its expectation beside it, in
``<case>.expected``: the diagnostics as printed (``str(diagnostic)``, the file named by
its base name), and the names of the cookies that still load. A new case without its
expectation, or an expectation without its case, fails the suite.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sphinx_cookiecharter.core.diagnostics import Diagnostic
from sphinx_cookiecharter.core.load import load_declaration, parse_declaration
from sphinx_cookiecharter.core.read import Limits
from tests.paths import DECLARATIONS

BROKEN = DECLARATIONS / "broken"
VALID = DECLARATIONS / "valid"
CASES = sorted(path.name for path in BROKEN.iterdir() if path.suffix != ".expected")


def expectation(name: str) -> tuple[list[str], list[str] | None]:
    """The diagnostics a case gives, and the cookies that still load (``None``: the
    file cannot be read), from ``<case>.expected`` beside it.

    Its first line is ``unreadable`` or ``loads: a, b`` (``loads: (no cookie)``); each
    further line is a diagnostic as ``cookiecharter validate`` prints it.
    """
    head, *lines = (BROKEN / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    if head == "unreadable":
        return lines, None
    listed = head.removeprefix("loads:").strip()
    return lines, [] if listed == "(no cookie)" else listed.split(", ")


def _lines(path: Path, **options) -> list[str]:
    return [str(d) for d in load_declaration(path, source=path.name, **options).diagnostics]


def test_every_case_has_an_expectation_and_every_expectation_a_case():
    expectations = sorted(path.stem for path in BROKEN.glob("*.expected"))
    assert expectations == CASES
    assert len(CASES) >= 35


@pytest.mark.parametrize("name", CASES)
def test_broken_declaration(name):
    lines, kept = expectation(name)
    result = load_declaration(BROKEN / name, source=name)
    assert [str(d) for d in result.diagnostics] == lines
    assert lines, "a broken declaration must give at least one diagnostic"
    assert not result.ok
    if kept is None:
        assert result.declaration is None
    else:
        assert result.declaration is not None
        assert [cookie.name for cookie in result.declaration.cookies] == kept


FORMATS = {".yaml": "yaml", ".toml": "toml", ".json": "json"}
#: The cases whose problem is in the file rather than in the text it holds.
FILE_CASES = ("latin1.yaml", "no-extension", "unknown-extension.txt")


@pytest.mark.parametrize("name", [name for name in CASES if name not in FILE_CASES])
def test_broken_declaration_read_as_text(name):
    """The same problems when the text is given directly."""
    path = BROKEN / name
    text = path.read_text(encoding="utf-8")
    result = parse_declaration(text, FORMATS[path.suffix], source=name)
    assert [str(d) for d in result.diagnostics] == expectation(name)[0]


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("syntax-error.yaml", {"load"}),
        ("billion-laughs.yaml", {"limit"}),
        ("deep-nesting.toml", {"limit"}),
        ("wrong-types.yaml", {"schema"}),
        ("unknown-category.yaml", {"reference"}),
        ("provider-with-errors.json", {"reference", "schema"}),
        ("duplicate-cookie.yaml", {"duplicate"}),
    ],
)
def test_diagnostic_kinds(name, kinds):
    diagnostics = load_declaration(BROKEN / name).diagnostics
    assert {d.kind for d in diagnostics} == kinds


@pytest.mark.parametrize("name", sorted(path.name for path in VALID.iterdir()))
def test_valid_declarations_give_no_diagnostic(name):
    result = load_declaration(VALID / name)
    assert result.diagnostics == ()
    assert result.ok
    assert result.declaration.cookies


@pytest.mark.parametrize("name", ["bom.yaml", "bom.toml", "bom.json"])
def test_byte_order_mark_is_accepted(name):
    assert (VALID / name).read_bytes().startswith(b"\xef\xbb\xbf")
    cookie = load_declaration(VALID / name).declaration.cookies[0]
    assert cookie.name == "sessionid"
    assert cookie.position.line == 1 + (name == "bom.yaml")


def test_same_name_on_another_domain_or_storage_is_not_a_duplicate():
    result = load_declaration(VALID / "same-name-other-domain.yaml")
    assert result.diagnostics == ()
    assert [(c.name, c.domain, c.storage) for c in result.declaration.cookies] == [
        ("lang", ".example.org", "cookie"),
        ("lang", "shop.example.org", "cookie"),
        ("lang", ".example.org", "local-storage"),
    ]


def test_valid_cookies_of_a_partly_broken_file_still_load():
    result = load_declaration(BROKEN / "partly-broken.yaml")
    assert [c.name for c in result.declaration.cookies] == ["sessionid", "csrftoken", "lang"]
    assert [d.field for d in result.diagnostics] == ["cookies[1].duration", "cookies[3].category"]


# --- cases made at test time ----------------------------------------------------------


def test_missing_file(tmp_path):
    assert _lines(tmp_path / "cookies.yaml") == [
        "cookies.yaml: error: file not found (expected an existing declaration file)"
    ]


@pytest.mark.parametrize("name", ["cookies.yaml", "cookies.d", "cookies"])
def test_directory(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    assert _lines(folder) == [
        f"{name}: error: is a directory, not a file (expected a declaration file)"
    ]


def test_default_source_is_the_path_as_given(tmp_path):
    missing = tmp_path / "nowhere" / "cookies.json"
    (diagnostic,) = load_declaration(missing).diagnostics
    assert diagnostic.source == str(missing)
    assert str(diagnostic).startswith(f"{missing}: error: ")


def test_utf16_file(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes("cookies: []\n".encode("utf-16"))
    assert _lines(path) == [
        "utf16.yaml:1:1: error: byte 0xff is not UTF-8 text (expected a file encoded in UTF-8)"
    ]


def test_invalid_byte_after_valid_multibyte_text(tmp_path):
    path = tmp_path / "mixed.json"
    path.write_bytes('{"site": "Café",\n "cookies": [],\n "x": "\xff"}'.encode("latin-1"))
    assert _lines(path) == [
        "mixed.json:1:14: error: byte 0xe9 is not UTF-8 text (expected a file encoded in UTF-8)"
    ]


def test_unsafe_yaml_tag_runs_nothing():
    marker = Path("/tmp/pwned")
    before = marker.stat().st_mtime_ns if marker.exists() else None
    result = load_declaration(BROKEN / "unsafe-tag.yaml")
    assert result.declaration is None
    after = marker.stat().st_mtime_ns if marker.exists() else None
    assert after == before, "loading the declaration ran a shell command"


def test_billion_laughs_are_refused_quickly():
    start = time.perf_counter()
    result = load_declaration(BROKEN / "billion-laughs.yaml")
    elapsed = time.perf_counter() - start
    assert [d.kind for d in result.diagnostics] == ["limit"]
    assert elapsed < 2.0, f"took {elapsed:.2f} s"


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_deep_nesting_of_any_depth_is_refused(fmt):
    for depth in (33, 100, 900, 2000, 20_000):
        opening, closing = "[" * depth, "]" * depth
        text = {
            "yaml": f"cookies: {opening}{closing}\n",
            "json": f'{{"cookies": {opening}{closing}}}',
            "toml": f"cookies = {opening}{closing}\n",
        }[fmt]
        result = parse_declaration(text, fmt)
        assert result.declaration is None
        (diagnostic,) = result.diagnostics
        assert diagnostic.kind == "limit"
        assert diagnostic.message == "the values are nested too deeply (at most 32 levels)"


def test_deep_nesting_within_the_limit_is_read():
    text = "texts: {intro: " + "[" * 30 + "]" * 30 + "}\ncookies: []\n"
    (diagnostic,) = parse_declaration(text).diagnostics
    assert diagnostic.kind == "schema"
    assert diagnostic.field == "texts.intro"


def test_file_size_limit(tmp_path):
    # Well-formed cookies: were the file parsed, this test would take minutes.
    path = tmp_path / "huge.yaml"
    block = "".join(
        f"  - {{name: c{i:05}, provider: Site, category: necessary, purpose: Padding.}}\n"
        for i in range(10_000)
    )
    with path.open("w", encoding="utf-8") as stream:
        stream.write("cookies:\n")
        while stream.tell() <= 50_000_000:
            stream.write(block)
    size = path.stat().st_size
    assert size > 50_000_000
    start = time.perf_counter()
    lines = _lines(path)
    elapsed = time.perf_counter() - start
    assert lines == [
        f"huge.yaml: error: the file holds {size:,} bytes (expected at most 16,777,216 bytes)"
    ]
    assert elapsed < 2.0, f"took {elapsed:.2f} s"


def test_file_size_limit_can_be_lowered():
    path = VALID / "declaration.yaml"
    size = path.stat().st_size
    assert _lines(path, limits=Limits(max_bytes=1000)) == [
        f"declaration.yaml: error: the file holds {size:,} bytes (expected at most 1,000 bytes)"
    ]
    assert _lines(path, limits=Limits(max_bytes=size)) == []


COOKIES_5 = "cookies:\n" + "".join(
    f"  - {{name: c{i}, provider: Site, category: necessary, purpose: x}}\n" for i in range(5)
)


def test_cookie_count_limit_keeps_the_first_cookies():
    result = parse_declaration(COOKIES_5, source="many.yaml", limits=Limits(max_cookies=3))
    assert [str(d) for d in result.diagnostics] == [
        "many.yaml:1:1: error: cookies: 5 cookies declared; only the first 3 are used "
        "(expected at most 3 cookies)"
    ]
    assert result.diagnostics[0].kind == "limit"
    assert [c.name for c in result.declaration.cookies] == ["c0", "c1", "c2"]


def test_cookie_count_limit_from_a_file(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text(COOKIES_5, encoding="utf-8")
    result = load_declaration(path, source="many.yaml", limits=Limits(max_cookies=3))
    assert [d.kind for d in result.diagnostics] == ["limit"]
    assert [c.name for c in result.declaration.cookies] == ["c0", "c1", "c2"]


def test_cookie_count_at_the_limit_is_fine():
    result = parse_declaration(COOKIES_5, limits=Limits(max_cookies=5))
    assert result.ok
    assert len(result.declaration.cookies) == 5


def test_duplicates_past_the_cookie_limit_are_not_reported():
    text = COOKIES_5 + "  - {name: c0, provider: Site, category: necessary, purpose: x}\n"
    result = parse_declaration(text, limits=Limits(max_cookies=3))
    assert [d.kind for d in result.diagnostics] == ["limit"]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_value_count_limit(fmt):
    values = ", ".join(f'"v{i}"' for i in range(50))
    text = {
        "yaml": f"texts: {{intro: [{values}]}}\ncookies: []\n",
        "json": f'{{"texts": {{"intro": [{values}]}}, "cookies": []}}',
    }[fmt]
    result = parse_declaration(text, fmt, limits=Limits(max_values=20))
    assert result.declaration is None
    (diagnostic,) = result.diagnostics
    assert diagnostic.kind == "limit"
    assert diagnostic.message == "the declaration holds more than 20 values"
    assert diagnostic.line == 1


def test_value_count_limit_toml():
    values = ", ".join(f'"v{i}"' for i in range(50))
    result = parse_declaration(f"cookies = [{values}]\n", "toml", limits=Limits(max_values=20))
    (diagnostic,) = result.diagnostics
    assert (diagnostic.kind, diagnostic.message) == (
        "limit",
        "the declaration holds more than 20 values",
    )


def test_diagnostics_are_plain_values():
    for name in CASES:
        for diagnostic in load_declaration(BROKEN / name).diagnostics:
            assert isinstance(diagnostic, Diagnostic)
            assert diagnostic.kind in ("load", "limit", "schema", "reference", "duplicate")
            assert diagnostic.source == os.fspath(BROKEN / name)
            assert diagnostic.line is None or diagnostic.line >= 1
            assert diagnostic.column is None or diagnostic.column >= 1
