"""Test projects built once for a whole module (``make_app`` is per test)."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

from sphinx.testing.util import SphinxTestApp

from tests.paths import ROOTS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pytest


def built_once(
    factory: pytest.TempPathFactory,
    root: str,
    builder: str = "html",
    *,
    prepare: Callable[[Path], None] | None = None,
    **kwargs: Any,
) -> SphinxTestApp:
    """Copy ``tests/roots/test-<root>`` to a fresh folder and build it with ``builder``.

    :param prepare: called with the copied source folder before the build.

    The caller cleans up (``app.cleanup()``) once its module is done with it.
    """
    srcdir = factory.mktemp(root) / root
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    if prepare is not None:
        prepare(srcdir)
    overrides = {
        "show_warning_types": True,
        "cookiecharter_lint": False,  # the lint's findings are tested on their own
        **kwargs.pop("confoverrides", {}),
    }
    app = SphinxTestApp(builder, srcdir=srcdir, confoverrides=overrides, **kwargs)
    app.build()
    return app
