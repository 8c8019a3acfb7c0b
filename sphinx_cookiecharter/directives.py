"""The ``cookie-charter`` and ``cookie-table`` directives."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.states import RSTState
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .config import WARNING_TYPE, choose, split_names, texts_of
from .model import COLUMNS, DEFAULT_COLUMNS, SECTIONS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from . import loader
    from .diagnostics import Diagnostic
    from .model import Declaration
    from .render import RenderOptions

logger = logging.getLogger(__name__)

#: Declarations read while the current build reads its pages, by file.
_read_this_build: weakref.WeakKeyDictionary[BuildEnvironment, dict[str, loader.LoadResult]] = (
    weakref.WeakKeyDictionary()
)


def forget_read_declarations(app: Sphinx, env: BuildEnvironment, *args: object) -> None:
    """Drop the declarations read: before a build reads, and once it has read all pages
    (writing needs only the doctrees, so their memory is given back)."""
    _read_this_build.pop(env, None)


def _report(diagnostic: Diagnostic, fallback: tuple[str, int]) -> None:
    if diagnostic.line is not None:
        location: Any = f"{diagnostic.source}:{diagnostic.line}"
        message = diagnostic.description
    else:
        location = fallback
        message = f"{diagnostic.source}: {diagnostic.description}"
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=diagnostic.kind)


class CookieCharterDirective(SphinxDirective):
    """The whole charter: explanatory sections, then one table per category."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "sections": directives.unchanged,
        "categories": directives.unchanged,
        "columns": directives.unchanged,
        "class": directives.class_option,
    }
    #: False for ``cookie-table``, which renders the tables only.
    whole_charter = True

    def run(self) -> list[nodes.Node]:
        # Imported on first use, so that loading the extension costs a project nothing
        # until a page shows a charter (YAML, Babel and the JSON Schema take a while).
        from .render import Renderer  # noqa: PLC0415

        declaration = self.declaration()
        if declaration is None:
            return []
        self.reserved_ids: set[str] = set()
        renderer = Renderer(
            declaration,
            self.render_options(declaration),
            make_id=self.unique_id,
            note_section=self.note_section,
        )
        result = renderer.charter() if self.whole_charter else renderer.tables()
        for node in result:
            for element in node.findall(nodes.Element):
                for node_id in element["ids"]:
                    self.state.document.ids.setdefault(node_id, element)
        return result

    # --- the declaration ---------------------------------------------------------------

    def declaration(self) -> Declaration | None:
        """The declaration named, written inline, or configured; problems become warnings."""
        if self.arguments:
            if self.content:
                self.warn(
                    "option", "the directive names a file and has a body; the body is ignored"
                )
            return self.read_file(self.arguments[0])
        if self.content:
            from . import loader  # noqa: PLC0415 (see run)

            source, offset = self.body_start()
            result = loader.parse_declaration(
                "\n".join(self.content), "yaml", source=source, line_offset=offset
            )
            for diagnostic in result.diagnostics:
                _report(diagnostic, self.location())
            return result.declaration
        configured = self.config.cookiecharter_declaration
        if configured:
            if Path(configured).is_absolute() and Path(configured).is_file():
                # A full path, as os.path.join(os.path.dirname(__file__), ...) gives.
                return self.read_file(configured, full_path=True)
            return self.read_file("/" + configured.lstrip("/"))
        self.warn(
            "load",
            "no declaration: name a file, write one in the directive's body, or set "
            "cookiecharter_declaration in conf.py",
        )
        return None

    def read_file(self, argument: str, *, full_path: bool = False) -> Declaration | None:
        """Read a declaration named as ``literalinclude`` names files (or, with
        ``full_path``, by its path on disk); the page then depends on it."""
        if full_path:
            relative = absolute = argument
        else:
            relative, absolute = self.env.relfn2path(argument, self.env.docname)
        self.env.note_dependency(relative)
        cache = _read_this_build.setdefault(self.env, {})
        result = cache.get(absolute)
        if result is None:
            from . import loader  # noqa: PLC0415 (see run)

            result = loader.load_declaration(absolute)
            cache[absolute] = result
            for diagnostic in result.diagnostics:
                _report(diagnostic, self.location())
        return result.declaration

    # --- options -----------------------------------------------------------------------

    def names(self, option: str, configured: Any, allowed: Any) -> list[str]:
        if option not in self.options:
            return list(configured)
        return choose(
            split_names(self.options[option]),
            allowed,
            f"name in :{option}:",
            lambda message: self.warn("option", message),
        )

    def render_options(self, declaration: Declaration) -> RenderOptions:
        from .render import RenderOptions  # noqa: PLC0415 (see run)

        config = self.config
        categories = None
        if "categories" in self.options:
            known = [category.id for category in declaration.categories]
            categories = self.names("categories", (), known)
        columns = self.names("columns", config.cookiecharter_columns, COLUMNS)
        if not columns:
            self.warn("option", "no known column in :columns:; the default columns are used")
            columns = list(DEFAULT_COLUMNS)
        return RenderOptions(
            language=config.language or "en",
            sections=self.names("sections", config.cookiecharter_sections, SECTIONS),
            columns=columns,
            categories=categories,
            site=config.cookiecharter_site,
            texts=texts_of(config),
            classes=self.options.get("class", ()),
        )

    # --- document bookkeeping ----------------------------------------------------------

    def body_start(self) -> tuple[str, int]:
        """The file the directive's body is in, and the line just before the body.

        reStructuredText knows where each line of the body comes from, included files
        too. MyST gives the body's offset from the directive's own line instead.
        """
        if isinstance(self.state, RSTState):
            source, offset = self.content.info(0)
            if source is not None and offset is not None:
                return str(source), offset
        return str(self.env.doc2path(self.env.docname)), self.lineno + self.content_offset

    def location(self) -> tuple[str, int]:
        """Where the directive stands, for warnings that have no line of their own."""
        return (self.env.docname, self.lineno)

    def warn(self, subtype: str, message: str) -> None:
        logger.warning(message, location=self.location(), type=WARNING_TYPE, subtype=subtype)

    def unique_id(self, wanted: str) -> str:
        """``wanted`` (already a valid id), numbered when the page already has it."""
        document = self.state.document
        candidate, number = wanted, 1
        while candidate in document.ids or candidate in self.reserved_ids:
            number += 1
            candidate = f"{wanted}-{number}"
        self.reserved_ids.add(candidate)
        return candidate

    def note_section(self, section: nodes.section) -> None:
        self.set_source_info(section)
        self.state.document.note_implicit_target(section, section)


class CookieTableDirective(CookieCharterDirective):
    """The tables only, one per category."""

    whole_charter = False
    option_spec: ClassVar[dict[str, Any]] = {
        "categories": directives.unchanged,
        "columns": directives.unchanged,
        "class": directives.class_option,
    }
