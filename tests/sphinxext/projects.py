"""Test projects built once for a whole module (``make_app`` is per test)."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

from sphinx.testing.util import SphinxTestApp

from tests.paths import ROOTS

if TYPE_CHECKING:
    import pytest


def built_once(
    factory: pytest.TempPathFactory, root: str, builder: str = "html", **kwargs: Any
) -> SphinxTestApp:
    """Copy ``tests/roots/test-<root>`` to a fresh folder and build it with ``builder``.

    The caller cleans up (``app.cleanup()``) once its module is done with it.
    """
    srcdir = factory.mktemp(root) / root
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    overrides = {
        "show_warning_types": True,
        "cookiecharter_lint": False,  # the lint's findings are tested on their own
        **kwargs.pop("confoverrides", {}),
    }
    app = SphinxTestApp(builder, srcdir=srcdir, confoverrides=overrides, **kwargs)
    app.build()
    return app
