"""Make the audit's sample reports and their picture for the documentation.

Builds the test fixture site (tests/roots/test-audit: its pages store what its
declaration says, and some things it does not), audits it in Chromium with both consent
phases, and writes:

- docs/examples/audit/report.txt, report.json, report.sarif: the three formats of that
  one audit (the served port replaced by PORT, so that the files stay stable);
- docs/examples/audit/suggested.yaml: the --suggest fragment;
- docs/_static/audit-report.png: the text report as a terminal shows it, photographed
  by headless Chromium.

Run from anywhere:  python tools/audit_sample.py [--chromium PATH]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sphinx_cookiecharter.audit.browser import launch, start_playwright
from sphinx_cookiecharter.audit.collect import CollectOptions
from sphinx_cookiecharter.audit.known import suggest
from sphinx_cookiecharter.audit.report import write_json, write_sarif, write_text
from sphinx_cookiecharter.audit.run import audit, suggestions
from sphinx_cookiecharter.core.load import load_declaration

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "roots" / "test-audit"
OUT = ROOT / "docs" / "examples" / "audit"
PICTURE = ROOT / "docs" / "_static" / "audit-report.png"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cookiecharter audit</title>
<style>
  body {{ margin: 0; background: #1e1e2e; }}
  .window {{ margin: 24px; border-radius: 8px; background: #11111b; padding: 0 0 16px;
            box-shadow: 0 6px 24px #0008; display: inline-block; }}
  .bar {{ background: #313244; border-radius: 8px 8px 0 0; padding: 8px 12px;
          font: 13px sans-serif; color: #cdd6f4; }}
  pre {{ margin: 0; padding: 12px 18px; color: #cdd6f4;
         font: 13px/1.45 "DejaVu Sans Mono", monospace; }}
  .error {{ color: #f38ba8; }} .warning {{ color: #f9e2af; }} .info {{ color: #89b4fa; }}
  .prompt {{ color: #a6e3a1; }}
</style></head>
<body><div class="window"><div class="bar">terminal</div><pre>{text}</pre></div></body></html>
"""


def colour(text: str) -> str:
    """The report as HTML, severities coloured as a terminal would."""
    escaped = html.escape(text)
    return re.sub(
        r"(?m)(^|\s|: )(error|warning|info)(?=[\s:(])",
        lambda m: f'{m.group(1)}<span class="{m.group(2)}">{m.group(2)}</span>',
        escaped,
    )


def shrink(picture: Path) -> None:
    """Keep the picture small in the repository: 256 colours are plenty for text."""
    try:
        from PIL import Image  # noqa: PLC0415 (Pillow comes with matplotlib, the bench extra)
    except ImportError:
        return
    with Image.open(picture) as image:
        small = image.convert("RGB").quantize(256)
    small.save(picture, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--chromium", default=None, help="the browser to use")
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cookiecharter-audit-sample-") as tmp:
        work = Path(tmp)
        shutil.copytree(FIXTURE, work / "source")
        shutil.copy(FIXTURE / "cookies.yaml", work / "cookies.yaml")
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", "source", "html"],
            cwd=work,
            check=True,
        )
        os.chdir(work)  # paths in the reports print as the command line gives them
        declaration = load_declaration("cookies.yaml").declaration
        assert declaration is not None
        options = CollectOptions(
            accept_selector="#consent-accept",
            reject_selector="#consent-reject",
            consent_phases=("accepted", "rejected"),
            browser=args.chromium,
        )
        report = audit("html", [declaration], options)
        port = re.escape(report.base_url.rstrip("/").rsplit(":", 1)[1])

        def stable(text: str) -> str:
            text = re.sub(rf"127\.0\.0\.1:{port}", "127.0.0.1:PORT", text)
            return text.replace(work.as_uri(), "file:///work")

        (OUT / "report.txt").write_text(stable(write_text(report)), encoding="utf-8")
        (OUT / "report.json").write_text(stable(write_json(report)), encoding="utf-8")
        sarif = json.loads(stable(write_sarif(report)))
        (OUT / "report.sarif").write_text(
            json.dumps(sarif, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        (OUT / "suggested.yaml").write_text(
            suggest(suggestions(report), target="html"), encoding="utf-8"
        )
        command = (
            "$ cookiecharter audit html --declaration cookies.yaml "
            "--accept-selector '#consent-accept' --reject-selector '#consent-reject'\n"
        )
        shown = work / "report.html"
        text = (OUT / "report.txt").read_text(encoding="utf-8")
        shown.write_text(
            PAGE.format(text=f'<span class="prompt">{html.escape(command)}</span>' + colour(text)),
            encoding="utf-8",
        )
        with start_playwright() as playwright:
            browser = launch(playwright, args.chromium)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(shown.as_uri())
            page.locator(".window").screenshot(path=str(PICTURE))
            browser.close()
        shrink(PICTURE)
    print(f"wrote {OUT} and {PICTURE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
