"""The lint in a Sphinx build: every declaration shown is linted once per build; its
findings are ``cookiecharter-lint.<rule>`` warnings (``info`` ones are logged), which
``suppress_warnings`` silences, ``-W`` turns into a failure, and ``-j 2`` gives once."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from sphinx.cmd.build import build_main

from tests.paths import ROOTS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LINT_ON = {"cookiecharter_lint": True}

#: What the test root's declarations give, as sphinx-build prints it.
FINDINGS = [
    "cookies.yaml:15: WARNING: CK001: the marketing cookie '_fbp' is marked exempt from "
    "consent; advertising is never strictly necessary [cookiecharter-lint.CK001]",
    "cookies.yaml:15: WARNING: CK003: the marketing cookie '_fbp' is marked exempt from "
    "consent without an `exemption` saying why [cookiecharter-lint.CK003]",
    "cookies.yaml:22: WARNING: CK012: the cookie '_xa' needs consent but has no `duration` "
    "[cookiecharter-lint.CK012]",
    "inline.rst:9: WARNING: CK001: the marketing cookie 'inline_ads' is marked exempt from "
    "consent; advertising is never strictly necessary [cookiecharter-lint.CK001]",
    "inline.rst:9: WARNING: CK003: the marketing cookie 'inline_ads' is marked exempt from "
    "consent without an `exemption` saying why [cookiecharter-lint.CK003]",
]


def lines(text: str, app: SphinxTestApp) -> list[str]:
    return ANSI.sub("", text).replace(str(app.srcdir) + "/", "").splitlines()


def warnings(app: SphinxTestApp) -> list[str]:
    return lines(app.warning.getvalue(), app)


def test_findings_are_located_typed_warnings_once_per_declaration(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("lint", confoverrides=LINT_ON)
    assert warnings(app) == FINDINGS  # the file shown on two pages: once


def test_info_findings_are_logged_not_warned(build: Callable[..., SphinxTestApp]) -> None:
    app = build("lint", confoverrides=LINT_ON)
    status = lines(app.status.getvalue(), app)
    assert (
        "cookies.yaml:10: CK031: the third party 'Example Ads' (cookie '_fbp') has no `role`"
        in status
    )
    assert not any("CK031" in line for line in warnings(app))


def test_a_cookies_reasoned_suppression_holds(build: Callable[..., SphinxTestApp]) -> None:
    app = build("lint", confoverrides=LINT_ON)
    assert not any("CK013" in line for line in warnings(app))


@pytest.mark.parametrize(
    ("suppressed", "left"),
    [
        (["cookiecharter-lint.CK012"], [0, 1, 3, 4]),
        (["cookiecharter-lint.CK001"], [1, 2, 4]),
        (["cookiecharter-lint"], []),
    ],
)
def test_suppress_warnings_silences_one_rule_or_all(
    build: Callable[..., SphinxTestApp], suppressed: list[str], left: list[int]
) -> None:
    app = build("lint", confoverrides={**LINT_ON, "suppress_warnings": suppressed})
    assert warnings(app) == [FINDINGS[index] for index in left]


@pytest.mark.parametrize(
    ("setting", "left"),
    [
        ({"select": ["CK001", "CK014"], "profile": "fr"}, [0, 3]),
        ({"ignore": "CK001, CK003"}, [2]),
        ({}, [0, 1, 2, 3, 4]),
        (False, []),
    ],
)
def test_the_configuration_selects_ignores_and_sets_the_profile(
    build: Callable[..., SphinxTestApp], setting: object, left: list[int]
) -> None:
    app = build("lint", confoverrides={"cookiecharter_lint": setting})
    assert warnings(app) == [FINDINGS[index] for index in left]


def test_a_wrong_configuration_is_a_config_warning(build: Callable[..., SphinxTestApp]) -> None:
    app = build(
        "lint",
        confoverrides={
            "cookiecharter_lint": {"select": ["CK001", "CK999"], "profile": "mars", "level": 1}
        },
    )
    found = warnings(app)
    assert found[:3] == [
        "WARNING: unknown key in cookiecharter_lint: 'level' (expected one of select, "
        "ignore, profile) [cookiecharter.config]",
        "WARNING: unknown rule id in cookiecharter_lint['select']: 'CK999' (expected one of "
        + ", ".join(__import__("sphinx_cookiecharter.lint").lint.RULES)
        + ") [cookiecharter.config]",
        "WARNING: unknown profile in cookiecharter_lint: 'mars' (expected one of eu, fr, "
        "uk); eu is used [cookiecharter.config]",
    ]
    assert found[3:] == [FINDINGS[0], FINDINGS[3]]


def test_w_fails_the_build_and_an_unchanged_rebuild_too(
    project: Callable[..., Path], tmp_path: Path
) -> None:
    srcdir = project("lint")
    args = [str(srcdir), str(tmp_path / "out"), "-q", "-W", "-b", "html"]
    assert build_main(args) != 0
    assert build_main(args) != 0  # nothing changed: the findings are given again
    assert build_main([*args, "-D", "cookiecharter_lint=0"]) == 0


@pytest.mark.parametrize(("spelled", "on"), [("0", False), ("off", False), ("true", True)])
def test_a_switch_spelled_as_text_is_the_boolean_it_spells(
    project: Callable[..., Path], tmp_path: Path, spelled: str, on: bool
) -> None:
    """``-D cookiecharter_lint=0``: Sphinx 7.4 passes the text ``"0"``, as a ``conf.py``
    that writes it does; it turns the lint off, with no configuration warning."""
    srcdir = project("lint")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\ncookiecharter_lint = {spelled!r}\n")
    args = [str(srcdir), str(tmp_path / "out"), "-q", "-W", "-b", "html"]
    assert (build_main(args) != 0) is on


def test_a_parallel_build_gives_each_finding_once(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path], tmp_path: Path
) -> None:
    srcdir = project("lint")
    for number in range(6):  # enough pages for parallel reading to start
        shutil.copy(srcdir / "again.rst", srcdir / f"again{number}.rst")
    (srcdir / "index.rst").write_text(
        (ROOTS / "test-lint" / "index.rst").read_text(encoding="utf-8")
        + "".join(f"   again{number}\n" for number in range(6)),
        encoding="utf-8",
    )
    app = build("lint", srcdir=srcdir, parallel=2, confoverrides=LINT_ON)
    assert app.parallel == 2
    assert warnings(app) == FINDINGS
