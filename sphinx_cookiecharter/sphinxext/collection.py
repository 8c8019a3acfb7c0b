"""Cyclic garbage collection paused while the extension makes nodes that are all kept.

Reading a declaration and making its tables (or adapting them to a builder) allocates
hundreds of thousands of objects and frees almost none: every collection that the
allocations set off finds no garbage, yet a full one walks every object alive, the
whole environment and doctree included. With thousands of cookies that was a third of
the extension's time. Collection is switched off for such a step and back on after it
(only if it was on): what the step leaves unreachable is collected afterwards.
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


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the ``with`` block.

    A step that leaves many objects (a charter of thousands of cookies), more than a
    quarter of all the objects alive, ends with one full collection: left in the
    youngest generation, every object it made would be walked by the next young
    collection, again by the middle one, and then by the full collection that their
    number sets off anyway (CPython collects everything once the objects that survived
    young collections pass a quarter of the old ones).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            made = gc.get_count()[0]
            # The memory blocks in use, all objects counted: more than the old ones, so
            # a step is large against them less often than CPython would find it.
            if made > MANY and 4 * made > sys.getallocatedblocks():
                gc.collect()
