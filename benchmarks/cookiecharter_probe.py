"""A Sphinx extension the benchmark copies into its incremental-build project.

It counts, for one build, how many times the declaration is parsed (calls of
:func:`sphinx_cookiecharter.core.load.load_declaration`, as the ``cookie`` domain
calls it) and which documents Sphinx reads
(the ``source-read`` event), and writes both to ``probe.json`` in the output directory
when the build finishes. Load it after ``sphinx_cookiecharter``; it needs no
environment variable and works for incremental builds as well as fresh ones.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_cookiecharter.sphinxext import domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_cookiecharter.core.load import LoadResult


def setup(app: Sphinx) -> dict[str, Any]:
    loads: list[str] = []
    read: list[str] = []
    original = domain.load_declaration

    def counting_load(path: Any, **kwargs: Any) -> LoadResult:
        loads.append(str(path))
        return original(path, **kwargs)

    domain.load_declaration = counting_load  # type: ignore[assignment]

    def source_read(app: Sphinx, docname: str, source: list[str]) -> None:
        read.append(docname)

    def build_finished(app: Sphinx, exception: BaseException | None) -> None:
        result = {"loads": loads, "read": sorted(read)}
        (Path(app.outdir) / "probe.json").write_text(json.dumps(result), encoding="utf-8")

    app.connect("source-read", source_read)
    app.connect("build-finished", build_finished)
    # Parallel reading would count in worker processes this one never hears from.
    return {"version": "1", "parallel_read_safe": False, "parallel_write_safe": True}
