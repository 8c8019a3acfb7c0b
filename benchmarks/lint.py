"""How long ``cookiecharter lint`` takes on the Open Cookie Database as one declaration.

The Open Cookie Database (Apache-2.0, ``tests/data/open-cookie-database/``: 2,264 rows)
is converted to a JSON declaration by the same code the format's tests use
(``tests/core/test_open_cookie_database.py``), read once, then linted with every rule of
each profile. Time is wall clock, best of the runs; reading is reported apart. Target:
linting (not reading) under one second for every profile, printed as PASS/FAIL.

Run from the repository's root:  python benchmarks/lint.py [--repeat N] [--write]

``--write`` records the figures in ``benchmarks/lint-results.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests package, for the database's conversion

from sphinx_cookiecharter.cli import main as command  # noqa: E402
from sphinx_cookiecharter.core.load import parse_declaration  # noqa: E402
from sphinx_cookiecharter.lint import PROFILES, lint  # noqa: E402
from tests.core.test_open_cookie_database import convert, rows  # noqa: E402

TARGET_SECONDS = 1.0
RESULTS = ROOT / "benchmarks" / "lint-results.json"


def best(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure (default 5)")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args()

    text = convert(rows())
    reading = best(lambda: parse_declaration(text, "json", source="ocd.json"), 1)
    declaration = parse_declaration(text, "json", source="ocd.json").declaration
    assert declaration is not None
    figures: dict[str, object] = {
        "cookies": len(declaration.cookies),
        "providers": len(declaration.providers),
        "read_seconds": round(reading, 3),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    print(
        f"Open Cookie Database: {len(declaration.cookies)} cookies, "
        f"{len(declaration.providers)} providers, read in {reading:.2f} s"
    )
    failed = False
    for profile in PROFILES:
        findings = lint(declaration, profile=profile)
        seconds = best(lambda profile=profile: lint(declaration, profile=profile), args.repeat)
        verdict = "PASS" if seconds < TARGET_SECONDS else "FAIL"
        failed |= verdict == "FAIL"
        figures[f"lint_seconds_{profile}"] = round(seconds, 3)
        figures[f"findings_{profile}"] = len(findings)
        print(
            f"  lint --profile {profile}: {seconds * 1000:.0f} ms, {len(findings)} findings "
            f"[{verdict}: under {TARGET_SECONDS:.0f} s]"
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ocd.json"
        path.write_text(text, encoding="utf-8")

        def run() -> None:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                command(["lint", "--format", "json", str(path)])

        whole = best(run, 1)
    figures["command_seconds"] = round(whole, 3)
    print(f"  cookiecharter lint ocd.json (reading, checking and linting): {whole:.2f} s")
    if args.write:
        RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
