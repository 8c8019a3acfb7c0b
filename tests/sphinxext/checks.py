"""Checks the browser and PDF tests share: axe-core on the charter's markup, and a
LaTeX project compiled with latexmk."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

#: What axe-core looks at: the charter's sections and its tables' regions.
CHARTER = {"include": [[".cookiecharter-region"], [".cookiecharter-section"]]}


def axe_violations(page: Any) -> list[tuple[str, list[Any]]]:
    """axe-core's violations in and around the charter on the page shown: each rule's
    id and the first three elements it names."""
    # Imported here: only the browser tests have axe-core.
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=CHARTER, options={"resultTypes": ["violations"]})
    return [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
    ]


def latexmk(outdir: Path, name: str, engine: str = "-pdf") -> None:
    """Compile ``name``.tex in ``outdir`` (``engine``: ``-pdf`` for pdfLaTeX,
    ``-pdflua`` for LuaLaTeX); the end of latexmk's output when it fails."""
    result = subprocess.run(
        ["latexmk", engine, "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
        cwd=outdir,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
