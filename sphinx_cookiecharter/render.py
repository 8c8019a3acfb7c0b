"""Turn a :class:`~.model.Declaration` into standard docutils nodes.

Only standard nodes are built (sections, paragraphs, tables, references, literals), so
every Sphinx builder writes them without visitors of ours. Text that comes from the
declaration carries its source and line, so a project's gettext workflow can translate
it; the extension's own wording carries none and is never extracted again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import babel
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit
from docutils import nodes

from . import text
from .model import DEFAULT_COLUMNS, SECTIONS, LocalizedText

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from .model import Category, Cookie, Declaration, Duration, Position

#: Relative column widths, used by builders that size columns (LaTeX).
_WIDTHS = {
    "provider": 14,
    "service": 20,
    "name": 16,
    "purpose": 30,
    "duration": 12,
    "party": 10,
    "storage": 10,
    "domain": 14,
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class RenderOptions:
    """What to render, in which language."""

    language: str = "en"
    sections: Sequence[str] = SECTIONS
    columns: Sequence[str] = DEFAULT_COLUMNS
    categories: Sequence[str] | None = None
    site: str | None = None
    texts: Mapping[str, LocalizedText] = field(default_factory=dict)
    classes: Sequence[str] = ()


def babel_locale(language: str | None) -> babel.Locale:
    """The Babel locale for a Sphinx ``language``; English when Babel does not know it."""
    try:
        return babel.Locale.parse((language or "en").replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        return babel.Locale("en")


def format_duration(duration: Duration, locale: babel.Locale) -> str:
    """A duration in words, keeping the units it was declared with (``1 an et 6 mois``)."""
    if duration.kind == "session":
        return text.session_duration()
    if duration.kind == "persistent":
        return text.persistent_duration()
    parts = [
        format_unit(amount, f"duration-{unit}", length="long", locale=locale)
        for amount, unit in duration.parts
    ]
    return format_list(parts, locale=locale)


def fill(template: str, values: Mapping[str, nodes.Node | str]) -> list[nodes.Node]:
    """Split a message at its ``{placeholders}`` and put a node in each one.

    A placeholder with no value (a slip in a translation) stays as written.
    """
    result: list[nodes.Node] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            result.append(nodes.Text(template[position : match.start()]))
        value = values.get(match.group(1))
        if value is None:
            result.append(nodes.Text(match.group(0)))
        elif isinstance(value, str):
            result.append(nodes.Text(value))
        else:
            result.append(value.deepcopy())
        position = match.end()
    if position < len(template):
        result.append(nodes.Text(template[position:]))
    return result


def link(label: str, target: str | None) -> nodes.Node:
    """``label`` linking to ``target``, or plain text when there is no target."""
    if not target:
        return nodes.Text(label)
    return nodes.reference(label, label, refuri=target, internal=False)


def cookie_anchor(name: str) -> str:
    """The wanted anchor of a cookie's row: ``cookie-sessionid``, ``cookie-ga-any``.

    A ``*`` is spelled ``any``, so ``_ga`` and ``_ga_*`` get distinct, stable anchors.
    """
    return "cookie-" + (nodes.make_id(name.replace("*", " any ")) or "unnamed")


def contact_link(contact: str) -> nodes.Node:
    """An e-mail address or URL as a link."""
    if "@" in contact and ":" not in contact:
        return nodes.reference(contact, contact, refuri=f"mailto:{contact}")
    return nodes.reference(contact, contact, refuri=contact)


def _keep_own_wording_out_of_catalogs(result: list[nodes.Node]) -> list[nodes.Node]:
    """Mark every text without a declaration source as not for the page's translators.

    The extension's wording is translated by its own catalog; without this mark, Sphinx
    would give titles the source of their section and offer them to the project.
    """
    for node in result:
        for element in node.findall(nodes.TextElement):
            if element.source is None:
                element["translatable"] = False
    return result


class Renderer:
    """Builds the charter's nodes for one declaration and one set of options.

    :param make_id: gives a page-unique id for a wanted one (``cookie-sessionid``).
    :param note_section: registers a new section with the document (ids, names).
    """

    def __init__(
        self,
        declaration: Declaration,
        options: RenderOptions,
        make_id: Callable[[str], str],
        note_section: Callable[[nodes.section], None] | None = None,
    ) -> None:
        self.declaration = declaration
        self.options = options
        self.make_id = make_id
        self.note_section = note_section
        self.locale = babel_locale(text.wording_language(options.language))
        self.site = declaration.site or options.site

    # --- text helpers ---------------------------------------------------------------

    def resolve(self, value: LocalizedText) -> str:
        return value.resolve(self.options.language)

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

    def mark_source(self, node: nodes.Element, position: Position | None) -> None:
        node.source = self.declaration.source
        node.line = position.line if position else None

    def paragraph(self, template: str, **values: nodes.Node | str) -> nodes.paragraph:
        """One paragraph of the extension's own wording, with its placeholders filled."""
        return nodes.paragraph("", "", *fill(template, values))

    def site_node(self) -> nodes.Node:
        site = self.site or ""
        return link(site, site if site.startswith(("http://", "https://")) else None)

    def overridden(self, section: str) -> LocalizedText | None:
        return self.declaration.text(section) or self.options.texts.get(section)

    # --- the whole charter ------------------------------------------------------------

    def charter(self) -> list[nodes.Node]:
        """One section per requested part of the explanatory text, in the design's order."""
        return _keep_own_wording_out_of_catalogs(self.sections())

    def sections(self) -> list[nodes.Node]:
        builders: dict[str, Callable[[], list[nodes.Node]]] = {
            "intro": self.intro,
            "what": self.what,
            "kinds": self.kinds,
            "usage": self.usage,
            "manage": self.manage,
            "updated": self.updated,
        }
        result: list[nodes.Node] = []
        for name in SECTIONS:
            if name not in self.options.sections:
                continue
            override = self.overridden(name)
            body = builders[name]()
            if override is not None:
                tables = [node for node in body if isinstance(node, nodes.table)]
                body = [*self.override_paragraphs(override), *tables]
            if body:
                result.append(self.section(name, body))
        return result

    def override_paragraphs(self, value: LocalizedText) -> list[nodes.Node]:
        # A text from conf.py has no position: nothing for the page's translators.
        return self.declared_paragraphs(value, for_translators=value.position is not None)

    def section(self, name: str, body: list[nodes.Node]) -> nodes.section:
        title = text.heading(name, has_site=bool(self.site))
        title_text = title.format(site=self.site) if self.site else title
        section = nodes.section(
            "", classes=["cookiecharter-section", f"cookiecharter-section-{name}"]
        )
        section += nodes.title(title_text, title_text)
        section["names"].append(nodes.fully_normalize_name(title_text))
        section.extend(body)
        if self.note_section is not None:
            self.note_section(section)
        return section

    def intro(self) -> list[nodes.Node]:
        return [
            self.paragraph(template, site=self.site_node())
            for template in text.intro(has_site=bool(self.site))
        ]

    def what(self) -> list[nodes.Node]:
        return [self.paragraph(template) for template in text.what()]

    def kinds(self) -> list[nodes.Node]:
        in_use = {category.id for category in self.declaration.categories_in_use()}
        result: list[nodes.Node] = [self.paragraph(text.kinds_lead())]
        for category in self.declaration.categories:
            always = category.id in ("necessary", "statistics")
            if not (always or category.id in in_use):
                continue
            if category.description is not None:
                result.extend(self.declared_paragraphs(category.description))
            elif category.is_default:
                result.append(self.paragraph(text.kind(category.id)))
        result.append(self.paragraph(text.kind("first")))
        result.append(self.paragraph(text.kind("third")))
        return result

    def usage(self) -> list[nodes.Node]:
        cookies = [
            cookie
            for category in self.categories()
            for cookie in self.declaration.cookies_in(category.id)
        ]
        has_site = bool(self.site)
        if not cookies:
            return [self.paragraph(text.no_cookies(has_site=has_site), site=self.site_node())]
        count = format_decimal(len(cookies), locale=self.locale)
        result: list[nodes.Node] = [
            self.paragraph(
                text.usage_lead(len(cookies), has_site=has_site),
                site=self.site_node(),
                count=count,
            )
        ]
        result.extend(self.table(category) for category in self.categories())
        third = self.third_party_providers(cookies)
        if third:
            # The providers are listed the language's way ("A, B and C"): the list's
            # own placeholders take the place of {providers} in the sentence.
            pattern = format_list([f"{{{key}}}" for key in third], locale=self.locale)
            result.append(
                self.paragraph(text.third_parties().replace("{providers}", pattern), **third)
            )
        return result

    def third_party_providers(self, cookies: list[Cookie]) -> dict[str, nodes.Node]:
        """Each third-party provider once, linked to its privacy policy, by placeholder."""
        seen: dict[str, nodes.Node] = {}
        for cookie in cookies:
            if cookie.party == "third" and cookie.provider.name not in seen:
                provider = cookie.provider
                seen[provider.name] = link(provider.name, provider.privacy_policy)
        return {f"provider{index}": node for index, node in enumerate(seen.values())}

    def manage(self) -> list[nodes.Node]:
        consent = self.declaration.consent
        manage_url = consent.manage_url if consent else None
        duration = consent.duration if consent else None
        result: list[nodes.Node] = [
            self.paragraph(
                template,
                manage=link(text.manage_link(), manage_url),
                duration=format_duration(duration, self.locale) if duration else "",
            )
            for template in text.manage(
                needs_consent=any(c.consent == "required" for c in self.declaration.cookies),
                has_link=bool(manage_url),
                choice_kept=duration.kind if duration else None,
            )
        ]
        controller = self.declaration.controller
        if controller is not None:
            template = text.controller(
                has_name=bool(controller.name), has_contact=bool(controller.contact)
            )
            if template:
                result.append(
                    self.paragraph(
                        template,
                        controller=controller.name or "",
                        contact=contact_link(controller.contact) if controller.contact else "",
                    )
                )
        return result

    def updated(self) -> list[nodes.Node]:
        if self.declaration.updated is None:
            return []
        date = format_date(self.declaration.updated, format="long", locale=self.locale)
        return [self.paragraph(text.updated(), date=date)]

    # --- tables ------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        only = tuple(self.options.categories) if self.options.categories is not None else None
        return self.declaration.categories_in_use(only)

    def tables(self) -> list[nodes.Node]:
        """One table per category that has cookies, in display order."""
        return _keep_own_wording_out_of_catalogs(
            [self.table(category) for category in self.categories()]
        )

    def category_title(self, category: Category) -> nodes.title:
        if category.title is not None:
            value = self.resolve(category.title)
            title = nodes.title(value, value)
            self.mark_source(title, category.title.position)
            return title
        value = text.category_title(category.id) if category.is_default else category.id
        return nodes.title(value, value)

    def table(self, category: Category) -> nodes.table:
        columns = list(self.options.columns)
        table = nodes.table(
            classes=["cookiecharter", f"cookiecharter-{category.id}", *self.options.classes],
            ids=[self.make_id(nodes.make_id(f"cookies-{category.id}"))],
        )
        table += self.category_title(category)
        group = nodes.tgroup(cols=len(columns))
        table += group
        for column in columns:
            group += nodes.colspec(colwidth=_WIDTHS[column])
        header = nodes.row()
        for column in columns:
            label = text.column_header(column)
            header += nodes.entry(
                "", nodes.paragraph(label, label), classes=[f"cookiecharter-{column}"]
            )
        group += nodes.thead("", header)
        body = nodes.tbody()
        for cookie in self.declaration.cookies_in(category.id):
            body += self.row(cookie, columns)
        group += body
        return table

    def row(self, cookie: Cookie, columns: list[str]) -> nodes.row:
        row = nodes.row(ids=[self.make_id(cookie_anchor(cookie.name))])
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
                value = format_duration(cookie.duration, self.locale)
                return [nodes.paragraph(value, value)]
            case "party":
                value = text.party(cookie.party)
                return [nodes.paragraph(value, value)]
            case "storage":
                value = text.storage(cookie.storage)
                return [nodes.paragraph(value, value)]
            case "domain":
                if not cookie.domain:
                    return []
                return [nodes.paragraph("", "", nodes.literal(cookie.domain, cookie.domain))]
        raise KeyError(column)
