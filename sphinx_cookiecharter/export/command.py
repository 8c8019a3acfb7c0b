"""``cookiecharter export`` and ``cookiecharter diff``: their options and what they do."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ..core.emit import emit
from . import FORMATS, export

if TYPE_CHECKING:
    from ..core.load import LoadResult


def _language(value: str) -> str:
    from .common import LANGUAGE_CODE  # noqa: PLC0415 (the wording on demand)

    if not LANGUAGE_CODE.match(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code such as en or pt-BR")
    return value


def _add_languages(parser: argparse.ArgumentParser, help: str) -> None:
    """``-l/--language LANG...``, as ``export`` and ``diff`` both take it."""
    parser.add_argument(
        "-l", "--language", dest="languages", nargs="+", type=_language, metavar="LANG", help=help
    )


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export`` and ``diff`` to the command line's sub-commands."""
    export_parser = commands.add_parser(
        "export",
        help="write a declaration as JSON, CSV or a consent banner's configuration",
        description="Write the declaration in FILE as JSON (resolved, with a JSON Schema), "
        "CSV (one row per cookie, the Open Cookie Database's columns first), or the "
        "configuration of a consent banner (orestbida/cookieconsent v3 or Klaro, as "
        "JavaScript). Exits with status 1, writing nothing, when the declaration has a "
        "problem.",
    )
    export_parser.add_argument("file", metavar="FILE", help="a declaration file")
    export_parser.add_argument(
        "-f", "--format", required=True, choices=FORMATS, help="the export format"
    )
    _add_languages(
        export_parser,
        "the languages of the texts, first the default one (default: the languages of the "
        "declaration's texts, or en)",
    )
    export_parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of the standard output"
    )
    export_parser.add_argument(
        "--charter-url",
        metavar="URL",
        help="the address of the charter page, which the banners link to and the JSON states",
    )
    export_parser.set_defaults(run=run_export)

    diff_parser = commands.add_parser(
        "diff",
        help="list the cookies added, removed and changed between two declarations",
        description="Compare two versions of a declaration, each a file or git:REV:PATH (a "
        "version in git, as git show REV:PATH reads it), and list the cookies added, "
        "removed and changed (category, consent, duration, provider, purpose). Exits with "
        "status 0 when they declare the same cookies, 1 when they differ, 2 when one "
        "cannot be read or has a problem.",
    )
    diff_parser.add_argument("old", metavar="OLD", help="the older declaration")
    diff_parser.add_argument("new", metavar="NEW", help="the newer declaration")
    diff_parser.add_argument(
        "-f", "--format", choices=("text", "json"), default="text", help="the report's form"
    )
    _add_languages(
        diff_parser,
        "the languages of durations and purposes (default: en for text; for JSON, the "
        "languages of the newer declaration's texts)",
    )
    diff_parser.set_defaults(run=run_diff)


def _report_problems(result: LoadResult) -> bool:
    """Print a load's problems on the standard error; true when there were any."""
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    return bool(result.diagnostics) or result.declaration is None


def run_export(args: argparse.Namespace) -> int:
    """``cookiecharter export``."""
    from ..core.load import load_declaration  # noqa: PLC0415 (YAML and the schema on demand)

    result = load_declaration(args.file)
    if _report_problems(result):
        return 1
    assert result.declaration is not None
    if args.format in ("cookieconsent", "klaro") and not args.charter_url:
        print(
            f"{args.file}: no --charter-url: the banner does not link to the charter page",
            file=sys.stderr,
        )
    text = export(result.declaration, args.format, args.languages, charter=args.charter_url)
    return emit(text, args.output)


def run_diff(args: argparse.Namespace) -> int:
    """``cookiecharter diff``."""
    from .common import export_languages  # noqa: PLC0415
    from .diff import compare, json_report, load_version, text_report  # noqa: PLC0415

    old, new = load_version(args.old), load_version(args.new)
    broken = _report_problems(old)
    broken = _report_problems(new) or broken
    if broken:
        return 2
    assert old.declaration is not None and new.declaration is not None
    difference = compare(old.declaration, new.declaration)
    if args.format == "json":
        languages = export_languages(new.declaration, args.languages)
        report = json_report(difference, languages, old=args.old, new=args.new)
        text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    else:
        text = text_report(difference, (args.languages or ["en"])[0])
    emit(text)
    return 1 if difference else 0
