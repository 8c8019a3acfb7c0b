"""Write a website's cookie charter from one cookie declaration, in every Sphinx build."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """The Sphinx extension's entry point: hands over to :mod:`.sphinxext`.

    Imported here, so that the command line and the library do not load Sphinx.
    """
    from .sphinxext import setup as setup_extension  # noqa: PLC0415

    return setup_extension(app)
