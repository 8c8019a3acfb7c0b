"""The library's stable entry points: read a declaration from a file or from text, and
lint it.

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
from .lint import Finding, lint

__all__ = [
    "Category",
    "Change",
    "ConsentSettings",
    "Controller",
    "Cookie",
    "Declaration",
    "Diagnostic",
    "Duration",
    "Finding",
    "Format",
    "Limits",
    "LintSettings",
    "LoadResult",
    "LocalizedText",
    "Position",
    "Provider",
    "lint",
    "load",
    "parse",
    "schema",
]
