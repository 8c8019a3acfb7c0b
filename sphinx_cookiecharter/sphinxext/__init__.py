"""The Sphinx side: configuration, directives, the ``cookie`` domain, warnings.

This is the only layer that imports Sphinx. :func:`setup` only registers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from .. import __version__
from ..i18n import CATALOG, LOCALES
from . import audit, config, directives, domain, output, publish

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

_STATIC = Path(__file__).resolve().parent / "static"


def _add_stylesheet(app: Sphinx) -> None:
    """Ship the small stylesheet that keeps the tables readable on narrow screens."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(_STATIC))
        app.add_css_file("cookiecharter.css")


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the configuration values, the directives, the domain and its roles."""
    app.add_message_catalog(CATALOG, str(LOCALES))
    config.register(app)
    app.add_domain(domain.CookieDomain)
    app.add_role("cookie", domain.CookieRole(innernodeclass=nodes.literal, warn_dangling=True))
    app.add_directive("cookie-charter", directives.CookieCharterDirective)
    app.add_directive("cookie-table", directives.CookieTableDirective)
    app.connect("env-before-read-docs", domain.refresh_declarations)
    app.connect("source-read", domain.end_collection_pause)
    app.connect("env-updated", domain.end_collection_pause, priority=100)
    app.connect("env-updated", domain.report_declarations)
    app.connect("build-finished", domain.end_collection_pause, priority=100)
    app.connect("warn-missing-reference", domain.warn_unknown_target)
    app.connect("builder-inited", _add_stylesheet)
    output.register(app)
    app.connect("config-inited", publish.check_config)
    app.connect("build-finished", publish.publish)
    app.connect("build-finished", audit.build_finished)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
