"""Every statement has a condition: which statements a declaration gives rise to.

A matrix of declarations, each rendered in English and French, without Sphinx. Each
case names the statements (ids of :mod:`sphinx_cookiecharter.render.statements`) that
must be said and those that must not: the charter says nothing the declaration does not
support, and nothing it contradicts.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

import pytest
from docutils import nodes

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.i18n.wording import wording
from sphinx_cookiecharter.render.charter import Renderer
from sphinx_cookiecharter.render.options import RenderOptions
from sphinx_cookiecharter.render.statements import BY_ID, STATEMENTS

LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class Case:
    yaml: str
    said: set[str]
    unsaid: set[str]
    #: Texts that must appear (by language), and must not.
    texts: dict[str, list[str]] = field(default_factory=dict)
    absent: dict[str, list[str]] = field(default_factory=dict)
    columns: tuple[str, ...] = ("provider", "service", "name", "purpose")


NECESSARY = """\
  - name: sessionid
    provider: Site
    category: necessary
    purpose: Keeps you signed in.
"""

CASES: dict[str, Case] = {
    "only necessary cookies": Case(
        "controller: {name: The Example Project maintainers}\ncookies:\n" + NECESSARY,
        said={
            "intro.exempt",
            "intro.guide-exempt",
            "kinds.lead",
            "kinds.category",
            "kinds.consent-necessary",
            "kinds.first-party",
            "usage.lead-cookies",
            "manage.no-consent",
            "manage.browser",
            "manage.browser-necessary",
            "manage.controller",
        },
        unsaid={
            "intro.mixed",
            "intro.required",
            "intro.guide-consent",
            "kinds.third-party",
            "kinds.statistics-exemption",
            "manage.consent-first",
            "manage.change",
            "manage.granular",
            "manage.refusal",
            "what.other",
            "manage.contact",
            "manage.privacy-policy",
        },
        texts={
            "en": [
                "Blocking or deleting cookies",
                "The data controller for this site and its cookies is The Example Project "
                "maintainers.",
                "The cookie used on this site is listed below.",
            ],
            "fr": [
                "Bloquer ou supprimer les cookies",
                # The name after a colon: nothing agrees with a plural name.
                "Responsable du traitement pour ce site et ses cookies : The Example "
                "Project maintainers.",
            ],
        },
        absent={
            "en": ["accept or refuse", "Statistics", "Third-party", "agreed"],
            "fr": ["accepter ou refuser", "statistiques", "tiers", "accord"],
        },
    ),
    "exempt preferences": Case(
        """\
        cookies:
          - name: lang
            provider: Site
            category: preferences
            purpose: Remembers your language.
            consent: exempt
            exemption:
              en: It only keeps the language you chose
              fr: Il ne garde que la langue choisie
        """,
        said={
            "intro.exempt",
            "kinds.consent-exempt",
            "usage.exemption",
            "manage.no-consent",
            "manage.browser",
        },
        unsaid={
            "kinds.consent-required",
            "manage.consent-first",
            "manage.exempt-at-once",
            "manage.browser-necessary",
            "kinds.consent-necessary",
        },
        texts={
            "en": ["lang is exempt from consent: It only keeps the language you chose."],
            # (white space folded: the no-break space before ":" is a space here)
            "fr": ["lang est exempté de consentement : Il ne garde que la langue choisie."],
        },
        absent={"en": ["only set once you have agreed"], "fr": ["accord donné"]},
    ),
    "exempt first-party statistics": Case(
        """\
        categories:
          statistics: {consent: exempt}
        cookies:
          - name: _pk_id.*
            provider: Site
            category: statistics
            purpose: Counts visits.
            duration: 13 months
            exemption: Audience measurement for the site alone
        """,
        said={
            "kinds.consent-exempt",
            "kinds.statistics-exemption",
            "usage.exemption",
            "kinds.first-party",
            "manage.no-consent",
        },
        unsaid={"kinds.third-party", "usage.third-parties", "manage.consent-first"},
        texts={
            "en": ["Audience measurement can only be exempt from consent when"],
            "fr": ["La mesure d'audience n'est exemptée de consentement que si"],
        },
    ),
    "third-party statistics": Case(
        """\
        providers:
          stats: {name: Stats Co, privacy_policy: "https://stats.example/privacy"}
        cookies:
          - name: _st
            provider: stats
            category: statistics
            purpose: Counts visits.
            party: third
        """,
        said={
            "intro.required",
            "intro.guide-consent",
            "kinds.consent-required",
            "kinds.third-party",
            "usage.third-parties",
            "usage.third-party-policies",
            "manage.consent-first",
            "manage.refusal",
        },
        unsaid={
            "kinds.statistics-exemption",
            "kinds.first-party",
            "manage.exempt-at-once",
            "manage.no-consent",
            "manage.browser-necessary",
            "usage.exemption",
        },
        texts={"en": ["Some of them are set by other organisations: Stats Co."]},
    ),
    "third-party marketing marked exempt": Case(
        """\
        cookies:
          - name: ad
            provider: Ads Co
            category: marketing
            purpose: Shows advertising.
            party: third
            consent: exempt
        """,
        said={"intro.exempt", "kinds.consent-exempt", "manage.no-consent", "kinds.third-party"},
        unsaid={"kinds.consent-required", "manage.consent-first", "usage.third-party-policies"},
        # The charter says what is declared; the lint flags the declaration.
        absent={"en": ["only set once you have agreed", "only ever set with your consent"]},
    ),
    "consent needed without manage_url": Case(
        "consent: {duration: 6 months}\ncookies:\n"
        + NECESSARY
        + "  - {name: theme, provider: Site, category: preferences, purpose: x}\n",
        said={
            "intro.mixed",
            "manage.consent-first",
            "manage.exempt-at-once",
            "manage.refusal",
            "manage.choice-kept",
            "kinds.consent-necessary",
            "kinds.consent-required",
        },
        unsaid={"manage.change", "manage.granular", "manage.no-consent"},
        absent={
            "en": ["cookie settings", "category by category", "each category"],
            "fr": ["gestion des cookies", "catégorie par catégorie", "chaque catégorie"],
        },
    ),
    "consent with manage_url, granular": Case(
        """\
        consent: {manage_url: "#settings", granular: true, duration: session}
        cookies:
          - name: theme
            provider: Site
            category: preferences
            purpose: Remembers the theme.
        """,
        said={"manage.change", "manage.granular", "manage.choice-kept", "intro.required"},
        unsaid={"manage.exempt-at-once"},
        texts={
            "en": [
                "You can accept or refuse each category of cookies on its own.",
                "until you close your browser",
            ],
            "fr": ["séparément", "jusqu'à la fermeture de votre navigateur"],
        },
    ),
    "providers outside the EEA": Case(
        """\
        providers:
          us:
            name: Analytics Co
            country: US
            role: processor
            safeguard: {en: EU-US Data Privacy Framework, fr: Cadre UE-États-Unis}
          ch: {name: Swiss Maps, country: CH, role: controller}
          fr: {name: Hébergeur, country: FR, role: joint-controller}
        cookies:
          - {name: a, provider: us, category: statistics, purpose: x, party: third}
          - {name: b, provider: ch, category: preferences, purpose: x, party: third}
          - {name: c, provider: fr, category: preferences, purpose: x, party: third}
        """,
        said={
            "usage.transfer-safeguard",
            "usage.transfer",
            "usage.role-processor",
            "usage.role-controller",
            "usage.role-joint-controller",
        },
        unsaid=set(),
        texts={
            "en": [
                "Analytics Co is established in United States, outside the European Economic "
                "Area; data sent to it is protected by: EU-US Data Privacy Framework.",
                "Swiss Maps is established in Switzerland, outside the European Economic Area.",
                "Analytics Co acts only on the site's behalf",
            ],
            "fr": ["(États-Unis)", "Cadre UE-États-Unis", "(Suisse)", "sous-traitant"],
        },
        absent={"en": ["Hébergeur is established"], "fr": ["(France)"]},
    ),
    "no controller": Case(
        "cookies:\n" + NECESSARY,
        said={"intro.exempt"},
        unsaid={"manage.controller", "manage.contact", "manage.privacy-policy"},
        absent={"en": ["data controller"], "fr": ["responsable du traitement"]},
    ),
    "controller with contact and privacy policy": Case(
        "controller:\n"
        "  name: Ville d'Anglet\n"
        "  contact: dpo@example.org\n"
        "  privacy_policy: https://example.org/privacy\n"
        "cookies:\n" + NECESSARY,
        said={"manage.controller", "manage.contact", "manage.privacy-policy"},
        unsaid=set(),
        texts={
            "en": ["are set out in the site's privacy policy."],
            "fr": ["sont exposés dans la politique de confidentialité du site."],
        },
    ),
    "local storage only": Case(
        """\
        cookies:
          - {name: theme, provider: S, category: preferences, purpose: x, storage: local-storage}
          - {name: side, provider: S, category: preferences, purpose: y, storage: local-storage}
        """,
        said={"what.other-only", "usage.lead-other"},
        unsaid={"what.other", "usage.lead-cookies", "usage.lead-mixed"},
        texts={
            "en": [
                "This site sets no cookies; the 2 items it stores or reads on your device by "
                "other means are listed below.",
                "it uses the browser's local storage.",
            ],
            "fr": ["les 2 traceurs d'une autre nature"],
        },
        absent={"en": ["The 2 cookies"], "fr": ["Les 2 cookies"]},
    ),
    "some exempt in a category": Case(
        """\
        cookies:
          - {name: a, provider: Site, category: statistics, purpose: x, consent: exempt}
          - {name: b, provider: Site, category: statistics, purpose: x}
          - {name: c, provider: Site, category: statistics, purpose: x, storage: pixel}
        """,
        said={"kinds.consent-mixed", "intro.mixed", "what.other", "usage.lead-mixed"},
        unsaid={"kinds.consent-required", "kinds.consent-exempt"},
        texts={
            "en": ["a is set without asking for your consent; the others only once"],
            "fr": ["a est déposé sans vous demander votre consentement"],
        },
    ),
    "nothing declared": Case(
        "site: Example\ncookies: []\n",
        said={"intro.none", "usage.none"},
        unsaid={"intro.guide-consent", "intro.guide-exempt", "manage.browser", "kinds.lead"},
    ),
    "consent column shown": Case(
        """\
        cookies:
          - name: lang
            provider: Site
            category: preferences
            purpose: x
            consent: exempt
            exemption: Only the language
        """,
        said={"kinds.consent-exempt"},
        unsaid={"usage.exemption"},
        columns=("name", "consent"),
    ),
    "updated and a choice kept as free text": Case(
        """\
        updated: 2026-12-01
        consent: {duration: {en: until you change it, fr: jusqu'à ce que vous le changiez}}
        cookies:
          - {name: theme, provider: Site, category: preferences, purpose: x}
        """,
        said={"updated.date", "manage.choice-kept"},
        unsaid=set(),
        texts={
            "en": ["1 December 2026", "is remembered: until you change it."],
            "fr": ["le 1er décembre 2026", "jusqu'à ce que vous le changiez."],
        },
    ),
    "changes naming their cookies": Case(
        """\
        changes:
          - {date: 2026-12-01, description: {en: Longer., fr: Plus long.}, cookies: [theme, old]}
          - {date: 2026-01-01, description: First version.}
        cookies:
          - {name: theme, provider: Site, category: preferences, purpose: x}
        """,
        said={"changes.cookies"},
        unsaid=set(),
        texts={
            "en": ["Longer. Cookies concerned: theme and old.", "First version."],
            "fr": ["Plus long. Cookies concernés : theme et old."],
        },
    ),
}


def render(case: Case, language: str) -> tuple[Renderer, str]:
    result = parse_declaration(textwrap.dedent(case.yaml), source="case.yaml")
    assert result.ok, [str(d) for d in result.diagnostics]
    assert result.declaration is not None
    renderer = Renderer(result.declaration, RenderOptions(language=language, columns=case.columns))
    text = " ".join(node.astext() for node in renderer.charter())
    return renderer, " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_statements_follow_the_declaration(name: str, language: str) -> None:
    case = CASES[name]
    renderer, text = render(case, language)
    said = set(renderer.said)
    assert case.said <= said, f"missing: {sorted(case.said - said)}"
    assert not case.unsaid & said, f"said without support: {sorted(case.unsaid & said)}"
    for expected in case.texts.get(language, []):
        assert expected in text
    for unsupported in case.absent.get(language, []):
        assert unsupported not in text


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_same_statements_in_every_language(name: str) -> None:
    said = {language: render(CASES[name], language)[0].said for language in LANGUAGES}
    assert said["fr"] == said["en"]


_PLACEHOLDER = re.compile(r"\{\w+\}")


@pytest.mark.parametrize("name", sorted(CASES))
def test_french_charters_hold_no_english_sentence(name: str) -> None:
    """Each statement's French wording is used: no English template survives."""
    _, text = render(CASES[name], "fr")
    english = wording("en")
    for statement in STATEMENTS:
        for piece in _PLACEHOLDER.split(statement.says(english)):
            if len(piece.split()) >= 4:
                assert piece.strip() not in text


def test_every_statement_is_said_by_some_case() -> None:
    said = {statement for case in CASES.values() for statement in render(case, "en")[0].said}
    assert said == set(BY_ID)


def test_every_statement_rests_on_a_source_or_says_it_is_good_practice() -> None:
    """A statement with no legal source says so where the docs table shows it."""
    for statement in STATEMENTS:
        if not statement.sources:
            assert "good practice" in statement.when, statement.id
        for source in statement.sources:
            assert re.search(r"\b(art|reg|section|sections|point|para|paras)\b", source), (
                f"{statement.id}: {source} names no place in the text"
            )


@pytest.mark.parametrize(
    ("statement_id", "expected"),
    [
        # Issue #10: the three statements that had no legal source.
        ("kinds.lead", "Planet49 (2019), operative part, point 2"),
        ("usage.none", "EDPB Guidelines 2/2023"),
        # The information owed before consent is in the guidelines (2020-091), art. 2.
        ("manage.controller", "CNIL délib. 2020-091 (guidelines), art. 2"),
        ("manage.change", "CNIL délib. 2020-091 (guidelines), art. 2"),
        ("usage.third-parties", "CNIL délib. 2020-091 (guidelines), art. 2"),
        # The 6-month choice: the recommendation's art. 2, as good practice.
        ("manage.choice-kept", "CNIL délib. 2020-092 (recommendation), art. 2 (6 months: good"),
    ],
)
def test_a_statement_cites_its_source_by_article(statement_id: str, expected: str) -> None:
    """The sources the docs' table shows for a statement name their article or point."""
    assert any(expected in source for source in BY_ID[statement_id].sources), BY_ID[
        statement_id
    ].sources


def test_statement_ids_are_unique_and_name_their_section() -> None:
    assert len(BY_ID) == len(STATEMENTS)
    sections = {"intro", "what", "kinds", "usage", "manage", "updated", "changes"}
    assert {statement.section for statement in STATEMENTS} == sections


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sentence_before_the_tables_names_no_column(language: str) -> None:
    """The tables' columns depend on :columns:, so the lead names none of them."""
    renderer, _ = render(CASES["third-party statistics"], language)
    usage = next(
        node for node in renderer.charter() if "cookiecharter-section-usage" in node["classes"]
    )
    lead = usage[1].astext()
    assert lead == wording(language).usage_lead(1, "cookies", has_site=False)
    for column in ("provider", "service", "name", "purpose"):
        assert wording(language).column_header(column).lower() not in lead.lower()


def test_a_site_without_tables_shown_lists_nothing() -> None:
    result = parse_declaration("cookies:\n" + NECESSARY, source="d.yaml")
    assert result.declaration is not None
    options = RenderOptions(categories=("marketing",))
    renderer = Renderer(result.declaration, options)
    renderer.charter()
    assert "usage.none" in renderer.said
    assert "intro.exempt" in renderer.said  # the intro still speaks of the whole site


def test_nodes_are_plain_docutils() -> None:
    renderer, _ = render(CASES["providers outside the EEA"], "en")
    for node in renderer.charter():
        for child in node.findall():
            assert type(child).__module__.startswith("docutils.nodes"), type(child)
    assert isinstance(renderer.charter()[0], nodes.section)


def test_a_site_name_that_starts_a_sentence_gets_a_capital() -> None:
    case = Case("site: the Example handbook\ncookies:\n" + NECESSARY, said=set(), unsaid=set())
    _, text = render(case, "en")
    assert "The Example handbook stores some information on your device" in text
    assert "Cookies set on the Example handbook and their purposes" in text
    url = Case("site: https://example.org\ncookies:\n" + NECESSARY, said=set(), unsaid=set())
    assert "https://example.org stores some information" in render(url, "en")[1]


def test_local_storage_is_not_described_as_sent_back() -> None:
    renderer, _ = render(CASES["local storage only"], "en")
    assert "kinds.first-party" not in renderer.said
    third = Case(
        "cookies:\n  - {name: k, provider: P, category: marketing, purpose: x, party: third,"
        " storage: local-storage}\n",
        said=set(),
        unsaid={"kinds.third-party"},
    )
    assert "kinds.third-party" not in render(third, "en")[0].said
