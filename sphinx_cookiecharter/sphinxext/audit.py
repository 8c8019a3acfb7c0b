"""``cookiecharter_audit``: the audit in the build, once an HTML build has finished.

- The **tracker check** (static, no browser) reads every page written and warns
  (``cookiecharter.audit``) once per well-known tracker a page loads whose provider has
  no entry in the declarations the build shows (:mod:`..audit.trackers`).
- The **browser audit**, when asked, serves the output on 127.0.0.1, visits it in
  Chromium and gives each finding of :func:`..audit.run.audit` as a warning at the
  declaration's line (an ``info`` finding is logged, not warned).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sphinx.util import logging

from .domain import domain
from .warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..audit.observation import Phase
    from ..core.model import Declaration

logger = logging.getLogger("sphinx_cookiecharter")

#: ``cookiecharter_audit = True`` means these options; a mapping changes some of them.
DEFAULTS: dict[str, Any] = {
    "trackers": True,
    "ignore": [],
    "browser": False,
    "accept_selector": None,
    "reject_selector": None,
    "pages": 50,
    "browser_path": None,
    "tolerance": 5,
    "timeout": 300,
}


def _usable(key: str, given: Any) -> bool:
    """True when ``given`` is a value ``cookiecharter_audit[key]`` can take."""
    if key in ("trackers", "browser"):
        return isinstance(given, bool)
    if key == "ignore":
        return isinstance(given, (list, tuple)) and all(isinstance(n, str) for n in given)
    if key in ("pages", "tolerance", "timeout"):
        number = isinstance(given, (int, float)) and not isinstance(given, bool)
        return (
            number
            and given >= (0 if key == "tolerance" else 1)
            and (key != "pages" or isinstance(given, int))
        )
    return given is None or isinstance(given, str)


def check(value: Any, warn_config: Any) -> dict[str, Any] | Literal[False]:
    """``cookiecharter_audit`` as options (``False``: no audit), warning through
    ``warn_config`` about what is not usable."""
    if value is False or value is None:
        return False
    options = dict(DEFAULTS)
    if value is True:
        return options
    if not isinstance(value, dict):
        warn_config("cookiecharter_audit must be True, False or a mapping; it is ignored")
        return False
    for key in value:
        given: Any = value[key]
        if key not in DEFAULTS:
            warn_config(
                f"unknown key in cookiecharter_audit: {key!r} (expected one of "
                f"{', '.join(DEFAULTS)})"
            )
        elif not _usable(key, given):
            warn_config(f"cookiecharter_audit[{key!r}] has the wrong type or value; it is ignored")
        else:
            options[key] = list(given) if key == "ignore" else given
    from ..audit.trackers import TRACKERS  # noqa: PLC0415 (only for a mapping)

    known = {tracker.id for tracker in TRACKERS}
    for name in list(options["ignore"]):
        if name not in known:
            warn_config(
                f"unknown tracker in cookiecharter_audit['ignore']: {name!r} "
                f"(expected one of {', '.join(sorted(known))})"
            )
            options["ignore"].remove(name)
    return options


def declarations_shown(app: Sphinx) -> list[Declaration]:
    """The declarations the build's pages show: files, then those written inline."""
    cookies = domain(app.env)
    found = [
        read.result.declaration
        for read in cookies.declarations.values()
        if read.result.declaration is not None
    ]
    found += [
        result.declaration
        for docname in sorted(cookies.inline)
        for _, result in cookies.inline[docname]
        if result.declaration is not None
    ]
    return found


def check_trackers(app: Sphinx, options: dict[str, Any], shown: list[Declaration]) -> None:
    """Warn once per undeclared tracker that a written page loads."""
    from ..audit.trackers import TRACKERS, trackers_in, undeclared  # noqa: PLC0415

    wanted = [
        tracker
        for tracker in TRACKERS
        if tracker.id not in options["ignore"] and undeclared(tracker, shown)
    ]
    if not wanted:
        return
    seen: dict[str, tuple[str, str, int]] = {}  # tracker id -> (first page, evidence, pages)
    read: set[Path] = set()
    for docname in sorted(app.env.found_docs):
        # singlehtml gives every document as a fragment of one page: read that page once.
        path = Path(app.builder.outdir) / app.builder.get_target_uri(docname).split("#")[0]
        if path.is_dir():
            path /= "index.html"
        if path in read:
            continue
        read.add(path)
        try:
            html = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for tracker, evidence in trackers_in(html, wanted):
            first = seen.get(tracker.id)
            seen[tracker.id] = (
                (docname, evidence, 1) if first is None else (*first[:2], first[2] + 1)
            )
    for tracker in wanted:
        if tracker.id not in seen:
            continue
        docname, evidence, pages = seen[tracker.id]
        others = pages - 1
        where = (
            "this page loads"
            if not others
            else f"this page and {others} other{'' if others == 1 else 's'} load"
        )
        what = (
            "it stores no cookie, but each visit is sent to its provider"
            if tracker.cookieless
            else f"it writes cookies such as {', '.join(tracker.cookies[:3])}"
        )
        warn(
            f"{where} {tracker.name} ({evidence}); {what}, and no declaration shown "
            f"in this build has an entry of its provider: declare them, or add "
            f"{tracker.id!r} to cookiecharter_audit['ignore']",
            "audit",
            (docname, None),
        )


def browser_audit(app: Sphinx, options: dict[str, Any], shown: list[Declaration]) -> None:
    """Visit the output in Chromium and give the findings as warnings."""
    from ..audit.browser import BrowserUnavailable  # noqa: PLC0415
    from ..audit.collect import CollectOptions  # noqa: PLC0415
    from ..audit.run import audit  # noqa: PLC0415

    if not shown:
        warn("cookiecharter_audit asks for a browser audit, but no page shows a declaration",
             "audit", None)  # fmt: skip
        return
    selectors: tuple[tuple[Phase, str | None], ...] = (
        ("accepted", options["accept_selector"]),
        ("rejected", options["reject_selector"]),
    )
    phases = tuple(phase for phase, selector in selectors if selector)
    collect = CollectOptions(
        pages=options["pages"],
        accept_selector=options["accept_selector"],
        reject_selector=options["reject_selector"],
        consent_phases=phases,
        timeout=float(options["timeout"]),
        browser=options["browser_path"],
    )
    logger.info("cookiecharter: auditing the output in Chromium...")
    try:
        report = audit(app.builder.outdir, shown, collect, tolerance=options["tolerance"] / 100)
    except BrowserUnavailable as error:
        warn(f"the browser audit could not run: {error}", "audit", None)
        return
    for finding in report.findings:
        location = (
            f"{finding.declaration}:{finding.declared_line}"
            if finding.declaration and finding.declared_line is not None
            else finding.declaration
        )
        pages = f" (pages: {', '.join(finding.pages)})" if finding.pages else ""
        message = f"{finding.kind}: {finding.message}{pages}"
        if finding.severity == "info":
            logger.info(message, location=location)
        else:
            warn(message, "audit", location)
    for page in report.observation.pages:
        for problem in page.problems:
            logger.info(f"cookiecharter audit: {page.url}: {problem}")
    logger.info(
        f"cookiecharter: {len(report.observation.pages)} page(s) audited in {report.elapsed:.1f} s"
    )


def build_finished(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the tracker check and, if asked, the browser audit, after a
    successful HTML build."""
    options = app.config.cookiecharter_audit
    if exception is not None or not options or app.builder.format != "html":
        return
    shown = declarations_shown(app)
    if options["trackers"]:
        check_trackers(app, options, shown)
    if options["browser"]:
        browser_audit(app, options, shown)
