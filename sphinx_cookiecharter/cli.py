"""The ``cookiecharter`` command: check, lint, audit, export and compare declarations,
print the JSON Schemas."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from . import __version__
from .audit import command as audit_command
from .core.emit import emit
from .core.load import load_declaration
from .core.schema import schema

if TYPE_CHECKING:
    from collections.abc import Sequence


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cookiecharter",
        description="Check, lint, export or compare cookie declarations for "
        "sphinx-cookiecharter, audit a site against one, or print their JSON Schema.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "validate",
        help="check declaration files and print every problem",
        description="Check each declaration file (.yaml, .yml, .toml or .json) and print "
        "one line per problem, as 'path:line:col: error: field: message'. Exits with "
        "status 1 when any file has a problem, 0 when all are valid.",
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a declaration file")
    check.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid files")
    check.set_defaults(run=_validate)
    _lint_parser(commands)
    audit_command.add_parser(commands)
    from .init import add_parser as add_init  # noqa: PLC0415 (argparse only)

    add_init(commands)
    printed = commands.add_parser(
        "schema",
        help="print the JSON Schema of the declaration format",
        description="Print the JSON Schema (draft 2020-12) that declarations are checked "
        "against, for editors and other tools; with --export, the schema of the JSON export.",
    )
    printed.add_argument(
        "--export", action="store_true", help="the schema of the JSON export instead"
    )
    printed.set_defaults(run=_schema)
    from .export.command import add_commands  # noqa: PLC0415 (argparse only)

    add_commands(commands)
    return parser


def _ids(value: str) -> list[str]:
    """Rule ids given as ``CK001,CK002`` (an argparse type)."""
    from .lint import UnknownRuleError, check_ids  # noqa: PLC0415

    try:
        return check_ids(part.strip().upper() for part in value.split(",") if part.strip())
    except UnknownRuleError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _lint_parser(commands: Any) -> None:
    from .lint import DEFAULT_PROFILE, PROFILES, SEVERITIES  # noqa: PLC0415

    lint = commands.add_parser(
        "lint",
        help="check declarations against what regulators publish",
        description="Check each declaration file against the lint rules (CK001...) and "
        "print one finding per line, as 'FILE:LINE:COL: CK012 warning: message'. Exits "
        "with status 1 when a finding reaches --fail-on, 2 when a file cannot be read.",
    )
    lint.add_argument("files", nargs="+", metavar="FILE", help="a declaration file")
    lint.add_argument(
        "--format", choices=("text", "json", "sarif"), default="text", help="default: text"
    )
    lint.add_argument(
        "--select",
        type=_ids,
        action="extend",
        metavar="IDS",
        help="run only these rules (comma-separated, repeatable)",
    )
    lint.add_argument(
        "--ignore",
        type=_ids,
        action="extend",
        default=[],
        metavar="IDS",
        help="do not run these rules (comma-separated, repeatable)",
    )
    lint.add_argument(
        "--profile",
        choices=sorted(PROFILES),
        default=DEFAULT_PROFILE,
        help=f"the regulator whose thresholds apply (default: {DEFAULT_PROFILE})",
    )
    lint.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        default="error",
        help="exit with status 1 when a finding is this severe or more (default: error)",
    )
    lint.set_defaults(run=_lint)


def _lint(args: argparse.Namespace) -> int:
    from .lint import SEVERITIES, at_least, lint, rules_for  # noqa: PLC0415
    from .lint.report import as_json, as_sarif, as_text  # noqa: PLC0415

    findings = []
    status = 0
    for path in args.files:
        result = load_declaration(path)
        for diagnostic in result.diagnostics:  # the file's own problems: never on stdout
            print(diagnostic, file=sys.stderr)
        if result.declaration is None:
            status = 2
            continue
        if result.diagnostics and at_least("error", args.fail_on):
            status = max(status, 1)
        findings += lint(
            result.declaration, profile=args.profile, select=args.select, ignore=args.ignore
        )
    if any(at_least(finding.severity, args.fail_on) for finding in findings):
        status = max(status, 1)
    if args.format == "json":
        emit(as_json(findings))
    elif args.format == "sarif":
        rules = rules_for(args.profile, args.select, args.ignore)
        sarif = as_sarif(findings, rules, version=__version__)
        emit(json.dumps(sarif, indent=2, ensure_ascii=False) + "\n")
    else:
        emit(as_text(findings))
        counts = ", ".join(f"{sum(f.severity == s for f in findings)} {s}" for s in SEVERITIES)
        print(
            f"{len(findings)} finding{'' if len(findings) == 1 else 's'} ({counts})",
            file=sys.stderr,
        )
    return status


def _schema(args: argparse.Namespace) -> int:
    if args.export:
        from .export.json import export_schema  # noqa: PLC0415

        printed = export_schema()
    else:
        printed = schema()
    return emit(json.dumps(printed, indent=2, ensure_ascii=False) + "\n")


def _validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        result = load_declaration(path)
        for diagnostic in result.diagnostics:
            print(diagnostic)
        if result.diagnostics:
            failed = True
        elif not args.quiet and result.declaration is not None:
            count = len(result.declaration.cookies)
            print(f"{path}: ok ({count} cookie{'' if count == 1 else 's'})")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    status: int = args.run(args)  # each sub-command's parser sets its `run`
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
