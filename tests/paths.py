"""Where the tests find their inputs: the repository, the docs and their examples."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sphinx_cookiecharter"
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "examples"
TESTS = ROOT / "tests"
DECLARATIONS = TESTS / "declarations"
ROOTS = TESTS / "roots"
SNAPSHOTS = TESTS / "snapshots"
