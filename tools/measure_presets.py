"""Measure what each theme and extension with a preset stores, and update the presets.

For every target of ``sphinx_cookiecharter.audit.measure.TARGETS`` whose package is
installed in this Python: build a small Sphinx project with it, serve it on 127.0.0.1,
visit it in Chromium through the audit's collector with the reader's actions that
trigger storage (switching the colour scheme, choosing a tab, copying code, opening a
toggle, following a link), and record what was stored and after which action. Then:

- write the record, ``sphinx_cookiecharter/presets/measured.json`` (targets not
  measurable here keep their previous measurement, and are named);
- update the ``obtained`` block of each measured preset (version, date, Sphinx,
  browser);
- list what was stored and is missing from its preset, and exit 1 if anything is
  (write the entry, its purpose and trigger, then run again).

Install what is measured first:  pip install -e ".[audit,presets]"
Run:  python tools/measure_presets.py [--only furo,sphinx-tabs] [--browser PATH]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from sphinx_cookiecharter.audit.browser import BrowserUnavailable
from sphinx_cookiecharter.audit.compare import name_matches
from sphinx_cookiecharter.audit.measure import (
    RECORD,
    TARGETS,
    Measurement,
    NotMeasurable,
    measure,
    read_record,
    write_record,
)
from sphinx_cookiecharter.core.presets import presets

ROOT = Path(__file__).resolve().parents[1]
PRESETS = ROOT / "sphinx_cookiecharter" / "presets"


def update_obtained(path: Path, measurement: Measurement) -> None:
    """Rewrite the measured values of the file's ``obtained`` block, keeping the rest
    of the file (comments, order, wording) as it is."""
    values = {
        "package": measurement.package,
        "version": measurement.version,
        "date": measurement.date,
        "sphinx": measurement.sphinx,
        "browser": measurement.browser,
    }
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    inside = False
    for index, line in enumerate(lines):
        if line.startswith("obtained:"):
            inside = True
            continue
        if inside and line and not line.startswith(" "):
            break
        match = re.match(r"  (\w+): ", line)
        if inside and match and match.group(1) in values:
            key = match.group(1)
            lines[index] = f'  {key}: "{values.pop(key)}"\n'
    path.write_text("".join(lines), encoding="utf-8")
    if values:
        print(f"{path.name}: obtained has no {', '.join(values)}", file=sys.stderr)


def missing(measurement: Measurement) -> list[str]:
    """What the measurement saw that the preset does not declare."""
    preset = presets()[measurement.preset]
    declared = [(cookie["name"], cookie.get("storage", "cookie")) for cookie in preset.cookies]
    return [
        f"{item.name} ({item.storage}, after {item.action})"
        for item in measurement.stored
        if not any(
            name_matches(name, item.name) and storage == item.storage for name, storage in declared
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="preset ids, comma-separated (default: every target)")
    parser.add_argument("--browser", help="the Chromium to run")
    args = parser.parse_args()
    wanted = args.only.split(",") if args.only else list(TARGETS)
    record_path = PRESETS / RECORD
    record = read_record(record_path.read_text(encoding="utf-8")) if record_path.exists() else {}
    status = 0
    for preset_id in wanted:
        try:
            measurement = measure(TARGETS[preset_id], browser=args.browser)
        except NotMeasurable as error:
            print(f"not measured: {error}", file=sys.stderr)
            continue
        except BrowserUnavailable as error:
            print(f"cookiecharter: {error}", file=sys.stderr)
            return 2
        record[preset_id] = measurement
        stored = ", ".join(f"{s.name} ({s.storage}, {s.action})" for s in measurement.stored)
        print(f"{preset_id} {measurement.version}: {stored or 'nothing stored'}")
        for problem in measurement.problems:
            print(f"  problem: {problem}")
        update_obtained(PRESETS / presets()[preset_id].file, measurement)
        for entry in missing(measurement):
            print(f"  missing from the preset: {entry}", file=sys.stderr)
            status = 1
    record_path.write_text(write_record(record.values()), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
