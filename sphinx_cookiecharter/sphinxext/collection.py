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
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


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
