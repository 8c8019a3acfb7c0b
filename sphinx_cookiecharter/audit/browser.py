"""Find a Chromium and start it through Playwright's Python API.

Playwright's own browser is used when it is installed (``playwright install chromium``);
otherwise a Chromium of the system: the path given (``--browser``), then the
``CHROMIUM_PATH`` environment variable, then ``chromium``, ``chromium-browser``,
``google-chrome`` or ``google-chrome-stable`` on ``PATH``. Playwright is an optional
dependency (the ``audit`` extra): nothing here imports it before a browser is asked for.
"""

from __future__ import annotations

import os
import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contextlib import AbstractAsyncContextManager, AbstractContextManager

#: Programs looked for on ``PATH`` when no browser is named.
SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Switches that keep a headless Chromium quiet on a machine without a network: no
#: update checks, no sync, no first-run pages, no component downloads.
QUIET_SWITCHES = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)

HOW_TO_GET_ONE = (
    "no Chromium found: install Playwright's own with `python -m playwright install "
    "chromium`, or a system one (Debian and Ubuntu: `apt-get install chromium`), or name "
    "one with --browser PATH or the CHROMIUM_PATH environment variable"
)


class BrowserUnavailable(RuntimeError):
    """No browser can be started; the message says how to get one."""


def _playwright_own(playwright: Any) -> str | None:
    path = playwright.chromium.executable_path
    return path if path and Path(path).is_file() else None


def system_chromium(given: str | os.PathLike[str] | None = None) -> str | None:
    """The system Chromium to use: ``given``, ``CHROMIUM_PATH``, or one on ``PATH``."""
    for candidate in (given, os.environ.get("CHROMIUM_PATH")):
        if candidate:
            found = shutil.which(os.fspath(candidate))
            if found:
                return found
            raise BrowserUnavailable(f"{os.fspath(candidate)!r} is not a program to run")
    for name in SYSTEM_CHROMIUMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def launch_options(executable: str | None) -> dict[str, Any]:
    """What ``chromium.launch`` (or ``launch_persistent_context``) is given."""
    args = list(QUIET_SWITCHES)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
    options: dict[str, Any] = {"headless": True, "args": args}
    if executable is not None:
        options["executable_path"] = executable
    return options


@cache
def playwright_error() -> type[Exception]:
    """Playwright's own error, which every failed browser operation raises (its
    ``TimeoutError`` is one); only once Playwright is known to be installed."""
    from playwright.async_api import Error  # noqa: PLC0415 (optional)

    return Error


def start_playwright() -> AbstractContextManager[Any]:
    """Playwright's synchronous API, or :class:`BrowserUnavailable` when not installed."""
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415 (optional)
    except ImportError:
        raise BrowserUnavailable(
            "the browser audit needs Playwright: pip install 'sphinx-cookiecharter[audit]'"
        ) from None
    return sync_playwright()


def start_async_playwright() -> AbstractAsyncContextManager[Any]:
    """Playwright's asynchronous API (several pages at once in one browser), or
    :class:`BrowserUnavailable` when Playwright is not installed."""
    try:
        from playwright.async_api import async_playwright  # noqa: PLC0415 (optional)
        from publicsuffixlist import PublicSuffixList  # noqa: F401, PLC0415 (the audit's)
    except ImportError as error:
        raise BrowserUnavailable(
            f"the browser audit needs {error.name}: pip install 'sphinx-cookiecharter[audit]'"
        ) from None
    return async_playwright()


def chromium_executable(playwright: Any, given: str | os.PathLike[str] | None = None) -> str | None:
    """The Chromium to start: the one named, else Playwright's own, else the system's.

    ``None`` means Playwright's own browser (it knows where it is).

    :raises BrowserUnavailable: when there is none.
    """
    if given is None and _playwright_own(playwright):
        return None
    found = system_chromium(given)
    if found is None:
        raise BrowserUnavailable(HOW_TO_GET_ONE)
    return found


def launch(playwright: Any, given: str | os.PathLike[str] | None = None) -> Any:
    """A started headless Chromium (a Playwright ``Browser``)."""
    options = launch_options(chromium_executable(playwright, given))
    try:
        return playwright.chromium.launch(**options)
    except playwright_error() as error:
        raise BrowserUnavailable(f"Chromium did not start: {error}") from None


def third_party_profile(directory: Path) -> Path:
    """A Chromium profile that keeps third-party cookies, as a desktop browser does.

    Playwright's contexts block them by default; a persistent context started on this
    profile lets them through, so an audit sees what such a browser stores.
    """
    preferences = directory / "Default" / "Preferences"
    preferences.parent.mkdir(parents=True, exist_ok=True)
    preferences.write_text('{"profile": {"cookie_controls_mode": 0}}', encoding="utf-8")
    return directory


async def launch_keeping_third_party(
    playwright: Any, profile: Path, given: str | os.PathLike[str] | None = None
) -> Any:
    """A started headless Chromium that keeps third-party cookies (asynchronous API).

    Chromium is started as a persistent context on :func:`third_party_profile`; the
    ``Browser`` it returns (``context.browser``) then opens fresh, isolated contexts
    (``browser.new_context()``) that keep third-party cookies and storage too, one per
    visitor. Close the returned persistent context to stop the browser.
    """
    options = launch_options(chromium_executable(playwright, given))
    try:
        return await playwright.chromium.launch_persistent_context(
            str(third_party_profile(profile)), **options
        )
    except playwright_error() as error:
        raise BrowserUnavailable(f"Chromium did not start: {error}") from None
