"""One table per category: provider, service, name, purpose and the optional columns."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

from ..core.eea import outside_eea
from ..i18n.formatting import territory_name
from ..i18n.languages import base, normalize, pick_with_language
from ..i18n.wording import wording
from .anchors import category_anchor, cookie_targets
from .nodes import (
    ISOLATE,
    Column,
    direction_classes,
    empty_cell,
    fill,
    keep_numbers_with_units,
    keep_own_wording_out_of_catalogs,
    language_class,
    link,
    table_skeleton,
)
from .widths import (
    MIN_WIDTH,
    SCREEN_WIDTHS,
    WHOLE_WORD_COLUMNS,
    Measure,
    charter_layout,
    colspecs,
)

if TYPE_CHECKING:
    from ..core.model import Category, Cookie, Declaration, Duration, LocalizedText, Position
    from .anchors import Target
    from .options import RenderOptions

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

#: What a cell's width depends on, known as it is made: the texts of its literals
#: (names, domains) and of its paragraphs; ``None`` when its nodes are to be measured.
Texts = tuple[tuple[str, ...], tuple[str, ...]] | None


class TableRenderer:
    """The tables of one declaration for one set of options.

    The anchors of the rows and tables come from :mod:`.anchors`; they are left out when
    ``options.index`` is false (a second view of the same cookies).
    """

    def __init__(self, declaration: Declaration, options: RenderOptions) -> None:
        self.declaration = declaration
        self.options = options
        self.wording = wording(options.language)
        self.targets = dict(
            zip(map(id, declaration.cookies), cookie_targets(declaration), strict=True)
        )
        #: Whether the charter's own wording is written right to left (Hebrew): its
        #: sections and tables say so, and names filled into its sentences are isolated.
        self.rtl = self.wording.direction == "rtl"
        #: The language the charter's own wording is in, when it is not the page's
        #: (no catalog for the page's language): its sections or tables say so.
        self.wording_lang = (
            None
            if base(self.wording.language) == base(options.language)
            else normalize(self.wording.language)
        )
        #: The classes of a declared text by the language it is in (see
        #: :meth:`resolve_with_language`): a charter's texts are in a few languages.
        self.language_classes: dict[str | None, list[str]] = {}

    # --- declared texts ---------------------------------------------------------------

    def target(self, cookie: Cookie) -> Target:
        """How the cookie is referred to, and the anchor of its row."""
        return self.targets[id(cookie)]

    def resolve(self, value: LocalizedText) -> str:
        """A declared text in the build language (or its fallback)."""
        return self.resolve_with_language(value)[0]

    def resolve_with_language(self, value: LocalizedText) -> tuple[str, list[str]]:
        """A declared text in the build language (or its fallback), and the classes
        that give its language when it differs from the text around it."""
        text, language = pick_with_language(value, self.options.language)
        classes = self.language_classes.get(language)
        if classes is None:
            around = self.wording_lang or self.options.language
            # A text given once for every language is taken to be in the page's language.
            classes = language_class(language or self.options.language, around)
            self.language_classes[language] = classes
        return text, list(classes)

    def declared_paragraphs(
        self, value: LocalizedText, *, for_translators: bool = True
    ) -> list[nodes.Node]:
        """Paragraphs of a declared text (split at blank lines), marked with their source
        for translators unless ``for_translators`` is false."""
        return self.declared_paragraphs_and_texts(value, for_translators=for_translators)[0]

    def declared_paragraphs_and_texts(
        self, value: LocalizedText, *, for_translators: bool = True
    ) -> tuple[list[nodes.Node], Texts]:
        """:meth:`declared_paragraphs`, with their texts."""
        result: list[nodes.Node] = []
        resolved, classes = self.resolve_with_language(value)
        if self.rtl and not classes and pick_with_language(value, self.options.language)[1] is None:
            # A text given once for every language may be written in any script: in a
            # right-to-left charter it takes the direction of its own first letter.
            classes = [ISOLATE]
        resolved = resolved.strip()
        chunks = _PARAGRAPH_BREAK.split(resolved) if "\n" in resolved else [resolved]
        for chunk in chunks:
            paragraph = nodes.paragraph(chunk, chunk, classes=list(classes))
            if for_translators:
                self.mark_source(paragraph, value.position)
            result.append(paragraph)
        return result, ((), tuple(chunks))

    def duration_text(self, duration: Duration) -> str:
        """A duration in the build language: free text picked from its mapping, any other
        in the extension's words."""
        if duration.text is not None:
            return self.resolve(duration.text)
        return self.wording.duration(duration)

    def mark_source(self, node: nodes.Element, position: Position | None) -> None:
        node.source = self.declaration.source
        node.line = position.line if position else None

    # --- tables -----------------------------------------------------------------------

    def categories(self) -> list[Category]:
        """The categories shown, in display order."""
        only = tuple(self.options.categories) if self.options.categories is not None else None
        return self.declaration.categories_in_use(only)

    def tables(self) -> list[nodes.Node]:
        """One table per category that has cookies, in display order."""
        tables = self.category_tables()
        if self.wording_lang:
            for table in tables:
                table["classes"].extend(language_class(self.wording_lang, self.options.language))
        return keep_own_wording_out_of_catalogs(list(tables))

    def category_tables(self) -> list[nodes.table]:
        """The tables of the categories shown, sharing their column widths.

        The widths are characters fitted to the content of all the tables (see
        :mod:`.widths`) for a plain-text line, with the ``colwidths-given`` class so that
        every builder that sizes columns uses them. The layout for screens, measured from
        the same texts (gathered as the cells are made), goes with each table for the
        HTML builders:
        ``cookiecharter_screen_widths`` and ``cookiecharter_min_width`` (in ems).
        """
        measure = Measure()
        tables = [self.table(category, measure) for category in self.categories()]
        if tables:
            widths, screen = charter_layout(measure)
            for table in tables:
                table["classes"].append("colwidths-given")
                for colspec, width in zip(colspecs(table), widths, strict=True):
                    colspec["colwidth"] = width
                table[SCREEN_WIDTHS] = list(screen.widths)
                table[MIN_WIDTH] = round(screen.min_width, 1)
        return tables

    def category_title(self, category: Category) -> nodes.title:
        if category.title is not None:
            value, classes = self.resolve_with_language(category.title)
            title = nodes.title(value, value, classes=classes)
            self.mark_source(title, category.title.position)
            return title
        value = self.wording.category_title(category.id) if category.is_default else category.id
        return nodes.title(value, value)

    def table(self, category: Category, measure: Measure) -> nodes.table:
        """The table of one category; its cells' texts are added to ``measure``."""
        columns = list(self.options.columns)
        headers = [self.wording.column_header(column) for column in columns]
        for index, (column, header) in enumerate(zip(columns, headers, strict=True)):
            measure.add(index, (), (header,), header=True, whole_words=column in WHOLE_WORD_COLUMNS)
        table, body = table_skeleton(
            (
                Column(header, 1, [f"cookiecharter-{column}"])
                for column, header in zip(columns, headers, strict=True)
            ),
            title=self.category_title(category),
            classes=[
                "cookiecharter",
                f"cookiecharter-{category.id}",
                *self.options.classes,
                *direction_classes(self.wording.language),
            ],
            ids=[category_anchor(category.id)] if self.options.index else [],
        )
        for cookie in self.declaration.cookies_in(category.id):
            body += self.row(cookie, columns, measure)
        return table

    def row(self, cookie: Cookie, columns: list[str], measure: Measure) -> nodes.row:
        """The row of one cookie; its cells' texts are added to ``measure``."""
        ids = [self.target(cookie).anchor] if self.options.index else []
        row = nodes.row(ids=ids)
        for index, column in enumerate(columns):
            children, texts = self.cell(cookie, column)
            entry = nodes.entry("", *children, classes=[f"cookiecharter-{column}"])
            if texts is None:
                measure.add_entry(index, entry)
            else:
                measure.add(index, *texts, whole_words=column in WHOLE_WORD_COLUMNS)
            row.append(entry)
        return row

    def cell(self, cookie: Cookie, column: str) -> tuple[list[nodes.Node], Texts]:
        """The content of one cell, and its texts when they are known without a walk
        of its nodes."""
        match column:
            case "provider":
                provider = cookie.provider
                paragraph = nodes.paragraph("", "", link(provider.name, provider.privacy_policy))
                return [paragraph], ((), (provider.name,))
            case "service":
                if not cookie.service:
                    return self.empty(), None
                return self.declared_paragraphs_and_texts(cookie.service)
            case "name":
                literal = nodes.literal(cookie.name, cookie.name)
                return [nodes.paragraph("", "", literal)], ((cookie.name,), (cookie.name,))
            case "purpose":
                return self.declared_paragraphs_and_texts(cookie.purpose)
            case "duration":
                if cookie.duration is None:
                    return self.empty(), None
                if cookie.duration.text is not None:  # free text, shown as written
                    return self.declared_paragraphs_and_texts(cookie.duration.text)
                value = keep_numbers_with_units(self.wording.duration(cookie.duration))
                return [nodes.paragraph(value, value)], ((), (value,))
            case "party":
                value = self.wording.party(cookie.party)
                return [nodes.paragraph(value, value)], ((), (value,))
            case "storage":
                value = self.wording.storage(cookie.storage)
                return [nodes.paragraph(value, value)], ((), (value,))
            case "domain":
                if not cookie.domain:
                    return self.empty(), None
                literal = nodes.literal(cookie.domain, cookie.domain)
                return [nodes.paragraph("", "", literal)], ((cookie.domain,), (cookie.domain,))
            case "consent":
                return self.consent_cell(cookie), None
            case "country":
                return self.country_cell(cookie), None
        raise KeyError(column)

    def consent_cell(self, cookie: Cookie) -> list[nodes.Node]:
        """Needs consent; or exempt, with the declared reason when there is one."""
        required = cookie.consent == "required"
        value = self.wording.consent_cell(required=required)
        result: list[nodes.Node] = [nodes.paragraph(value, value)]
        if not required and cookie.exemption is not None:
            result.extend(self.declared_paragraphs(cookie.exemption))
        return result

    def country_cell(self, cookie: Cookie) -> list[nodes.Node]:
        """The provider's country by name; outside the EEA, said so with the safeguard."""
        provider = cookie.provider
        if provider.country is None:
            return self.empty()
        name = territory_name(provider.country, self.wording.language)
        result: list[nodes.Node] = [nodes.paragraph(name, name)]
        if outside_eea(provider.country):
            outside = self.wording.outside_eea()
            result.append(nodes.paragraph(outside, outside))
            if provider.safeguard is not None:
                text, classes = self.resolve_with_language(provider.safeguard)
                safeguard = nodes.inline("", text, classes=classes)
                self.mark_source(safeguard, provider.safeguard.position)
                template = self.wording.safeguard_cell()
                result.append(
                    nodes.paragraph(
                        "", "", *fill(template, {"safeguard": safeguard}, isolate=self.rtl)
                    )
                )
        return result

    def empty(self) -> list[nodes.Node]:
        """An empty cell: a dash, and words that say so to who cannot see it."""
        return [empty_cell(self.wording.not_given())]
