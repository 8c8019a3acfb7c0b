"""Cyclic garbage collection paused while the extension makes nodes that are all kept.

Reading a declaration and making its tables (or adapting them to a builder) allocates
hundreds of thousands of objects and frees almost none: every collection that the
allocations set off finds no garbage, yet a full one walks every object alive, the
whole environment and doctree included. With thousands of cookies that was a third of
the extension's time. Collection is switched off for such a step and back on after it
(only if it was on).

A charter's nodes are kept at least until the page is read: Sphinx pickles the page's
doctree once it is read and, when it reads the pages one after the other, keeps it in
memory (``BuildEnvironment._write_doc_doctree_cache``) until a builder that writes page
by page (HTML) takes it to write the page; a builder that assembles one document
(LaTeX) reads the pickle instead, and the kept doctree stays to the end of the build. A
parallel reader's worker lets it go. So the directive pauses collection until the page
is read (:class:`PagePause`, ended when the next page is read or, after the last, when
the environment is updated): the nodes are made and the doctree pickled without a
collection walking them. A step that leaves many objects, more than a quarter of all the
objects alive, ends with one full collection, which moves them to the oldest
generation: left in the youngest, every object it made would be walked by the next
young collection, again by the middle one, and then by the full collection that their
number sets off anyway (CPython collects everything once the objects that survived
young collections pass a quarter of the old ones). Measured at 2,000 cookies, ending
the page's pause without that collection made the build no faster.
"""

from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

#: How many more objects than freed a step must leave for one full collection to end it.
MANY = 100_000


def _collect_if_many() -> None:
    """One full collection after a paused step that left many objects."""
    made = gc.get_count()[0]
    # The memory blocks in use, all objects counted: more than the old ones, so a step
    # is large against them less often than CPython would find it.
    if made > MANY and 4 * made > sys.getallocatedblocks():
        gc.collect()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the ``with`` block."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            _collect_if_many()


class PagePause:
    """Collection paused from the making of a charter until its page has been read.

    Held by the ``cookie`` domain of the process (never pickled): :meth:`begin` when a
    directive starts, :meth:`end` when Sphinx reads the next page (``source-read``,
    which a parallel reader emits too), when the environment is updated, and when the
    build finishes (a build stopped by an error). Collection is switched back on only
    if the pause switched it off.
    """

    __slots__ = ("paused",)

    def __init__(self) -> None:
        self.paused = False

    def begin(self) -> None:
        if not self.paused and gc.isenabled():
            gc.disable()
            self.paused = True

    def end(self) -> None:
        if self.paused:
            self.paused = False
            gc.enable()
            _collect_if_many()
