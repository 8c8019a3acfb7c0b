"""One table per category: provider, service, name, purpose and the optional columns."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

from ..core.eea import outside_eea
from ..i18n.formatting import territory_name
from ..i18n.languages import pick
from ..i18n.wording import wording
from .anchors import category_anchor, cookie_targets
from .nodes import Column, fill, keep_own_wording_out_of_catalogs, link, table_skeleton

if TYPE_CHECKING:
    from ..core.model import Category, Cookie, Declaration, Duration, LocalizedText, Position
    from .anchors import Target
    from .options import RenderOptions

#: Relative column widths, used by builders that size columns (LaTeX).
WIDTHS = {
    "provider": 14,
    "service": 20,
    "name": 16,
    "purpose": 30,
    "duration": 12,
    "party": 10,
    "storage": 10,
    "domain": 14,
    "consent": 18,
    "country": 14,
}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


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

    # --- declared texts ---------------------------------------------------------------

    def target(self, cookie: Cookie) -> Target:
        """How the cookie is referred to, and the anchor of its row."""
        return self.targets[id(cookie)]

    def resolve(self, value: LocalizedText) -> str:
        """A declared text in the build language (or its fallback)."""
        return pick(value, self.options.language)

    def declared_paragraphs(
        self, value: LocalizedText, *, for_translators: bool = True
    ) -> list[nodes.Node]:
        """Paragraphs of a declared text (split at blank lines), marked with their source
        for translators unless ``for_translators`` is false."""
        result: list[nodes.Node] = []
        resolved = self.resolve(value).strip()
        chunks = _PARAGRAPH_BREAK.split(resolved) if "\n" in resolved else [resolved]
        for chunk in chunks:
            paragraph = nodes.paragraph(chunk, chunk)
            if for_translators:
                self.mark_source(paragraph, value.position)
            result.append(paragraph)
        return result

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
        return keep_own_wording_out_of_catalogs(
            [self.table(category) for category in self.categories()]
        )

    def category_title(self, category: Category) -> nodes.title:
        if category.title is not None:
            value = self.resolve(category.title)
            title = nodes.title(value, value)
            self.mark_source(title, category.title.position)
            return title
        value = self.wording.category_title(category.id) if category.is_default else category.id
        return nodes.title(value, value)

    def table(self, category: Category) -> nodes.table:
        columns = list(self.options.columns)
        table, body = table_skeleton(
            (
                Column(
                    self.wording.column_header(column),
                    WIDTHS[column],
                    [f"cookiecharter-{column}"],
                )
                for column in columns
            ),
            title=self.category_title(category),
            classes=["cookiecharter", f"cookiecharter-{category.id}", *self.options.classes],
            ids=[category_anchor(category.id)] if self.options.index else [],
        )
        for cookie in self.declaration.cookies_in(category.id):
            body += self.row(cookie, columns)
        return table

    def row(self, cookie: Cookie, columns: list[str]) -> nodes.row:
        ids = [self.target(cookie).anchor] if self.options.index else []
        row = nodes.row(ids=ids)
        for column in columns:
            row += nodes.entry("", *self.cell(cookie, column), classes=[f"cookiecharter-{column}"])
        return row

    def cell(self, cookie: Cookie, column: str) -> list[nodes.Node]:
        match column:
            case "provider":
                provider = cookie.provider
                return [nodes.paragraph("", "", link(provider.name, provider.privacy_policy))]
            case "service":
                return self.declared_paragraphs(cookie.service) if cookie.service else []
            case "name":
                return [nodes.paragraph("", "", nodes.literal(cookie.name, cookie.name))]
            case "purpose":
                return self.declared_paragraphs(cookie.purpose)
            case "duration":
                if cookie.duration is None:
                    return []
                if cookie.duration.text is not None:  # free text, shown as written
                    return self.declared_paragraphs(cookie.duration.text)
                value = self.wording.duration(cookie.duration)
                return [nodes.paragraph(value, value)]
            case "party":
                value = self.wording.party(cookie.party)
                return [nodes.paragraph(value, value)]
            case "storage":
                value = self.wording.storage(cookie.storage)
                return [nodes.paragraph(value, value)]
            case "domain":
                if not cookie.domain:
                    return []
                return [nodes.paragraph("", "", nodes.literal(cookie.domain, cookie.domain))]
            case "consent":
                return self.consent_cell(cookie)
            case "country":
                return self.country_cell(cookie)
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
            return []
        name = territory_name(provider.country, self.wording.language)
        result: list[nodes.Node] = [nodes.paragraph(name, name)]
        if outside_eea(provider.country):
            outside = self.wording.outside_eea()
            result.append(nodes.paragraph(outside, outside))
            if provider.safeguard is not None:
                safeguard = nodes.inline("", self.resolve(provider.safeguard))
                self.mark_source(safeguard, provider.safeguard.position)
                template = self.wording.safeguard_cell()
                result.append(nodes.paragraph("", "", *fill(template, {"safeguard": safeguard})))
        return result
