"""The ``cookiecharter`` command: check declarations, print the JSON Schema."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from . import __version__
from .core.load import load_declaration
from .core.schema import schema

if TYPE_CHECKING:
    from collections.abc import Sequence


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cookiecharter",
        description="Check cookie declarations for sphinx-cookiecharter, or print their "
        "JSON Schema.",
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
    commands.add_parser(
        "schema",
        help="print the JSON Schema of the declaration format",
        description="Print the JSON Schema (draft 2020-12) that declarations are checked "
        "against, for editors and other tools.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "schema":
        try:
            sys.stdout.write(json.dumps(schema(), indent=2, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        except BrokenPipeError:  # the reader stopped early (`| head`): not an error
            sys.stdout = None  # nothing is left to flush at exit
        return 0
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
