"""``cookiecharter init [SOURCE_DIR]``: a first declaration from a project's ``conf.py``.

``conf.py`` is read by Sphinx's own configuration loading (``Config.read``, the same as
a build), imported here, inside the command, and nowhere else outside the Sphinx layer.
What it names is matched against the presets' ``detect`` (themes, extensions, script
addresses in ``html_js_files``, the theme's options and the templates, analytics
settings, a Read the Docs configuration file), and ``cookies.yaml`` is written beside
``conf.py`` with the presets found and every value a reviewer must give marked
``TODO`` (the lint's CK038 reports those left). An existing file is never overwritten.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .core.presets import presets
from .lint.rules.placeholders import MARKER

if TYPE_CHECKING:
    import argparse

#: The declaration's file name, beside conf.py.
FILE_NAME = "cookies.yaml"

#: Config values read, with their default when conf.py does not set them.
_VALUES: dict[str, Any] = {
    "project": "",
    "html_theme": "alabaster",
    "html_theme_options": {},
    "html_js_files": [],
    "html_context": {},
    "templates_path": [],
}

#: Extensions known to store nothing in a reader's browser (no preset needed).
_QUIET = re.compile(
    r"^(sphinx\.ext\.|sphinxcontrib\.(applehelp|devhelp|htmlhelp|jsmath|qthelp|serializinghtml|bibtex|mermaid|plantuml|httpdomain|programoutput|spelling)\b|sphinx_cookiecharter$|myst_parser$|myst_nb$|nbsphinx$|sphinx_autodoc_typehints$|autoapi\.extension$|sphinx_click$|sphinxarg\.ext$|numpydoc$|breathe$|sphinx_gallery\.gen_gallery$|sphinxext\.opengraph$|sphinx_sitemap$|notfound\.extension$|sphinx_inline_tabs$|sphinx_favicon$)"
)


class InitError(Exception):
    """``conf.py`` cannot be read, or the declaration cannot be written."""


@dataclass
class Found:
    """What ``conf.py`` shows: each preset with why, and what stays unknown."""

    project: str = ""
    presets: list[tuple[str, str]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def add(self, preset_id: str, why: str) -> None:
        if preset_id not in [name for name, _ in self.presets]:
            self.presets.append((preset_id, why))


def read_config(source_dir: Path) -> dict[str, Any]:
    """The values of ``conf.py`` that ``init`` looks at, read by Sphinx.

    :raises InitError: when Sphinx cannot read the file.
    """
    from sphinx.config import Config  # noqa: PLC0415 (only this command needs Sphinx)
    from sphinx.util.tags import Tags  # noqa: PLC0415

    try:
        config = Config.read(source_dir.resolve(), overrides={}, tags=Tags())
    except Exception as error:  # ConfigError, or what conf.py itself raises
        lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
        said = lines[0] if len(lines) < 2 else f"{lines[0]} {lines[-1]}"
        raise InitError(f"{source_dir / 'conf.py'}: Sphinx cannot read it: {said}") from None
    wanted = {**_VALUES, **dict.fromkeys(_option_names())}
    values: dict[str, Any] = {"extensions": list(config.extensions)}
    for name, default in wanted.items():
        if name not in config:
            config.add(name, default, "", ())
        try:
            values[name] = getattr(config, name)
        except Exception:  # a value computed by a callable default, or similar
            values[name] = default
    return values


def _option_names() -> set[str]:
    """Config values (not theme options) the presets' ``options`` name."""
    return {
        option
        for preset in presets().values()
        for option in preset.detect.get("options", [])
        if "." not in option
    }


