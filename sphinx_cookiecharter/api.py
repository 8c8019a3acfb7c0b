"""The library's stable entry points: read a declaration from a file or from text, lint
it, export it (JSON, CSV, consent banners), compare two versions of it.

Everything here works without Sphinx. What it returns is documented in the
documentation's "Python API" reference; names not listed here may change.
"""

from __future__ import annotations

from .core.diagnostics import Diagnostic
from .core.load import LoadResult
from .core.load import load_declaration as load
from .core.load import parse_declaration as parse
from .core.model import (
    Category,
    Change,
    ConsentSettings,
    Controller,
    Cookie,
    Declaration,
    Duration,
    LintSettings,
    LocalizedText,
    Position,
    Provider,
)
from .core.read import Format, Limits
from .core.schema import schema
from .export import FORMATS as EXPORT_FORMATS
from .export import CharterLink, ExportFormat, export
from .export.diff import Changed, Difference, load_version
from .export.diff import compare as diff
from .export.json import export_schema
from .lint import Finding, lint

__all__ = [
    "EXPORT_FORMATS",
    "Category",
    "Change",
    "Changed",
    "CharterLink",
    "ConsentSettings",
    "Controller",
    "Cookie",
    "Declaration",
    "Diagnostic",
    "Difference",
    "Duration",
    "ExportFormat",
    "Finding",
    "Format",
    "Limits",
    "LintSettings",
    "LoadResult",
    "LocalizedText",
    "Position",
    "Provider",
    "diff",
    "export",
    "export_schema",
    "lint",
    "load",
    "load_version",
    "parse",
    "schema",
]
