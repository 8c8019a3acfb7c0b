"""Write a website's cookie charter from one cookie declaration, in every Sphinx build."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

_HERE = Path(__file__).resolve().parent


def _add_stylesheet(app: Sphinx) -> None:
    """Ship the small stylesheet that keeps the tables readable on narrow screens."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(_HERE / "static"))
        app.add_css_file("cookiecharter.css")


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives, the configuration values and the message catalog."""
    # Imported here so that the command line and the loader do not load Sphinx.
    from . import config, directives, text  # noqa: PLC0415

    app.add_message_catalog(text.CATALOG, str(text.LOCALES))
    config.register(app)
    app.add_directive("cookie-charter", directives.CookieCharterDirective)
    app.add_directive("cookie-table", directives.CookieTableDirective)
    app.connect("env-before-read-docs", directives.forget_read_declarations)
    app.connect("env-updated", directives.forget_read_declarations)
    app.connect("builder-inited", _add_stylesheet)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
