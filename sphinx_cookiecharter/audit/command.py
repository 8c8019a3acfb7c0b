"""``cookiecharter audit``: the command line of the browser audit."""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING, Any

from ..core.emit import emit
from ..core.load import load_declaration
from .browser import BrowserUnavailable
from .compare import DEFAULT_TOLERANCE
from .report import WRITERS

if TYPE_CHECKING:
    from ..core.model import Declaration
    from .observation import Phase

DESCRIPTION = """\
Visit a site in Chromium and compare what it stores (cookies, local and session storage,
IndexedDB) with a declaration. TARGET is a built HTML folder, served on 127.0.0.1 for the
audit, or an http(s) address; same-site links under it are followed breadth-first (or the
pages of its sitemap.xml are taken), up to --pages. Exit status: 0 when no finding is an
error, 1 when one is, 2 when the audit cannot run (no browser, no declaration, a wrong
target) or its report cannot be written."""


def add_parser(commands: Any) -> None:
    """Add ``audit`` to the command line's subcommands."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "audit",
        help="compare what a site really stores, in a browser, with a declaration",
        description=DESCRIPTION,
    )
    parser.add_argument("target", metavar="TARGET", help="a built HTML folder or a URL")
    parser.add_argument(
        "--declaration",
        "-d",
        action="append",
        required=True,
        metavar="FILE",
        help="the declaration to compare with (repeat for several)",
    )
    parser.add_argument(
        "--consent",
        action="append",
        choices=("none", "accept", "reject"),
        help="the phases to run after arrival: accept, reject (repeatable), or none; "
        "default: each one whose selector is given",
    )
    parser.add_argument(
        "--accept-selector", metavar="CSS", help="the consent banner's accept button"
    )
    parser.add_argument(
        "--reject-selector", metavar="CSS", help="the consent banner's reject button"
    )
    parser.add_argument(
        "--click",
        action="append",
        default=[],
        metavar="CSS",
        help="on each page after arrival, before any consent, click the first visible "
        "element this selector matches and read the page again (repeatable, in order): "
        "a colour scheme button, a tab, a copy button",
    )
    parser.add_argument(
        "--pages", type=_positive, default=50, metavar="N", help="pages to visit at most (50)"
    )
    parser.add_argument("--format", choices=tuple(WRITERS), default="text", help="report format")
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write the report here, not to stdout"
    )
    parser.add_argument(
        "--suggest", metavar="FILE", help="write a declaration fragment for undeclared items"
    )
    parser.add_argument("--browser", metavar="PATH", help="the Chromium to run")
    parser.add_argument(
        "--tolerance",
        type=_number(at_least=0),
        default=DEFAULT_TOLERANCE * 100,
        metavar="PERCENT",
        help="how much longer than declared a lifetime may be (5)",
    )
    parser.add_argument(
        "--page-timeout",
        type=_number(above=0),
        default=30.0,
        metavar="SECONDS",
        help="per page load (30)",
    )
    parser.add_argument(
        "--timeout",
        type=_number(above=0),
        default=600.0,
        metavar="SECONDS",
        help="for the whole audit (600)",
    )
    parser.add_argument(
        "--concurrency", type=_positive, default=4, metavar="N", help="pages visited at once (4)"
    )
    parser.add_argument(
        "--no-sitemap", action="store_true", help="follow links even when a sitemap.xml exists"
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress display")
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _number(*, at_least: float | None = None, above: float | None = None) -> Any:
    """An argparse type: a finite number, at least ``at_least`` or more than ``above``
    (``nan`` would silently turn the comparison or the time limit off)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
        if at_least is not None and value < at_least:
            raise argparse.ArgumentTypeError(f"must be at least {at_least:g}")
        if above is not None and value <= above:
            raise argparse.ArgumentTypeError(f"must be more than {above:g}")
        return value

    return parse


def _fail(message: str) -> int:
    print(f"cookiecharter audit: {message}", file=sys.stderr)
    return 2


def _declarations(paths: list[str]) -> list[Declaration] | None:
    found = []
    for path in paths:
        result = load_declaration(path)
        for diagnostic in result.diagnostics:
            print(diagnostic, file=sys.stderr)
        if result.declaration is None:
            return None
        found.append(result.declaration)
    return found


def _phases(args: argparse.Namespace) -> tuple[Phase, ...] | str:
    """The consent phases to run, or what is wrong with the options."""
    wanted = args.consent
    if wanted is None:
        chosen: list[Phase] = []
        if args.accept_selector:
            chosen.append("accepted")
        if args.reject_selector:
            chosen.append("rejected")
        return tuple(chosen)
    if "none" in wanted:
        return () if set(wanted) == {"none"} else "--consent none goes with no other --consent"
    result: list[Phase] = []
    choices: tuple[tuple[str, str | None, Phase], ...] = (
        ("accept", args.accept_selector, "accepted"),
        ("reject", args.reject_selector, "rejected"),
    )
    for choice, selector, phase in choices:
        if choice in wanted:
            if not selector:
                return f"--consent {choice} needs --{choice}-selector"
            result.append(phase)
    return tuple(result)


def _progress(done: int, total: int, page: str) -> None:
    sys.stderr.write(f"\r\x1b[2K[{done}/{total}] {page}"[:200])
    sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    """Run ``cookiecharter audit``; returns the exit status."""
    from .collect import Action, CollectOptions  # noqa: PLC0415 (asyncio and XML on use only)
    from .known import suggest  # noqa: PLC0415
    from .run import TargetError, audit, suggestions  # noqa: PLC0415

    phases = _phases(args)
    if isinstance(phases, str):
        return _fail(phases)
    declarations = _declarations(args.declaration)
    if declarations is None:
        return _fail("the declaration cannot be read")
    progress = not args.quiet and sys.stderr.isatty()
    options = CollectOptions(
        pages=args.pages,
        accept_selector=args.accept_selector,
        reject_selector=args.reject_selector,
        consent_phases=phases,
        page_timeout=args.page_timeout,
        timeout=args.timeout,
        concurrency=args.concurrency,
        browser=args.browser,
        use_sitemap=not args.no_sitemap,
        actions=tuple(Action(selector, selector) for selector in args.click),
        progress=_progress if progress else None,
    )
    try:
        report = audit(args.target, declarations, options, tolerance=args.tolerance / 100)
    except BrowserUnavailable as error:
        return _fail(str(error))
    except TargetError as error:
        return _fail(str(error))
    finally:
        if progress:
            sys.stderr.write("\r\x1b[2K")
    written = emit(WRITERS[args.format](report), args.output)
    if args.suggest:
        fragment = suggest(suggestions(report), target=report.observation.target)
        written = max(written, emit(fragment, args.suggest))
    return written or report.exit_status
