"""The audit's limits in a real browser: a page that never finishes loading is reported
as not loaded after the per-page time limit, the other pages are still read, and the
progress callback hears of every page once.

The slow page asks for an image from a loopback server that accepts the connection and
never answers, so Chromium's ``load`` event never comes.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import TYPE_CHECKING

import pytest

from sphinx_cookiecharter.audit.collect import CollectOptions
from sphinx_cookiecharter.audit.run import audit

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback port that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            accepted.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body>{body}</body></html>"
    )


def test_a_page_that_never_loads_is_reported_and_the_others_are_read(
    audit_browser: str | None, tmp_path: Path, silent_server: int
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        page(
            "Home",
            '<a href="slow.html">slow</a> <a href="fine.html">fine</a>'
            '<script>document.cookie = "home=1; path=/"</script>',
        ),
        encoding="utf-8",
    )
    (site / "slow.html").write_text(
        page("Slow", f'<img alt="" src="http://127.0.0.1:{silent_server}/never.png">'),
        encoding="utf-8",
    )
    (site / "fine.html").write_text(
        page("Fine", '<script>localStorage.setItem("fine", "1")</script>'), encoding="utf-8"
    )
    heard: list[tuple[int, int, str]] = []
    options = CollectOptions(
        browser=audit_browser,
        page_timeout=2.0,
        progress=lambda done, total, url: heard.append((done, total, url)),
    )
    started = time.monotonic()
    report = audit(site, [], options)
    elapsed = time.monotonic() - started

    pages = {visit.url: visit for visit in report.observation.pages}
    assert set(pages) == {"/index.html", "/slow.html", "/fine.html"}
    assert any(problem.startswith("not loaded:") for problem in pages["/slow.html"].problems)
    assert pages["/index.html"].problems == ()
    assert pages["/fine.html"].problems == ()
    names = {item.name for item in report.observation.items}
    assert {"home", "fine"} <= names
    # The slow page cost about its own limit (2 s), far below the default 30 s.
    print(f"audit of 3 pages, one never loading: {elapsed:.1f} s")
    assert elapsed < 25
    # The progress callback: once per page, counting up to the pages known.
    assert sorted(url for _, _, url in heard) == sorted(pages)
    assert [done for done, _, _ in heard] == [1, 2, 3]
    assert all(done <= total for done, total, _ in heard)
