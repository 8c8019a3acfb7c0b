"""The whole charter: the sections of explanatory text, with the tables in ``usage``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from docutils import nodes

from ..core.vocabulary import SECTIONS
from ..i18n.formatting import format_count, format_date, format_list, territory_name
from .facts import Facts
from .nodes import (
    contact_link,
    direction_classes,
    fill,
    keep_own_wording_out_of_catalogs,
    language_class,
    link,
)
from .statements import BY_ID
from .tables import TableRenderer

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..core.model import Category, Declaration, LocalizedText
    from .options import RenderOptions


#: What may end a declared sentence that the wording closes itself (a Latin full stop,
#: an ideographic or full-width one in Japanese or Chinese).
_FULL_STOPS = (".", "\N{IDEOGRAPHIC FULL STOP}", "\N{FULLWIDTH FULL STOP}")


def without_full_stop(text: str) -> str:
    """A declared sentence (an exemption, a safeguard) without its closing full stop: the
    wording's own sentence closes it. One full stop goes; an ellipsis (``etc...``)
    stays, and takes the place of the wording's full stop (:func:`.nodes.fill`)."""
    text = text.strip()
    if text.endswith(_FULL_STOPS) and not text.endswith("..."):
        return text[:-1]
    return text


class Renderer(TableRenderer):
    """Builds the charter's nodes for one declaration and one set of options.

    Every sentence of the extension's own wording is a statement of
    :mod:`.statements`, made only when the declaration supports it; :attr:`said` lists
    the ids of the statements made, in order.

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
        self.facts = Facts.of(declaration)
        self.said: list[str] = []

    def paragraph(self, template: str, **values: nodes.Node | str) -> nodes.paragraph:
        """One paragraph of the extension's own wording, with its placeholders filled."""
        return nodes.paragraph("", "", *fill(template, values, isolate=self.rtl))

    def say(self, statement: str, template: str, **values: nodes.Node | str) -> list[nodes.Node]:
        """The nodes of one statement (see :mod:`.statements`), noted as said."""
        assert statement in BY_ID, statement
        self.said.append(statement)
        if "site" in values and template.startswith("{site}"):
            values["site"] = self.site_node(starts_sentence=True)
        return fill(template, values, isolate=self.rtl)

    def sentences(self, *parts: list[nodes.Node]) -> nodes.paragraph:
        """One paragraph made of statements, a space between them (none in a language
        written without spaces, such as Japanese)."""
        paragraph = nodes.paragraph()
        space = self.wording.sentence_space
        for index, part in enumerate(p for p in parts if p):
            if index and space:
                paragraph += nodes.Text(space)
            paragraph.extend(part)
        return paragraph

    def site_node(self, *, starts_sentence: bool = False) -> nodes.Node:
        """The site's name (a URL becomes a link); a name that starts a sentence gets a
        capital letter (``the Example handbook`` -> ``The Example handbook``)."""
        site = self.site or ""
        if site.startswith(("http://", "https://")):
            return link(site, site)
        if starts_sentence and site[:1].islower():
            site = site[0].upper() + site[1:]
        return nodes.Text(site)

    def overridden(self, section: str) -> LocalizedText | None:
        return self.declaration.text(section) or self.options.texts.get(section)

    def listed(self, items: Sequence[nodes.Node], prefix: str) -> tuple[str, dict[str, nodes.Node]]:
        """A list the language's way (``A, B and C``) as a template of placeholders, and
        the nodes that fill them: the list's own placeholders stand in a sentence's."""
        values = {f"{prefix}{index}": node for index, node in enumerate(items)}
        pattern = format_list(
            [f"{{{key}}}" for key in values],
            self.wording.language,
            texts=[node.astext() for node in items],
        )
        return pattern, values

    def with_list(
        self,
        statement: str,
        template: str,
        key: str,
        items: Sequence[nodes.Node],
        **values: nodes.Node | str,
    ) -> list[nodes.Node]:
        """A statement whose ``{key}`` is a list of nodes."""
        pattern, listed = self.listed(items, key)
        return self.say(statement, template.replace(f"{{{key}}}", pattern), **listed, **values)

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
            "changes": self.changes,
        }
        result: list[nodes.Node] = []
        for name in SECTIONS:
            if name not in self.options.sections:
                continue
            override = self.overridden(name)
            before = len(self.said)
            body = builders[name]()
            if override is not None:
                del self.said[before:]  # the project's own text is shown instead
                # A declared text replaces the wording, not the tables or the changes.
                kept = [
                    node for node in body if isinstance(node, nodes.table | nodes.definition_list)
                ]
                body = [*self.override_paragraphs(override), *kept]
            if body:
                result.append(self.section(name, body))
        return result

    def override_paragraphs(self, value: LocalizedText) -> list[nodes.Node]:
        # A text from conf.py has no position: nothing for the page's translators.
        return self.declared_paragraphs(value, for_translators=value.position is not None)

    def section(self, name: str, body: list[nodes.Node]) -> nodes.section:
        title = self.wording.heading(
            name, has_site=bool(self.site), needs_consent=bool(self.facts.needing_consent)
        )
        title_text = title.format(site=self.site) if self.site else title
        section = nodes.section(
            "",
            classes=[
                "cookiecharter-section",
                f"cookiecharter-section-{name}",
                *direction_classes(self.wording.language),
            ],
        )
        if self.wording_lang:
            section["classes"].extend(language_class(self.wording_lang, self.options.language))
        section += nodes.title(title_text, title_text)
        section["names"].append(nodes.fully_normalize_name(title_text))
        section.extend(body)
        if self.note_section is not None:
            self.note_section(section)
        return section

    # --- intro ------------------------------------------------------------------------

    def intro(self) -> list[nodes.Node]:
        facts = self.facts
        consent: Literal["mixed", "required", "exempt", "none"]
        if not facts.any:
            consent = "none"
        elif facts.needing_consent and facts.exempt:
            consent = "mixed"
        else:
            consent = "required" if facts.needing_consent else "exempt"
        first = self.say(
            f"intro.{consent}",
            self.wording.intro(consent, has_site=bool(self.site)),
            site=self.site_node(),
        )
        if not facts.any:
            return [self.sentences(first)]
        needs_consent = bool(facts.needing_consent)
        guide = self.say(
            "intro.guide-consent" if needs_consent else "intro.guide-exempt",
            self.wording.intro_guide(needs_consent=needs_consent),
        )
        return [self.sentences(first), self.sentences(guide)]

    # --- what -------------------------------------------------------------------------

    def what(self) -> list[nodes.Node]:
        how, uses = self.wording.what()
        result: list[nodes.Node] = [
            self.sentences(self.say("what.cookie", how)),
            self.sentences(fill(uses, {})),
        ]
        others = self.facts.other_storages
        if others:
            with_cookies = "cookie" in self.facts.storages
            kinds = [nodes.Text(self.wording.kind_name(kind)) for kind in others]
            result.append(
                self.sentences(
                    self.with_list(
                        "what.other" if with_cookies else "what.other-only",
                        self.wording.what_other(with_cookies=with_cookies),
                        "kinds",
                        kinds,
                    )
                )
            )
        return result

    # --- kinds ------------------------------------------------------------------------

    def kinds(self) -> list[nodes.Node]:
        facts = self.facts
        paragraphs: list[nodes.Node] = []
        for category in facts.categories():
            if category.description is not None:
                self.said.append("kinds.category")
                paragraphs.extend(self.declared_paragraphs(category.description))
                paragraphs.append(self.sentences(self.category_consent(category)))
            elif category.is_default:
                description = self.say("kinds.category", self.wording.kind(category.id))
                paragraphs.append(self.sentences(description, self.category_consent(category)))
            else:  # a declared category with a title only: the title names it
                title = self.category_title(category)
                named = nodes.strong("", "", *title.children)
                named.source, named.line = title.source, title.line
                paragraphs.append(
                    self.sentences(
                        [named, nodes.Text(self.wording.full_stop)], self.category_consent(category)
                    )
                )
            if category.id == "statistics" and any(
                c.consent == "exempt" for c in facts.in_category("statistics")
            ):
                paragraphs.append(
                    self.sentences(
                        self.say("kinds.statistics-exemption", self.wording.statistics_exemption())
                    )
                )
        # The parties' paragraphs speak of what the browser sends back: cookies (and
        # pixels, which carry the third party's cookies), not local storage.
        if any(c.storage == "cookie" for c in facts.first_party):
            paragraphs.append(
                self.sentences(self.say("kinds.first-party", self.wording.kind("first")))
            )
        if any(c.storage in ("cookie", "pixel") for c in facts.third_party):
            paragraphs.append(
                self.sentences(self.say("kinds.third-party", self.wording.kind("third")))
            )
        if len(paragraphs) < 2:
            return paragraphs
        return [self.sentences(self.say("kinds.lead", self.wording.kinds_lead())), *paragraphs]

    def category_consent(self, category: Category) -> list[nodes.Node]:
        """Whether the cookies of ``category`` need consent, as declared."""
        cookies = self.facts.in_category(category.id)
        exempt = [cookie for cookie in cookies if cookie.consent == "exempt"]
        if not exempt:
            return self.say("kinds.consent-required", self.wording.category_consent("required"))
        if len(exempt) == len(cookies):
            if category.id == "necessary":
                return self.say(
                    "kinds.consent-necessary", self.wording.category_consent("necessary")
                )
            return self.say("kinds.consent-exempt", self.wording.category_consent("exempt"))
        names = [nodes.literal(cookie.name, cookie.name) for cookie in exempt]
        return self.with_list(
            "kinds.consent-mixed",
            self.wording.category_consent("mixed", len(exempt)),
            "names",
            names,
        )

    # --- usage ------------------------------------------------------------------------

    def usage(self) -> list[nodes.Node]:
        shown = Facts.of(self.declaration, self.categories())
        has_site = bool(self.site)
        if not shown.any:
            return [
                self.sentences(
                    self.say(
                        "usage.none",
                        self.wording.no_cookies(has_site=has_site),
                        site=self.site_node(),
                    )
                )
            ]
        count = len(shown.cookies)
        kinds: Literal["cookies", "mixed", "other"] = (
            "cookies" if shown.only_cookies else ("other" if shown.no_cookie else "mixed")
        )
        result: list[nodes.Node] = [
            self.sentences(
                self.say(
                    f"usage.lead-{kinds}",
                    self.wording.usage_lead(count, kinds, has_site=has_site),
                    site=self.site_node(),
                    count=format_count(count, self.wording.language),
                )
            )
        ]
        result.extend(self.category_tables())
        if "consent" not in self.options.columns:
            result.extend(self.exemptions(shown))
        result.extend(self.third_parties(shown))
        result.extend(self.transfers(shown))
        return result

    def exemptions(self, shown: Facts) -> list[nodes.Node]:
        """Why each exempt cookie outside the necessary category is exempt, when declared."""
        result: list[nodes.Node] = []
        for cookie in shown.exempt:
            if cookie.category == "necessary" or cookie.exemption is None:
                continue
            text, classes = self.resolve_with_language(cookie.exemption)
            reason = nodes.inline("", without_full_stop(text), classes=classes)
            self.mark_source(reason, cookie.exemption.position)
            result.append(
                self.sentences(
                    self.say(
                        "usage.exemption",
                        self.wording.exemption(),
                        name=nodes.literal(cookie.name, cookie.name),
                        exemption=reason,
                    )
                )
            )
        return result

    def third_parties(self, shown: Facts) -> list[nodes.Node]:
        """The third parties, linked to their privacy policies, and their roles."""
        providers = shown.third_party_providers
        if not providers:
            return []
        names = [link(p.name, p.privacy_policy) for p in providers]
        sentences = [
            self.with_list("usage.third-parties", self.wording.third_parties(), "providers", names)
        ]
        if any(p.privacy_policy for p in providers):
            sentences.append(
                self.say("usage.third-party-policies", self.wording.third_party_policies())
            )
        result: list[nodes.Node] = [self.sentences(*sentences)]
        roles = []
        for role in ("processor", "joint-controller", "controller"):
            having = [link(p.name, p.privacy_policy) for p in providers if p.role == role]
            if having:
                roles.append(
                    self.with_list(
                        f"usage.role-{role}",
                        self.wording.role(role, len(having)),
                        "providers",
                        having,
                    )
                )
        if roles:
            result.append(self.sentences(*roles))
        return result

    def transfers(self, shown: Facts) -> list[nodes.Node]:
        """Each provider outside the EEA, its country and the safeguard declared."""
        result: list[nodes.Node] = []
        for provider in shown.providers_outside_eea:
            assert provider.country is not None
            values: dict[str, nodes.Node | str] = {
                "provider": link(provider.name, provider.privacy_policy),
                "country": territory_name(provider.country, self.wording.language),
            }
            if provider.safeguard is not None:
                text, classes = self.resolve_with_language(provider.safeguard)
                safeguard = nodes.inline("", without_full_stop(text), classes=classes)
                self.mark_source(safeguard, provider.safeguard.position)
                values["safeguard"] = safeguard
            has_safeguard = provider.safeguard is not None
            result.append(
                self.sentences(
                    self.say(
                        "usage.transfer-safeguard" if has_safeguard else "usage.transfer",
                        self.wording.transfer(has_safeguard=has_safeguard),
                        **values,
                    )
                )
            )
        return result

    # --- manage -----------------------------------------------------------------------

    def manage(self) -> list[nodes.Node]:
        facts = self.facts
        wording = self.wording
        result: list[nodes.Node] = []
        if facts.needing_consent:
            first = [self.say("manage.consent-first", wording.consent_first())]
            if facts.exempt:
                first.append(self.say("manage.exempt-at-once", wording.exempt_at_once()))
            result.append(self.sentences(*first))
            choose = []
            if facts.manage_url:
                manage = link(wording.manage_link(), facts.manage_url)
                choose.append(self.say("manage.change", wording.change_choice(), manage=manage))
            if facts.granular:
                choose.append(self.say("manage.granular", wording.granular()))
            choose.append(self.say("manage.refusal", wording.refusal()))
            result.append(self.sentences(*choose))
            consent = self.declaration.consent
            duration = consent.duration if consent else None
            if duration is not None:
                kept = self.say(
                    "manage.choice-kept",
                    wording.choice_kept(duration.kind),
                    duration=self.duration_text(duration),
                )
                result.append(self.sentences(kept))
        elif facts.any:
            result.append(
                self.sentences(self.say("manage.no-consent", wording.no_consent_needed()))
            )
        if facts.any:
            browser = [self.say("manage.browser", wording.browser())]
            if facts.in_category("necessary"):
                browser.append(self.say("manage.browser-necessary", wording.browser_necessary()))
            result.append(self.sentences(*browser))
        result.extend(self.controller())
        return result

    def controller(self) -> list[nodes.Node]:
        """Who is responsible, how to reach them, where rights are explained."""
        controller = self.declaration.controller
        if controller is None:
            return []
        sentences = []
        if controller.name:
            sentences.append(
                self.say("manage.controller", self.wording.controller(), controller=controller.name)
            )
        if controller.contact:
            sentences.append(
                self.say(
                    "manage.contact",
                    self.wording.contact(),
                    contact=contact_link(controller.contact),
                )
            )
        if controller.privacy_policy:
            policy = link(self.wording.privacy_policy_link(), controller.privacy_policy)
            sentences.append(
                self.say(
                    "manage.privacy-policy", self.wording.privacy_policy(), privacy_policy=policy
                )
            )
        return [self.sentences(*sentences)] if sentences else []

    # --- updated ----------------------------------------------------------------------

    def updated(self) -> list[nodes.Node]:
        if self.declaration.updated is None:
            return []
        date = format_date(self.declaration.updated, self.wording.language)
        return [self.sentences(self.say("updated.date", self.wording.updated(), date=date))]

    # --- changes ----------------------------------------------------------------------

    def changes(self) -> list[nodes.Node]:
        """The declared history, newest first: each date, what changed, and the cookies
        concerned (linked to their rows when this charter shows them)."""
        if not self.declaration.changes:
            return []
        entries = nodes.definition_list(classes=["cookiecharter-changes"])
        for change in sorted(self.declaration.changes, key=lambda c: c.date, reverse=True):
            date = format_date(change.date, self.wording.language)
            body = nodes.definition("", *self.declared_paragraphs(change.description))
            if change.cookies:
                names = [self.cookie_name(name) for name in change.cookies]
                template = self.wording.change_cookies(len(names))
                body += self.sentences(
                    self.with_list("changes.cookies", template, "cookies", names)
                )
            entries += nodes.definition_list_item("", nodes.term(date, date), body)
        return [entries]

    def cookie_name(self, name: str) -> nodes.Node:
        """A cookie's name as a literal, linked to its row when this charter shows one."""
        literal = nodes.literal(name, name)
        if not (self.options.index and "usage" in self.options.sections):
            return literal
        shown = {category.id for category in self.categories()}
        for cookie in self.declaration.cookies:
            if cookie.name == name and cookie.category in shown:
                return nodes.reference("", "", literal, refid=self.target(cookie).anchor)
        return literal
