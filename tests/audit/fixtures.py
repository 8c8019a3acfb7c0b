"""Fixtures of the browser audit's tests: a Chromium or a skip that says why, and the
fixture site built once per module (a plugin of ``tests/conftest.py``)."""

from __future__ import annotations

import concurrent.futures
import shutil
from typing import TYPE_CHECKING

import pytest

from tests.paths import ROOTS

if TYPE_CHECKING:
    from pathlib import Path

FIXTURE_SITE = ROOTS / "test-audit"
ACCEPT = "#consent-accept"
REJECT = "#consent-reject"


def chromium_or_skip() -> str | None:
    """The Chromium the audit will run (``None``: Playwright's own), or a skip with the
    reason printed in pytest's summary (``-ra``)."""
    try:
        import playwright.sync_api  # noqa: F401
        import publicsuffixlist  # noqa: F401
    except ImportError as error:
        pytest.skip(f"browser tests need {error.name} (pip install -e '.[test]')")
    from sphinx_cookiecharter.audit.browser import (
        BrowserUnavailable,
        chromium_executable,
        system_chromium,
    )

    def find() -> str | None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            return chromium_executable(playwright)

    try:
        found = system_chromium()
        if found is not None:
            return found
        # Playwright's own browser: asked in a thread of its own, since another test's
        # Playwright (synchronous API) may be running in this one.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(find).result()
    except BrowserUnavailable as error:
        pytest.skip(f"no browser for the audit tests: {error}")


@pytest.fixture(scope="session")
def audit_browser() -> str | None:
    return chromium_or_skip()


def build_site(source: Path, out: Path) -> Path:
    """Build a Sphinx project to HTML (``-W``); returns the output folder."""
    from sphinx.cmd.build import build_main

    status = build_main(
        ["-q", "-W", "-b", "html", "-d", str(out / ".doctrees"), str(source), str(out / "html")]
    )
    assert status == 0
    return out / "html"


@pytest.fixture(scope="module")
def audit_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture documentation project, built to HTML once per module."""
    work = tmp_path_factory.mktemp("audit-site")
    source = work / "source"
    shutil.copytree(FIXTURE_SITE, source)
    return build_site(source, work)
