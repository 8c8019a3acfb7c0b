"""One audit from start to end: serve or reach the target, collect, compare, report."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .collect import CollectOptions, collect
from .compare import DEFAULT_TOLERANCE, compare
from .known import Suggestion, lookup
from .report import Report
from .serve import FolderServer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.model import Declaration


class TargetError(ValueError):
    """The target is neither a built HTML folder nor an ``http(s)`` address."""


def is_url(target: str | os.PathLike[str]) -> bool:
    return isinstance(target, str) and target.startswith(("http://", "https://"))


def audit(
    target: str | os.PathLike[str],
    declarations: Sequence[Declaration],
    options: CollectOptions | None = None,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Report:
    """Visit ``target`` (a built HTML folder, served on 127.0.0.1 meanwhile, or an
    ``http(s)`` address) and compare what it stores with ``declarations``.

    :raises TargetError: for a target that is neither.
    :raises BrowserUnavailable: when no browser can be started.
    """
    options = options or CollectOptions()
    started = time.monotonic()
    if is_url(target):
        observation = collect(str(target), options)
        base = str(target)
    else:
        folder = Path(target)
        if not folder.is_dir():
            raise TargetError(f"{os.fspath(target)}: not a folder nor an http(s) address")
        start = "index.html" if (folder / "index.html").is_file() else ""
        with FolderServer(folder) as server:
            base = server.url
            observation = collect(base + start, options)
        observation = replace(observation, target=os.fspath(target))
    findings = compare(declarations, observation, tolerance=tolerance, known=lookup)
    return Report(
        observation,
        tuple(findings),
        tuple(declaration.source for declaration in declarations),
        base,
        tolerance,
        time.monotonic() - started,
    )


def suggestions(report: Report) -> list[Suggestion]:
    """The undeclared items of a report, for :func:`.known.suggest`."""
    parties: dict[tuple[str, str, str], str] = {
        (item.name, item.storage, item.domain): item.party for item in report.observation.items
    }
    return [
        Suggestion(
            finding.name,
            finding.storage,
            parties.get((finding.name, finding.storage, finding.domain or ""), "first"),
            finding.domain or "",
            finding.pages,
            finding.known,
        )
        for finding in report.findings
        if finding.kind == "undeclared"
    ]
