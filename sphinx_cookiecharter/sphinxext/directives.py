"""The ``cookie-charter`` and ``cookie-table`` directives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils.parsers.rst import directives
from docutils.parsers.rst.states import RSTState
from sphinx.util.docutils import SphinxDirective

from ..core.vocabulary import COLUMNS, DEFAULT_COLUMNS, SECTIONS
from .config import choose, site_of, split_names, texts_of
from .domain import ObjectEntry, configured_path, domain
from .warnings import warn

if TYPE_CHECKING:
    from docutils import nodes

    from ..core.model import Declaration
    from ..render.options import RenderOptions
    from ..render.tables import TableRenderer


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
        "no-index": directives.flag,
        "noindex": directives.flag,
    }
    #: False for ``cookie-table``, which renders the tables only.
    whole_charter = True

    def run(self) -> list[nodes.Node]:
        # Imported on first use, so that loading the extension costs a project nothing
        # until a page shows a charter (YAML, Babel and the JSON Schema take a while).
        from ..render.charter import Renderer  # noqa: PLC0415

        # The declaration, its model and the nodes made from them are all kept, the
        # nodes until the page is read (see .collection).
        domain(self.env).collection.begin()
        declaration = self.declaration()
        if declaration is None:
            return []
        renderer = Renderer(
            declaration, self.render_options(declaration), note_section=self.note_section
        )
        result = renderer.charter() if self.whole_charter else renderer.tables()
        if renderer.options.index:
            self.index(renderer, result)
        return result

    # --- the declaration ---------------------------------------------------------------

    def declaration(self) -> Declaration | None:
        """The declaration named, written inline, or configured; its problems are
        reported by the domain, once per build."""
        if self.arguments:
            if self.content:
                self.warn(
                    "the directive names a file and has a body; the body is ignored", "option"
                )
            _, path = self.env.relfn2path(self.arguments[0], self.env.docname)
            return self.read_file(path)
        if self.content:
            from ..core.load import parse_declaration  # noqa: PLC0415 (see run)

            source, offset = self.body_start()
            result = parse_declaration(
                "\n".join(self.content), "yaml", source=source, line_offset=offset
            )
            domain(self.env).note_inline(self.env.docname, self.get_location(), result)
            return result.declaration
        configured = self.config.cookiecharter_declaration
        if configured:
            return self.read_file(configured_path(self.env.srcdir, configured))
        self.warn(
            "no declaration: name a file, write one in the directive's body, or set "
            "cookiecharter_declaration in conf.py",
            "load",
        )
        return None

    def read_file(self, path: str) -> Declaration | None:
        """The declaration in the file at ``path``; the page then depends on the file."""
        self.env.note_dependency(path)
        return domain(self.env).read_file(path, self.env.docname, self.get_location()).declaration

    # --- options -----------------------------------------------------------------------

    def names(self, option: str, configured: Any, allowed: Any) -> list[str]:
        if option not in self.options:
            return list(configured)
        return choose(
            split_names(self.options[option]),
            allowed,
            f"name in :{option}:",
            lambda message: self.warn(message, "option"),
        )

    def render_options(self, declaration: Declaration) -> RenderOptions:
        from ..render.options import RenderOptions  # noqa: PLC0415 (see run)

        config = self.config
        categories = None
        if "categories" in self.options:
            known = [category.id for category in declaration.categories]
            categories = self.names("categories", (), known)
        columns = self.names("columns", config.cookiecharter_columns, COLUMNS)
        if not columns:
            self.warn("no known column in :columns:; the default columns are used", "option")
            columns = list(DEFAULT_COLUMNS)
        return RenderOptions(
            language=config.language or "en",
            sections=self.names("sections", config.cookiecharter_sections, SECTIONS),
            columns=columns,
            categories=categories,
            site=site_of(config),
            texts=texts_of(config),
            classes=self.options.get("class", ()),
            index="no-index" not in self.options and "noindex" not in self.options,
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

    def warn(self, message: str, subtype: str) -> None:
        """A warning at the directive's own file and line (an included file's too)."""
        warn(message, subtype, self.get_location())

    def note_section(self, section: nodes.section) -> None:
        self.set_source_info(section)
        self.state.document.note_implicit_target(section, section)

    def index(self, renderer: TableRenderer, result: list[nodes.Node]) -> None:
        """Make the tables and rows shown objects of the ``cookie`` domain.

        An anchor the page already has (the same cookies shown twice on one page) is
        left off the second view, so ids stay unique; the domain warns of the duplicate.
        """
        from ..render.anchors import category_anchor  # noqa: PLC0415 (see run)
        from ..render.nodes import charter_elements  # noqa: PLC0415 (see run)

        shown: dict[str, tuple[str, str, str, str]] = {}
        for category in renderer.categories():
            title = renderer.category_title(category).astext()
            shown[category_anchor(category.id)] = ("category", category.id, title, "")
            for cookie in renderer.declaration.cookies_in(category.id):
                target = renderer.target(cookie)
                shown[target.anchor] = ("cookie", target.name, title, cookie.provider.name)
        document = self.state.document
        cookies = domain(self.env)
        docname, location = self.env.docname, self.get_location()
        for node in result:
            for element in charter_elements(node):
                for anchor in [anchor for anchor in element["ids"] if anchor in shown]:
                    if anchor in document.ids:
                        element["ids"].remove(anchor)
                    else:
                        document.ids[anchor] = element
                    objtype, name, title, provider = shown[anchor]
                    cookies.note_object(
                        objtype, name, ObjectEntry(docname, anchor, title, provider, location)
                    )


class CookieTableDirective(CookieCharterDirective):
    """The tables only, one per category."""

    whole_charter = False
    option_spec: ClassVar[dict[str, Any]] = {
        name: convert
        for name, convert in CookieCharterDirective.option_spec.items()
        if name != "sections"
    }
