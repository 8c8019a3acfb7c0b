"""Garbage collection paused while the extension makes nodes that are all kept."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any

import pytest

from sphinx_cookiecharter.sphinxext.collection import MANY, PagePause, collection_paused

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.testing.util import SphinxTestApp


class Kept:
    """An object the collector tracks, in one memory block."""

    __slots__ = ("value",)


@pytest.fixture
def full_collections() -> Iterator[list[int]]:
    """The generations collected, in order."""
    collected: list[int] = []

    def note(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collected.append(info["generation"])

    gc.collect()
    gc.callbacks.append(note)
    try:
        yield collected
    finally:
        gc.callbacks.remove(note)


def test_nothing_is_collected_inside_and_collection_comes_back_on(
    full_collections: list[int],
) -> None:
    kept = []
    with collection_paused():
        assert not gc.isenabled()
        kept.extend([index] for index in range(MANY // 2))
    assert gc.isenabled()
    # A small step: collection goes on as CPython decides (a young one, at most).
    assert 2 not in full_collections
    del kept


def test_a_step_leaving_many_objects_ends_with_one_full_collection(
    full_collections: list[int],
) -> None:
    # More than MANY, and more than a quarter of the memory blocks the process uses
    # once they are made (one block each).
    many = max(2 * MANY, sys.getallocatedblocks())
    with collection_paused():
        kept = [Kept() for _ in range(many)]
        assert full_collections == []
    assert full_collections.count(2) == 1
    assert len(kept) == many


def test_collection_left_off_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            kept = [[index] for index in range(2 * MANY)]
        assert not gc.isenabled()
        assert len(kept) == 2 * MANY
    finally:
        gc.enable()


def test_a_page_pause_switches_collection_back_on_once() -> None:
    pause = PagePause()
    pause.begin()
    assert not gc.isenabled()
    pause.begin()  # a second charter on the page
    pause.end()
    assert gc.isenabled()
    pause.end()  # the next page, the update, the end of the build: nothing to do
    assert gc.isenabled()


def test_a_page_pause_leaves_collection_switched_off_by_others_alone() -> None:
    gc.disable()
    try:
        pause = PagePause()
        pause.begin()
        pause.end()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collection_is_paused_from_a_charter_until_its_page_is_read(
    build: Callable[..., SphinxTestApp], make_app: Callable[..., SphinxTestApp]
) -> None:
    """Paused while a page with a charter is read and pickled, back on for the next page
    (``plain`` shows no charter) and once the build is over."""
    app = build("multi")
    srcdir = app.srcdir
    app.cleanup()
    again = make_app("html", srcdir=srcdir, freshenv=True)
    enabled: dict[str, bool] = {}
    again.connect(
        "doctree-read", lambda _app, doctree: enabled.__setitem__(_app.env.docname, gc.isenabled())
    )
    again.build()
    assert enabled["a"] is False
    assert enabled["plain"] is True
    assert gc.isenabled()
