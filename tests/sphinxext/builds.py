"""One Sphinx build shared by a whole test module (the ``make_app`` fixture is per test)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from pathlib import Path


def build_once(srcdir: Path, buildername: str, **kwargs: Any) -> SphinxTestApp:
    """Build the project in ``srcdir`` with ``buildername`` into ``_build`` beside it."""
    # As the ``build`` fixture: warning types shown, the lint (tested on its own) off.
    overrides = {
        "show_warning_types": True,
        "cookiecharter_lint": False,
        **kwargs.pop("confoverrides", {}),
    }
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=srcdir.parent / "_build",
        confoverrides=overrides,
        **kwargs,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app
