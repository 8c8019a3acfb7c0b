"""Take the screenshots of rendered charters kept in docs/_static/.

Builds a one-page Sphinx project with the furo theme for each picture, from the example
declarations in docs/examples/ (the files the tests build), and photographs the HTML with
headless Chromium:

- docs/_static/screenshot.png: docs-site.yaml in English, shown by the README;
- docs/_static/model-fr.png: model-fr.yaml in French, shown by the examples gallery.

Run from anywhere:  python tools/screenshot.py [--phone PHONE.png] [--chromium PATH]

``--phone`` also saves the English page at a phone's width (390 px), to check that the
tables stay readable there; that picture is not kept in the repository.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples"
STATIC = ROOT / "docs" / "_static"


@dataclass(frozen=True)
class Shot:
    """One picture: which declaration, in which language, with which options."""

    declaration: str
    language: str
    title: str
    options: str
    output: Path
    size: tuple[int, int] = (1200, 1400)


SHOTS = [
    Shot(
        "docs-site.yaml",
        "en",
        "Cookies",
        ":sections: intro, usage\n   :columns: provider, service, name, purpose, duration",
        STATIC / "screenshot.png",
    ),
    Shot(
        "model-fr.yaml",
        "fr",
        "Charte cookies",
        ":sections: intro, usage",
        STATIC / "model-fr.png",
        (1200, 1000),
    ),
]


def build(shot: Shot, workdir: Path) -> Path:
    """Build the one-page project for ``shot``; returns the HTML page."""
    source = workdir / "source"
    source.mkdir(parents=True)
    shutil.copy(EXAMPLES / shot.declaration, source / shot.declaration)
    (source / "conf.py").write_text(
        'project = "Example"\n'
        'copyright = "2026, Example Project"\n'
        'extensions = ["sphinx_cookiecharter"]\n'
        'html_theme = "furo"\n'
        f"language = {shot.language!r}\n",
        encoding="utf-8",
    )
    underline = "=" * len(shot.title)
    (source / "index.rst").write_text(
        f"{shot.title}\n{underline}\n\n.. cookie-charter:: {shot.declaration}\n   {shot.options}\n",
        encoding="utf-8",
    )
    html = workdir / "html"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(source), str(html)],
        check=True,
    )
    return html / "index.html"


def photograph(chromium: str, page: Path, output: Path, size: tuple[int, int]) -> None:
    """Save a PNG of ``page`` as headless Chromium shows it in a window of ``size``."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--screenshot={output}",
                f"--window-size={size[0]},{size[1]}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(f"wrote {output}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the browser to use")
    parser.add_argument("--phone", type=Path, help="also save the English page 390 px wide")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cookiecharter-shots-") as tmp:
        for index, shot in enumerate(SHOTS):
            page = build(shot, Path(tmp) / str(index))
            photograph(args.chromium, page, shot.output, shot.size)
            if args.phone and index == 0:
                photograph(args.chromium, page, args.phone.resolve(), (390, 2400))
    return 0


if __name__ == "__main__":
    sys.exit(main())
