"""``cookiecharter_publish``: HTML builds write the exports next to the pages.

When the build has finished, each published declaration is written, in each format
asked, to ``<output>/_static/cookiecharter/<path>.<ending>``, where ``<path>`` is the
declaration's path in the source folder without its ending (``cookies.json``,
``examples/site.cookieconsent.js``). The declarations are those the build's pages read
(the ``cookie`` domain keeps them), so the files say exactly what the charter shows.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from .domain import configured_path, domain
from .warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..export import CharterLink

#: Where the files go, inside the output folder.
FOLDER = "_static/cookiecharter"
#: The builders that publish: those that write a web site (not EPUB, whose builders
#: are HTML builders too but want no stray files).
BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})
#: What ``cookiecharter_publish = True`` means.
DEFAULT_FORMATS = ("json",)


def _warn(message: str) -> None:
    warn(message, "config", None)


def check_publish(value: Any) -> dict[str, Any] | None:
    """``cookiecharter_publish`` checked: ``None`` when nothing is published, else a
    mapping with ``formats``, ``languages`` and ``declarations`` (``None``: the default).
    A wrong part is warned about and left out."""
    if value is None or value is False:
        return None
    if value is True:
        return {"formats": list(DEFAULT_FORMATS), "languages": None, "declarations": None}
    if not isinstance(value, dict):
        _warn("cookiecharter_publish must be True, False or a mapping; nothing is published")
        return None
    for unknown in sorted(set(value) - {"formats", "languages", "declarations"}, key=str):
        _warn(
            f"unknown key in cookiecharter_publish: {unknown!r} "
            "(expected one of formats, languages, declarations)"
        )
    # The exports are imported only by a project that publishes.
    from ..export import FORMATS  # noqa: PLC0415
    from ..export.common import LANGUAGE_CODE  # noqa: PLC0415

    checked: dict[str, Any] = {}
    formats = value.get("formats", list(DEFAULT_FORMATS))
    if not _is_names(formats):
        _warn("cookiecharter_publish['formats'] must be a list of format names; json is used")
        formats = list(DEFAULT_FORMATS)
    kept = []
    for name in formats:
        if name in FORMATS:
            kept.append(name)
        else:
            _warn(
                f"unknown format in cookiecharter_publish['formats']: {name!r} "
                f"(expected one of {', '.join(FORMATS)})"
            )
    checked["formats"] = list(dict.fromkeys(kept))
    for key in ("languages", "declarations"):
        given = value.get(key)
        if given is not None and not _is_names(given):
            _warn(f"cookiecharter_publish[{key!r}] must be a list of strings; the default is used")
            given = None
        checked[key] = list(given) if given is not None else None
    if checked["languages"] is not None:
        for code in [c for c in checked["languages"] if not LANGUAGE_CODE.match(c)]:
            _warn(f"not a language code in cookiecharter_publish['languages']: {code!r}")
            checked["languages"].remove(code)
        checked["languages"] = checked["languages"] or None
    return checked


def _is_names(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(item, str) for item in value)


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: check ``cookiecharter_publish`` once."""
    config.cookiecharter_publish = check_publish(config.cookiecharter_publish)


def publish(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the exports of every published declaration."""
    settings = app.config.cookiecharter_publish
    if exception is not None or not settings or app.builder.name not in BUILDERS:
        return
    from ..export import SUFFIXES, export  # noqa: PLC0415

    cookie_domain = domain(app.env)
    srcdir = Path(app.srcdir)
    wanted = _published_paths(app, settings["declarations"])
    languages = settings["languages"] or [build_language(app.config.language)]
    for path in wanted:
        read = cookie_domain.declarations.get(path)
        if read is None:
            _warn(
                f"cookiecharter_publish: no page shows the declaration {path}; it is not published"
            )
            continue
        declaration = read.result.declaration
        if declaration is None or read.result.diagnostics:
            continue  # its problems are already warnings; a partial export would mislead
        try:
            relative = Path(path).relative_to(srcdir)
        except ValueError:  # a declaration outside the source folder: its name only
            relative = Path(Path(path).name)
        base = f"{FOLDER}/{relative.with_suffix('').as_posix()}"
        for fmt in settings["formats"]:
            target = base + SUFFIXES[fmt]
            link = _charter_link(app, path, target)
            text = export(declaration, fmt, languages, charter=link)
            destination = Path(app.outdir) / target
            try:
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_text(text, encoding="utf-8", newline="")
            except OSError as error:
                warn(f"{destination} cannot be written: {error.strerror or error}", "publish", None)


def build_language(language: str | None) -> str:
    """The build's ``language`` as the exports take it: without a gettext modifier
    (``sr`` for ``sr@latin``, ``ca`` for ``ca@valencia``, both languages Sphinx ships),
    English when there is none or it is no language code."""
    from ..export.common import LANGUAGE_CODE  # noqa: PLC0415

    code = (language or "en").split("@", 1)[0]
    return code if LANGUAGE_CODE.match(code) else "en"


def _published_paths(app: Sphinx, declarations: list[str] | None) -> list[str]:
    """The full paths of the declarations to publish, as the domain keys them."""
    if declarations is not None:
        return [configured_path(app.srcdir, name) for name in declarations]
    configured = app.config.cookiecharter_declaration
    if configured:
        return [configured_path(app.srcdir, configured)]
    return sorted(domain(app.env).declarations)


def _charter_link(app: Sphinx, path: str, target: str) -> CharterLink | None:
    """The first page (by name) showing the declaration: by ``html_baseurl`` when it is
    set, else by its address relative to the file written at ``target``."""
    from ..export import CharterLink  # noqa: PLC0415

    pages = sorted(
        docname
        for docname, uses in domain(app.env).uses.items()
        if any(use.key == path for use in uses)
    )
    if not pages:
        return None
    uri = app.builder.get_target_uri(pages[0])
    if app.config.html_baseurl:
        return CharterLink(urljoin(app.config.html_baseurl, uri))
    relative = posixpath.relpath(uri or ".", posixpath.dirname(target))
    if not uri or uri.endswith("/"):  # dirhtml's folders keep their final slash
        relative += "/"
    return CharterLink(relative, from_script=True)