def _get(mapping: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(mapping, dict) or part not in mapping:
            return None
        mapping = mapping[part]
    return mapping


def _flatten(value: Any) -> list[str]:
    """Every string inside a value (lists, tuples, mappings), for the script patterns."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _flatten(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _flatten(item)]
    return []


def _templates(source_dir: Path, paths: Any) -> list[tuple[str, str]]:
    found = []
    for folder in paths if isinstance(paths, (list, tuple)) else []:
        base = source_dir / str(folder)
        if base.is_dir():
            for template in sorted(base.rglob("*.html")):
                text = template.read_text(encoding="utf-8", errors="replace")
                found.append((template.relative_to(source_dir).as_posix(), text))
    return found


def _files(source_dir: Path, names: list[str]) -> str | None:
    """The first of ``names`` in the source folder or a parent, up to the repository's
    root (a folder holding ``.git``) or three levels up."""
    folder = source_dir.resolve()
    for _ in range(4):
        for name in names:
            if (folder / name).is_file():
                return (folder / name).as_posix()
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent
    return None


def detect(source_dir: Path, values: dict[str, Any]) -> Found:
    """Match the configuration against every preset's ``detect``."""
    found = Found(project=str(values.get("project") or ""))
    theme = values.get("html_theme")
    extensions = [str(name) for name in values.get("extensions", [])]
    options = values.get("html_theme_options") or {}
    scripts = _flatten(values.get("html_js_files")) + _flatten(options)
    templates = _templates(source_dir, values.get("templates_path"))
    recognised: set[str] = set()
    for preset in presets().values():
        rules = preset.detect
        if theme in rules.get("themes", []):
            found.add(preset.id, f"html_theme = {theme!r}")
        for extension in extensions:
            if extension in rules.get("extensions", []):
                recognised.add(extension)
                found.add(preset.id, f"extension {extension}")
        for option in rules.get("options", []):
            value = _get(options, option) if "." in option else values.get(option)
            if value is None and "." not in option:
                value = options.get(option) if isinstance(options, dict) else None
            if value:
                where = f"html_theme_options[{option!r}]" if "." in option else option
                found.add(preset.id, f"{where} is set")
        for pattern in rules.get("scripts", []):
            compiled = re.compile(pattern)
            hit = next((text for text in scripts if compiled.search(text)), None)
            if hit is not None:
                found.add(preset.id, f"{_short(hit)} in html_js_files or html_theme_options")
            for name, text in templates:
                if compiled.search(text):
                    found.add(preset.id, f"a script in the template {name}")
        file = _files(source_dir, rules.get("files", []))
        if file is not None:
            found.add(preset.id, f"{os.path.relpath(file, source_dir)} found")
    others = [name for name in extensions if name not in recognised and not _QUIET.match(name)]
    if others:
        found.unknown.append(
            "what these extensions store, if anything (no preset knows them): " + ", ".join(others)
        )
    if not any(presets()[name].kind == "host" for name, _ in found.presets):
        found.unknown.append(
            "what your hosting service adds to the pages (no Read the Docs configuration was found)"
        )
    found.unknown += [
        "scripts added by a template outside templates_path, or by the hosting service",
        "who is responsible for the site and how to reach them (controller, contact, "
        "privacy policy): marked TODO",
        "your consent tool, if the site has one: where visitors change their choice "
        "(consent.manage_url) and how long a choice is kept (consent.duration)",
    ]
    return found


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def render(found: Found, today: datetime.date) -> str:
    """The declaration's text: presets found, placeholders to fill in."""
    needs_consent = any(
        cookie.get("consent") == "required"
        for name, _ in found.presets
        for cookie in presets()[name].cookies
    )
    lines = [
        "# yaml-language-server: $schema=https://sphinx-cookiecharter.readthedocs.io/"
        "en/latest/_static/declaration.schema.json",
        f"# Written by `cookiecharter init` on {today.isoformat()} from conf.py.",
        f"# Fill in every value starting with {MARKER} (`cookiecharter lint` reports those",
        "# left, rule CK038), check the presets' entries in the built charter, then run",
        "# `cookiecharter audit` on the built site.",
        "version: 1",
    ]
    if found.project:
        lines.append(f"site: {_yaml_string(found.project)}")
    lines += [
        f"# updated: {today.isoformat()}  # {MARKER}: the day you reviewed this file",
        "controller:",
        f'  name: "{MARKER}: the person or organisation responsible for the site"',
        f'  contact: "{MARKER}: an e-mail address or a web page for questions about data"',
        f'  privacy_policy: "{MARKER}: the address of the site\'s privacy policy"',
    ]
    if needs_consent:
        lines += [
            "consent:",
            f'  manage_url: "{MARKER}: where visitors change their choice, such as '
            '#cookie-settings"',
            f"  # duration: 6 months  # {MARKER}: how long your consent tool keeps a choice",
        ]
    if found.presets:
        lines.append("presets:")
        width = max(len(name) for name, _ in found.presets)
        lines += [f"  - {name.ljust(width)}  # {why}" for name, why in found.presets]
    lines += [
        "# The site's own cookies and storage keys, beside those of the presets (a consent",
        "# tool's cookie, a login...): see the declaration format.",
        "cookies: []",
    ]
    return "\n".join(lines) + "\n"


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def add_parser(commands: Any) -> None:
    """Add ``init`` to the command line's subcommands."""
    parser = commands.add_parser(
        "init",
        help="write a first declaration from a Sphinx project's conf.py",
        description="Read SOURCE_DIR/conf.py as Sphinx does, find the theme, extensions, "
        "scripts and analytics it names, and write SOURCE_DIR/cookies.yaml with the "
        "matching presets and the values a reviewer must fill in marked TODO. Never "
        "overwrites a file: exits with status 1 if cookies.yaml exists, 2 if conf.py "
        "cannot be read.",
    )
    parser.add_argument(
        "source_dir",
        nargs="?",
        default=".",
        metavar="SOURCE_DIR",
        help="the folder holding conf.py (default: the current folder)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``cookiecharter init``; returns the exit status."""
    source_dir = Path(args.source_dir)
    target = source_dir / FILE_NAME
    if not (source_dir / "conf.py").is_file():
        print(f"cookiecharter init: {source_dir / 'conf.py'}: no such file", file=sys.stderr)
        return 2
    if target.exists():
        print(
            f"cookiecharter init: {target} already exists; it is left as it is (remove or "
            "rename it to write a new one)",
            file=sys.stderr,
        )
        return 1
    try:
        values = read_config(source_dir)
    except InitError as error:
        print(f"cookiecharter init: {error}", file=sys.stderr)
        return 2
    found = detect(source_dir, values)
    text = render(found, datetime.date.today())
    try:
        with target.open("x", encoding="utf-8") as handle:  # never overwrite, even racing
            handle.write(text)
    except FileExistsError:
        print(f"cookiecharter init: {target} already exists; it is left as it is", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cookiecharter init: {target}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"wrote {target}")
    print("found:")
    for name, why in found.presets or [("nothing", "no preset matches")]:
        title = presets()[name].title if name in presets() else name
        print(f"  {name} ({title}): {why}")
    print("could not know:")
    for item in found.unknown:
        print(f"  {item}")
    print(
        f"next: fill in the {MARKER} values, then `cookiecharter lint {target}`, build, and "
        "`cookiecharter audit`"
    )
    return 0
