"""The whole charter: the sections of explanatory text, with the tables in ``usage``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..core.model import SECTIONS
from ..i18n.formatting import format_count, format_date, format_list
from .nodes import contact_link, fill, keep_own_wording_out_of_catalogs, link
from .tables import TableRenderer

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..core.model import Cookie, Declaration, LocalizedText
    from .options import RenderOptions


class Renderer(TableRenderer):
    """Builds the charter's nodes for one declaration and one set of options.

    :param note_section: registers a new section with the document (ids, names).
    """

    def __init__(
        self,
        declaration: Declaration,
        options: RenderOptions,
        note_section: Callable[[nodes.section], None] | None = None,
    ) -> None:
        super().__init__(declaration, options)
        self.note_section = note_section
        site = declaration.site or options.site
        self.site = self.resolve(site) if site is not None else None

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
        return keep_own_wording_out_of_catalogs(self.sections())

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
        title = self.wording.heading(name, has_site=bool(self.site))
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
            for template in self.wording.intro(has_site=bool(self.site))
        ]

    def what(self) -> list[nodes.Node]:
        return [self.paragraph(template) for template in self.wording.what()]

    def kinds(self) -> list[nodes.Node]:
        in_use = {category.id for category in self.declaration.categories_in_use()}
        result: list[nodes.Node] = [self.paragraph(self.wording.kinds_lead())]
        for category in self.declaration.categories:
            always = category.id in ("necessary", "statistics")
            if not (always or category.id in in_use):
                continue
            if category.description is not None:
                result.extend(self.declared_paragraphs(category.description))
            elif category.is_default:
                result.append(self.paragraph(self.wording.kind(category.id)))
        result.append(self.paragraph(self.wording.kind("first")))
        result.append(self.paragraph(self.wording.kind("third")))
        return result

    def usage(self) -> list[nodes.Node]:
        cookies = [
            cookie
            for category in self.categories()
            for cookie in self.declaration.cookies_in(category.id)
        ]
        has_site = bool(self.site)
        if not cookies:
            return [
                self.paragraph(self.wording.no_cookies(has_site=has_site), site=self.site_node())
            ]
        count = format_count(len(cookies), self.wording.language)
        result: list[nodes.Node] = [
            self.paragraph(
                self.wording.usage_lead(len(cookies), has_site=has_site),
                site=self.site_node(),
                count=count,
            )
        ]
        result.extend(self.table(category) for category in self.categories())
        third = self.third_party_providers(cookies)
        if third:
            # The providers are listed the language's way ("A, B and C"): the list's
            # own placeholders take the place of {providers} in the sentence.
            pattern = format_list([f"{{{key}}}" for key in third], self.wording.language)
            result.append(
                self.paragraph(
                    self.wording.third_parties().replace("{providers}", pattern), **third
                )
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
                manage=link(self.wording.manage_link(), manage_url),
                duration=self.duration_text(duration) if duration else "",
            )
            for template in self.wording.manage(
                needs_consent=any(c.consent == "required" for c in self.declaration.cookies),
                has_link=bool(manage_url),
                choice_kept=duration.kind if duration else None,
            )
        ]
        controller = self.declaration.controller
        if controller is not None:
            template = self.wording.controller(
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
        date = format_date(self.declaration.updated, self.wording.language)
        return [self.paragraph(self.wording.updated(), date=date)]
