"""Shared fixtures: Sphinx's testing plugin and a builder of test projects."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

import pytest

from tests.paths import EXAMPLES, ROOTS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

pytest_plugins = ["sphinx.testing.fixtures", "tests.audit.fixtures"]
collect_ignore = ["roots"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Copy a test root (and the docs' example declarations it names) into tmp_path."""

    def copy(root: str, *examples: str) -> Path:
        srcdir = tmp_path / root
        shutil.copytree(ROOTS / f"test-{root}", srcdir)
        for name in examples:
            shutil.copy(EXAMPLES / name, srcdir / name)
        return srcdir

    return copy


@pytest.fixture
def build(
    make_app: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> Callable[..., SphinxTestApp]:
    """Build a test root with a builder and return the application."""

    def run(
        root: str,
        buildername: str = "html",
        *,
        examples: tuple[str, ...] = (),
        srcdir: Path | None = None,
        **kwargs: Any,
    ) -> SphinxTestApp:
        # Sphinx 7.4 does not show "[type.subtype]" after warnings unless asked to. The
        # lint is off unless a test turns it on: its findings are tested in tests/lint
        # and in the sphinxext tests that ask for them.
        kwargs["confoverrides"] = {
            "show_warning_types": True,
            "cookiecharter_lint": False,
            **kwargs.get("confoverrides", {}),
        }
        app = make_app(buildername, srcdir=srcdir or project(root, *examples), **kwargs)
        app.build()
        return app

    return run


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole test session (a Playwright ``Browser``).

    Skipped, with the reason printed, when no browser can be started here; CI installs one.
    """
    from sphinx_cookiecharter.audit.browser import BrowserUnavailable, launch, start_playwright

    try:
        manager = start_playwright()
        playwright = manager.__enter__()
    except BrowserUnavailable as error:
        print(f"browser tests skipped: {error}")
        pytest.skip(str(error))
    try:
        browser = launch(playwright)
    except BrowserUnavailable as error:
        manager.__exit__(None, None, None)
        print(f"browser tests skipped: {error}")
        pytest.skip(str(error))
    yield browser
    browser.close()
    manager.__exit__(None, None, None)
