"""Take the screenshots of rendered charters kept in docs/_static/.

Builds one-page Sphinx projects from the example declarations in docs/examples/ (the
files the tests build) and photographs the HTML with headless Chromium, started through
Playwright as the extension's browser audit starts it (Playwright's own Chromium, or the
system's: ``--chromium PATH``, ``CHROMIUM_PATH``, ``chromium`` on ``PATH``):

- docs/_static/screenshot.png: docs-site.yaml in English with furo, shown by the README;
- docs/_static/model-fr.png: model-fr.yaml in French with furo, shown by the gallery;
- docs/_static/themes/<theme>-<width>.png: the charter's tables of docs-site.yaml in
  alabaster, furo, sphinx-rtd-theme, pydata-sphinx-theme and sphinx-book-theme, 1280
  and 390 px wide (a desktop window and a phone), shown by the gallery;
- docs/_static/languages/docs-site-<language>-1280.png: docs-site-languages.yaml (the
  same declaration with its texts in five languages) as a charter (intro and tables)
  built in German, Polish, Japanese and Greek with furo, 1280 px wide, shown by the
  gallery's "In other languages".

Run from anywhere, with the test extra installed (it brings the themes and Playwright):

    python tools/screenshot.py [--chromium PATH] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples"
STATIC = ROOT / "docs" / "_static"
THEMES = ("alabaster", "furo", "sphinx_rtd_theme", "pydata_sphinx_theme", "sphinx_book_theme")
#: A desktop window and a phone (390 px: iPhone 12 to 15), each with its height.
WIDTHS = {1280: 900, 390: 844}
DOCS_SITE_COLUMNS = ":columns: provider, service, name, purpose, duration"


@dataclass(frozen=True)
class Shot:
    """One picture: which declaration, in which language and theme, with which options,
    at which window size; ``element`` is photographed alone when given."""

    name: str
    declaration: str
    language: str
    title: str
    options: str
    output: Path
    theme: str = "furo"
    size: tuple[int, int] = (1200, 1400)
    element: str | None = None


SHOTS = [
    Shot(
        "readme",
        "docs-site.yaml",
        "en",
        "Cookies",
        f":sections: intro, usage\n   {DOCS_SITE_COLUMNS}",
        STATIC / "screenshot.png",
    ),
    Shot(
        "model-fr",
        "model-fr.yaml",
        "fr",
        "Charte cookies",
        ":sections: intro, usage",
        STATIC / "model-fr.png",
        size=(1200, 1000),
    ),
    *(
        Shot(
            f"{theme}-{width}",
            "docs-site.yaml",
            "en",
            "Cookies",
            f":sections: usage\n   {DOCS_SITE_COLUMNS}",
            STATIC / "themes" / f"{theme}-{width}.png",
            theme=theme,
            size=(width, height),
            element="section.cookiecharter-section-usage",
        )
        for theme in THEMES
        for width, height in WIDTHS.items()
    ),
]


#: The gallery's other languages, each with the title its page would have (the
#: catalog's name for the charter).
LANGUAGE_TITLES = {
    "de": "Cookie-Erklärung",
    "pl": "Polityka plików cookie",
    "ja": "Cookieポリシー",
    "el": "Πολιτική cookies",
}
SHOTS += [
    Shot(
        f"docs-site-{language}",
        "docs-site-languages.yaml",
        language,
        title,
        f":sections: intro, usage\n   {DOCS_SITE_COLUMNS}",
        STATIC / "languages" / f"docs-site-{language}-1280.png",
        size=(1280, 1200),
    )
    for language, title in LANGUAGE_TITLES.items()
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
        f"html_theme = {shot.theme!r}\n"
        f"language = {shot.language!r}\n"
        "cookiecharter_lint = False\n",
        encoding="utf-8",
    )
    # Twice the length: wide (CJK) characters take two columns, and a longer line is fine.
    underline = "=" * (2 * len(shot.title))
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


def photograph(browser: Any, page_path: Path, shot: Shot) -> None:
    """Save a PNG of the page (or of its ``shot.element``) in a window of ``shot.size``."""
    width, height = shot.size
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(page_path.as_uri())
        shot.output.parent.mkdir(parents=True, exist_ok=True)
        if shot.element:
            page.locator(shot.element).first.screenshot(path=str(shot.output))
        else:
            page.screenshot(path=str(shot.output))
    finally:
        page.close()
    print(f"wrote {shot.output.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--chromium", help="the browser to use (default: found as the audit does)")
    parser.add_argument("--only", nargs="*", help="names of the shots to take (default: all)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from sphinx_cookiecharter.audit.browser import launch, start_playwright  # noqa: PLC0415

    shots = [shot for shot in SHOTS if not args.only or shot.name in args.only]
    with tempfile.TemporaryDirectory(prefix="cookiecharter-shots-") as tmp:
        pages = [build(shot, Path(tmp) / shot.name) for shot in shots]
        with start_playwright() as playwright:
            browser = launch(playwright, args.chromium)
            try:
                for shot, page_path in zip(shots, pages, strict=True):
                    photograph(browser, page_path, shot)
            finally:
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
